"""Where the Pyodide runtime is found: in the installed package, else in an npm install nearby.

A wheel carries the runtime as package data (``offer_widget/runtime/pyodide``, filled by
``make dist``), so a guide built from an installed package needs no Node and no npm. A checkout
has it in ``node_modules/pyodide`` after ``npm ci``. ``python -m generator.site.runtime_files DIR``
copies what a site needs from there into DIR, for ``make dist``.
"""

from __future__ import annotations

import shutil
import sys
from importlib import resources
from pathlib import Path

from mkdocs.exceptions import PluginError

REPOSITORY = Path(__file__).resolve().parents[2]
MARKER = "pyodide.asm.wasm"
"""A folder holds a usable runtime when it has this file (the largest, and the last one npm writes)."""
VERSION_FILE = "package.json"
"""npm's manifest: the runtime's version names the folder it is served from (generator/site/assets.py)."""


def packaged_pyodide() -> Path:
    return Path(str(resources.files("offer_widget") / "runtime" / "pyodide"))


def candidates() -> list[Path]:
    """Where to look, in order: the package, then node_modules of the working directory and of the checkout."""
    return [packaged_pyodide(), Path.cwd() / "node_modules" / "pyodide", REPOSITORY / "node_modules" / "pyodide"]


def pyodide_dir() -> Path:
    """The first folder that holds the Pyodide runtime; a clear error naming where it looked if none does."""
    places = candidates()
    for place in places:
        if (place / MARKER).is_file():
            return place
    looked = ", ".join(str(p) for p in places)
    raise PluginError(f"The Pyodide runtime is missing (looked in {looked}); run `npm ci` (or `make setup`) first")


def copy_runtime(names: tuple[str, ...], target: Path) -> list[Path]:
    """Copy the named runtime files and the version manifest from node_modules into ``target``, fresh."""
    found = [p for p in candidates()[1:] if (p / MARKER).is_file()]
    if not found:
        raise PluginError("No Pyodide runtime in node_modules to copy; run `npm ci` (or `make setup`) first")
    source = found[0]
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    return [Path(shutil.copy2(source / name, target / name)) for name in (*names, VERSION_FILE)]


def main(argv: list[str]) -> int:
    from generator.site.assets import PYODIDE_FILES

    if len(argv) != 1:
        print("usage: python -m generator.site.runtime_files DIR  (copies the Pyodide runtime into DIR)", file=sys.stderr)
        return 2
    copied = copy_runtime(PYODIDE_FILES, Path(argv[0]))
    print(f"copied {len(copied)} Pyodide files into {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
