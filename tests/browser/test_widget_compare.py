"""Offers side by side and the chart of each fit, against `offer-guide score --json`, on screen and on paper."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page
from widget_parts import several

pytestmark = pytest.mark.browser


def test_the_comparison_shows_each_offer_as_a_column_with_the_engines_numbers(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    expected = several(page, site_url)
    table = page.get_by_role("region", name="Your offers side by side")
    heads = table.locator("thead th[data-og-compare-offer]")
    assert [heads.nth(i).get_attribute("data-og-compare-offer") for i in range(heads.count())] == [o["name"] for o in expected["offers"]]
    assert table.locator("thead [data-og-compare-recommended]").count() == (1 if expected["recommended"] else 0)
    cells = lambda attr: table.locator(f"[{attr}]").evaluate_all(f"(els) => els.map((el) => el.getAttribute('{attr}'))")  # noqa: E731
    assert cells("data-og-compare-fit") == [o["fit_text"] for o in expected["offers"]]
    assert cells("data-og-compare-verdict") == [o["verdict"] for o in expected["offers"]]
    assert cells("data-og-compare-deal-breakers") == [" ".join(o["deal_breakers"]) for o in expected["offers"]]
    for row in expected["offers"][0]["contributions"]:
        line = table.locator(f"tr[data-og-compare-criterion='{row['criterion']}'] td")
        scores = [next(c for c in o["contributions"] if c["criterion"] == row["criterion"]) for o in expected["offers"]]
        assert line.evaluate_all("(els) => els.map((el) => el.dataset.ogCompareScore)") == [str(c["score"]) for c in scores]
        assert line.evaluate_all("(els) => els.map((el) => el.dataset.ogComparePoints)") == [c["points_text"] for c in scores]
    # At 360 px the table scrolls sideways in its own region, reachable by keyboard, and the
    # criterion column stays where it is while the offers move under it.
    assert table.get_attribute("tabindex") == "0"
    assert table.evaluate("(el) => el.scrollWidth > el.clientWidth")
    first, other = table.locator("tbody th").first, table.locator("tbody td").first
    before, other_before = first.bounding_box()["x"], other.bounding_box()["x"]
    table.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('[data-og-compare-table]').scrollLeft > 20")
    assert first.bounding_box()["x"] == pytest.approx(before, abs=1)  # a collapsed border's half pixel
    assert other.bounding_box()["x"] < other_before - 20


def test_each_chart_draws_the_engines_contributions_and_says_them_in_words(page: Page, site_url: str) -> None:
    expected = several(page, site_url)
    for offer in expected["offers"]:
        figure = page.locator(f"[data-og-result='{offer['name']}'] figure[data-og-chart]")
        rows = [c for c in offer["contributions"] if c["weight"] > 0]
        drawn = figure.locator("[data-og-chart-criterion]").evaluate_all("""(gs) => gs.map((g) => ({
          id: g.dataset.ogChartCriterion, points: g.dataset.ogChartPoints, unmet: g.dataset.ogChartUnmet === "true",
          bar: g.querySelector(".og-chart__bar").getBBox().width, track: g.querySelector(".og-chart__track").getBBox().width}))""")
        assert [(d["id"], d["points"], d["unmet"]) for d in drawn] == [(c["criterion"], c["points_text"], c["unmet"]) for c in rows]
        # Bars are drawn to one scale: each bar over its track is the criterion's points over what a 10
        # would add, and the tracks are the weights' shares of 100.
        total = sum(c["weight"] for c in rows)
        for d, c in zip(drawn, rows, strict=True):
            assert d["bar"] / d["track"] == pytest.approx(c["points"] / c["possible"], abs=0.01)
            assert c["possible"] == pytest.approx(100 * c["weight"] / total, abs=0.05)
        assert figure.locator("svg").get_attribute("role") == "img"
        words = figure.locator("details li")
        assert words.count() == len(rows)
        for at, c in enumerate(rows):
            line = words.nth(at).text_content()
            assert line == c["text"] and c["label"] in line and f"adds {c['points_text']}" in line
            assert ("below your minimum" in line) == c["unmet"]
    marks = page.locator("[data-og-chart-minimum]").count()
    assert marks == sum(1 for o in expected["offers"] for c in o["contributions"] if c["minimum"] is not None and c["weight"] > 0)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_charts_print_in_ink_with_their_words(page_factory: Any, site_url: str, scheme: str) -> None:
    page = page_factory(color_scheme=scheme)
    expected = several(page, site_url)
    page.emulate_media(media="print")
    figures = page.locator("[data-og-result] figure[data-og-chart]")
    assert figures.count() == len(expected["offers"])
    for at in range(figures.count()):
        figure = figures.nth(at)
        assert figure.locator("svg").bounding_box()["width"] > 100
        assert figure.locator("details li").first.is_visible()  # the chart in words, printed open
    # Dark ink on white paper whatever the screen's scheme: bars black, a missed minimum outlined.
    fills = page.locator(".og-chart__bar:not(.og-chart__bar--unmet)").evaluate_all("(bars) => [...new Set(bars.map((b) => getComputedStyle(b).fill))]")
    assert fills == ["rgba(0, 0, 0, 0.87)"]
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")



@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_bars_stand_out_from_the_page_in_light_and_dark(page_factory: Any, site_url: str, scheme: str) -> None:
    # axe does not judge graphics: the bars must stand out from the page by 3:1 (WCAG 1.4.11).
    # (axe itself runs on the charts, the comparison and the sliders in tests/quality/test_accessibility.py.)
    page = page_factory(color_scheme=scheme)
    several(page, site_url)
    assert min(page.evaluate(BAR_CONTRAST)) >= 3


BAR_CONTRAST = """() => {
  const rgb = (text) => text.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = (c) => { const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const page = lum(rgb(getComputedStyle(document.body).backgroundColor));
  return [...document.querySelectorAll(".og-chart__bar")].map((bar) => {
    const l = lum(rgb(getComputedStyle(bar).fill));
    return (Math.max(l, page) + 0.05) / (Math.min(l, page) + 0.05);
  });
}"""
