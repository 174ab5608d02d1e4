"""Helpers for the tests of the widget's newer parts (sliders, first step, comparison, chart, share link).

Everything goes through the plain /score/ page, filled in by its labels and driven by keyboard;
expected numbers come from ``offer-guide score --json``.
"""

from __future__ import annotations

import json
from typing import Any

import yaml
from playwright.sync_api import Locator, Page
from widget_form import cli_result, criterion_labels, fill_offer_file, open_score, wait_for_result

from generator.content.load import engine_data
from tests.conftest import CONTENT, ROOT

SEVERAL = ROOT / "examples" / "several-offers.yml"
KEY = "offer-guide:answers"
FIRST_STEP = "No suggestion yet: score at least one offer first."
WEIGHTS = {c["id"]: c["weight"] for c in engine_data(CONTENT)["criteria"]}
LABELS = criterion_labels()


def slider(page: Page, text: str) -> Locator:
    return page.get_by_role("slider", name=f"{text} (slider)", exact=True)


def plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def several(page: Page, site_url: str) -> dict[str, Any]:
    """The several-offers example filled in by its labels; returns what the command line says of it."""
    open_score(page, site_url)
    fill_offer_file(page, yaml.safe_load(SEVERAL.read_text(encoding="utf-8")))
    wait_for_result(page)
    return cli_result(SEVERAL)


def saved(page: Page) -> str | None:
    return page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")

