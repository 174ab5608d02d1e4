"""The link for a mentor: it says what it holds before copying, round-trips the answers in the fragment, shows them as a preview that replaces nothing until the reader agrees, refuses bad links with nothing lost, and no request carries it."""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

import pytest
import yaml
from playwright.sync_api import Page
from widget_form import fill_offer_file, form_values, label, open_score, packed, share_fragment, wait_for_result
from widget_parts import LABELS, SEVERAL, saved

pytestmark = pytest.mark.browser

DATA = yaml.safe_load(SEVERAL.read_text(encoding="utf-8"))
TWO = {**DATA, "offers": DATA["offers"][:2]}
GOOD = {"offers": [{"name": "A", "scores": {"compensation": 6}}]}


def shown_offers(page: Page) -> list[str | None]:
    cards = page.locator("[data-og-result]")
    return [cards.nth(i).get_attribute("data-og-result") for i in range(cards.count())]


def test_a_share_link_says_what_it_holds_and_round_trips_the_answers(page_factory: Any, site_url: str) -> None:
    page = page_factory(permissions=["clipboard-read", "clipboard-write"])
    open_score(page, site_url)
    fill_offer_file(page, TWO)
    wait_for_result(page)
    shared, verdicts = form_values(page), shown_offers(page)
    page.get_by_role("button", name="Copy a link for a mentor").click()
    contents = page.locator("[data-og-share-contents]").inner_text()
    for offer in TWO["offers"]:  # names and scores, said before anything is copied
        assert offer["name"] in contents and offer["contact"]["name"] in contents
        assert f"{LABELS['development']} {offer['scores']['development']}" in contents
    page.get_by_role("button", name="Copy the link").click()
    page.locator("[data-og-share-message]").filter(has_text="The link is copied").wait_for()
    link = page.evaluate("navigator.clipboard.readText()")
    assert link.startswith(f"{site_url}/score/#share=v1.")
    # Compressed: the fragment's bytes, once base64url-decoded, are fewer than the JSON they inflate to.
    packed = base64.urlsafe_b64decode(link.split("#share=v1.", 1)[1] + "==")
    inflated = zlib.decompressobj(-zlib.MAX_WBITS).decompress(packed)
    assert len(packed) < len(inflated) and json.loads(inflated)

    # The mentor's browser, with answers of its own and the page open; then the link is pasted.
    mentor = page_factory()
    open_score(mentor, site_url)
    label(mentor, "Name of offer 1").fill("Mentor's own")
    wait_for_result(mentor)
    own, kept = form_values(mentor), saved(mentor)
    mentor.goto(link)  # only the fragment changes: the open page hears it
    wait_for_result(mentor)
    preview = mentor.get_by_role("region", name="Answers someone shared with you")
    preview.wait_for()
    assert TWO["offers"][1]["name"] in preview.inner_text()
    assert form_values(mentor) == own and saved(mentor) == kept
    mentor.get_by_role("button", name="Keep my answers").click()
    assert form_values(mentor) == own and saved(mentor) == kept
    assert mentor.evaluate("location.hash") == ""

    mentor.goto("about:blank")
    mentor.goto(link)  # opened afresh this time
    wait_for_result(mentor)
    mentor.get_by_role("button", name="Use these answers").click()
    wait_for_result(mentor)
    assert form_values(mentor) == shared
    assert shown_offers(mentor) == verdicts  # the shared scores count as the reader's own: a verdict at once
    assert TWO["offers"][1]["name"] in (saved(mentor) or "")
    mentor.get_by_role("button", name="Undo").click()
    wait_for_result(mentor)
    assert form_values(mentor) == own
    # The answers rode only in the fragment: no request of either browser carried any of them.
    secret = link.split("#share=", 1)[1]
    requests = page.log.requests + mentor.log.requests  # type: ignore[attr-defined]
    assert not [r.url for r in requests if secret in r.url or secret in (r.post_data or "")]


BAD = {
    "damaged": ("#share=v1.%%%not-base64", "damaged"),
    "cut short": (share_fragment(GOOD)[:-12], "damaged"),
    "foreign": (packed(json.dumps({"format": "someone-else", "version": 1})), "not a set of answers from this guide"),
    "not answers": (share_fragment({"offers": [{"name": "A", "scores": {"compensation": 42}}]}), "does not hold answers"),
    "a zip bomb": (packed(json.dumps({"offers": "a" * 300_000})), "holds more than"),
    "oversized": ("#share=v1." + "A" * 20_000, "far longer"),
    "from a newer guide": (share_fragment(GOOD, version=2), "newer version"),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_a_bad_share_link_is_refused_with_its_reason_and_nothing_is_lost(page: Page, site_url: str, kind: str) -> None:
    fragment, reason = BAD[kind]
    open_score(page, site_url)
    label(page, "Name of offer 1").fill("Mine")
    label(page, f"{LABELS['manager']} score for Offer 1 (Mine)").press("ArrowUp")
    wait_for_result(page)
    before, kept = form_values(page), saved(page)
    page.goto("about:blank")
    page.goto(f"{site_url}/score/{fragment}")
    wait_for_result(page)
    message = page.locator("[data-og-share-message]")
    message.filter(has_text="were not opened").wait_for()
    assert reason in message.inner_text()
    assert "Your own answers are unchanged." in message.inner_text()
    assert page.locator("[data-og-share-preview]").count() == 0
    assert form_values(page) == before and saved(page) == kept
    assert shown_offers(page) == ["Mine"]
