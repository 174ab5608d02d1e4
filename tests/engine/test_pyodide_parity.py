"""The truth table, and the bad-input cases, give byte-identical JSON in real Pyodide and in CPython.

Pyodide runs on Node from ``node_modules/pyodide`` (``make test`` installs it), with the
engine's source files written into its file system: the same files CPython imports.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import offer_engine
from offer_engine.bridge import run

from generator.site.runtime_files import pyodide_dir

from .scenarios import SCENARIOS, engine_calls

HERE = Path(__file__).parent
RUNNER = HERE / "pyodide_runner.mjs"
ENGINE_DIR = Path(offer_engine.__file__).parent


def pyodide_python() -> str:
    """The Python version the Pyodide build declares in its lock file: the one it must really run."""
    lock = json.loads((pyodide_dir() / "pyodide-lock.json").read_text(encoding="utf-8"))
    return str(lock["info"]["python"])


def run_in_pyodide(job: dict, tmp_path: Path) -> dict:
    path = tmp_path / "job.json"
    path.write_text(json.dumps(job), encoding="utf-8")
    node = shutil.which("node")
    assert node, "node is needed to run Pyodide"
    done = subprocess.run([node, str(RUNNER), str(path)], capture_output=True, text=True, timeout=300, cwd=HERE)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_pyodide_gives_byte_identical_json(tmp_path: Path) -> None:
    calls = engine_calls()
    answer = run_in_pyodide({"engine_dir": str(ENGINE_DIR), "calls": calls}, tmp_path)
    assert answer["python_version"] == pyodide_python()
    expected = [run(rubric, request) for rubric, request in calls]
    assert all(json.loads(x)["ok"] for x in expected[: len(SCENARIOS)])
    for got, want, (_, request) in zip(answer["outputs"], expected, calls, strict=True):
        assert got == want, request
