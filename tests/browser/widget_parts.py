"""Helpers for the tests of the widget's new parts (sliders, first step, comparison, chart, share link).

Phase 1: the parts are not wired into the widget yet, so ``use`` imports their modules into the
built /score/ page (as ``window.og``) and starts the sliders, as the widget will in phase 2; the
form is filled in by its labels and the page's own engine (Pyodide in its worker) gives the result.
Expected numbers come from ``offer-guide score --json``.
"""

from __future__ import annotations

from typing import Any

import yaml
from playwright.sync_api import Page

from generator.content.load import engine_data
from tests.conftest import CONTENT, ROOT
from widget_form import cli_result, criterion_labels, fill_offer_file, open_score, wait_for_result

SEVERAL = ROOT / "examples" / "several-offers.yml"
KEY = "offer-guide:answers"

# Each part as the widget will start it in phase 2: the modules under window.og, sliders on the form.
USE = """async () => {
  const load = (name) => import(`/assets/widgets/${name}.mjs`);
  const names = ["score-control", "own-scores", "compare", "chart", "share", "share-panel", "form-values", "form-structure", "request", "engine-client"];
  window.og = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await load(n)])));
  const form = document.querySelector("[data-og-form]");
  window.og["own-scores"].trackOwnScores(form);
  window.og["score-control"].upgradeScoreControls(form);
}"""
# The engine's result for what the form holds now, from the page's own engine.
RESULT = """async () => {
  const form = document.querySelector("[data-og-form]");
  const builtIn = [...form.querySelectorAll("[data-og-criterion]")].map((c) => c.dataset.ogCriterion);
  const request = og.request.toRequest(og["form-values"].readAnswers(form), builtIn);
  const response = await og["engine-client"].getEngine().run(request);
  window.ogResult = response.result;
  return response.ok;
}"""


def use(page: Page, site_url: str) -> None:
    open_score(page, site_url)
    page.evaluate(USE)


def slider(page: Page, text: str) -> Any:
    return page.get_by_role("slider", name=f"{text} (slider)", exact=True)


def plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


WEIGHTS = {c["id"]: c["weight"] for c in engine_data(CONTENT)["criteria"]}
LABELS = criterion_labels()


def several(page: Page, site_url: str) -> dict[str, Any]:
    use(page, site_url)
    fill_offer_file(page, yaml.safe_load(SEVERAL.read_text(encoding="utf-8")))
    wait_for_result(page)
    assert page.evaluate(RESULT)
    expected = cli_result(SEVERAL)
    assert page.evaluate("ogResult") == expected  # the browser's engine says what the command line says
    return expected


def mount_share(page: Page) -> None:
    """The share section with the real form and storage behind it, as the widget will give it."""
    page.evaluate("""() => {
      const root = document.querySelector("[data-og-score]");
      const form = root.querySelector("[data-og-form]");
      const builtIn = [...form.querySelectorAll("[data-og-criterion]")].map((c) => c.dataset.ogCriterion);
      const costIds = [...new Set([...form.querySelectorAll('input[name$=".costs_incurred"]')].map((b) => b.value))];
      const app = {
        builtIn, costIds,
        current: () => og["form-values"].readAnswers(form),
        labels: () => Object.fromEntries([...form.querySelectorAll("[data-og-criterion]")].map((c) => [c.dataset.ogCriterion, c.querySelector("legend").textContent])),
        replace: (answers) => {  // as the widget's own replace does: shape, fill, then one change
          og["form-structure"].shapeForm(form, answers.offers.length, answers.custom_criteria.map((c) => c.id));
          og["form-values"].writeAnswers(form, answers);
          form.dispatchEvent(new Event("input"));
        },
      };
      const section = og["share-panel"].shareSection(app);
      root.querySelector(".og-saved").after(section);
      og["share-panel"].offerSharedAnswers(section, app);
    }""")
