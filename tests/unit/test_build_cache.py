"""The build cache remembers only what it can prove unchanged, and a damaged cache costs only time."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator import build_cache
from generator.build_cache import CACHE_NAME, cache_home, file_sha256, kept


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private user cache per test, read afresh as a new build process would."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(build_cache, "_store", build_cache._Store())
    monkeypatch.setattr(build_cache, "_kept_here", {})
    yield tmp_path / "cache"


def new_process() -> None:
    """Forget what this process holds, as the next build would start."""
    build_cache._store = build_cache._Store()
    build_cache._kept_here.clear()


def same_size_and_time(path: Path) -> None:
    """Rewrite a file with other bytes of the same length, and put its mtime back (npm's unpacked files all share one)."""
    st = path.stat()
    path.write_bytes(path.read_bytes().swapcase())
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def replaced(path: Path) -> None:
    path.unlink()
    path.write_bytes(b"a whole new file")


EDITS: dict[str, Callable[[Path], None]] = {
    "other bytes, same size and mtime": same_size_and_time,
    "deleted and written again": replaced,
    "appended to": lambda p: p.write_bytes(p.read_bytes() + b"!"),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_a_changed_file_gets_its_new_digest(tmp_path: Path, edit: Callable[[Path], None]) -> None:
    path = tmp_path / "pyodide.asm.wasm"
    path.write_bytes(b"wasm bytes v1")
    first = file_sha256(path)
    new_process()
    edit(path)
    assert file_sha256(path) == hashlib.sha256(path.read_bytes()).hexdigest() != first


def test_an_unchanged_file_is_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "python_stdlib.zip"
    path.write_bytes(b"zip bytes")
    first = file_sha256(path)
    new_process()
    monkeypatch.setattr(build_cache.hashlib, "file_digest", lambda *a, **k: pytest.fail("hashed again"))
    assert file_sha256(path) == first


DAMAGE: dict[str, bytes] = {
    "cut short": b'{"format": 1, "entries": {"fi',
    "not an object": b"[1, 2, 3]",
    "another format": b'{"format": 99, "entries": {}}',
    "not UTF-8": b"\xff\xfe\x00",
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_digest_file_is_recomputed(tmp_path: Path, damage: bytes) -> None:
    path = tmp_path / "file"
    path.write_bytes(b"bytes")
    expected = file_sha256(path)
    (cache_home() / CACHE_NAME).write_bytes(damage)
    new_process()
    assert file_sha256(path) == expected


def test_a_kept_value_is_read_back_by_the_next_build_without_making_it() -> None:
    assert kept("guide", "inputs-1", lambda: {"title": "Made"}) == {"title": "Made"}
    new_process()
    assert kept("guide", "inputs-1", lambda: pytest.fail("made again")) == {"title": "Made"}


def test_other_inputs_make_the_value_again() -> None:
    kept("guide", "inputs-1", lambda: "old")
    assert kept("guide", "inputs-2", lambda: "new") == "new"


PICKLE_DAMAGE: dict[str, bytes] = {
    "cut short": pickle.dumps({"title": "x"})[:-3],
    "names code that has moved": b"\x80\x04\x95\x1a\x00\x00\x00\x00\x00\x00\x00\x8c\x0cgone.module\x94\x8c\x04Gone\x94\x93\x94.",
    "empty": b"",
}


@pytest.mark.parametrize("damage", PICKLE_DAMAGE.values(), ids=PICKLE_DAMAGE.keys())
def test_a_damaged_kept_value_is_made_again(damage: bytes) -> None:
    kept("guide", "inputs", lambda: "first")
    (cache_home() / "guide" / "inputs.pickle").write_bytes(damage)
    new_process()
    assert kept("guide", "inputs", lambda: "made again") == "made again"


def test_nothing_is_kept_when_making_fails() -> None:
    def bad() -> str:
        raise ValueError("bad content")

    with pytest.raises(ValueError, match="bad content"):
        kept("guide", "inputs", bad)
    assert not (cache_home() / "guide" / "inputs.pickle").exists()
    assert kept("guide", "inputs", lambda: "good now") == "good now"


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = tmp_path / "file"
    path.write_bytes(b"bytes")
    assert file_sha256(path) == file_sha256(path)
    assert kept("guide", "inputs", lambda: "made") == "made"
