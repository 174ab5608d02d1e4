"""Words that follow the numbers: change the rubric's numbers, and every page and the command line quote the new ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content.load import load_content
from generator.content.numbers import NAMES
from tests.conftest import ROOT, run_offer_guide
from tests.other_numbers import NEW, OLD, write_other_numbers


@pytest.fixture(scope="module")
def other_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_other_numbers(tmp_path_factory.mktemp("numbers") / "content")


@pytest.fixture(scope="module")
def other_site(other_content: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("numbers-site") / "site"
    done = run_offer_guide("build", "--content", other_content, "-d", site)
    assert done.returncode == 0, done.stderr
    return site


def visible(path: Path) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")).split())


def test_every_page_quotes_the_new_numbers(other_site: Path) -> None:
    pages = {p: visible(p) for p in other_site.rglob("*.html")}
    old_hours, new_hours = f"{OLD['min_hours']}–{OLD['max_hours']}", f"{NEW['min_hours']}–{NEW['max_hours']}"
    assert not [p for p, text in pages.items() if old_hours in text]
    assert not [p for p, text in pages.items() for name in NAMES if f"{{{name}}}" in text]
    # Every page whose content quotes the deadline now quotes the new one (home, how to decline, FAQ, a checklist, the rules).
    assert len([p for p, text in pages.items() if f"{new_hours} hours" in text]) >= 5
    rules = pages[other_site / "how-scoring-works" / "index.html"]
    for said in (f"{NEW['accept']} or more", f"Between {NEW['negotiate']} and {NEW['accept']}",
                 f"goes up by {NEW['extra_weight']},", f"still below {NEW['accept']}"):
        assert said in rules
    for said in (f"{OLD['accept']} or more", f"Between {OLD['negotiate']} and {OLD['accept']}", f"goes up by {OLD['extra_weight']},"):
        assert said not in rules


def test_the_command_line_quotes_the_new_numbers(other_content: Path) -> None:
    done = run_offer_guide("score", "--content", other_content, ROOT / "examples" / "negotiate.yml")
    assert done.returncode == 0, done.stderr
    assert f"accept from {NEW['accept']}, negotiate from {NEW['negotiate']}" in done.stdout
    assert f"Within {NEW['min_hours']}–{NEW['max_hours']} hours of deciding." in done.stdout
    assert f"{OLD['min_hours']}–{OLD['max_hours']}" not in done.stdout


def test_loaded_content_has_no_placeholder_left(other_content: Path) -> None:
    rules = load_content(other_content).rubric.rules
    assert not [r.id for r in rules for name in NAMES if f"{{{name}}}" in r.title + r.text]
