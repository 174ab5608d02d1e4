"""The widget, filled in by its labels, says what `offer-guide score --json` says for each example."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Locator, Page
from widget_form import cli_result, fill_offer_file, open_score, wait_for_result

from tests.conftest import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.yml"))
pytestmark = pytest.mark.browser


def test_there_are_examples_to_check() -> None:
    assert len(EXAMPLES) >= 3


def check_plan(box: Locator, plan: dict[str, Any]) -> None:
    assert box.get_attribute("data-og-channel") == plan["channel"]
    # The engine's sentences, shown as they are: the same words the command line prints.
    assert box.locator(".og-plan__action").text_content() == plan["action_text"]
    assert box.locator("[data-og-how]").text_content() == plan["how"]
    assert plan["deadline_text"] in box.locator(".og-plan__facts").text_content()
    main = box.locator("[data-og-script=main]")
    if plan["text"] is None:
        assert main.count() == 0
    else:
        assert main.locator("[data-og-script-text]").text_content() == plan["text"]
        assert main.get_attribute("data-og-script-channel") == plan["channel"]
        if plan["subject"] is not None:
            assert main.locator("[data-og-subject]").text_content() == plan["subject"]
    follow = box.locator("[data-og-script=follow-up]")
    if plan["follow_up_text"] is None:
        assert follow.count() == 0
    else:
        assert follow.locator("[data-og-script-text]").text_content() == plan["follow_up_text"]
        assert follow.locator("[data-og-subject]").text_content() == plan["follow_up_subject"]
    other = box.locator("[data-og-script=other]")  # the same message in the other channel's form
    if plan["other_text"] is None:
        assert other.count() == 0
    else:
        assert other.get_attribute("data-og-script-channel") == plan["other_channel"]
        assert other.locator("[data-og-script-text]").text_content() == plan["other_text"]
        if plan["other_subject"] is not None:
            assert other.locator("[data-og-subject]").text_content() == plan["other_subject"]
    # The messages that go with the plan (the voicemail, asking to stay), under the engine's headings.
    for m in plan["extra_messages"]:
        extra = box.locator(f"[data-og-script={m['kind']}]")
        assert extra.get_attribute("data-og-script-channel") == m["channel"]
        assert extra.locator("h4").text_content() == f"{m['heading']}: {m['title']}"
        assert extra.locator("[data-og-script-text]").text_content() == m["text"]
    kinds = {m["kind"] for m in plan["extra_messages"]}
    assert box.locator("[data-og-script=voicemail]").count() == ("voicemail" in kinds)
    assert box.locator("[data-og-script=ask_to_stay]").count() == ("ask_to_stay" in kinds)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_widget_matches_the_command_line(page: Page, site_url: str, example: Path) -> None:
    expected = cli_result(example)
    open_score(page, site_url)
    labels = fill_offer_file(page, yaml.safe_load(example.read_text(encoding="utf-8")))
    wait_for_result(page)

    cards = page.locator("[data-og-result]")
    assert [cards.nth(i).get_attribute("data-og-result") for i in range(cards.count())] == [o["name"] for o in expected["offers"]]
    for at, offer in enumerate(expected["offers"]):
        card = cards.nth(at)
        assert card.locator("[data-og-verdict]").get_attribute("data-og-verdict") == offer["verdict"]
        assert card.locator(".og-result__name").inner_text() == offer["title"]
        assert f"Fit {offer['fit_text']} out of 100" in card.inner_text() and ".0 out of" not in card.inner_text()
        assert all(line in card.inner_text() for line in offer["explanation"])
        asks = card.locator("[data-og-ask] > strong")
        assert asks.all_text_contents() == [a["label"] for a in offer["ask_details"]]
        assert [labels[cid] for cid in offer["asks"]] == [a["label"] for a in offer["ask_details"]]
        breakers = card.locator(".og-dealbreakers")
        if offer["deal_breakers"]:
            assert breakers.inner_text() == "Deal-breakers: " + ", ".join(labels[cid] for cid in offer["deal_breakers"])
        else:
            assert breakers.count() == 0
        flip = card.locator("[data-og-flip]").inner_text()
        assert flip == f"{offer['flip_text']['heading']}: {offer['flip_text']['text']}"
        if offer["flip"]:
            f = offer["flip"]
            assert f"{f['label']} going from {f['from']} to {f['to']} would make it {f['verdict']}" in flip
        check_plan(card.locator(".og-plan"), offer["plan"])

    summary = page.locator("[data-og-summary]")
    assert summary.get_attribute("data-og-recommended") == (expected["recommended"] or "")
    assert summary.inner_text() == expected["summary"]
    check_plan(page.locator("[data-og-plan] > .og-plan"), expected["plan"])
    assert page.log.page_errors == [] and page.log.console_errors == []  # type: ignore[attr-defined]
