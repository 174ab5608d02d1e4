"""Artefacts made once by a Node script and kept under the key of their inputs: the lean runtime
(lean.py) and the widget's bundle (bundle.py).

The script writes into a temporary sibling of the key's folder, which is then renamed into place,
so a reader never finds half a folder; of two builds of one key, the first to finish wins, and
both made the same bytes.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.offer-guide")


class NodeJobFailed(Exception):
    """The artefact could not be made here; the message says why, and what to do when there is something to do."""


def make_with_node(
    target: Path,
    script: Path,
    args: Callable[[Path], list[str]],
    *,
    what: str,
    timeout: int,
    then: Callable[[Path], None] | None = None,
) -> Path:
    """Run ``node script *args(work)`` in a new folder ``work``, then ``then(work)``, then make it ``target``."""
    node = shutil.which("node")
    if node is None:
        raise NodeJobFailed(f"Node is needed to build {what} (install Node, then `npm ci`, or `make setup`)")
    log.info("Building %s, once for its inputs: %s", what, target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{target.name[:12]}-", dir=target.parent))
        work.chmod(0o755)  # mkdtemp makes it private; the cache and package data are for every reader
    except OSError as exc:
        raise NodeJobFailed(f"cannot write {what} ({target.parent}): {exc}") from exc
    try:
        try:
            done = subprocess.run([node, str(script), *args(work)], capture_output=True, text=True, timeout=timeout, cwd=work)
        except subprocess.TimeoutExpired as exc:
            raise NodeJobFailed(f"building {what} took over {timeout} s") from exc
        if done.returncode != 0:
            raise NodeJobFailed(f"building {what} failed:\n{done.stderr.strip()[-2000:]}")
        if then is not None:
            then(work)
        try:
            work.rename(target)
        except OSError:
            if not target.is_dir():  # else another build of the same key won the race
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target
