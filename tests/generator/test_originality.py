"""The guide is in its own words and sells nothing: no run of ten words from the source article, on any
built page or in any content string, and no promotional call to action."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import CONTENT
from tests.generator.source_runs import RUN, copied_runs, source_digests

DIGESTS = source_digests()

# Calls to action the source article is full of, and their usual cousins. A guide may name a coach
# as someone to talk to; it may not send the reader to book, buy, join or download anything.
PROMOTION: dict[str, re.Pattern[str]] = {
    "book a call": re.compile(r"\b(?:book|schedule|reserve)\s+(?:a|an|your|my)\s+(?:free\s+)?(?:\w+\s+)?(?:call|session|consultation)\b", re.I),
    "discovery call": re.compile(r"\bdiscovery\s+(?:call|session)\b", re.I),
    "coaching offer": re.compile(r"\bcoaching\s+(?:call|session|package|programme|program)s?\b", re.I),
    "sign up": re.compile(r"\bsign[\s-]?up\b|\bsubscribe\b|\bregister\s+now\b", re.I),
    "course or training": re.compile(r"\b(?:our|this|the)\s+(?:\w+\s+)?(?:course|training|programme|program|masterclass)\b|\benrol+\b", re.I),
    "free download": re.compile(r"\bdownload\s+(?:our|your|my|free|these|this)\b|\bfree\s+(?:templates?|guide|e-?book|resources?|trial|consultation)\b", re.I),
    "the article's brands": re.compile(r"\binspire\s+ambitions\b|\bcareer\s+confidence\s+blueprint\b", re.I),
}


def content_strings() -> Iterator[tuple[str, str]]:
    """(place, text) for every string in every content file."""
    for path in sorted(CONTENT.glob("*.yml")):
        yield from _strings(path.name, yaml.safe_load(path.read_text(encoding="utf-8")))


def _strings(place: str, value: Any) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield place, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(f"{place}:{key}", item)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(f"{place}[{i}]", item)


def page_texts(site: Path) -> Iterator[tuple[str, str]]:
    """(address, visible text) for every HTML page of the built guide."""
    for path in sorted(site.rglob("*.html")):
        raw = path.read_text(encoding="utf-8")
        raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S | re.I)
        yield path.relative_to(site).as_posix(), html.unescape(re.sub(r"<[^>]+>", " ", raw))


def test_the_article_digests_are_there() -> None:
    # Fewer would mean a truncated or empty fixture, and every other test here would pass vacuously.
    assert len(DIGESTS) > 1000


# A sentence of the source article, and variants that copy it just as much.
ARTICLE_SENTENCE = "Aim to notify the hiring manager or recruiter within 24–48 hours of your decision."


@pytest.mark.parametrize(
    ("text", "copied"),
    [
        (ARTICLE_SENTENCE, True),
        (ARTICLE_SENTENCE.upper(), True),
        ("Aim to notify the hiring-manager, or recruiter, within 24-48 hours of your decision!", True),
        ("Start with appreciation: thank them for the interview time and the offer.", True),
        ("My main message: declining an offer is not failure.", False),  # nine words: allowed
        ("Aim to tell the recruiter or hiring manager within 24–48 hours of deciding.", False),
    ],
)
def test_copied_runs_are_found_whatever_the_case_or_punctuation(text: str, copied: bool) -> None:
    assert bool(copied_runs(text, DIGESTS)) is copied


def test_no_content_string_copies_the_article() -> None:
    copies = [f"{place}: “{run}”" for place, text in content_strings() for run in copied_runs(text, DIGESTS)[:1]]
    assert copies == [], f"runs of {RUN} words from the source article:\n" + "\n".join(copies)


def test_no_built_page_copies_the_article(built_site: Path) -> None:
    pages = list(page_texts(built_site))
    assert len(pages) > 15
    copies = [f"{address}: “{run}”" for address, text in pages for run in copied_runs(text, DIGESTS)[:1]]
    assert copies == [], f"runs of {RUN} words from the source article:\n" + "\n".join(copies)


@pytest.mark.parametrize(
    ("text", "promotes"),
    [
        ("Book a free discovery call to map your decision.", True),
        ("book your coaching session today", True),
        ("Sign up for our newsletter.", True),
        ("Download free resume and cover letter templates.", True),
        ("The Career Confidence Blueprint provides step-by-step training.", True),
        ("Explore our negotiation course.", True),
        ("A career coach, a mentor or a former manager can role-play the call with you.", False),
        ("Paid time for a course or certification", False),
        ("Leave a short voicemail, then send the email the same day.", False),
    ],
)
def test_the_promotion_patterns_tell_a_sales_pitch_from_advice(text: str, promotes: bool) -> None:
    assert any(p.search(text) for p in PROMOTION.values()) is promotes


def test_no_promotional_call_to_action(built_site: Path) -> None:
    found = [
        f"{place}: {name}: “{match.group(0)}”"
        for place, text in [*content_strings(), *page_texts(built_site)]
        for name, pattern in PROMOTION.items()
        for match in pattern.finditer(text)
    ]
    assert found == []
