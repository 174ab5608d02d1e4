"""The link for a mentor: answers round-trip in the fragment, bad links are refused with nothing lost, consent before copying, a preview before replacing, and no request carries them."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from playwright.sync_api import Page

from generator.content.load import engine_data
from tests.conftest import CONTENT
from widget_form import fill_offer_file, form_values, label, wait_for_result
from widget_parts import KEY, LABELS, SEVERAL, USE, mount_share, use

pytestmark = pytest.mark.browser


ANSWERS = json.loads(json.dumps(yaml.safe_load(SEVERAL.read_text(encoding="utf-8"))))


def test_a_share_link_round_trips_the_answers_in_the_fragment(page: Page, site_url: str) -> None:
    use(page, site_url)
    answers = {**ANSWERS, "custom_criteria": []}
    fragment = page.evaluate("(a) => og.share.shareFragment(a)", answers)
    assert fragment.startswith("#share=v1.")
    assert len(fragment) < len(json.dumps(answers))  # compressed
    builtin = list(LABELS)
    back = page.evaluate("([f, ids, costs]) => og.share.readShareFragment(f, ids, costs)",
                         [fragment, builtin, [c["id"] for c in engine_data(CONTENT)["costs"]]])
    assert back == answers


BAD_FRAGMENTS = {
    "damaged": ("() => '#share=v1.%%%not-base64'", "damaged"),
    "cut short": ("async () => (await og.share.shareFragment({offers: [{name: 'A'}]})).slice(0, -12)", "damaged"),
    "foreign": ("async () => packed('{\"format\": \"someone-else\", \"version\": 1}')", "not a set of answers from this guide"),
    "not answers": ("async () => og.share.shareFragment({offers: [{name: 'A', scores: {compensation: 42}}]})", "does not hold answers"),
    "a zip bomb": ("async () => packed('{\"offers\": \"' + 'a'.repeat(300000) + '\"}')", "holds more than"),
    "oversized": ("() => '#share=v1.' + 'A'.repeat(og.share.MAX_LINK_CHARS)", "far longer"),
    "from a newer guide": ("async () => (await og.share.shareFragment({offers: [{name: 'A'}]})).replace('v1.', 'v2.')", "newer version"),
}


# Any text, deflated into a fragment the way shareFragment does it, for fragments it would never make.
PACKED = """() => { window.packed = async (text) => {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return "#share=v1." + btoa(String.fromCharCode(...bytes)).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
}; }"""


@pytest.mark.parametrize("kind", list(BAD_FRAGMENTS))
def test_a_bad_share_link_is_refused_with_its_reason_and_nothing_is_lost(page: Page, site_url: str, kind: str) -> None:
    make, reason = BAD_FRAGMENTS[kind]
    use(page, site_url)
    label(page, "Name of offer 1").fill("Mine")
    wait_for_result(page)
    saved = page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")
    page.evaluate(PACKED)
    fragment = page.evaluate(make)
    page.goto("about:blank")
    page.goto(f"{site_url}/score/{fragment}")
    wait_for_result(page)
    page.evaluate(USE)
    before = form_values(page)
    mount_share(page)
    message = page.locator("[data-og-share-message]")
    message.filter(has_text="were not opened").wait_for()
    assert reason in message.inner_text()
    assert "Your own answers are unchanged." in message.inner_text()
    assert page.locator("[data-og-share-preview]").count() == 0
    assert form_values(page) == before
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") == saved


def test_copy_a_link_says_what_it_holds_first_and_opening_it_asks_before_replacing(
        page_factory: Any, site_url: str) -> None:
    page = page_factory(permissions=["clipboard-read", "clipboard-write"])
    use(page, site_url)
    data = yaml.safe_load(SEVERAL.read_text(encoding="utf-8"))
    fill_offer_file(page, {**data, "offers": data["offers"][:2]})
    wait_for_result(page)
    mount_share(page)
    page.get_by_role("button", name="Copy a link for a mentor").click()
    contents = page.locator("[data-og-share-contents]").inner_text()
    for offer in data["offers"][:2]:
        assert offer["name"] in contents and offer["contact"]["name"] in contents
        assert f"{LABELS['development']} {offer['scores']['development']}" in contents
    page.get_by_role("button", name="Copy the link").click()
    page.locator("[data-og-share-message]").filter(has_text="The link is copied").wait_for()
    link = page.evaluate("navigator.clipboard.readText()")
    assert link.startswith(f"{site_url}/score/#share=v1.")
    shared = form_values(page)

    # The mentor's browser: answers of their own, then the link.
    page.get_by_role("button", name="Forget my answers").click()
    label(page, "Name of offer 1").fill("Mentor's own")
    wait_for_result(page)
    own, saved = form_values(page), page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")
    page.goto("about:blank")
    page.goto(link)
    wait_for_result(page)
    page.evaluate(USE)
    mount_share(page)
    preview = page.get_by_role("region", name="Answers someone shared with you")
    assert data["offers"][1]["name"] in preview.inner_text()
    assert form_values(page) == own and page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") == saved
    page.get_by_role("button", name="Keep my answers").click()
    assert form_values(page) == own and page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") == saved
    assert page.evaluate("location.hash") == ""

    page.goto("about:blank")
    page.goto(link)
    wait_for_result(page)
    page.evaluate(USE)
    mount_share(page)
    page.get_by_role("button", name="Use these answers").click()
    assert form_values(page) == shared
    page.wait_for_function(f"(localStorage.getItem({json.dumps(KEY)}) || '').includes({json.dumps(data['offers'][1]['name'])})")
    # The answers rode only in the fragment: no request carried any of them.
    secret = link.split("#", 1)[1]
    assert not [r.url for r in page.log.requests if secret in r.url or secret in (r.post_data or "")]
