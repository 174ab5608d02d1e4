"""Benchmark: Lighthouse (npm `lighthouse`, mobile preset) on a fresh build of the guide.

Builds the site, serves it on 127.0.0.1 the way a static host would (the site's own `_headers`,
gzip for text), and runs Lighthouse in Debian's Chromium on four pages: the home page, a content
page, the scoring widget and a checklist. Prints the median of the runs for each of the four
categories, whether it meets its target, and the audits that cost points in the median run.

Targets: accessibility 100, best practices 100, SEO at least 95, performance at least 95 on
content pages and at least 90 on /score/ (it boots Pyodide, about 13 MB, once per visit).

    .venv/bin/python benchmarks/lighthouse.py [--runs 3] [--pages / /scripts/]

Not a test: Lighthouse's simulated mobile throttling makes the performance score vary a few
points from run to run, and a run takes about 15 s per page.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import mimetypes
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.host import matches  # noqa: E402
from generator.hosting.headers import Rule, parse_headers  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("/", "/scripts/", "/score/", "/checklists/decision/")
TEXT = ("text/", "application/javascript", "application/json", "image/svg+xml")


def target(category: str, page: str) -> int:
    if category == "performance":
        return 90 if page == "/score/" else 95
    return 95 if category == "seo" else 100


class HostLike(http.server.BaseHTTPRequestHandler):
    """A static host in miniature: files with the headers the site's _headers gives them, and gzip
    for text, as Netlify or Cloudflare Pages would send them."""

    site: Path
    rules: list[Rule]

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        file = (self.site / path.lstrip("/")).resolve()
        if file.is_dir() and not path.endswith("/"):
            self.send_response(301)
            self.send_header("Location", path + "/")
            self.end_headers()
            return
        if file.is_dir():
            file = file / "index.html"
        status = 200
        if not file.is_file() or not file.is_relative_to(self.site):
            status, file = 404, self.site / "404.html"
        body = file.read_bytes()
        headers = {name: value for rule in self.rules if matches(rule.pattern, path) for name, value in rule.headers}
        headers.setdefault("Content-Type", mimetypes.guess_type(file.name)[0] or "application/octet-stream")
        if headers["Content-Type"].startswith(TEXT):
            headers["Vary"] = "Accept-Encoding"
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body, headers["Content-Encoding"] = gzip.compress(body, 6), "gzip"
        headers["Content-Length"] = str(len(body))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    rules = parse_headers((site / "_headers").read_text(encoding="utf-8"))
    handler = type("Handler", (HostLike,), {"site": site.resolve(), "rules": rules})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def lighthouse(url: str) -> dict[str, Any]:
    done = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout)


def scores(report: dict[str, Any]) -> dict[str, int]:
    return {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}


def losses(report: dict[str, Any]) -> list[str]:
    """The audits that cost points, with what Lighthouse says about them."""
    found = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                found.append(f"{category}: {ref['id']} {audit['score']:.2f} {audit.get('displayValue') or ''}".rstrip())
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="+", default=list(PAGES))
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("npm lighthouse is missing: run `npm ci` (or `make setup`) first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "generator.cli", "build", "-d", str(site)], cwd=ROOT, check=True, capture_output=True)
        server, url = serve(site)
        version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
        print(f"Lighthouse {version}, mobile preset, {CHROME}; median of {args.runs} runs per page")
        print(f"{'page':24}" + "".join(f"{c:>16}" for c in CATEGORIES))
        missed = 0
        for page in args.pages:
            reports = [lighthouse(url + page) for _ in range(args.runs)]
            runs = [scores(r) for r in reports]
            median = {c: statistics.median(r[c] for r in runs) for c in CATEGORIES}
            cells = []
            for c in CATEGORIES:
                ok = median[c] >= target(c, page)
                missed += not ok
                cells.append(f"{median[c]:>8g} {'ok' if ok else f'<{target(c, page)}':>4}  ")
            print(f"{page:24}" + "".join(f"{cell:>16}" for cell in cells))
            middle = sorted(reports, key=lambda r: scores(r)["performance"])[len(reports) // 2]
            for line in losses(middle):
                print(f"{'':26}{line}")
        server.shutdown()
    print("all targets met" if not missed else f"{missed} targets missed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
