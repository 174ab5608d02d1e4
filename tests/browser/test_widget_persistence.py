"""Saved answers: kept across a reload, forgotten on request, exported and imported intact;
a bad import is refused and loses nothing; without storage the widget still works."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from widget_form import READY, form_values, label, open_score, wait_for_result

pytestmark = pytest.mark.browser
KEY = "offer-guide:answers"


def make_some_answers(page: Page) -> None:
    label(page, "Your name").fill("Ada")
    label(page, "Name of offer 1").fill("Acme")
    page.get_by_role("button", name="Add another offer").click()
    label(page, "Name of offer 2").fill("Beta")
    label(page, "Manager and team fit score for Offer 2 (Beta)").fill("9")
    page.get_by_role("button", name="Add a criterion of your own").click()
    label(page, "Name of your criterion 1").fill("Commute")
    label(page, "Commute score for Offer 1 (Acme)").fill("2")
    label(page, "Salary and benefits: minimum you need (optional)").fill("6")
    label(page, "The recruiter asked me to reply by email").check()
    wait_for_result(page)


def test_a_reload_keeps_the_answers_and_forget_clears_them(page: Page, site_url: str) -> None:
    open_score(page, site_url)
    fresh = form_values(page)
    make_some_answers(page)
    answers = form_values(page)
    page.reload()
    wait_for_result(page)
    assert form_values(page) == answers
    assert page.locator("[data-og-result]").first.get_attribute("data-og-result") in ("Acme", "Beta")

    page.get_by_role("button", name="Forget my answers").click()
    wait_for_result(page)
    assert form_values(page) == fresh
    assert "forgotten" in page.locator("[data-og-message]").inner_text()
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") is None
    page.reload()
    wait_for_result(page)
    assert form_values(page) == fresh


def export_answers(page: Page, tmp_path: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("button", name="Export answers (JSON)").click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_export_then_import_gives_back_the_same_answers(page: Page, site_url: str, tmp_path: Path) -> None:
    open_score(page, site_url)
    make_some_answers(page)
    answers = form_values(page)
    exported = export_answers(page, tmp_path)
    assert json.loads(exported.read_text())["format"] == "offer-guide.answers"

    page.get_by_role("button", name="Forget my answers").click()
    wait_for_result(page)
    assert form_values(page) != answers
    label(page, "Import answers").set_input_files(exported)
    page.get_by_text("Imported 2 offers from").wait_for()
    wait_for_result(page)
    assert form_values(page) == answers


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b'{"format": "offer-guide.answers", "version": 1, "answers": {', "not valid JSON"),
        (b'{"name": "some-package", "version": "1.0.0", "dependencies": {}}', "not a set of answers from this guide"),
        (b'{"format": "offer-guide.answers", "version": 1, "answers": {"offers": [{"scores": {"salary": 5}}]}}', "does not match"),
        (b'{"format": "offer-guide.answers", "version": 99, "answers": {}}', "newer version"),
        (b'{"offers": []}' + b" " * 200_000, "too large"),
    ],
    ids=["broken", "foreign", "unknown-criterion", "newer", "oversized"],
)
def test_a_bad_import_is_refused_and_loses_nothing(page: Page, site_url: str, tmp_path: Path, content: bytes, says: str) -> None:
    open_score(page, site_url)
    make_some_answers(page)
    answers = form_values(page)
    saved = page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")
    bad = tmp_path / "answers.json"
    bad.write_bytes(content)
    label(page, "Import answers").set_input_files(bad)
    message = page.locator("[data-og-message]")
    message.get_by_text("Nothing was imported").wait_for()
    assert says in message.inner_text()
    assert "Your current answers are unchanged" in message.inner_text()
    assert form_values(page) == answers
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") == saved


BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
"""
FULL_STORAGE = """
Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
"""


def page_errors(browser: Browser, url: str, init_script: str) -> tuple[Page, list[str]]:
    context = browser.new_context()
    context.add_init_script(init_script)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    return page, errors


@pytest.mark.parametrize("init_script", [BLOCK_STORAGE, FULL_STORAGE], ids=["blocked", "full"])
def test_without_storage_the_widget_still_works(browser: Browser, site_url: str, init_script: str) -> None:
    other, baseline = page_errors(browser, f"{site_url}/faq/", init_script)
    other.wait_for_load_state("load")
    other.context.close()
    page, errors = page_errors(browser, f"{site_url}/score/", init_script)
    page.wait_for_function(READY, timeout=90_000)
    assert "not keeping your answers" in page.locator("[data-og-storage-state]").inner_text()
    label(page, "Name of offer 1").fill("Memory Ltd")
    label(page, "Manager and team fit score for Offer 1 (Memory Ltd)").fill("1")
    label(page, "Manager and team fit: minimum you need (optional)").fill("5")
    wait_for_result(page)
    card = page.locator("[data-og-result]").first
    assert card.get_attribute("data-og-result") == "Memory Ltd"
    assert card.locator("[data-og-verdict]").get_attribute("data-og-verdict") == "decline"
    # The theme's inline scripts throw when storage is blocked; a page without the widget throws
    # the same, so the widget adds no error of its own.
    assert errors == baseline
    page.context.close()
