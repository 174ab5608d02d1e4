"""A copy of the real content with every number the guide quotes changed, for tests that prove the words follow."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import CONTENT

OLD = {"accept": 70, "negotiate": 50, "min_hours": 24, "max_hours": 48, "extra_weight": 2}
NEW = {"accept": 85, "negotiate": 60, "min_hours": 12, "max_hours": 72, "extra_weight": 1}
FILES = {"accept": "rubric.yml", "negotiate": "rubric.yml", "extra_weight": "rubric.yml",
         "min_hours": "communication.yml", "max_hours": "communication.yml"}


def write_other_numbers(dest: Path) -> Path:
    """``dest`` holding the content with ``NEW`` in place of ``OLD``; each key must be found exactly once."""
    shutil.copytree(CONTENT, dest)
    for key, file in FILES.items():
        path = dest / file
        text = path.read_text(encoding="utf-8")
        old = f"  {key}: {OLD[key]}\n"
        assert text.count(old) == 1, (file, old)
        path.write_text(text.replace(old, f"  {key}: {NEW[key]}\n"), encoding="utf-8")
    return dest
