"""Benchmark: Pyodide's boot on Node to a first engine answer, stock files against the lean runtime.

Each boot is a fresh Node process (benchmarks/boot_node.mjs); stock and lean alternate, and
the ratio of the medians is measured in the same run, in wall time and in the CPU time of the
whole Node process (steadier when the machine is shared). Also prints the lean zip's size, raw and
gzip, beside the stock standard library's. The browser figures are benchmarks/widget.py's.

    .venv/bin/python benchmarks/boot_node.py [--runs 5]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from generator.content.load import engine_data
from generator.site.assets import engine_zip, lock_abi
from generator.site.lean import lean_runtime
from generator.site.runtime_files import pyodide_dir

ROOT = Path(__file__).resolve().parent.parent
BOOT = ROOT / "benchmarks" / "boot_node.mjs"


def boot(job: Path) -> tuple[float, float]:
    """Wall ms to the first answer, and the CPU ms of the whole Node process (steadier on a busy machine)."""
    node = shutil.which("node")
    assert node, "node is needed"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([node, str(BOOT), str(job)], capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
    return float(json.loads(done.stdout)["ms"]), cpu


def sizes(path: Path) -> str:
    data = path.read_bytes()
    return f"{len(data) / 1e6:5.2f} MB raw, {len(gzip.compress(data, 9)) / 1e6:5.2f} MB gzip"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    lean = lean_runtime(pyodide_dir())
    found = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "engine.zip").write_bytes(engine_zip())
        common = {
            "pyodide_dir": str(pyodide_dir().resolve()), "engine_zip": str(work / "engine.zip"), "lean": str(lean.zip),
            "lock_abi": lock_abi(pyodide_dir()), "rubric": json.dumps(engine_data(ROOT / "content")),
        }
        jobs = {}
        for mode in ("stock", "lean"):
            jobs[mode] = work / f"{mode}.json"
            jobs[mode].write_text(json.dumps({**common, "mode": mode}), encoding="utf-8")
        boot(jobs["stock"]), boot(jobs["lean"])  # warm the file cache for both
        times: dict[str, list[tuple[float, float]]] = {"stock": [], "lean": []}
        for _ in range(args.runs):
            for mode in times:
                times[mode].append(boot(jobs[mode]))
    stock, mine = (statistics.median(t for t, _ in times[m]) for m in ("stock", "lean"))
    stock_cpu, lean_cpu = (statistics.median(c for _, c in times[m]) for m in ("stock", "lean"))
    print(f"stock python_stdlib.zip:  {sizes(pyodide_dir() / 'python_stdlib.zip')}")
    print(f"lean zip ({len(lean.stdlib)} stdlib + {len(lean.engine)} engine .pyc): {sizes(lean.zip)}")
    print(f"lean runtime lookup:      {found * 1000:7.0f} ms  (key {lean.key[:16]})")
    print(f"stock boot to answer:     median {stock:7.0f} ms  (baseline, {args.runs} runs, Node)")
    print(f"lean boot to answer:      median {mine:7.0f} ms")
    print(f"ratio lean/stock:         {mine / stock:.2f}x")
    print(f"CPU time, whole process:  stock {stock_cpu:6.0f} ms, lean {lean_cpu:6.0f} ms, ratio {lean_cpu / stock_cpu:.2f}x")


if __name__ == "__main__":
    main()
