"""What the reader does with a result: copy the words, open them in an email app, download a
reminder for the deadline, print the decision."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from playwright.sync_api import Page
from widget_form import cli_result, fill_offer_file, open_score, wait_for_result

from tests.conftest import ROOT

pytestmark = pytest.mark.browser
EMAIL_EXAMPLE = ROOT / "examples" / "decline-email.yml"
CALL_EXAMPLE = ROOT / "examples" / "decline-call.yml"


def fill(page: Page, example: Path) -> dict:
    fill_offer_file(page, yaml.safe_load(example.read_text(encoding="utf-8")))
    wait_for_result(page)
    return cli_result(example)["plan"]


def test_copy_puts_the_script_on_the_clipboard(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_score(page, site_url)
    plan = fill(page, CALL_EXAMPLE)
    box = page.locator("[data-og-plan] > .og-plan [data-og-script=main]")
    box.get_by_role("button", name="Copy").click()
    box.get_by_role("button", name="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == plan["text"]


def test_open_in_email_app_carries_subject_and_body(page: Page, site_url: str) -> None:
    open_score(page, site_url)
    plan = fill(page, EMAIL_EXAMPLE)
    link = page.locator("[data-og-plan] > .og-plan [data-og-script=main]").get_by_role("link", name="Open in email app")
    href = link.get_attribute("href")
    assert href.startswith("mailto:?")
    query = parse_qs(urlsplit(href).query)
    assert query["subject"] == [plan["subject"]]
    assert query["body"] == [plan["text"].replace("\n", "\r\n")]


def test_remind_me_downloads_a_calendar_event_at_the_deadline(page: Page, site_url: str, tmp_path: Path) -> None:
    open_score(page, site_url)
    plan = fill(page, EMAIL_EXAMPLE)
    before = datetime.now(UTC)
    with page.expect_download() as info:
        page.locator("[data-og-plan] > .og-plan").get_by_role("button", name="Remind me (.ics)").click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    text = target.read_bytes().decode("utf-8")
    assert target.suffix == ".ics"
    assert text.startswith("BEGIN:VCALENDAR\r\n") and "BEGIN:VEVENT\r\n" in text and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    start = datetime.strptime(re.search(r"DTSTART:(\d{8}T\d{6}Z)", text).group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    due = before + timedelta(hours=plan["deadline_hours"]["min"])
    assert abs((start - due).total_seconds()) < 120
    assert f"SUMMARY:Decline {plan['offer']}" in text


def test_print_my_decision_shows_answers_and_results_only(page: Page, site_url: str) -> None:
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    open_score(page, site_url)
    fill(page, CALL_EXAMPLE)
    page.get_by_role("button", name="Print my decision").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    summary = page.locator("[data-og-print-summary]")
    assert summary.is_visible()
    assert "Manager and team fit" in summary.locator("table").inner_text()
    assert page.locator("[data-og-form]").is_hidden()
    assert page.locator("[data-og-results] [data-og-result]").first.is_visible()
    assert page.locator(".og-message-details").first.evaluate("d => d.open")


# Every button of the widget as the reader sees it: its text, height, font size, and the row it sits in.
BUTTONS = """() => [...document.querySelectorAll('#og-score .md-button')].filter((el) => el.getClientRects().length).map((el) => {
  const box = el.getBoundingClientRect(), style = getComputedStyle(el);
  return {name: el.textContent.trim(), height: Math.round(box.height), font: style.fontSize,
          row: [...document.querySelectorAll('#og-score .og-actions, #og-score .og-tools')].indexOf(el.closest('.og-actions, .og-tools')),
          middle: Math.round(box.top + box.height / 2)};
})"""


@pytest.mark.parametrize("width", [360, 1280])
def test_the_widgets_buttons_are_one_size_and_line_up(page: Page, site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    open_score(page, site_url)
    fill(page, EMAIL_EXAMPLE)
    page.locator("#og-score details").evaluate_all("(ds) => ds.forEach((d) => (d.open = true))")
    buttons = page.evaluate(BUTTONS)
    assert {"Remind me (.ics)", "Import answers", "Open in email app", "Copy", "Forget my answers"} <= {b["name"] for b in buttons}
    assert {(b["height"], b["font"]) for b in buttons} == {(buttons[0]["height"], buttons[0]["font"])}, buttons
    # Buttons side by side in one row share a middle line (wrapped rows start a new line).
    for row in {b["row"] for b in buttons if b["row"] >= 0}:
        middles = sorted({b["middle"] for b in buttons if b["row"] == row})
        assert all(later - earlier >= buttons[0]["height"] for earlier, later in itertools.pairwise(middles)), (row, middles)
