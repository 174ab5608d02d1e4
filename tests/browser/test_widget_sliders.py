"""Scores and weights by slider and by keyboard, untouched scores, and the first step before any score (phase 1: modules imported into the built page)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

from widget_form import label, wait_for_result
from widget_parts import KEY, LABELS, WEIGHTS, plain, slider, use

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("criterion", "kind", "keys"), [
    ("compensation", "score", ["ArrowRight", "ArrowRight"]),
    ("manager", "score", ["ArrowLeft", "Home"]),
    ("compensation", "weight", ["ArrowLeft"]),
    ("development", "weight", ["End"]),
])
def test_a_slider_sets_its_number_by_keyboard_and_says_it_out_of_its_maximum(
        page: Page, site_url: str, criterion: str, kind: str, keys: list[str]) -> None:
    field = f"{LABELS[criterion]} score for Offer 1" if kind == "score" else f"{LABELS[criterion]}: weight (0–5)"
    start, high = (5, 10) if kind == "score" else (WEIGHTS[criterion], 5)
    use(page, site_url)
    control = slider(page, field)
    box = label(page, field)
    assert box.input_value() == plain(start)
    renders = page.evaluate("Number(document.querySelector('[data-og-score]').dataset.ogRenders)")
    control.focus()
    expected = start
    for key in keys:
        page.keyboard.press(key)
        expected = {"ArrowRight": min(high, expected + 1), "ArrowLeft": max(0, expected - 1), "Home": 0, "End": high}[key]
    assert box.input_value() == plain(expected)
    assert control.get_attribute("aria-valuetext") == f"{plain(expected)} out of {high}"
    # The widget sees the slider's change as the number's: it scores again and saves the new value.
    page.wait_for_function(f"Number(document.querySelector('[data-og-score]').dataset.ogRenders) > {renders}")
    wait_for_result(page)
    saved = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(KEY)})"))["answers"]
    stored = saved["offers"][0]["scores"][criterion] if kind == "score" else saved["priorities"][criterion]["weight"]
    assert stored == expected


def test_typing_an_exact_number_moves_the_slider(page: Page, site_url: str) -> None:
    use(page, site_url)
    field = f"{LABELS['compensation']}: weight (0–5)"
    label(page, field).fill("2.5")
    assert slider(page, field).get_attribute("aria-valuetext") == "2.5 out of 5"
    label(page, f"{LABELS['autonomy']} score for Offer 1").fill("9")
    assert slider(page, f"{LABELS['autonomy']} score for Offer 1").input_value() == "9"


@pytest.mark.parametrize("width", [360, 1280])
def test_sliders_and_number_boxes_are_targets_of_24_px_or_more(page: Page, site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    use(page, site_url)
    sizes = page.evaluate("""() => [...document.querySelectorAll('.og-scale input')].map((el) => {
      const box = el.getBoundingClientRect();
      return [el.getAttribute('aria-label') || el.name, box.width, box.height];
    })""")
    assert len(sizes) == 4 * len(LABELS)  # a weight and one score per criterion, each a slider and a box
    assert [s for s in sizes if s[1] < 24 or s[2] < 24] == []


def test_untouched_scores_say_so_until_the_reader_gives_their_own(page: Page, site_url: str) -> None:
    use(page, site_url)
    untouched = page.get_by_text("Not scored yet", exact=True).filter(visible=True)
    assert untouched.count() == len(LABELS)
    assert page.evaluate("og['own-scores'].hasOwnScore(document.querySelector('[data-og-form]'))") is False
    label(page, f"{LABELS['manager']} score for Offer 1").press("ArrowUp")
    assert untouched.count() == len(LABELS) - 1
    assert slider(page, f"{LABELS['manager']} score for Offer 1").get_attribute("aria-valuetext") == "6 out of 10"
    assert slider(page, f"{LABELS['compensation']} score for Offer 1").get_attribute("aria-valuetext") == "5 out of 10, not scored yet"
    # An added offer starts untouched, though it is a copy of the first offer's part.
    page.get_by_role("button", name="Add another offer").click()
    assert untouched.count() == 2 * len(LABELS) - 1
    own = page.evaluate("og['own-scores'].readOwn(document.querySelector('[data-og-form]'))")
    assert own == [["manager"], []]
    # Restored answers count as the reader's own.
    page.evaluate("og['own-scores'].markAllOwn(document.querySelector('[data-og-form]'))")
    assert untouched.count() == 0


def test_the_first_step_replaces_the_verdict_in_the_results_and_the_sticky_line(page: Page, site_url: str) -> None:
    use(page, site_url)
    first = page.evaluate("og['own-scores'].FIRST_STEP")
    page.evaluate("og['own-scores'].showFirstStep(document.querySelector('[data-og-score]'))")
    assert page.locator("[data-og-summary]").inner_text() == first["results"]
    assert page.locator("[data-og-live-text]").inner_text() == first["live"]
    assert page.locator("[data-og-result]").count() == 0
    assert page.locator("[data-og-plan] *").count() == 0
