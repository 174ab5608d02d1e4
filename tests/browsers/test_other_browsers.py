"""The guide in Firefox ESR and WebKitGTK (Safari's engine), as a reader uses it: /score/ boots and
answers, a score typed into its labelled field changes the verdict as the engine says, a checklist
tick survives a reload, and no error or CSP violation shows on the way."""

from __future__ import annotations

import json
from typing import Any

import pytest
from offer_engine import parse_request, parse_rubric, score, to_dict, vocabulary

from generator.content.load import engine_data, load_content
from generator.site.pages import all_checklists
from tests.browser.conftest import plain_text
from tests.browsers.conftest import unwanted
from tests.browsers.drivers import BOOT_FAILED, BOOT_STATUS, Driver, by_label, webkit_console_while_loading
from tests.conftest import CONTENT

pytestmark = pytest.mark.browser

# Settled: a verdict shown for the current answers, or the widget's own start-up timeout passed.
SETTLED = """(() => {
  const root = document.querySelector("[data-og-score]");
  return !!root && (root.dataset.ogReady === "failed" || root.dataset.ogReady === "true" && !("ogPending" in root.dataset) && !!root.dataset.ogOutcome);
})()"""
SHOWN_VERDICT = 'document.querySelector("[data-og-result] [data-og-verdict]").dataset.ogVerdict'
SAVED_ANSWERS = 'JSON.parse(localStorage.getItem("offer-guide:answers")).answers'
ENGINE_FILE = "performance.getEntriesByName('og:engine-ready')[0].detail.engineFile"


def settle(driver: Driver) -> None:
    driver.wait_for(SETTLED)
    assert not driver.evaluate(BOOT_FAILED), driver.evaluate(BOOT_STATUS)


def engine_verdict(answers: dict[str, Any]) -> str:
    """The first offer's verdict from the engine in CPython, for answers as the page saved them."""
    rubric = parse_rubric(engine_data(CONTENT))
    return str(to_dict(score(rubric, parse_request(answers, rubric)))["offers"][0]["verdict"])


def test_score_boots_and_a_score_typed_by_its_label_changes_the_verdict(driver: Driver, probed_url: str, asked: list[str]) -> None:
    driver.goto(f"{probed_url}/score/")
    settle(driver)
    # The lean zip came as its zlib twin, which this browser inflated itself: its plain copy was never needed.
    lean = [path.rsplit("/", 1)[-1] for path in asked if "/python_stdlib-" in path]
    assert lean and all(name.endswith(".zip.zz") for name in lean), lean
    # And Python read the engine from the folder the zip was unpacked into (lean-stdlib.mjs), not from the zip.
    assert driver.evaluate(ENGINE_FILE) == "/lib/lean/offer_engine/bridge.pyc"
    first = engine_data(CONTENT)["criteria"][0]
    field = f"{first['label']} score for Offer 1 (Acme)"

    # A name typed in saves the answers as the form holds them; no score is the reader's own yet,
    # so there is no verdict. Scoring one (a score other than the default, typed in) brings it.
    driver.fill("Name of offer 1", "Acme")
    settle(driver)
    assert driver.evaluate('document.querySelectorAll("[data-og-result]").length') == 0
    default = driver.evaluate(SAVED_ANSWERS)["offers"][0]["scores"][first["id"]]
    driver.fill(field, str((default + 1) % (vocabulary.SCORE[1] + 1)))  # any other score in range
    settle(driver)
    shown = driver.evaluate(SHOWN_VERDICT)
    answers = driver.evaluate(SAVED_ANSWERS)
    assert engine_verdict(answers) == shown

    # The engine picks a score that gives another verdict; typed in, the page must show it.
    other = {s: engine_verdict(with_score(answers, first["id"], s)) for s in range(11)}
    changes = [(s, v) for s, v in other.items() if v != shown]
    assert changes, f"no {first['label']} score changes the verdict {shown!r}: pick another criterion"
    new_score, expected = changes[0]
    driver.fill(field, str(new_score))
    settle(driver)
    assert driver.evaluate(SHOWN_VERDICT) == expected
    assert driver.evaluate(SAVED_ANSWERS)["offers"][0]["scores"][first["id"]] == new_score
    assert unwanted(driver) == []


# Every request the page starts from now on, by XMLHttpRequest (Material's instant navigation) or fetch.
RECORD_REQUESTS = """(() => {
  const asked = (window.__asked = []);
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) { asked.push(new URL(url, location.href).pathname); return open.apply(this, arguments); };
  const fetchNow = window.fetch;
  window.fetch = function (input) { asked.push(new URL(input.url ?? input, location.href).pathname); return fetchNow.apply(this, arguments); };
  return true;
})()"""


def test_a_link_to_a_place_on_the_open_scoring_page_keeps_the_widget_as_it_is(driver: Driver, probed_url: str) -> None:
    # Pasted into the tab: only the fragment changes. Material's instant navigation used to fetch
    # the page again and swap it in (widgets/offer_widget/same-page.mjs), remounting the widget.
    driver.goto(f"{probed_url}/score/")
    settle(driver)
    driver.fill("Name of offer 1", "Acme")
    settle(driver)
    driver.evaluate('(document.querySelector("[data-og-score]").__before = true)')
    driver.evaluate(RECORD_REQUESTS)
    driver.goto(f"{probed_url}/score/#og-results-title")
    driver.wait_for('location.hash === "#og-results-title"')
    assert "/score/" not in driver.evaluate("window.__asked")
    assert driver.evaluate('document.querySelector("[data-og-score]").__before') is True, "the widget was swapped"
    assert driver.evaluate(by_label("Name of offer 1") + ".value") == "Acme"
    assert unwanted(driver) == []


def with_score(answers: dict[str, Any], criterion: str, value: int) -> dict[str, Any]:
    changed = json.loads(json.dumps(answers))
    changed["offers"][0]["scores"][criterion] = value
    return changed


def test_a_checklist_tick_survives_a_reload(driver: Driver, probed_url: str) -> None:
    checklist = all_checklists(load_content(CONTENT))[0]
    plain = [item for item in checklist.items if not getattr(item, "title", None) and not getattr(item, "detail", None)]
    item = plain[-1]
    ticked = f"document.querySelector('input[data-tick={json.dumps(item.id)}]').checked"
    driver.goto(f"{probed_url}/checklists/{checklist.id}/")
    driver.wait_for('!!document.querySelector("[data-ticks-clear]")')
    driver.click(plain_text(item.text))
    assert driver.evaluate(ticked) is True
    assert unwanted(driver) == []

    driver.reload()
    driver.wait_for('!!document.querySelector("[data-ticks-clear]")')
    assert driver.evaluate(ticked) is True
    assert driver.evaluate('document.querySelectorAll("input[data-tick]:checked").length') == 1
    assert unwanted(driver) == []


@pytest.mark.parametrize("path", ["/", "/checklists/", "/how-scoring-works/"])
def test_webkit_logs_nothing_while_a_page_loads(site_url: str, display: str, path: str) -> None:
    # WebKit's real console, which also shows what no page script can catch (an unknown CSP directive).
    assert webkit_console_while_loading(site_url + path, display) == []
