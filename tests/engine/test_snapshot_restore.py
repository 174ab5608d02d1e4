"""A second visit's restore from the kept snapshot, on Node with real Pyodide and the widget's own module.

``snapshot_restore.mjs`` makes a snapshot as the widget does (engine imported, no request yet),
keeps it through ``boot-snapshot.mjs`` in a stand-in Cache Storage that hands the entry back
slowly, damages it or not, and restores. Pyodide is set up and instantiated from the moment the
entry's size is known, so this checks that it restores only once every page is in: the browser
tests cannot make the read slower than Pyodide, and a restore from a half-read image crashes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.site.assets import lock_abi
from generator.site.lean import LeanRuntime, lean_runtime

from .conftest import RUBRIC_DATA
from .scenarios import SCENARIOS
from .test_lean_runtime import PYODIDE
from .test_pyodide_parity import HERE, run_in_pyodide

RUNNER = HERE / "snapshot_restore.mjs"
CHUNK_MS = 5  # x ~190 chunks: about a second to read, several times Pyodide's own start

# spoil -> (restored, answers as a fresh engine, damaged, entries kept)
CASES = {
    "none": (True, True, False, 1),
    "one byte changed": (False, False, True, 0),
    "cut short": (False, False, True, 0),
    "not a snapshot": (False, False, True, 0),
}


@pytest.fixture(scope="module")
def lean() -> LeanRuntime:
    return lean_runtime(PYODIDE)


@pytest.mark.parametrize(("spoil", "expected"), CASES.items())
def test_a_slowly_read_snapshot_restores_whole_or_not_at_all(
    lean: LeanRuntime, tmp_path: Path, spoil: str, expected: tuple[bool, bool, bool, int]
) -> None:
    job = {"lean": str(lean.zip), "lock_abi": lock_abi(PYODIDE), "rubric": json.dumps(RUBRIC_DATA),
           "request": json.dumps(SCENARIOS[0].request), "spoil": spoil, "chunk_ms": CHUNK_MS}  # fmt: skip
    got = run_in_pyodide(job, tmp_path, RUNNER)
    assert (got["restored"], got["same"], got["damaged"], got["kept"]) == expected
