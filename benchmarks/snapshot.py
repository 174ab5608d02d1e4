"""What the in-browser memory snapshot costs a first visit and saves a second one, on /score/.

Times navigation start → the widget's first verdict (``og:first-verdict``) in Debian's Chromium,
each variant in a fresh browser context, interleaved, median of ``--runs``:

- **plain**: the stock runtime (the manifest's LEAN set to null);
- **lean, no snapshot**: the lean runtime, with no snapshot made (RUNTIME_KEY set to null);
- **lean, makes snapshot**: the lean runtime as shipped: it boots with ``_makeSnapshot`` and takes
  the snapshot before answering (compression and storage come after the verdict; timed apart);
- **from snapshot**: a second visit in the same context, which boots from that snapshot.

The lean runtime is the site's own, or the tests' stand-in when the site has none yet
(tests/browser/lean_runtime.py). Ratios are against "lean, no snapshot" of the same run.

    .venv/bin/python benchmarks/snapshot.py [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.widget import ARGS, CHROMIUM, FIRST_VERDICT, build, serve
from tests.browser.lean_runtime import MANIFEST, lean_for

STORED = "performance.getEntriesByName('og:snapshot-stored').length > 0"


def with_export(manifest: str, name: str, value: str) -> str:
    return re.sub(rf"^export const {name} =.*?;$", "", manifest, flags=re.MULTILINE | re.DOTALL) + f"export const {name} = {value};\n"


def first_verdict(context: BrowserContext, url: str) -> float:
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(FIRST_VERDICT, timeout=120_000)
    took = float(page.evaluate("performance.getEntriesByName('og:first-verdict')[0].startTime"))
    page.close()
    return took


def variant(browser: Browser, site_url: str, manifest: str, lean_url: str, zip_bytes: bytes, second: bool) -> tuple[float, float]:
    """(first verdict ms, snapshot stored ms after navigation or 0); `second` times a second visit."""
    context = browser.new_context()
    context.route(f"**/{MANIFEST}", lambda route: route.fulfill(body=manifest, content_type="text/javascript"))
    context.route(lean_url, lambda route: route.fulfill(body=zip_bytes, content_type="application/zip"))
    page = context.new_page()
    page.goto(f"{site_url}/score/")
    page.wait_for_function(FIRST_VERDICT, timeout=120_000)
    took = float(page.evaluate("performance.getEntriesByName('og:first-verdict')[0].startTime"))
    stored = 0.0
    if "RUNTIME_KEY = null" not in manifest and "LEAN = null" not in manifest:
        page.wait_for_function(STORED, timeout=120_000)
        stored = float(page.evaluate("performance.getEntriesByName('og:snapshot-stored')[0].startTime"))
    if second:
        took = first_verdict(context, f"{site_url}/score/")
    context.close()
    return took, stored


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = build(Path(tmp))
        url = serve(site)
        lean = lean_for(site, url)
        shipped = lean.manifest or (site / MANIFEST).read_text(encoding="utf-8")
        manifests = {
            "plain": (with_export(shipped, "LEAN", "null"), False),
            "lean, no snapshot": (with_export(shipped, "RUNTIME_KEY", "null"), False),
            "lean, makes snapshot": (shipped, False),
            "from snapshot": (shipped, True),
        }
        times: dict[str, list[float]] = {name: [] for name in manifests}
        stores: list[float] = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for _ in range(args.runs):  # interleaved, so drift on the machine hits every variant alike
                for name, (manifest, second) in manifests.items():
                    took, stored = variant(browser, url, manifest, lean.url, lean.zip_bytes, second)
                    times[name].append(took)
                    if name == "lean, makes snapshot":
                        stores.append(stored - took)
            browser.close()
    base = statistics.median(times["lean, no snapshot"])
    print(f"navigation → first verdict on /score/, median of {args.runs} (ms); lean zip: {'site' if lean.manifest is None else 'test stand-in'}")
    for name, values in times.items():
        print(f"{name:<22} {statistics.median(values):>8.0f}   ×{statistics.median(values) / base:.2f}")
    print(f"snapshot compressed and stored, after the first verdict: median {statistics.median(stores):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
