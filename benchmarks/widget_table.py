"""The table benchmarks/widget.py prints: each figure of issue 9 beside its target, and whether it is met."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from benchmarks.host import GZIP_LEVEL, NOT_COMPRESSED
from benchmarks.steal import per_run
from benchmarks.throttle import Profile

STOCK_FILES = ("python_stdlib.zip", "pyodide-lock.json", "pyodide.asm.wasm")


@dataclass
class Visit:
    cold: float
    warm: float
    verdict_bytes: int
    """CDP encodedDataLength (body + headers) of every request finished by the first verdict."""
    host_verdict_bytes: int
    """What the host sent from navigation to the first verdict: a check on the CDP figure."""
    idle_bytes: int
    """What the host sent from navigation until the network went idle."""
    largest: dict[str, int]
    """CDP bytes by file name, for the requests finished by the first verdict."""
    paths: list[str]
    worker_cpu: list[str]
    ready: tuple[float, float] = (0.0, 0.0)
    """The widget's og:engine-ready (Python up, engine warmed) on the cold and the warm visit."""
    warm_via: str = ""
    """How the warm visit's engine booted: "snapshot", "lean" or "plain"."""
    steps: tuple[dict[str, float], dict[str, float]] = ({}, {})
    """The engine worker's own marks (``og:worker:…``), ms from navigation start, cold and warm."""


@dataclass
class BrowserRuns:
    """Cold first verdicts by browser (benchmarks/widget.py, other_browsers)."""

    times: dict[str, list[float]] = field(default_factory=dict)
    stolen: dict[str, list[float | None]] = field(default_factory=dict)
    """Beside each time: the share of CPU the host took during that run (None where it cannot tell)."""
    failed: dict[str, list[str]] = field(default_factory=dict)
    """The runs that gave up (the widget's own start-up timeout), with why."""

    @classmethod
    def of(cls, names: list[str]) -> BrowserRuns:
        """No runs yet, for each of ``names``."""
        return cls({n: [] for n in names}, {n: [] for n in names}, {n: [] for n in names})


def row(figure: str, value: str, target: str, met: bool | None) -> str:
    verdict = "n/a" if met is None else ("met" if met else "MISSED")
    return f"| {figure:<44} | {value:>22} | {target:<34} | {verdict:<6} |"


def report(network: str, runs: int, warmup: int, profile: Profile | None, widget: list[Visit], bare: list[Visit],
           latencies: list[float], others: BrowserRuns) -> None:  # fmt: skip
    med = statistics.median
    cold, warm = med(v.cold for v in widget), med(v.warm for v in widget)
    bare_cold, bare_warm = med(v.cold for v in bare), med(v.warm for v in bare)
    verdict_mb, idle_mb = med(v.verdict_bytes for v in widget) / 1e6, med(v.idle_bytes for v in widget) / 1e6
    stock = [name for name in STOCK_FILES if any(p.endswith("/" + name) and "/assets/pyodide/" in p for p in bare[0].paths)]
    print(f"profile: {network} ({profile.describe() if profile else 'unthrottled'}); median of {runs} runs, widget and bare "
          f"interleaved, each first in turn, after {warmup} warm-up round(s) of both, not counted")
    print(f"host: gzip level {GZIP_LEVEL} for text, JS/.mjs, JSON, SVG and .wasm (Accept-Encoding honoured, Vary sent); {NOT_COMPRESSED}")
    print(f"baseline: stock Pyodide files fetched by the bare page: {', '.join(stock)}")
    if profile:
        cpu = sorted({note for v in widget + bare for note in v.worker_cpu}) or ["no worker attached"]
        print(f"CPU ×{profile.cpu:g} on the page's main thread; the worker's own throttling: {'; '.join(cpu)}")
    print(f"{'ms':<6} {'widget':>8} {'bare':>8} {'ratio':>7}   runs (widget | bare)")
    for name, (ours, base) in {"cold": (cold, bare_cold), "warm": (warm, bare_warm)}.items():
        each = " ".join(f"{getattr(v, name):.0f}" for v in widget) + " | " + " ".join(f"{getattr(v, name):.0f}" for v in bare)
        print(f"{name:<6} {ours:>8.0f} {base:>8.0f} {ours / base:>7.2f}   {each}")
    vias = sorted({v.warm_via for v in widget})
    print(f"widget's engine ready (Python up, engine warmed): cold {med(v.ready[0] for v in widget):.0f} ms, "
          f"warm {med(v.ready[1] for v in widget):.0f} ms; warm visits booted from: {', '.join(vias)}")
    for at, name in enumerate(("cold", "warm")):
        marks = sorted({mark for v in widget for mark in v.steps[at]}, key=lambda m: med(v.steps[at].get(m, 0.0) for v in widget))
        print(f"widget's engine worker, {name} (median ms from navigation): "
              + ", ".join(f"{mark.removeprefix('og:worker:')} {med(v.steps[at][mark] for v in widget if mark in v.steps[at]):.0f}" for mark in marks))
    cold_target = 0.6 if profile else 0.5
    print()
    print(row("figure", "measured", "target (issue 9)", None).replace("n/a", "   "))
    print(row("", "", "", None).replace(" ", "-").replace("n/a", "---"))
    print(row(f"cold first verdict, {network}", f"{cold:.0f} ms = {cold / bare_cold:.2f}×", f"≤ {cold_target}× stock boot ({bare_cold:.0f} ms)", cold / bare_cold <= cold_target))
    print(row(f"warm first verdict, {network}", f"{warm:.0f} ms = {warm / bare_warm:.2f}×", f"≤ 0.25× stock 2nd visit ({bare_warm:.0f} ms)", warm / bare_warm <= 0.25))
    print(row("cold bytes to first verdict (gzip)", f"{verdict_mb:.2f} MB", "≤ 5.3 MB", verdict_mb <= 5.3))
    print(row("cold bytes until network idle (SW precache)", f"{idle_mb:.2f} MB", "(printed, no target)", None))
    beside = others.times.get("Chromium", [])
    for name, times in others.times.items():
        if name == "Chromium" or not beside:
            continue
        # Against Chromium's cold runs taken in the same rounds (benchmarks/widget.py, other_browsers).
        value = f"{med(times):.0f} ms = {med(times) / med(beside):.2f}×" if times else "no run finished"
        met = (med(times) / med(beside) <= 2.5) if name == "WebKitGTK" and times else None
        print(row(f"{name} cold first verdict", value, "≤ 2.5× Chromium cold" if name == "WebKitGTK" else "(beside Chromium)", met))
    if latencies:
        print(row("recompute after an input change (median)", f"{med(latencies):.1f} ms", "< 50 ms (issue 4)", med(latencies) < 50))
    for name, times in others.times.items():
        print(f"{name} runs: {' '.join(f'{t:.0f}' for t in times)}{per_run(others.stolen[name])}")
    if beside:
        print(f"Chromium's cold in those rounds: median {med(beside):.0f} ms (the cold runs above: {cold:.0f} ms)")
    host_mb = med(v.host_verdict_bytes for v in widget) / 1e6
    print(f"cold bytes to first verdict as the host counted them: {host_mb:.2f} MB; the largest (CDP, first run): "
          + ", ".join(f"{name} {size / 1e6:.2f} MB" for name, size in widget[0].largest.items()))

