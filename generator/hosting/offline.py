"""The site's service worker: ``sw.js`` in the site root, written from the built files after the build.

``generator.hosting.offline`` reads only the built site folder, so it needs no MkDocs. The script
is the package's ``service_worker/sw.js`` behind one generated line, ``const BUILD = {...}``:

- ``version``: a hash of every built file, so a new build has a new cache name and a new script
  (browsers install a changed ``sw.js`` on their own);
- ``precache``: what the first visit keeps for offline use (pages, 404, CSS, JS, search index,
  images), each with its SRI hash, so a file from another build is refused, never cached;
- ``runtime``: the Pyodide runtime and the engine files, cached only once /score/ has used them:
  a content page must never cost a reader the runtime's megabytes;
- ``packed``: the runtime's packed twins (``X.zst`` or ``X.zz`` beside ``X``, generator/site/packed.py),
  with the plain file and its type: the worker keeps a twin's decoded bytes under the plain file's
  name, checked against the plain file's SRI hash, and never the twin itself;
- ``decoder``: the zstd decoder the worker imports to do so (a zlib twin needs none: the browser decodes it).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from generator.site.packed import ZLIB, ZSTD

SW_URI = "sw.js"
NOT_FOUND_URI = "404.html"
CACHE_PREFIX = "offer-guide-site-"
"""Caches are named CACHE_PREFIX + version; the worker deletes only other caches with this prefix."""
_TEMPLATE = ("offer_widget", "service_worker", "sw.js")
DECODER_URI = "assets/widgets/fzstd.js"
PACKED_SUFFIXES = (ZSTD, ZLIB)
_PLAIN_TYPES = {".wasm": "application/wasm", ".zip": "application/zip"}
"""What a kept, decoded twin is served as: the types the engine worker and Pyodide expect."""

# Built files a reader never needs offline: host and crawler files, source maps, compressed twins.
_NOT_FOR_READERS = frozenset({SW_URI, "_headers", "robots.txt"})
_NOT_FOR_READERS_SUFFIXES = (".map", ".gz")
# Material's search loads these language packs only for languages other than English.
_SEARCH_LANGUAGES = "assets/javascripts/lunr/"
_SEARCH_INDEX = "search/search_index.json"


@dataclass(frozen=True)
class Offline:
    """What the service worker of one build keeps: site-relative URIs with their SRI hashes."""

    version: str
    precache: tuple[tuple[str, str], ...]
    runtime: tuple[tuple[str, str], ...]
    packed: tuple[tuple[str, str, str], ...] = ()
    """(twin, plain file, the plain file's type) for each runtime file that has a packed twin."""


def sri(payload: bytes) -> str:
    return sri_of(hashlib.sha256(payload).digest())


def sri_of(sha256: bytes) -> str:
    """The SRI form of a sha256 digest."""
    return "sha256-" + base64.b64encode(sha256).decode("ascii")


def page_uri(path: str) -> str:
    """The address a reader uses: ``faq/index.html`` is served as ``faq/``."""
    if path == "index.html":
        return ""
    return path.removesuffix("index.html") if path.endswith("/index.html") else path


def _english_only(site: Path) -> bool:
    try:
        languages = json.loads((site / _SEARCH_INDEX).read_text(encoding="utf-8"))["config"]["lang"]
    except (OSError, ValueError, KeyError):
        return True  # no search index: no search, so no language packs either
    return list(languages) == ["en"]


def offline_files(site: Path, runtime_prefixes: Iterable[str], known: Mapping[str, str] | None = None) -> Offline:
    """Sort a built site's files into what is precached and what waits for /score/.

    ``known`` maps site paths to SRI hashes the caller already has (the runtime files, copied
    unchanged from sources whose digests the build keeps), so their megabytes are not read again."""
    known = known or {}
    prefixes = tuple(p.strip("/") + "/" for p in runtime_prefixes)
    skip_search_packs = _english_only(site)
    version = hashlib.sha256()
    precache: list[tuple[str, str]] = []
    runtime: list[tuple[str, str]] = []
    twins: list[str] = []
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        path = file.relative_to(site).as_posix()
        if path == SW_URI:
            continue
        digest = known.get(path) or sri(file.read_bytes())
        # The version hashes each file's digest, not its bytes again: each file is read and hashed once.
        version.update(f"{path}\0{digest}\0".encode())
        if path.startswith(prefixes):
            if path.endswith(PACKED_SUFFIXES):
                twins.append(path)
            else:
                runtime.append((path, digest))
        elif path in _NOT_FOR_READERS or path.endswith(_NOT_FOR_READERS_SUFFIXES) or (skip_search_packs and path.startswith(_SEARCH_LANGUAGES)):
            continue
        else:
            precache.append((page_uri(path), digest))
    plain = dict(runtime)
    packed = []
    for twin in twins:
        path = twin.rsplit(".", 1)[0]
        kind = _PLAIN_TYPES.get(Path(path).suffix)
        if path in plain and kind:  # else a stray file: kept by nobody, as a twin with no plain file is useless
            packed.append((twin, path, kind))
    return Offline(version.hexdigest()[:16], tuple(precache), tuple(runtime), tuple(packed))


def service_worker(offline: Offline) -> str:
    """The script: the build's file lists, then the worker's code from the offer_widget package."""
    build = {
        "version": offline.version,
        "cachePrefix": CACHE_PREFIX,
        "precache": offline.precache,
        "runtime": offline.runtime,
        "packed": offline.packed,
        "decoder": DECODER_URI,
        "notFound": NOT_FOUND_URI,
    }
    code = resources.files(_TEMPLATE[0]).joinpath(*_TEMPLATE[1:]).read_text(encoding="utf-8")
    header = "// Generated by generator/hosting/offline.py from the built site. Do not edit.\n"
    return f"{header}const BUILD = {json.dumps(build, separators=(',', ':'))};\n{code}"


def write_service_worker(site_dir: str | Path, runtime_prefixes: Iterable[str], known: Mapping[str, str] | None = None) -> Offline:
    """Write ``sw.js`` into a built site; call it last, once every other file is written."""
    offline = offline_files(Path(site_dir), runtime_prefixes, known)
    Path(site_dir, SW_URI).write_text(service_worker(offline), encoding="utf-8")
    return offline


def write_retiring_worker(site_dir: str | Path) -> None:
    """For ``mkdocs serve``: a worker with no fetch handler that takes over from any earlier one and
    deletes its copies, so an author always sees the page just edited, from the network."""
    Path(site_dir, SW_URI).write_text(RETIRING, encoding="utf-8")


RETIRING = f"""// Written by `offer-guide serve` (generator/hosting/offline.py): no offline copy while editing.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil((async () => {{
  for (const name of await caches.keys()) if (name.startsWith("{CACHE_PREFIX}")) await caches.delete(name);
  await self.clients.claim();
}})()));
"""
