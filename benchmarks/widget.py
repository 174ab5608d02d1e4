"""How long until the reader sees a verdict on /score/, against a bare Pyodide boot.

Builds the site, serves it locally and drives Debian's Chromium through Playwright:

- **widget**: navigation start → the widget's first rendered verdict (the ``og:first-verdict``
  performance mark), with a cold cache (a new browser context per run) and a warm one (a reload);
- **bare**: the same runtime files, a page written into a temp copy of the site that only boots
  Pyodide in the same kind of module worker and makes one Python call;
- **recompute**: after the engine is up, input event → result rendered, over many score changes.

Targets (issue 4): widget ≤ 1.15 × bare, median recompute < 50 ms.

    .venv/bin/python benchmarks/widget.py [--runs 7]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip

BARE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-eval'">
<title>bare Pyodide boot</title>
<script type="module" src="bare.mjs"></script></head><body><p id="out">booting</p></body></html>
"""
BARE_MODULE = """import { PYODIDE } from "../assets/widgets/engine-assets.mjs";
const worker = new Worker(new URL("bare-worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = ({ data }) => {
  performance.mark("bare:python-answered");
  document.getElementById("out").textContent = data;
};
worker.postMessage(PYODIDE);
"""
BARE_WORKER = """self.onmessage = async ({ data: indexURL }) => {
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const py = await loadPyodide({ indexURL });
  self.postMessage(String(py.runPython("1 + 1")));
};
"""
FIRST_VERDICT = "performance.getEntriesByName('og:first-verdict').length > 0"
BARE_DONE = "performance.getEntriesByName('bare:python-answered').length > 0"


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".zip": "application/zip"}  # fmt: skip

    def log_message(self, *args: object) -> None:
        pass


def build(into: Path) -> Path:
    site = into / "site"
    subprocess.run([sys.executable, "-m", "generator.cli", "build", "-d", str(site)], cwd=ROOT, check=True, capture_output=True)
    bare = site / "bench"
    bare.mkdir()
    (bare / "index.html").write_text(BARE_PAGE, encoding="utf-8")
    (bare / "bare.mjs").write_text(BARE_MODULE, encoding="utf-8")
    (bare / "bare-worker.mjs").write_text(BARE_WORKER, encoding="utf-8")
    return site


def serve(site: Path) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def timed(browser: Browser, url: str, done: str, mark: str, warm: bool) -> float:
    """Milliseconds from navigation start to `mark`; warm runs reload in the same context first."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(done, timeout=120_000)
    if warm:
        page.reload()
        page.wait_for_function(done, timeout=120_000)
    took = page.evaluate(f"performance.getEntriesByName({json.dumps(mark)})[0].startTime")
    context.close()
    return float(took)


def recompute(browser: Browser, url: str, changes: int) -> list[float]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(FIRST_VERDICT, timeout=120_000)
    page.evaluate("""() => { window.__latencies = [];
        document.querySelector('[data-og-score]').addEventListener('og:rendered', e => window.__latencies.push(e.detail.latency)); }""")
    score = page.locator("input[name='offers.0.scores.compensation']")
    for at in range(changes):
        score.fill(str(at % 11))
        page.wait_for_function(f"window.__latencies.length >= {at + 1}")
    latencies = page.evaluate("window.__latencies")
    context.close()
    return [float(x) for x in latencies]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--changes", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = serve(build(Path(tmp)))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            rows = {}
            for cache in ("cold", "warm"):
                widget, bare = [], []
                for _ in range(args.runs):  # interleaved, so drift on the machine hits both alike
                    widget.append(timed(browser, f"{url}/score/", FIRST_VERDICT, "og:first-verdict", cache == "warm"))
                    bare.append(timed(browser, f"{url}/bench/", BARE_DONE, "bare:python-answered", cache == "warm"))
                rows[cache] = (statistics.median(widget), statistics.median(bare))
            latencies = recompute(browser, f"{url}/score/", args.changes)
            browser.close()
    print(f"navigation → first verdict, median of {args.runs} (ms)")
    print(f"{'cache':<6} {'widget':>8} {'bare boot':>10} {'ratio':>7}   target ≤ 1.15")
    for cache, (widget_ms, bare_ms) in rows.items():
        print(f"{cache:<6} {widget_ms:>8.0f} {bare_ms:>10.0f} {widget_ms / bare_ms:>7.2f}")
    median = statistics.median(latencies)
    print(f"recompute after an input change: median {median:.1f} ms, max {max(latencies):.1f} ms "
          f"over {len(latencies)} changes   target < 50 ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
