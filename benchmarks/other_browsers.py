"""How long until the reader sees a verdict on /score/ in Firefox ESR and WebKitGTK, beside Chromium.

Builds the site and serves it locally (as benchmarks/widget.py does), then measures navigation
start → the widget's ``og:first-verdict`` mark on a cold first visit: Chromium through Playwright,
Firefox ESR and WebKitGTK through tests/browsers/drivers.py (a new browser for every run). Runs are
interleaved so that drift on the machine hits every browser alike; ratios are to Chromium's median
in the same run.

Target (issue 9): WebKit cold ≤ 2.5 × Chromium's cold.

    .venv/bin/python benchmarks/other_browsers.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.browsers.drivers

from benchmarks.widget import ARGS, CHROMIUM, FIRST_VERDICT, build, serve, timed
from tests.browsers.drivers import firefox_first_verdict, webkit_first_verdict, xvfb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, xvfb() as display, sync_playwright() as p:
        url = f"{serve(build(Path(tmp)))}/score/"
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        measures: dict[str, Callable[[], float]] = {
            "Chromium": lambda: timed(chromium, url, FIRST_VERDICT, "og:first-verdict", warm=False),
            "Firefox ESR": lambda: firefox_first_verdict(url),
            "WebKitGTK": lambda: webkit_first_verdict(url, display),
        }
        times: dict[str, list[float]] = {name: [] for name in measures}
        failed: dict[str, list[str]] = {name: [] for name in measures}
        for _ in range(args.runs):
            for name, measure in measures.items():
                try:
                    times[name].append(measure())
                except RuntimeError as error:  # the widget's own start-up timeout passed: say so, go on
                    failed[name].append(str(error))
        chromium.close()
    medians = {name: statistics.median(runs) if runs else float("nan") for name, runs in times.items()}
    print(f"navigation → first verdict on /score/, cold, median of {args.runs} (ms)")
    print(f"{'browser':<12} {'median':>8} {'vs Chromium':>12}   runs")
    for name, median in medians.items():
        runs = ", ".join([f"{t:.0f}" for t in times[name]] + ["gave up"] * len(failed[name]))
        print(f"{name:<12} {median:>8.0f} {median / medians['Chromium']:>12.2f}   {runs}")
    for name, errors in failed.items():
        for error in errors:
            print(f"{name}: {error}")
    print("target: WebKitGTK ≤ 2.5 × Chromium")
    return 0


if __name__ == "__main__":
    sys.exit(main())
