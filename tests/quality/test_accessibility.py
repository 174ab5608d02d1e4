"""axe-core on every built page, in light and in dark mode, and on the filled-in scoring widget
(its sliders, comparison, charts and share section, at 360 and 1280 px):
0 violations of WCAG 2.0, 2.1 and 2.2 A/AA, with ``target-size`` (off by default) switched on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.widget_form import fill_offer_file, share_fragment, wait_for_result
from tests.conftest import ROOT
from tests.quality.conftest import NODE_MODULES, BuiltPage

pytestmark = pytest.mark.browser

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# target-size is off by default; aria-dialog-name is a best practice that Lighthouse scores.
EXTRA_RULES = ["target-size", "aria-dialog-name"]
# Material's palette names: "default" is light, "slate" is dark.
SCHEMES = {"light": "default", "dark": "slate"}

RUN_AXE = """async ({tags, extra}) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    rules: Object.fromEntries(extra.map(id => [id, {enabled: true}])),
  });
  const ran = [...result.passes, ...result.violations, ...result.incomplete, ...result.inapplicable].map(r => r.id);
  return {
    ran,
    violations: result.violations.flatMap(v => v.nodes.map(n => ({
      rule: v.id, help: v.help, target: n.target.join(" "), summary: n.failureSummary}))),
  };
}"""


@pytest.fixture(params=list(SCHEMES))
def axe_context(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[str, BrowserContext]]:
    # Playwright injects axe (add_script_tag with a path) as an inline <script>, which the pages'
    # CSP blocks, rightly. Only this context bypasses the CSP; every other test runs under it.
    context = browser.new_context(color_scheme=request.param, bypass_csp=True, viewport={"width": 1280, "height": 900})
    yield request.param, context
    context.close()


def check(page: Page, where: str, scheme: str) -> list[str]:
    """Run axe on the page as it is now; one readable line per failing element."""
    shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert shown == SCHEMES[scheme], f"{where}: Material shows {shown!r}, not the {scheme} palette"
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(RUN_AXE, {"tags": TAGS, "extra": EXTRA_RULES})
    assert set(EXTRA_RULES) <= set(result["ran"]), f"axe did not run {EXTRA_RULES}"
    return [
        f"{v['rule']} on {where} ({scheme}) at {v['target']}: {v['help']}\n    {v['summary'].replace(chr(10), chr(10) + '    ')}"
        for v in result["violations"]
    ]


CONTRAST_OF = """async (element) => {
  await Promise.all(element.getAnimations({subtree: true}).map(a => a.finished));  // Material eases colours in
  const result = await axe.run(element, {runOnly: {type: "rule", values: ["color-contrast"]}});
  return result.violations.flatMap(v => v.nodes.map(n => n.failureSummary));
}"""


def check_controls(page: Page, where: str, scheme: str) -> list[str]:
    """Colour contrast of each button in the page's content while hovered and while focused:
    states a page-wide axe run never sees. (Call after ``check``, which loads axe.)"""
    found = []
    controls = page.locator("article :is(button, .md-button):visible:not(:disabled)")
    for at in range(controls.count()):
        control = controls.nth(at)
        name = " ".join(control.inner_text().split())
        for state in ("hover", "focus"):
            page.mouse.move(0, 0)
            control.hover() if state == "hover" else control.focus()
            for summary in control.evaluate(CONTRAST_OF):
                summary = summary.replace("\n", "\n    ")
                found.append(f"color-contrast on {where} ({scheme}) at button {name!r} ({state}):\n    {summary}")
        control.blur()
    return found


def test_every_page_in_light_and_dark(axe_context: tuple[str, BrowserContext], site_url: str, pages: list[BuiltPage]) -> None:
    scheme, context = axe_context
    page = context.new_page()
    found = []
    for built in pages:
        page.goto(site_url + built.address)
        if built.address == "/score/":
            wait_for_result(page)  # the widget's own markup is part of the page
        found += check(page, built.address, scheme)
        found += check_controls(page, built.address, scheme)
    assert not found, f"{len(found)} accessibility violations:\n" + "\n".join(found)


@pytest.mark.parametrize("width", [360, 1280])
def test_the_widget_filled_in_with_several_offers(axe_context: tuple[str, BrowserContext], site_url: str, width: int) -> None:
    """The sliders, the comparison, a chart per offer (its words open), a shared link's preview and the share section's consent, at a phone's width and a laptop's."""
    scheme, context = axe_context
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    offers = yaml.safe_load((ROOT / "examples" / "several-offers.yml").read_text(encoding="utf-8"))
    offers["custom_criteria"] = [{"id": "commute", "label": "Commute", "weight": 3, "negotiable": True}]
    assert len(offers["offers"]) >= 3
    page.goto(f"{site_url}/score/{share_fragment(offers)}")  # opened from a link: its preview shows
    wait_for_result(page)
    fill_offer_file(page, offers)
    wait_for_result(page)
    assert page.locator("[data-og-result]").count() == len(offers["offers"])
    assert page.get_by_role("region", name="Answers someone shared with you").is_visible()
    assert page.locator("[data-og-result] figure[data-og-chart]").count() == len(offers["offers"])
    assert page.get_by_role("region", name="Your offers side by side").is_visible()
    assert page.get_by_role("slider").count() > 0
    page.evaluate("document.querySelectorAll('#og-score details').forEach(d => { d.open = true; })")
    page.get_by_role("button", name="Copy a link for a mentor").click()
    where = f"/score/ filled in at {width} px"
    found = check(page, where, scheme) + check_controls(page, where, scheme)
    assert not found, f"{len(found)} accessibility violations:\n" + "\n".join(found)
