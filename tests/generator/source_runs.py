"""Runs of words from the source article, kept as digests so the article itself is not copied here.

The guide must say everything in its own words. ``tests/fixtures/source/runs.txt`` holds one
digest per run of ``RUN`` consecutive words of the article, after normalising case, apostrophes
and punctuation. Remake it from the article with:

    .venv/bin/python -m tests.generator.source_runs ARTICLE.txt > tests/fixtures/source/runs.txt
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

RUN = 10
"""A shared run of this many words counts as copied."""

DIGESTS = Path(__file__).resolve().parent.parent / "fixtures" / "source" / "runs.txt"

_APOSTROPHES = re.compile(r"[’‘'`]")
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Lowercase words, with apostrophes dropped ("don’t" → "dont") and every other mark a break."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return _WORD.findall(_APOSTROPHES.sub("", folded))


def digest(run: list[str]) -> str:
    return hashlib.blake2b(" ".join(run).encode(), digest_size=8).hexdigest()


def runs(text: str) -> Iterator[list[str]]:
    """Every run of ``RUN`` consecutive words in ``text``."""
    found = words(text)
    for start in range(len(found) - RUN + 1):
        yield found[start: start + RUN]


def source_digests() -> frozenset[str]:
    return frozenset(DIGESTS.read_text(encoding="utf-8").split())


def copied_runs(text: str, digests: frozenset[str]) -> list[str]:
    """The runs of ``text`` that the source article also has, as text."""
    return [" ".join(run) for run in runs(text) if digest(run) in digests]


def main(argv: list[str]) -> None:
    article = Path(argv[1]).read_text(encoding="utf-8")
    print("\n".join(sorted({digest(run) for run in runs(article)})))


if __name__ == "__main__":
    main(sys.argv)
