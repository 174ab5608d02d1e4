"""What a rebuild would otherwise work out again from files that have not changed, kept in the user cache.

Each rebuild used to hash the 14 MB Pyodide build twice (for the lean runtime's key and for the
service worker's integrity list) and to run the engine's whole corpus, though none of it had
changed; that alone was a tenth of a build. Here:

- a file's sha256 is kept under the file's identity as ``stat`` reports it: device, inode, size,
  mtime and ctime, as git's index does. npm stamps every file it unpacks with the same 1985
  mtime, but no tool can set ctime, so a rewritten file always misses;
- a value derived from files (such as the corpus digest) is kept under the digest of its inputs;
- a bigger value (the made guide, see generator/guide.py) is pickled into a file of its own,
  named by the digest of its inputs.

All of it lives in ``$XDG_CACHE_HOME/offer-guide/`` (or ``~/.cache/offer-guide/``), the user's
own cache, as the lean runtime does. A cache that is missing, damaged or unwritable only costs
the time it saves: its values are always computed again rather than trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar, cast

T = TypeVar("T")

CACHE_NAME = "digests.json"
_FORMAT = 1
KEPT_PER_KIND = 8
"""Pickled values kept per kind: a few guides built in turn (tests, several projects) all stay warm."""


def cache_home() -> Path:
    """The guide's folder in the user cache (the lean runtimes live under it too)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "offer-guide"


class _Store:
    """The cache file's entries, read on first use and written back whenever one is added."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.entries: dict[str, str] = {}

    def current(self) -> dict[str, str]:
        path = cache_home() / CACHE_NAME
        if path != self.path:  # first use, or another XDG_CACHE_HOME (tests set their own)
            self.path, self.entries = path, _read(path)
        return self.entries

    def put(self, key: str, value: str) -> None:
        entries = self.current()
        entries[key] = value
        assert self.path is not None
        _write(self.path, entries)


def _read(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != _FORMAT or not isinstance(data.get("entries"), dict):
        return {}
    return {k: v for k, v in data["entries"].items() if isinstance(k, str) and isinstance(v, str)}


def _write(path: Path, entries: dict[str, str]) -> None:
    _write_bytes(path, json.dumps({"format": _FORMAT, "entries": entries}, sort_keys=True).encode("utf-8"))


def _write_bytes(path: Path, payload: bytes) -> None:
    """Write a whole new file and rename it over the old: a build running beside us reads one or the other."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
        os.replace(tmp, path)
    except OSError:
        pass


_store = _Store()


def file_sha256(path: Path) -> str:
    """The hex sha256 of a file's bytes, read only when the file is new or has changed since last time."""
    resolved = path.resolve()
    st = resolved.stat()
    key = f"file:{resolved}:{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"
    known = _store.current().get(key)
    if known is not None:
        return known
    with resolved.open("rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest()
    _forget_older(f"file:{resolved}:")
    _store.put(key, digest)
    return digest


def _forget_older(prefix: str) -> None:
    """Drop the entries of a file's earlier versions, so the cache stays as small as the set of files."""
    entries = _store.current()
    for key in [k for k in entries if k.startswith(prefix)]:
        del entries[key]


def remember(name: str, inputs: str, compute: Callable[[], str]) -> str:
    """``compute()``, kept under ``name`` and the digest of its inputs; computed again when they change."""
    key = f"{name}:{inputs}"
    known = _store.current().get(key)
    if known is not None:
        return known
    value = compute()
    _forget_older(f"{name}:")
    _store.put(key, value)
    return value


def files_digest(paths: Iterable[Path], root: Path) -> str:
    """One sha256 over several files: each one's path below ``root`` and the digest of its bytes."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(f"{path.relative_to(root).as_posix()}\0{file_sha256(path)}\0".encode())
    return digest.hexdigest()


_kept_here: dict[tuple[str, str], object] = {}
"""Values already read or made in this process (``mkdocs serve`` rebuilds, the CLI then the plugin)."""


def kept(kind: str, inputs: str, make: Callable[[], T]) -> T:
    """``make()``, pickled under ``kind`` and the digest of its inputs; made again when they change.

    Only what ``make`` returns is kept: when it raises (bad content), nothing is."""
    if (kind, inputs) in _kept_here:
        return cast("T", _kept_here[kind, inputs])
    folder = cache_home() / kind
    path = folder / f"{inputs}.pickle"
    try:
        value = cast("T", pickle.loads(path.read_bytes()))
    except Exception:  # missing, cut short, or naming code that has moved: make it anew
        value = _MISSING
    if value is _MISSING:
        value = make()
        _write_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        _keep_newest(folder)
    _kept_here[kind, inputs] = value
    return value


_MISSING: Any = object()


def _keep_newest(folder: Path) -> None:
    try:
        entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEPT_PER_KIND:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
