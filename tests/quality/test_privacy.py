"""Nothing a reader types into the widget leaves the browser: a marker typed into every text field
appears in no request's address, headers or body during a visit that also exports, prints,
downloads a reminder, copies a script, copies and opens a link for a mentor, and moves around
the site; nor does that link's fragment (the answers, packed).

That no page asks another origin for anything is checked on every page by
tests/browser/test_widget_site.py; this visit checks it again for what the widget does.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import Browser, Request

from tests.browser.widget_form import fill_offer_file, open_score, wait_for_result

pytestmark = pytest.mark.browser

# Stands in for the print dialog, which headless Chromium cannot show.
COUNT_PRINTS = "window.__prints = 0; window.print = () => { window.__prints += 1; };"


def marker(field: str) -> str:
    """A string nobody else would send, naming the field it was typed into."""
    return f"zqxmark{field.replace('-', '')}"


OFFERS = {
    "your_name": marker("yourname"),
    "custom_criteria": [{"id": "own", "label": marker("owncriterion"), "weight": 4}],
    "offers": [
        {
            "name": marker(f"offer{n}"),
            "contact": {"name": marker(f"contact{n}"), "role": marker(f"role{n}"), "company": marker(f"company{n}")},
            "scores": {"compensation": 4 + 2 * n, "manager": 9 - 2 * n},
        }
        for n in (1, 2)
    ],
}


def leaks(request: Request, secret: str = "zqxmark") -> list[str]:
    """Where a marker (or another secret) shows in a request: its address, a header, or its body (decoded as text)."""
    body = (request.post_data_buffer or b"").decode("utf-8", errors="replace")
    places = {"address": unquote(request.url), "body": body, **{f"header {k}": v for k, v in request.all_headers().items()}}
    return [f"{where}: {text[:200]}" for where, text in places.items() if secret.lower() in text.lower()]


def test_nothing_typed_into_the_widget_is_sent(browser: Browser, site_url: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(COUNT_PRINTS)
    requests: list[Request] = []
    context.on("request", lambda r: requests.append(r))  # the context sees the pages' and their workers' requests
    page = context.new_page()

    open_score(page, site_url)
    fill_offer_file(page, OFFERS)
    text_fields = page.locator("[data-og-form] input[type=text], [data-og-form] textarea, [data-og-form] input:not([type])")
    values = text_fields.evaluate_all("els => els.map(e => [e.name || e.id, e.value])")
    assert values, "the widget has no text fields"
    assert all("zqxmark" in value for _, value in values), f"text fields without a marker typed in: {values}"
    wait_for_result(page)
    assert marker("offer2") in page.locator("[data-og-results]").inner_text().lower()

    with page.expect_download() as exported:
        page.get_by_role("button", name="Export answers (JSON)").click()
    exported.value.save_as(tmp_path / "answers.json")
    assert marker("yourname") in (tmp_path / "answers.json").read_text(encoding="utf-8")
    with page.expect_download():
        page.get_by_role("button", name="Remind me (.ics)").first.click()
    page.get_by_role("button", name="Copy").first.click()
    page.get_by_role("button", name="Print my decision").click()
    assert page.evaluate("window.__prints") == 1
    page.emulate_media(media="print")
    page.pdf()  # lays the page out for paper, loading whatever print needs
    page.emulate_media(media="screen")

    # The link for a mentor: made, then opened (in this tab, as a mentor would in theirs) and used.
    page.get_by_role("button", name="Copy a link for a mentor").click()
    page.get_by_role("button", name="Copy the link").click()
    page.locator("[data-og-share-message]").filter(has_text="The link is copied").wait_for()
    link = page.evaluate("navigator.clipboard.readText()")
    shared = link.split("#share=", 1)[1]
    page.goto("about:blank")
    page.goto(link)
    wait_for_result(page)
    page.get_by_role("button", name="Use these answers").click()
    wait_for_result(page)

    page.locator("a.md-footer__link--next").click()
    page.wait_for_function("!document.querySelector('[data-og-score]')")
    page.get_by_role("link", name="Checklists", exact=True).first.click()
    page.wait_for_load_state("load")
    open_score(page, site_url)  # the saved answers come back and are scored again
    assert marker("offer1") in page.locator("[data-og-results]").inner_text().lower()

    assert any(r.url.endswith(".wasm") for r in requests), "the engine worker's requests were not seen"
    found = {request.url: leaks(request) + leaks(request, shared) for request in requests}
    assert not {url: where for url, where in found.items() if where}, "typed text left the browser"
    others = [r.url for r in requests if not r.url.startswith((site_url + "/", "data:", "blob:"))]
    assert not others, f"requests to another origin: {others}"
    context.close()
