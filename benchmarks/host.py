"""A local static host that behaves as a real one for benchmarks: the site's ``_headers`` and gzip.

- **Headers:** the rules of the built site's ``_headers`` file (Netlify/Cloudflare Pages syntax, ``*``
  matches anything), so the runtime folders are cached for a year and ``sw.js`` is revalidated.
- **gzip**, as static hosts do it: text types, JavaScript (``.mjs`` too), JSON, SVG and WebAssembly
  are sent gzip-compressed when the request's ``Accept-Encoding`` allows it, with ``Content-Encoding``
  and ``Vary: Accept-Encoding``. ZIP archives are sent as they are: Netlify, Cloudflare, GitHub Pages
  and nginx's usual ``gzip_types`` leave ``application/zip`` alone (its entries are deflated already).
- **Bytes sent** (status line, headers and body, as on the wire) are counted, so a benchmark can
  tell what a visit cost and when the network went quiet.
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import http.server
import io
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from generator.hosting.headers import HEADERS_URI, Rule, parse_headers
from tests.serve import _Handler

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/manifest+json",
                    "application/wasm", "application/xml", "image/svg+xml")  # fmt: skip
NOT_COMPRESSED = "application/zip: sent as stored (hosts do not gzip archives)"
GZIP_LEVEL = 6  # nginx's and most CDNs' dynamic level is lower than 9; 6 is zlib's default


@dataclass
class Traffic:
    """What the host has sent, and when it last did anything (for 'the network is idle')."""

    sent: int = 0
    open: int = 0
    paths: list[str] = field(default_factory=list)
    last: float = field(default_factory=time.monotonic)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def quiet_for(self) -> float:
        with self.lock:
            return 0.0 if self.open else time.monotonic() - self.last


class _Counted(io.RawIOBase):
    def __init__(self, raw: BinaryIO, traffic: Traffic) -> None:
        self._raw, self._traffic = raw, traffic

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self._raw.write(data)
        with self._traffic.lock:
            self._traffic.sent += len(data)
            self._traffic.last = time.monotonic()
        return len(data)


def matches(pattern: str, path: str) -> bool:
    """Whether a ``_headers`` pattern matches a path: ``*`` stands for anything, ``/`` included."""
    head, *rest = pattern.split("*")
    if not rest:
        return path == head
    if not path.startswith(head):
        return False
    at = len(head)
    for part in rest[:-1]:
        found = path.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return path.endswith(rest[-1]) and len(path) - len(rest[-1]) >= at


class HostHandler(_Handler):
    """The tests' static server (MIME types, quiet logs), plus the site's _headers, gzip and a byte count."""

    rules: list[Rule] = []
    traffic: Traffic = Traffic()

    def setup(self) -> None:
        super().setup()
        self.wfile = _Counted(self.wfile, self.traffic)  # type: ignore[assignment]

    def handle_one_request(self) -> None:
        with self.traffic.lock:
            self.traffic.open += 1
        try:
            super().handle_one_request()
        finally:
            with self.traffic.lock:
                self.traffic.open -= 1
                self.traffic.last = time.monotonic()

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0]
        self.traffic.paths.append(path)
        for rule in self.rules:
            if matches(rule.pattern, path):
                for name, value in rule.headers:
                    if name.lower() != "content-type":  # the handler's own type, already sent
                        self.send_header(name, value)
        super().end_headers()

    def send_head(self) -> BinaryIO | None:  # type: ignore[override]
        target = Path(self.translate_path(self.path))
        if target.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            target = target / "index.html"
        kind = self.guess_type(str(target))
        if not target.is_file() or not kind.startswith(COMPRESSED_TYPES):
            return super().send_head()
        mtime = int(target.stat().st_mtime)
        since = self.headers.get("If-Modified-Since")
        if since and (parsed := email.utils.parsedate_to_datetime(since)) and parsed.timestamp() >= mtime:
            self.send_response(304)
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return None
        body = target.read_bytes()
        zipped = "gzip" in self.headers.get("Accept-Encoding", "")
        if zipped:
            body = _gzipped(str(target), mtime)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(mtime))
        self.send_header("Vary", "Accept-Encoding")
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        return io.BytesIO(body)  # type: ignore[return-value]


@functools.lru_cache(maxsize=256)
def _gzipped(path: str, mtime: int) -> bytes:
    """Compressed once per file version, as a CDN's cache would (the benchmark times the browser)."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)


def serve_host(site: Path) -> tuple[str, Traffic]:
    """Serve ``site`` as a real host would on a free loopback port; returns its URL and its traffic."""
    traffic = Traffic()
    rules = parse_headers((site / HEADERS_URI).read_text(encoding="utf-8"))
    handler = type("SiteHandler", (HostHandler,), {"rules": rules, "traffic": traffic})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", traffic
