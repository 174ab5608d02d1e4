"""Second visits with the service worker against the browser's HTTP cache alone, and offline.

Builds the site, serves it with the Cache-Control of its ``_headers`` (a year of ``immutable`` for
the runtime folders, as a real host sends), and drives Debian's Chromium through Playwright. Each
run is a new browser context: a first visit, then a second visit in a new tab of the same context,
once with service workers allowed and once with them blocked (the baseline, measured in the same run):

- **home**: navigation start → ``load`` of the home page;
- **score**: navigation start → the widget's first verdict (``og:first-verdict``) on /score/;
- **offline score**: the same second visit with the network off (service worker only; without it
  nothing loads).

    .venv/bin/python benchmarks/offline.py [--runs 5]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.widget import ARGS, CHROMIUM, FIRST_VERDICT, Handler, build
from generator.hosting.headers import IMMUTABLE, IMMUTABLE_PREFIXES

WARMED = """(async () => { for (const name of await caches.keys()) {
  if ((await (await caches.open(name)).keys()).some(r => r.url.endsWith('.wasm'))) return true; } return false; })()"""


class CachingHandler(Handler):
    def end_headers(self) -> None:
        if self.path.startswith(IMMUTABLE_PREFIXES):
            self.send_header("Cache-Control", IMMUTABLE)
        super().end_headers()


def serve(site: Path) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CachingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def poll(page: Page, expression: str) -> None:
    for _ in range(600):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise TimeoutError(expression)


def first_visit(context: BrowserContext, url: str, worker: bool) -> None:
    page = context.new_page()
    page.goto(f"{url}/score/")
    page.wait_for_function(FIRST_VERDICT, timeout=120_000)
    if worker:
        poll(page, "(async () => !!navigator.serviceWorker.controller)()")
        poll(page, WARMED)
    page.close()


def second_visit(context: BrowserContext, address: str) -> float:
    page = context.new_page()
    page.goto(address)
    if address.endswith("/score/"):
        page.wait_for_function(FIRST_VERDICT, timeout=120_000)
        took = page.evaluate("performance.getEntriesByName('og:first-verdict')[0].startTime")
    else:
        page.wait_for_load_state("load")
        took = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    page.close()
    return float(took)


def run(browser: Browser, url: str, worker: bool) -> dict[str, float]:
    context = browser.new_context(service_workers="allow" if worker else "block")
    first_visit(context, url, worker)
    times = {"home": second_visit(context, f"{url}/"), "score": second_visit(context, f"{url}/score/")}
    if worker:
        context.set_offline(True)
        times["offline score"] = second_visit(context, f"{url}/score/")
    context.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = serve(build(Path(tmp)))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            samples: dict[tuple[str, bool], list[float]] = {}
            for _ in range(args.runs):  # interleaved, so drift on the machine hits both alike
                for worker in (True, False):
                    for name, took in run(browser, url, worker).items():
                        samples.setdefault((name, worker), []).append(took)
            browser.close()
    print(f"second visit, median of {args.runs} (ms): service worker vs the HTTP cache alone")
    print(f"{'page':<14} {'worker':>8} {'HTTP cache':>11} {'ratio':>7}")
    for name in ("home", "score"):
        with_sw, without = (statistics.median(samples[(name, w)]) for w in (True, False))
        print(f"{name:<14} {with_sw:>8.0f} {without:>11.0f} {with_sw / without:>7.2f}")
    print(f"{'offline score':<14} {statistics.median(samples[('offline score', True)]):>8.0f} {'(fails)':>11}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
