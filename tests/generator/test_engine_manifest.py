"""The built site's engine manifest, imported as the widget imports it: every URL is a file of the site, every size true."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pytest

from generator.site.lean import lean_runtime
from tests.conftest import ROOT

PYODIDE = ROOT / "node_modules" / "pyodide"
MANIFEST = "assets/widgets/engine-assets.mjs"
# Node imports the module from disk, so each `new URL(..., import.meta.url)` resolves to a file: URL.
IMPORT = "const m = await import(process.argv[1]); process.stdout.write(JSON.stringify(m));"
# Each BYTES entry and the export that names its file (the stock runtime files sit in PYODIDE).
SIZE_OF = {
    "lean": "LEAN", "engine": "ENGINE", "rubric": "RUBRIC", "python_stdlib.zip": "STDLIB_FULL", "pyodide-lock.json": "LOCK_FULL",
    "pyodide.mjs": "PYODIDE", "pyodide.asm.mjs": "PYODIDE", "pyodide.asm.wasm": "PYODIDE",
}


@pytest.fixture(scope="module")
def manifest(built_site: Path) -> dict[str, Any]:
    node = shutil.which("node")
    assert node, "node is needed to import the manifest"
    module = (built_site / MANIFEST).as_uri()
    done = subprocess.run([node, "--input-type=module", "-e", IMPORT, module], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def local(url: str) -> Path:
    return Path(url2pathname(urlsplit(url).path))


def test_every_size_is_the_size_of_the_file_served(manifest: dict[str, Any]) -> None:
    assert set(manifest["BYTES"]) == set(SIZE_OF)
    for name, export in SIZE_OF.items():
        path = local(manifest[export]) / name if export == "PYODIDE" else local(manifest[export])
        assert path.stat().st_size == manifest["BYTES"][name], name


def test_the_lean_zip_is_the_cached_runtime_and_named_by_it(built_site: Path, manifest: dict[str, Any]) -> None:
    lean = lean_runtime(PYODIDE)
    served = local(manifest["LEAN"])
    assert served.is_relative_to(built_site / "assets" / "engine")
    assert served.read_bytes() == lean.zip.read_bytes()
    assert manifest["RUNTIME_KEY"] == lean.runtime_key
    lock = json.loads((local(manifest["LOCK_FULL"])).read_text(encoding="utf-8"))
    assert manifest["LOCK_ABI"] == lock["info"]["abi_version"]
    assert manifest["PYODIDE"].endswith("/") and local(manifest["STDLIB_FULL"]).parent == local(manifest["PYODIDE"])
