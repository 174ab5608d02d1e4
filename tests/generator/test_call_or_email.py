"""One rule for call or email: stated once in content, quoted word for word by every page that states it,
and applied by the engine from the same content (issue 11)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from offer_engine import evaluate, to_dict, vocabulary

from generator.content.load import engine_data, load_content
from generator.content.model import Content
from generator.site.pages import render_pages
from tests.conftest import CONTENT

QUOTING = ["how-to-decline.md", "how-scoring-works.md", "faq.md", "scripts.md", "checklists/communication.md"]
"""The pages that tell the reader how to choose between a call and an email (the issue's list)."""
NAMED = re.compile(r"rule for call or email", re.IGNORECASE)


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(CONTENT)


@pytest.fixture(scope="module")
def pages(content: Content) -> dict[str, str]:
    return {path: " ".join(md.split()) for path, md in render_pages(content).items()}


def rule_of(content: Content) -> str:
    return " ".join(content.communication.rule.split())


def test_the_rule_is_written_once_in_content(content: Content) -> None:
    first = rule_of(content).split(". ")[0]
    holders = [p.name for p in sorted(CONTENT.glob("*.yml")) if first in " ".join(p.read_text(encoding="utf-8").split())]
    assert holders == ["communication.yml"]


@pytest.mark.parametrize("page", QUOTING)
def test_each_page_quotes_the_rule_word_for_word(pages: dict[str, str], content: Content, page: str) -> None:
    assert rule_of(content) in pages[page]


def test_every_page_naming_the_rule_links_to_it(pages: dict[str, str]) -> None:
    unlinked = [path for path, md in pages.items()
                if NAMED.search(md) and path != "how-to-decline.md" and "how-to-decline.md#medium" not in md
                and "how-to-decline/#medium" not in md]
    assert unlinked == []


def test_no_page_suggests_an_email_first_to_withdraw_an_acceptance(pages: dict[str, str]) -> None:
    said = re.compile(r"withdraw\w*[^.]{0,80}\b(by|in an) email\b", re.IGNORECASE)
    assert {path: said.search(md).group(0) for path, md in pages.items() if said.search(md)} == {}


def test_the_engine_writes_in_exactly_the_cases_the_content_lists(content: Content) -> None:
    listed = [case.when for case in content.communication.email.cases]
    assert None not in listed, "every email case names the situation the engine reads"
    assert engine_data(CONTENT)["email_cases"] == listed
    assert set(listed) == set(vocabulary.EMAIL_CASES)


def _plan(situation: dict[str, bool], **offer: Any) -> dict[str, Any]:
    scores = {c["id"]: 3 for c in engine_data(CONTENT)["criteria"]}
    request = {"offers": [{"name": "A", "scores": scores, **offer}], "situation": situation}
    return to_dict(evaluate(engine_data(CONTENT), request))["plan"]


@pytest.mark.parametrize("flag", [*vocabulary.SITUATION_KEYS, None])
def test_the_engine_follows_the_rule_for_each_situation(content: Content, flag: str | None) -> None:
    listed = {case.when for case in content.communication.email.cases}
    situation = {flag: True} if flag else {}
    plan = _plan(situation)
    assert plan["channel"] == ("email" if flag in listed else "call")
    assert plan["follow_up_email"] == (plan["channel"] == "call")  # every call is confirmed by a short email
    assert _plan(situation, accepted=True)["channel"] == "call"  # withdrawing an acceptance always starts with a call
