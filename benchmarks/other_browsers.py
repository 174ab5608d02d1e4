"""How long until the reader sees a verdict on /score/ in Firefox ESR and WebKitGTK, beside Chromium.

Builds the site and serves it locally (as benchmarks/widget.py does), then measures navigation
start → the widget's ``og:first-verdict`` mark on a cold first visit: Chromium through Playwright,
Firefox ESR and WebKitGTK through tests/browsers/drivers.py (a new browser for every run). Runs are
interleaved so that drift on the machine hits every browser alike; ratios are to Chromium's median
in the same run.

Target (issue 9): WebKit cold ≤ 2.5 × Chromium's cold.

``--no-omg`` adds WebKitGTK with JavaScriptCore's optimizing WebAssembly tier off
(``JSC_useOMGJIT=0``), a diagnostic: on two cores, that tier's background compiles compete with
Python's start, and they are most of WebKit's swing from run to run (see WEBKIT_NO_OMG in
benchmarks/widget.py).

    .venv/bin/python benchmarks/other_browsers.py [--runs 3] [--no-omg]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.browsers.drivers

from benchmarks.steal import StealMeter, per_run
from benchmarks.widget import ARGS, CHROMIUM, WEBKIT_NO_OMG, build, other_browsers, serve
from tests.browsers.drivers import xvfb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-omg", action="store_true", help=f"also {WEBKIT_NO_OMG} (JSC_useOMGJIT=0), a diagnostic")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, xvfb() as display, sync_playwright() as p:
        url = f"{serve(build(Path(tmp)))}/score/"
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        stolen = StealMeter()
        got = other_browsers(chromium, url, args.runs, display, no_omg=args.no_omg)
        chromium.close()
    times, failed = got.times, got.failed
    medians = {name: statistics.median(runs) if runs else float("nan") for name, runs in times.items()}
    print(f"navigation → first verdict on /score/, cold, median of {args.runs} (ms)")
    print(f"{'browser':<18} {'median':>8} {'vs Chromium':>12}   runs")
    for name, median in medians.items():
        runs = ", ".join([f"{t:.0f}" for t in times[name]] + ["gave up"] * len(failed[name]))
        print(f"{name:<18} {median:>8.0f} {median / medians['Chromium']:>12.2f}   {runs}{per_run(got.stolen[name])}")
    for name, errors in failed.items():
        for error in errors:
            print(f"{name}: {error}")
    print("target: WebKitGTK ≤ 2.5 × Chromium")
    if note := stolen.describe("these runs"):
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
