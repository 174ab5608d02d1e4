"""widgets/offer_widget/lean-stdlib.mjs writes a stored zip's files into a folder, and refuses any
other zip with nothing written (Python then imports from the zip itself).

Run in Node, on a stand-in for Pyodide's file system that records what is written; booting real
Pyodide from the folder is tests/engine/test_lean_runtime.py's and the browser tests' part.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from collections.abc import Callable

import pytest

from tests.conftest import ROOT

MODULE = ROOT / "widgets" / "offer_widget" / "lean-stdlib.mjs"

# Prints {"files": {path: text}, "dirs": [...], "error": message or null}.
WRITE = """
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const { writeStoredZip } = await import(pathToFileURL(process.argv[1]).href);
const files = {}, dirs = [];
const FS = { mkdirTree: (path) => dirs.push(path), writeFile: (path, data) => { files[path] = Buffer.from(data).toString("latin1"); } };
let error = null;
try { writeStoredZip(FS, new Uint8Array(readFileSync(0)), "/lib/lean"); } catch (e) { error = e.message; }
process.stdout.write(JSON.stringify({ files, dirs, error }));
"""

FILES = {"a.pyc": b"module a", "pkg/__init__.pyc": b"", "pkg/sub/b.pyc": bytes(range(256))}


def zipped(files: dict[str, bytes], method: int = zipfile.ZIP_STORED, comment: bytes = b"") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        archive.comment = comment
    return out.getvalue()


def written(zip_bytes: bytes) -> dict:
    node = shutil.which("node")
    assert node, "node is needed to run lean-stdlib.mjs"
    done = subprocess.run([node, "--input-type=module", "-e", WRITE, str(MODULE)], input=zip_bytes, capture_output=True, check=True)
    return json.loads(done.stdout)


def test_a_stored_zip_is_written_file_by_file_under_the_folder() -> None:
    got = written(zipped(FILES))
    assert got["error"] is None
    assert got["files"] == {f"/lib/lean/{name}": data.decode("latin1") for name, data in FILES.items()}
    assert sorted(got["dirs"]) == ["/lib/lean", "/lib/lean/pkg", "/lib/lean/pkg/sub"]


def with_name(name: str) -> Callable[[], bytes]:
    return lambda: zipped({"a.pyc": b"a", name: b"x"})


def mixed() -> bytes:
    """A package whose __init__ is stored and whose module is not: half of it in the folder would hide the rest."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("pkg/__init__.pyc", b"", zipfile.ZIP_STORED)
        archive.writestr("pkg/sub.pyc", b"module sub" * 20, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def spoiled(at: Callable[[bytes], int], value: bytes) -> Callable[[], bytes]:
    """The stored zip with ``value`` written over it at ``at(zip)``."""

    def make() -> bytes:
        data = bytearray(zipped(FILES))
        where = at(bytes(data))
        data[where : where + len(value)] = value
        return bytes(data)

    return make


def central(data: bytes) -> int:
    return int.from_bytes(data[-6:-2], "little")  # the end record's offset of the central directory


REFUSED: dict[str, tuple[Callable[[], bytes], str]] = {
    "compressed entries": (lambda: zipped(FILES, zipfile.ZIP_DEFLATED), "is compressed"),
    "a stored package with a compressed module": (mixed, "is compressed"),
    "not a zip": (lambda: b"not a zip at all, but long enough to hold an end record", "not a zip"),
    "an archive comment": (lambda: zipped(FILES, comment=b"hello"), "not a zip"),
    "cut short": (lambda: zipped(FILES)[:-30], "not a zip"),
    "a damaged central directory": (spoiled(central, b"XXXX"), "damaged central directory"),
    "a damaged local header": (spoiled(lambda data: 0, b"XXXX"), "damaged local header"),
    "a directory past the end": (spoiled(lambda data: len(data) - 6, b"\xff\xff\x00\x00"), "runs past the end"),
    "a file longer than the zip": (spoiled(lambda data: central(data) + 20, b"\xff\xff\x00\x00"), "runs past the end"),
    "a name that climbs out": (with_name("../escape.pyc"), "outside the folder"),
    "an absolute name": (with_name("/etc/escape.pyc"), "outside the folder"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_any_other_zip_is_refused_with_nothing_written(case: str) -> None:
    make, message = REFUSED[case]
    got = written(make())
    assert got["error"] and message in got["error"], got["error"]
    assert got["files"] == {} and got["dirs"] == []
