"""Engine speed in CPython and inside Pyodide (Node): scores per second, per-call times, ratios.

Run: ``.venv/bin/python benchmarks/engine.py [--rounds N]`` (needs ``node_modules/pyodide``).

The same measuring code (``MEASURE``) runs in both interpreters, on the real content's
engine data. Each figure is the median over rounds of the mean time of a batch of calls.

- ``score``: ``score(rubric, parse_request(data, rubric))``, the engine's work per reader input;
- ``bridge``: ``bridge.run(rubric_json, request_json)``, JSON in and out, as the widget calls it;
- ``baseline``: ``json.loads(request_json)`` only, measured in the same run, so the ratios
  compare like with like whatever the machine.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "tests" / "engine" / "pyodide_runner.mjs"  # the parity test's runner: boots Pyodide, loads the engine
TARGET_MS = 0.2

MEASURE = '''
import json, statistics, time
from offer_engine import parse_request, parse_rubric, score
from offer_engine.bridge import run

def _median(fn, number, rounds):
    fn()  # warm up
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - start) / number)
    return statistics.median(times)

def measure(rubric_json, requests, number, rounds):
    rubric = parse_rubric(json.loads(rubric_json))
    out = {}
    for label, request_json in requests.items():
        data = json.loads(request_json)
        out[label] = {
            "score": _median(lambda: score(rubric, parse_request(data, rubric)), number, rounds),
            "bridge": _median(lambda: run(rubric_json, request_json), number, rounds),
            "baseline": _median(lambda: json.loads(request_json), number * 10, rounds),
        }
    return out
'''


def _offer(name: str, scores: list[int], **more: object) -> dict:
    keys = ("compensation", "responsibilities", "development", "manager", "autonomy", "mobility")
    return {"name": name, "contact": {"name": "Dana", "role": "Analyst", "company": name}, "scores": dict(zip(keys, scores, strict=True)), **more}


PRIORITIES = {"compensation": {"weight": 5, "minimum": 7}, "manager": {"weight": 4, "minimum": 6}}
REQUESTS = {
    "1 offer": {"your_name": "Sam", "priorities": PRIORITIES, "offers": [_offer("Acme", [5, 8, 7, 8, 6, 4])],
                "situation": {"long_process": True}},
    "4 offers": {"your_name": "Sam", "priorities": PRIORITIES, "situation": {"mobility_matters": True},
                 "offers": [_offer("Acme", [5, 8, 7, 8, 6, 4]), _offer("Globex", [8, 8, 9, 8, 7, 6]),
                            _offer("Initech", [9, 7, 7, 3, 6, 5], accepted=True, costs_incurred=["visa"]),
                            _offer("Umbrella", [7, 6, 6, 7, 5, 5], negotiation="failed")]},
}


def _in_pyodide(rubric_json: str, requests: dict[str, str], number: int, rounds: int) -> tuple[str, dict]:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "pyodide").is_dir():
        sys.exit("benchmarks/engine.py needs node and node_modules/pyodide (run `make setup`)")
    call = f"json.dumps(measure({rubric_json!r}, {requests!r}, {number}, {rounds}))"
    job = {"engine_dir": str(ROOT / "widgets" / "offer_engine"), "calls": [], "python": MEASURE + "\n" + call}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "job.json"
        path.write_text(json.dumps(job), encoding="utf-8")
        done = subprocess.run([node, str(RUNNER), str(path)], capture_output=True, text=True, check=True, cwd=ROOT)
    answer = json.loads(done.stdout)
    return answer["python_version"], json.loads(answer["python_result"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--number", type=int, default=200, help="calls per round")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from generator.content.load import engine_data

    rubric_json = json.dumps(engine_data(ROOT / "content"))
    requests = {label: json.dumps(data) for label, data in REQUESTS.items()}
    namespace: dict = {}
    exec(MEASURE, namespace)
    cpython = namespace["measure"](rubric_json, requests, args.number, args.rounds)
    version, pyodide = _in_pyodide(rubric_json, requests, args.number, args.rounds)

    print(f"offer_engine: medians of {args.rounds} rounds x {args.number} calls; real content's rubric")
    print(f"{'':26}{'CPython ' + platform.python_version():>24}{'Pyodide ' + version + ' (Node)':>30}")
    for label in REQUESTS:
        for kind in ("score", "bridge", "baseline"):
            c, p = cpython[label][kind], pyodide[label][kind]
            rate = f"  {1 / c:>9,.0f}/s" if kind == "score" else ""
            prate = f"  {1 / p:>9,.0f}/s" if kind == "score" else ""
            print(f"{label + ' ' + kind:26}{c * 1e3:>10.3f} ms{rate:>12}{p * 1e3:>14.3f} ms{prate:>12}")
        for kind in ("score", "bridge"):
            print(f"{label + ' ' + kind + ' / baseline':26}{cpython[label][kind] / cpython[label]['baseline']:>10.1f} x"
                  f"{pyodide[label][kind] / pyodide[label]['baseline']:>27.1f} x")
    one = cpython["1 offer"]["score"] * 1e3
    slower = pyodide["1 offer"]["bridge"] / cpython["1 offer"]["bridge"]
    print(f"Pyodide / CPython, 1-offer bridge call: {slower:.1f} x")
    print(f"Target, 1 offer scored in < {TARGET_MS} ms in CPython: {'met' if one < TARGET_MS else 'MISSED'} ({one:.3f} ms)")


if __name__ == "__main__":
    main()
