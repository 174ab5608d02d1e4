"""The lean runtime: a standard-library zip of Pyodide-compiled .pyc files with the engine inside, cached by its inputs.

Nothing in it depends on the content, so it is built once per engine, Pyodide build,
builder and corpus, under the sha256 of those inputs (the key), and found again by that key:
first in the package data (offer_widget/runtime/lean/<key>/, which a wheel carries prebuilt),
then in the user cache ($XDG_CACHE_HOME or ~/.cache)/offer-guide/lean/<key>/. On a miss,
lean_build.mjs builds it in real Pyodide on Node and checks it (see that file), and the packed
twins of the zip and of Pyodide's wasm are made beside it (generator/site/packed.py).
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import offer_engine

from generator.build_cache import cache_home, file_sha256
from generator.site.lean_corpus import CORPUS_NAME, Corpus, checkout_corpus, find_corpus
from generator.site.node_job import NodeJobFailed, make_with_node
from generator.site.packed import ZLIB, ZSTD, pack_zlib, pack_zstd

log = logging.getLogger("mkdocs.plugins.offer-guide")

BUILDER = Path(__file__).with_name("lean_build.mjs")
PROBES = Path(__file__).with_name("lean_probes.py")  # run by BUILDER, inside Pyodide
PACKER = Path(__file__).with_name("packed.py")  # makes the twins kept beside the zip
# Writes the zip out as the folder Python imports from, in the widget's worker and in BUILDER's check.
UNPACKER = Path(str(resources.files("offer_widget").joinpath("lean-stdlib.mjs")))
# The Pyodide files the zip depends on: the runtime that compiles it, and the stock library it comes from.
PYODIDE_BUILD = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
ZIP_NAME = "python_stdlib.zip"
MODULES_NAME = "modules.json"
WASM_NAME = "pyodide.asm.wasm"
PACKED_NAMES = (ZIP_NAME + ZLIB, WASM_NAME + ZSTD)
"""The packed twins kept beside the zip (generator/site/packed.py): of the zip itself, and of the Pyodide build's wasm."""
ENGINE_DIR = Path(offer_engine.__file__).parent
BUILD_TIMEOUT = 900  # seconds: two Pyodide boots and ~140 compilations (three and ~270 when probed-for modules go back in) take ~18 s on a busy 2-core machine


class LeanUnavailable(Exception):
    """No lean runtime can be found or built here; the widget then boots on the stock files."""


@dataclass(frozen=True)
class LeanRuntime:
    """A built lean runtime: where its zip is and what it holds."""

    key: str
    """sha256 of the inputs; names the folder the artefacts live in."""
    zip: Path
    size: int
    packed_zip: Path
    packed_wasm: Path
    """The packed twins (generator/site/packed.py) of the zip (zlib) and of the Pyodide build's wasm (zstd)."""
    runtime_key: str
    """sha256 of the Pyodide build and the zip's bytes: what a memory snapshot of this runtime is tied to."""
    stdlib: tuple[str, ...]
    """The standard-library modules kept (paths in the stock zip, e.g. ``json/decoder.py``)."""
    left_out: tuple[str, ...]
    """Modules the engine's runs loaded that are only probed for, and left out (generator/site/lean_probes.py)."""
    engine: tuple[str, ...]


def _sha256_file(path: Path) -> bytes:
    return bytes.fromhex(file_sha256(path))  # remembered across builds: the Pyodide build alone is 14 MB


def pyodide_digest(pyodide_dir: Path) -> str:
    """The Pyodide build's identity: the hash of the files the lean zip is made from and runs on."""
    digest = hashlib.sha256()
    for name in PYODIDE_BUILD:
        path = pyodide_dir / name
        if not path.is_file():
            raise LeanUnavailable(f"the Pyodide runtime has no {name} ({path})")
        digest.update(name.encode() + b"\0" + _sha256_file(path))
    return digest.hexdigest()


def lean_key(pyodide: str, corpus: Corpus, engine_dir: Path = ENGINE_DIR) -> str:
    """sha256 of every input: the Pyodide build, the engine's sources, the builder, the corpus."""
    digest = hashlib.sha256(b"offer-guide lean runtime\0" + pyodide.encode())
    for path in sorted(engine_dir.glob("*.py")):
        digest.update(b"engine/" + path.name.encode() + b"\0" + _sha256_file(path))
    for path in (Path(__file__), BUILDER, PROBES, PACKER, UNPACKER):
        digest.update(b"builder/" + path.name.encode() + b"\0" + _sha256_file(path))
    digest.update(b"corpus\0" + corpus.digest.encode())
    return digest.hexdigest()


def packaged_dir() -> Path:
    return Path(str(resources.files("offer_widget").joinpath("runtime", "lean")))


def user_cache_dir() -> Path:
    return cache_home() / "lean"


def default_places() -> tuple[Path, ...]:
    """Where lean runtimes are looked for, in order; a miss is built into the last one."""
    return packaged_dir(), user_cache_dir()


def lean_runtime(
    pyodide_dir: Path,
    corpus: Corpus | None = None,
    engine_dir: Path = ENGINE_DIR,
    places: Sequence[Path] | None = None,
) -> LeanRuntime:
    """The lean runtime for these inputs: found by its key, or built (once) into the last place."""
    corpus = corpus or find_corpus(packaged_dir())
    if corpus is None:
        raise LeanUnavailable("no corpus to derive the module list from (neither tests/engine nor packaged runtime/lean/corpus.json)")
    places = places or default_places()
    pyodide = pyodide_digest(pyodide_dir)
    key = lean_key(pyodide, corpus, engine_dir)
    for folder in (place / key for place in places):
        if all((folder / name).is_file() for name in (ZIP_NAME, MODULES_NAME, *PACKED_NAMES)):
            return _load(folder, key, pyodide)
    return _load(_build(pyodide_dir, corpus, engine_dir, places[-1] / key), key, pyodide)


def _load(folder: Path, key: str, pyodide: str) -> LeanRuntime:
    zip_path = folder / ZIP_NAME
    modules = json.loads((folder / MODULES_NAME).read_text(encoding="utf-8"))
    # A memory snapshot holds Python as this zip, unpacked by UNPACKER, left it: a change to either makes another.
    runtime_key = hashlib.sha256(pyodide.encode() + b"\0" + _sha256_file(zip_path) + b"\0" + _sha256_file(UNPACKER)).hexdigest()
    return LeanRuntime(
        key, zip_path, zip_path.stat().st_size, folder / PACKED_NAMES[0], folder / PACKED_NAMES[1],
        runtime_key, tuple(modules["stdlib"]), tuple(modules["left_out"]), tuple(modules["engine"]),
    )


def _build(pyodide_dir: Path, corpus: Corpus, engine_dir: Path, target: Path) -> Path:
    def job(work: Path) -> list[str]:
        path = work / "job.json"
        path.write_text(json.dumps({
            "pyodide_dir": str(pyodide_dir.resolve()),
            "engine_dir": str(engine_dir.resolve()),
            "calls": [list(call) for call in corpus.calls],
            "out": str(work),
            "unpacker": str(UNPACKER),
        }), encoding="utf-8")
        return [str(path)]

    def pack_twins(work: Path) -> None:
        (work / "job.json").unlink()
        zip_twin, wasm_twin = PACKED_NAMES
        (work / zip_twin).write_bytes(pack_zlib((work / ZIP_NAME).read_bytes()))
        (work / wasm_twin).write_bytes(pack_zstd((pyodide_dir / WASM_NAME).read_bytes()))

    try:
        return make_with_node(target, BUILDER, job, what="the lean Pyodide runtime", timeout=BUILD_TIMEOUT, then=pack_twins)
    except NodeJobFailed as exc:
        raise LeanUnavailable(str(exc)) from exc


def prepare_package_data(runtime_dir: Path, pyodide_dir: Path) -> LeanRuntime:
    """Put the lean runtime and its corpus into ``runtime_dir`` (offer_widget/runtime) for a wheel.

    Writes runtime_dir/lean/<key>/ and runtime_dir/lean/corpus.json, so that an installed
    package, which has no tests/ to derive the corpus from, computes the same key and finds
    the artefacts without Node. Other keys' folders there are removed.
    """
    corpus = checkout_corpus()
    if corpus is None:
        raise LeanUnavailable("prepare_package_data needs a checkout (tests/engine/scenarios.py, examples/)")
    runtime = lean_runtime(pyodide_dir, corpus)
    lean_dir = runtime_dir / "lean"
    lean_dir.mkdir(parents=True, exist_ok=True)
    for old in lean_dir.iterdir():
        if old.is_dir() and old.name != runtime.key:
            shutil.rmtree(old)
    if not (lean_dir / runtime.key).is_dir():  # in a checkout it may be the very folder lean_runtime found
        shutil.copytree(runtime.zip.parent, lean_dir / runtime.key)
    (lean_dir / CORPUS_NAME).write_bytes(corpus.to_json())
    return _load(lean_dir / runtime.key, runtime.key, pyodide_digest(pyodide_dir))


def main(argv: list[str]) -> int:
    """``python -m generator.site.lean RUNTIME_DIR PYODIDE_DIR``: prepare_package_data, for ``make dist``."""
    if len(argv) != 2:
        print("usage: python -m generator.site.lean RUNTIME_DIR PYODIDE_DIR  (puts the lean runtime into RUNTIME_DIR/lean)", file=sys.stderr)
        return 2
    try:
        runtime = prepare_package_data(Path(argv[0]), Path(argv[1]))
    except LeanUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{runtime.zip} ({runtime.size} bytes, {len(runtime.stdlib)} standard-library modules)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
