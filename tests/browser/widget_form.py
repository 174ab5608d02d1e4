"""Driving the /score/ widget as a reader does: by the visible labels of its inputs.

Label texts follow the template and widgets/offer_widget/ (criterion labels come from the content);
expected results never come from here, only from ``offer-guide score --json``.
"""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page

from generator.content.load import engine_data
from tests.conftest import CONTENT, run_offer_guide

SITUATION = engine_data(CONTENT)["form"]["situation"]  # the checkbox labels come from content
OFFER_FLAGS = engine_data(CONTENT)["form"]["offer"]  # each followed by the offer's title: "I have already accepted Offer 1"
COSTS = {c["id"]: c["label"] for c in engine_data(CONTENT)["costs"]}  # the cost kinds and labels come from content
READY = """() => {
  const root = document.querySelector('[data-og-score]');
  return !!root && root.dataset.ogReady === 'true' && !('ogPending' in root.dataset) && !!root.dataset.ogOutcome;
}"""


def criterion_labels() -> dict[str, str]:
    return {c["id"]: c["label"] for c in engine_data(CONTENT)["criteria"]}


def cli_result(path: Path) -> dict[str, Any]:
    done = run_offer_guide("score", path, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def offer_title(at: int, name: str) -> str:
    return f"Offer {at + 1} ({name})" if name else f"Offer {at + 1}"


def num(value: float) -> str:
    return f"{value:g}"


def label(page: Page, text: str) -> Locator:
    return page.get_by_label(text, exact=True)


def open_score(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/score/")
    wait_for_result(page)


def wait_for_result(page: Page) -> None:
    page.wait_for_function(READY, timeout=90_000)


def search_finds(page: Page, timeout: float | None = None) -> None:
    """The theme works: its search opens from the keyboard (Material's "s") and finds pages."""
    page.keyboard.press("s")
    page.keyboard.type("offer")
    page.locator(".md-search-result__item").first.wait_for(timeout=timeout)


def score_one(page: Page, title: str = "Offer 1") -> None:
    """The least a reader does before there is a verdict: one score of their own (an arrow key on the first criterion's score)."""
    first = next(iter(criterion_labels().values()))
    # Once the widget has mounted: before that a key changes the box but nothing listens yet.
    page.locator("[data-og-score][data-og-mounted]").wait_for(state="attached", timeout=90_000)
    label(page, f"{first} score for {title}").press("ArrowUp")


def fill_offer_file(page: Page, data: dict[str, Any]) -> dict[str, str]:
    """Fill in the form from an offer file; returns criterion id → label, own criteria included."""
    labels = criterion_labels()
    label(page, "Your name").fill(data.get("your_name", ""))
    for k, own in enumerate(data.get("custom_criteria") or []):
        page.get_by_role("button", name="Add a criterion of your own").click()
        label(page, f"Name of your criterion {k + 1}").fill(own["label"])
        labels[own["id"]] = own["label"]
        label(page, f"{own['label']}: weight (0–5)").fill(num(own["weight"]))
        if own.get("negotiable"):
            label(page, f"Employers can usually negotiate {own['label']}").check()
    for at, offer in enumerate(data["offers"]):
        if at:
            page.get_by_role("button", name="Add another offer").click()
        label(page, f"Name of offer {at + 1}").fill(offer["name"])
        title = offer_title(at, offer["name"])
        for key, text in (("name", "Contact's name"), ("role", "Role"), ("company", "Company")):
            label(page, f"{text} for {title}").fill((offer.get("contact") or {}).get(key, ""))
        for cid, score in offer["scores"].items():
            label(page, f"{labels[cid]} score for {title}").fill(str(score))
        label(page, f"Negotiation so far for {title}").select_option(offer.get("negotiation") or "not-tried")
        for key, words in OFFER_FLAGS.items():
            if offer.get(key):
                label(page, f"{words} {title}").check()
        if offer.get("costs_incurred"):
            page.get_by_role("group", name=title, exact=True).locator("summary").click()
            for cost in offer["costs_incurred"]:
                label(page, f"{COSTS[cost]} costs paid by {title}").check()
    for cid, row in (data.get("priorities") or {}).items():
        if row.get("weight") is not None:
            label(page, f"{labels[cid]}: weight (0–5)").fill(num(row["weight"]))
        if row.get("minimum") is not None:
            label(page, f"{labels[cid]}: minimum you need (optional)").fill(str(row["minimum"]))
    for key, on in (data.get("situation") or {}).items():
        if on:
            label(page, SITUATION[key]).check()
    return labels


def form_values(page: Page) -> dict[str, Any]:
    """Every named input's value, as the reader sees it: the thing a refused import must not change."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('[data-og-form] [name]')].map(
             (el, i) => [`${el.name}#${i}`, el.type === 'checkbox' ? el.checked : el.value]))"""
    )


def packed(text: str, version: int = 1) -> str:
    """Any text as a share fragment, packed as share.mjs packs answers: for links no page would make."""
    squeeze = zlib.compressobj(wbits=-15)  # raw deflate, as CompressionStream("deflate-raw")
    data = squeeze.compress(text.encode("utf-8")) + squeeze.flush()
    return f"#share=v{version}." + base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def share_fragment(answers: dict[str, Any], version: int = 1) -> str:
    """A link's fragment holding `answers` as saved answers (the format answers.mjs reads)."""
    return packed(json.dumps({"format": "offer-guide.answers", "version": 1, "answers": answers}), version)
