"""A rebuild reuses the made guide only while nothing it is made from has changed."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.guide import ENGINE_DIR, GENERATOR_DIR, code_files, inputs_digest
from generator.site.pages import TEMPLATES
from tests.conftest import CONTENT, run_offer_guide


def edit_title(content: Path) -> None:
    guide = content / "guide.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("title:", "title: Edited", 1), encoding="utf-8")


def add_a_comment(content: Path) -> None:
    with (content / "faq.yml").open("a", encoding="utf-8") as out:
        out.write("# a note to myself\n")


def add_a_stray_file(content: Path) -> None:
    (content / "reason.yml").write_text("reasons: []\n", encoding="utf-8")


def remove_a_file(content: Path) -> None:
    (content / "faq.yml").unlink()


CONTENT_EDITS: dict[str, Callable[[Path], None]] = {
    "a value edited": edit_title,
    "only a comment added": add_a_comment,
    "a misnamed file added": add_a_stray_file,
    "a file removed": remove_a_file,
}


@pytest.mark.parametrize("edit", CONTENT_EDITS.values(), ids=CONTENT_EDITS.keys())
def test_any_change_to_the_content_folder_misses(tmp_path: Path, edit: Callable[[Path], None]) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    before = inputs_digest(content)
    assert inputs_digest(content) == before  # nothing changed: the same key
    edit(content)
    assert inputs_digest(content) != before


def test_the_key_covers_every_template_and_every_module_of_the_generator_and_the_engine() -> None:
    """Pages are made from all of these."""
    covered = set(code_files())
    templates_dir = GENERATOR_DIR / "site" / "templates"
    expected = {
        *(templates_dir / name for name in TEMPLATES.values()),
        *GENERATOR_DIR.rglob("*.py"),
        *ENGINE_DIR.glob("*.py"),
    }
    assert {p for p in expected if "__pycache__" not in p.parts} <= covered


def test_an_edit_reaches_the_rebuilt_site_and_bad_content_is_never_served_from_the_cache(tmp_path: Path) -> None:
    content, site = tmp_path / "content", tmp_path / "site"
    shutil.copytree(CONTENT, content)
    assert run_offer_guide("build", "--content", content, "-d", site).returncode == 0
    assert "Edited" not in (site / "index.html").read_text(encoding="utf-8")
    edit_title(content)
    assert run_offer_guide("build", "--content", content, "-d", site).returncode == 0
    assert "Edited" in (site / "index.html").read_text(encoding="utf-8")
    remove_a_file(content)
    failed = run_offer_guide("build", "--content", content, "-d", site)
    assert failed.returncode == 1 and "faq.yml" in failed.stderr
    assert "Edited" in (site / "index.html").read_text(encoding="utf-8")  # the previous site, untouched
