"""A step to a place on the page the reader is on stays on that page: it is not fetched again and swapped in.

Material's instant navigation fetched the current page again on the first such step after a load
(widgets/offer_widget/same-page.mjs says why). On /score/ that remounted the widget: what it was
showing (here the Undo after "Forget my answers") went, and the form showed its defaults meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page
from widget_form import open_score, score_one, wait_for_result

pytestmark = pytest.mark.browser


def requests_for(page: Page, path: str) -> int:
    """How many times the page asked for the document at `path` (by any means: navigation, fetch, XHR)."""
    return sum(1 for r in page.log.requests if urlsplit(r.url).path == path)  # type: ignore[attr-defined]


def skip_link(page: Page) -> None:
    page.get_by_role("link", name="Skip to content").focus()
    page.keyboard.press("Enter")


def pasted_link(page: Page) -> None:
    page.goto(f"{page.url.split('#')[0]}#og-results-title")  # only the fragment differs


def back_button(page: Page) -> None:
    page.evaluate("history.pushState(null, '', '#og-results-title')")  # an entry of this page's own
    page.go_back()


STEPS: dict[str, Callable[[Page], None]] = {
    "the skip link, from the keyboard": skip_link,
    "the result line's 'See the details'": lambda page: page.get_by_role("link", name="See the details").click(),
    "the title's permanent link": lambda page: page.get_by_role("heading", level=1).get_by_role("link", name="¶").click(),
    "a link to a place on the page, pasted into the open tab": pasted_link,
    "the back button, to where the page began": back_button,
}


@pytest.mark.parametrize("step", STEPS.values(), ids=STEPS.keys())
def test_a_step_within_the_scoring_page_keeps_the_widget_as_it_is(
    page: Page, site_url: str, step: Callable[[Page], None]
) -> None:
    open_score(page, site_url)
    score_one(page)
    wait_for_result(page)
    page.get_by_role("button", name="Forget my answers").click()
    undo = page.get_by_role("button", name="Undo")
    undo.wait_for()
    before = requests_for(page, "/score/")
    step(page)
    page.wait_for_load_state("networkidle")  # Material's fetch and swap, had one started, are done by now
    assert requests_for(page, "/score/") == before, "the page was fetched again"
    assert undo.is_visible(), "what the widget showed is gone"
    undo.click()
    wait_for_result(page)
    assert page.locator("[data-og-score]").get_attribute("data-og-outcome") == "ok"  # the verdict is back
    assert not page.log.console_errors and not page.log.page_errors  # type: ignore[attr-defined]


def test_a_step_within_a_guide_page_does_not_fetch_it_again(page_factory: Any, site_url: str) -> None:
    page = page_factory()
    page.goto(f"{site_url}/")
    page.wait_for_function("typeof window.document$?.subscribe === 'function'")
    before = requests_for(page, "/")
    skip_link(page)
    page.wait_for_load_state("networkidle")
    assert requests_for(page, "/") == before
    # Material's own navigation still works afterwards: another page is swapped in, and back again.
    page.evaluate("window.__sameDocument = true")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_function("location.pathname !== '/'")
    page.go_back()
    page.wait_for_function("location.pathname === '/' && !!document.querySelector('a.md-footer__link--next')")
    assert page.evaluate("window.__sameDocument") is True, "that was a full page load, not instant navigation"
