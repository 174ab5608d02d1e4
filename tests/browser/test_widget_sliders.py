"""Scores and weights by slider and by keyboard, untouched scores, and the first step a fresh page shows until one score is the reader's own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page
from widget_form import cli_result, label, open_score, wait_for_result
from widget_parts import FIRST_STEP, LABELS, WEIGHTS, plain, saved, slider

pytestmark = pytest.mark.browser
UNTOUCHED = "Not scored yet"


def untouched(page: Page) -> int:
    return page.get_by_text(UNTOUCHED, exact=True).filter(visible=True).count()


def renders(page: Page) -> int:
    return page.evaluate("Number(document.querySelector('[data-og-score]').dataset.ogRenders)")


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
    open_score(page, site_url)
    control = slider(page, field)
    box = label(page, field)
    assert box.input_value() == plain(start)
    before = renders(page)
    control.focus()
    expected = start
    for key in keys:
        page.keyboard.press(key)
        expected = {"ArrowRight": min(high, expected + 1), "ArrowLeft": max(0, expected - 1), "Home": 0, "End": high}[key]
    assert box.input_value() == plain(expected)
    assert control.get_attribute("aria-valuetext") == f"{plain(expected)} out of {high}"
    # The widget sees the slider's change as the number's: it scores again and saves the new value.
    page.wait_for_function(f"Number(document.querySelector('[data-og-score]').dataset.ogRenders) > {before}")
    wait_for_result(page)
    answers = json.loads(saved(page) or "{}")["answers"]
    stored = answers["offers"][0]["scores"][criterion] if kind == "score" else answers["priorities"][criterion]["weight"]
    assert stored == expected


def test_typing_an_exact_number_moves_the_slider(page: Page, site_url: str) -> None:
    open_score(page, site_url)
    field = f"{LABELS['compensation']}: weight (0–5)"
    label(page, field).fill("2.5")
    assert slider(page, field).get_attribute("aria-valuetext") == "2.5 out of 5"
    label(page, f"{LABELS['autonomy']} score for Offer 1").fill("9")
    assert slider(page, f"{LABELS['autonomy']} score for Offer 1").input_value() == "9"


@pytest.mark.parametrize("width", [360, 1280])
def test_sliders_and_number_boxes_are_targets_of_24_px_or_more(page: Page, site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    open_score(page, site_url)
    sizes = page.evaluate("""() => [...document.querySelectorAll('.og-scale input')].map((el) => {
      const box = el.getBoundingClientRect();
      return [el.getAttribute('aria-label') || el.name, box.width, box.height];
    })""")
    assert len(sizes) == 4 * len(LABELS)  # a weight and one score per criterion, each a slider and a box
    assert [s for s in sizes if s[1] < 24 or s[2] < 24] == []


def first_step_shown(page: Page) -> None:
    assert page.locator("[data-og-summary]").inner_text().startswith(FIRST_STEP)
    assert page.locator("[data-og-live-text]").inner_text().startswith("No suggestion yet: score an offer")
    assert page.locator("[data-og-live]").is_visible()
    assert page.locator("[data-og-result], [data-og-plan] *, [data-og-compare] *").count() == 0


def test_a_fresh_page_shows_the_first_step_and_one_arrow_key_brings_the_verdict(
        page: Page, site_url: str, tmp_path: Path) -> None:
    open_score(page, site_url)
    first_step_shown(page)
    assert untouched(page) == len(LABELS)
    label(page, "Name of offer 1").fill("Mine")  # a name is not a score: still no verdict
    wait_for_result(page)
    first_step_shown(page)

    slider(page, f"{LABELS['manager']} score for Offer 1 (Mine)").focus()
    page.keyboard.press("ArrowRight")
    wait_for_result(page)
    scores = {cid: 5 for cid in LABELS} | {"manager": 6}
    (tmp_path / "offer.yml").write_text(yaml.safe_dump({"offers": [{"name": "Mine", "scores": scores}]}), encoding="utf-8")
    expected = cli_result(tmp_path / "offer.yml")
    assert page.locator("[data-og-summary]").inner_text() == expected["summary"]
    assert page.locator("[data-og-live-text]").inner_text() == expected["summary"]
    assert page.locator("[data-og-result]").count() == 1
    assert untouched(page) == len(LABELS) - 1
    assert slider(page, f"{LABELS['compensation']} score for Offer 1 (Mine)").get_attribute("aria-valuetext") == "5 out of 10, not scored yet"
    assert slider(page, f"{LABELS['manager']} score for Offer 1 (Mine)").get_attribute("aria-valuetext") == "6 out of 10"


def test_added_offers_start_untouched_and_a_removed_offer_takes_only_its_own_scores(page: Page, site_url: str) -> None:
    open_score(page, site_url)
    page.get_by_role("button", name="Add another offer").click()
    assert untouched(page) == 2 * len(LABELS)  # a copy of the first offer's part, yet untouched
    label(page, f"{LABELS['autonomy']} score for Offer 2").press("ArrowUp")
    wait_for_result(page)
    assert untouched(page) == 2 * len(LABELS) - 1
    page.get_by_role("button", name="Remove Offer 1").click()
    wait_for_result(page)
    # The second offer moved up to first place, its own score with it; the verdict stays.
    assert untouched(page) == len(LABELS) - 1
    assert slider(page, f"{LABELS['autonomy']} score for Offer 1").get_attribute("aria-valuetext") == "6 out of 10"
    assert page.locator("[data-og-result]").count() == 1


@pytest.mark.parametrize("how", ["reload", "import"])
def test_restored_answers_count_as_the_readers_own_and_forget_starts_afresh(
        page: Page, site_url: str, tmp_path: Path, how: str) -> None:
    open_score(page, site_url)
    if how == "reload":
        label(page, "Name of offer 1").fill("Kept")
        wait_for_result(page)
        page.reload()
    else:
        answers = {"offers": [{"name": "Kept", "scores": {"compensation": 7}}]}
        (tmp_path / "answers.json").write_text(json.dumps(answers), encoding="utf-8")
        label(page, "Import answers").set_input_files(tmp_path / "answers.json")
        page.get_by_text("Imported 1 offer from").wait_for()
    wait_for_result(page)
    assert page.locator("[data-og-result]").first.get_attribute("data-og-result") == "Kept"
    assert untouched(page) == 0
    page.get_by_role("button", name="Forget my answers").click()
    wait_for_result(page)
    first_step_shown(page)
    assert untouched(page) == len(LABELS)
    assert saved(page) is None
