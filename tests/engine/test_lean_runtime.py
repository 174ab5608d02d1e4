"""The lean runtime: CPython's answers in real Pyodide, byte-identical builds, a cache that is used, a derived module list.

Pyodide runs on Node from ``node_modules/pyodide``, booted from the lean zip alone as the
widget boots it (``stdLibURL``, an empty lock carrying only the ABI, and the zip's files unpacked
into a folder first on Python's path: widgets/offer_widget/lean-stdlib.mjs).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from offer_engine.bridge import run

from generator.content.load import engine_data
from generator.site.assets import lock_abi
from generator.site.lean import ENGINE_DIR, LeanRuntime, lean_key, lean_runtime, prepare_package_data, pyodide_digest
from generator.site.lean_corpus import checkout_corpus, packaged_corpus
from tests.browser.lean_runtime import deflated
from tests.conftest import CONTENT, ROOT

from .scenarios import SCENARIOS
from .test_pyodide_parity import run_in_pyodide

PYODIDE = ROOT / "node_modules" / "pyodide"

# Where each module came from, once the calls have run: the engine, anything read from source, and
# anything imported from the zip itself rather than from the folder it is unpacked into.
WHERE_FROM = """
import json, sys, offer_engine.bridge
origins = {n: str(getattr(getattr(m, "__spec__", None), "origin", "")) for n, m in list(sys.modules.items())}
json.dumps({"engine": offer_engine.bridge.__file__,
    "from_source": sorted(n for n, o in origins.items() if o.endswith(".py")),
    "from_zip": sorted(n for n, o in origins.items() if o.startswith("/lib/python314.zip/"))})
"""


@pytest.fixture(scope="module")
def lean() -> LeanRuntime:
    """The runtime a site build uses (built into the user cache on the first run on a machine)."""
    return lean_runtime(PYODIDE)


def no_node(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without Node on PATH a cache miss cannot build: whatever comes back was found."""
    monkeypatch.setenv("PATH", "")


def test_every_scenario_and_example_answers_as_in_cpython(lean: LeanRuntime, tmp_path: Path) -> None:
    corpus = checkout_corpus()
    assert corpus is not None
    site_rubric = json.dumps(engine_data(CONTENT))  # the rubric the site serves, besides the fixture's
    calls = [*corpus.calls, *((site_rubric, request) for _, request in corpus.calls)]
    job = {"lean": str(lean.zip), "lock_abi": lock_abi(PYODIDE), "calls": calls, "python": WHERE_FROM}
    answer = run_in_pyodide(job, tmp_path)
    expected = [run(rubric, request) for rubric, request in calls]
    assert all(json.loads(x)["ok"] for x in expected[: len(SCENARIOS)])
    for got, want, (_, request) in zip(answer["outputs"], expected, calls, strict=True):
        assert got == want, request
    where = json.loads(answer["python_result"])
    assert where == {"engine": "/lib/lean/offer_engine/bridge.pyc", "from_source": [], "from_zip": []}


def test_a_zip_the_folder_cannot_take_still_boots_from_the_zip(lean: LeanRuntime, tmp_path: Path) -> None:
    # lean-stdlib.mjs unpacks stored entries only; on anything else Python imports from the zip, as before.
    compressed = tmp_path / "python_stdlib.zip"
    compressed.write_bytes(deflated(lean.zip.read_bytes()))
    corpus = checkout_corpus()
    assert corpus is not None
    calls = corpus.calls[:3]
    job = {"lean": str(compressed), "lock_abi": lock_abi(PYODIDE), "calls": calls, "python": WHERE_FROM}
    answer = run_in_pyodide(job, tmp_path)
    assert answer["outputs"] == [run(rubric, request) for rubric, request in calls]
    where = json.loads(answer["python_result"])
    assert where["engine"] == "/lib/python314.zip/offer_engine/bridge.pyc"
    assert "offer_engine.bridge" in where["from_zip"]


# As the worker restores a memory snapshot (engine-worker.mjs): the folder written anew before the
# restore, the zip's cached table of contents cleared after it. The snapshot's Python had listed the
# folder once already; an import after the restore must still find it, and the zip behind it
# when the folder is not there. Prints the origin of a module imported again after the restore.
RESTORE = """
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";
import { leanBoot } from "../../widgets/offer_widget/lean-stdlib.mjs";
const [zip, abi, folder] = process.argv.slice(1);
const quiet = { stdout: () => {}, stderr: () => {} };
const bytes = Promise.resolve(readFileSync(zip));
const first = await loadPyodide({ ...leanBoot(zip, abi, bytes), ...quiet, _makeSnapshot: true });
first.runPython("import fractions, offer_engine.bridge");
const again = await loadPyodide({ ...leanBoot(zip, abi, folder === "yes" ? bytes : null), ...quiet, _loadSnapshot: first.makeMemorySnapshot() });
process.stdout.write(again.runPython(
  "import sys, zipimport; zipimport._zip_directory_cache.clear(); del sys.modules['fractions']; import fractions; fractions.__file__"));
"""


@pytest.mark.parametrize(("folder", "origin"), [("yes", "/lib/lean/fractions.pyc"), ("no", "/lib/python314.zip/fractions.pyc")])
def test_after_a_snapshot_is_restored_an_import_finds_the_folder_or_else_the_zip(lean: LeanRuntime, folder: str, origin: str) -> None:
    done = subprocess.run(
        ["node", "--input-type=module", "-e", RESTORE, str(lean.zip), lock_abi(PYODIDE), folder],
        capture_output=True, text=True, timeout=300, cwd=Path(__file__).parent,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout == origin


def test_a_fresh_build_is_byte_identical_and_then_comes_from_the_cache(
    lean: LeanRuntime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = lean_runtime(PYODIDE, places=[tmp_path])
    assert fresh.zip.parent == tmp_path / lean.key
    assert fresh.zip.read_bytes() == lean.zip.read_bytes()
    assert fresh.runtime_key == lean.runtime_key
    before = fresh.zip.stat()
    no_node(monkeypatch)
    again = lean_runtime(PYODIDE, places=[tmp_path])
    after = again.zip.stat()
    assert again == fresh
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_the_zip_holds_exactly_the_modules_found_compiled(lean: LeanRuntime) -> None:
    with zipfile.ZipFile(lean.zip) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == sorted(name + "c" for name in (*lean.stdlib, *lean.engine))
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {p.name for p in ENGINE_DIR.glob("*.py")} == {Path(name).name for name in lean.engine}
    with zipfile.ZipFile(PYODIDE / "python_stdlib.zip") as stock:
        assert set(lean.stdlib) < set(stock.namelist())


BAD_JSON_BRANCH = '        raise InputError([Problem(field, f"is not valid JSON: {error}")]) from None\n'


def engine_with(tmp_path: Path, before_branch: str, branch: str = BAD_JSON_BRANCH) -> Path:
    """A copy of the engine whose not-JSON branch, which only a text that is not JSON reaches, is
    ``before_branch`` followed by ``branch``."""
    engine = shutil.copytree(ENGINE_DIR, tmp_path / "offer_engine", ignore=shutil.ignore_patterns("__pycache__"))
    bridge = engine / "bridge.py"
    source = bridge.read_text(encoding="utf-8")
    assert BAD_JSON_BRANCH in source
    bridge.write_text(source.replace(BAD_JSON_BRANCH, before_branch + branch), encoding="utf-8")
    return engine


def test_modules_only_probed_for_stay_out_of_the_zip(lean: LeanRuntime) -> None:
    # Pyodide's start-up imports shutil, which probes for bz2, and asyncio, which probes for ssl.
    assert {"bz2.py", "ssl.py"} <= set(lean.left_out)
    assert not set(lean.left_out) & set(lean.stdlib)
    with zipfile.ZipFile(lean.zip) as archive:
        assert not {name + "c" for name in lean.left_out} & set(archive.namelist())


def test_an_import_on_a_bad_input_path_puts_that_module_in_the_zip_and_a_probe_does_not(lean: LeanRuntime, tmp_path: Path) -> None:
    # The module list comes from running the calls; wave is only probed for, as shutil probes for bz2.
    with zipfile.ZipFile(PYODIDE / "python_stdlib.zip") as stock:
        assert {"colorsys.py", "wave.py"} <= set(stock.namelist())
    engine = engine_with(tmp_path, (
        "        import colorsys  # noqa: F401\n"
        "        try:\n"
        "            import wave  # noqa: F401\n"
        "        except ImportError:\n"
        "            pass\n"
    ))
    grown = lean_runtime(PYODIDE, engine_dir=engine, places=[tmp_path / "cache"])
    assert "colorsys.py" not in lean.stdlib
    assert set(grown.stdlib) == {*lean.stdlib, "colorsys.py"}
    assert set(grown.left_out) == {*lean.left_out, "wave.py"}
    with zipfile.ZipFile(grown.zip) as archive:
        assert "colorsys.pyc" in archive.namelist()
        assert "wave.pyc" not in archive.namelist()


NO_COLORSYS = {
    "an answer": BAD_JSON_BRANCH.replace("is not valid JSON:", "is not valid JSON{'' if colorsys else ' (without colorsys)'}:"),
    "only a warning": "        if colorsys is None:\n            import warnings\n            warnings.warn('no colorsys')\n" + BAD_JSON_BRANCH,
}


@pytest.mark.parametrize("branch", NO_COLORSYS.values(), ids=NO_COLORSYS.keys())
def test_when_a_probed_for_module_changes_what_python_says_every_such_module_stays(
    lean: LeanRuntime, tmp_path: Path, branch: str
) -> None:
    probe = "        try:\n            import colorsys\n        except ImportError:\n            colorsys = None\n"
    kept = lean_runtime(PYODIDE, engine_dir=engine_with(tmp_path, probe, branch), places=[tmp_path / "cache"])
    # Without the probed-for modules, Python said something else on a call: they all went back in.
    assert kept.left_out == ()
    assert set(kept.stdlib) == {*lean.stdlib, *lean.left_out, "colorsys.py"}
    with zipfile.ZipFile(kept.zip) as archive:
        assert "colorsys.pyc" in archive.namelist()


def test_package_data_lets_an_installed_package_find_the_artefacts(
    lean: LeanRuntime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = prepare_package_data(tmp_path / "runtime", PYODIDE)
    lean_dir = tmp_path / "runtime" / "lean"
    corpus = packaged_corpus(lean_dir)  # what a package with no tests/ derives its key from
    assert corpus is not None
    assert lean_key(pyodide_digest(PYODIDE), corpus) == runtime.key == lean.key
    no_node(monkeypatch)
    found = lean_runtime(PYODIDE, corpus=corpus, places=[lean_dir])
    assert found.zip == lean_dir / lean.key / "python_stdlib.zip"
    assert found.zip.read_bytes() == lean.zip.read_bytes()
