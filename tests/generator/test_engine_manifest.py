"""The built site's engine manifest, imported as the widget imports it: every URL is a file of the site, every size true."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile
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


# Decoded as engine-worker.mjs decodes them, in Node, in chunks as a download arrives: a zstd twin
# by the vendored fzstd.js, a zlib twin by DecompressionStream (Node has the browsers' API): the
# sha256 of what comes out.
DECODE = """
const data = require("node:fs").readFileSync(process.argv[2]);
const hash = require("node:crypto").createHash("sha256");
const done = () => process.stdout.write(hash.digest("hex"));
if (process.argv[2].endsWith(".zz")) {
  const chunks = new ReadableStream({ start(c) { for (let at = 0; at < data.length; at += 65536) c.enqueue(data.subarray(at, at + 65536)); c.close(); } });
  (async () => { for await (const chunk of chunks.pipeThrough(new DecompressionStream("deflate"))) hash.update(chunk); done(); })();
} else {
  const { Decompress } = require(process.argv[1]);
  const d = new Decompress((chunk) => hash.update(chunk));
  for (let at = 0; at < data.length; at += 65536) d.push(data.subarray(at, at + 65536), at + 65536 >= data.length);
  done();
}
"""


@pytest.mark.parametrize("plain", ["LEAN", "pyodide.asm.wasm"])
def test_each_packed_twin_decodes_in_the_browsers_decoder_to_the_file_it_stands_for(
    built_site: Path, manifest: dict[str, Any], plain: str
) -> None:
    path = local(manifest["PYODIDE"]) / plain if plain.endswith(".wasm") else local(manifest[plain])
    twin = path.with_name(path.name + (".zst" if plain.endswith(".wasm") else ".zz"))
    assert twin.stat().st_size < 0.8 * path.stat().st_size
    decoder = built_site / "assets" / "widgets" / "fzstd.js"
    done = subprocess.run(["node", "-e", DECODE, str(decoder), str(twin)], capture_output=True, text=True, check=True)
    assert done.stdout == hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_lean_zip_stores_its_entries_for_its_twin_to_pack() -> None:
    with zipfile.ZipFile(lean_runtime(PYODIDE).zip) as lean:
        assert {entry.compress_type for entry in lean.infolist()} == {zipfile.ZIP_STORED}


def test_the_vendored_decoder_is_the_npm_package_unchanged() -> None:
    vendored = (ROOT / "widgets" / "offer_widget" / "fzstd.js").read_text(encoding="utf-8")
    package = json.loads((ROOT / "node_modules" / "fzstd" / "package.json").read_text(encoding="utf-8"))
    assert f"fzstd {package['version']} from npm" in vendored.splitlines()[0]
    assert vendored.endswith((ROOT / "node_modules" / "fzstd" / "umd" / "index.js").read_text(encoding="utf-8"))
