"""The widget's new parts on the real /score/ page, in Chromium: sliders beside the scores, untouched
scores and the first step, offers side by side, the chart of a fit, and the link for a mentor.

Phase 1: these parts are not wired into the widget yet, so each test imports its module into the
built page (``use``), the form filled in by its labels and the page's own engine (Pyodide in its
worker) giving the result; expected numbers come from ``offer-guide score --json``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from playwright.sync_api import Page

from generator.content.load import engine_data
from tests.conftest import CONTENT, ROOT
from widget_form import cli_result, criterion_labels, fill_offer_file, form_values, label, open_score, wait_for_result

pytestmark = pytest.mark.browser
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


# ── sliders: scores 0–10, weights 0–5 ──

WEIGHTS = {c["id"]: c["weight"] for c in engine_data(CONTENT)["criteria"]}
LABELS = criterion_labels()


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


# ── offers side by side, and the chart ──


def several(page: Page, site_url: str) -> dict[str, Any]:
    use(page, site_url)
    fill_offer_file(page, yaml.safe_load(SEVERAL.read_text(encoding="utf-8")))
    wait_for_result(page)
    assert page.evaluate(RESULT)
    expected = cli_result(SEVERAL)
    assert page.evaluate("ogResult") == expected  # the browser's engine says what the command line says
    return expected


def test_the_comparison_shows_each_offer_as_a_column_with_the_engines_numbers(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    expected = several(page, site_url)
    page.evaluate("""() => {
      const box = document.createElement("div");
      box.dataset.ogCompare = "";
      document.querySelector("[data-og-results]").prepend(box);
      og.compare.renderComparison(box, ogResult);
    }""")
    table = page.get_by_role("region", name="Your offers side by side")
    heads = table.locator("thead th[data-og-compare-offer]")
    assert [heads.nth(i).get_attribute("data-og-compare-offer") for i in range(heads.count())] == [o["name"] for o in expected["offers"]]
    assert table.locator("thead [data-og-compare-recommended]").count() == (1 if expected["recommended"] else 0)
    cells = lambda attr: table.locator(f"[{attr}]").evaluate_all(f"(els) => els.map((el) => el.getAttribute('{attr}'))")  # noqa: E731
    assert cells("data-og-compare-fit") == [plain(o["fit"]) for o in expected["offers"]]
    assert cells("data-og-compare-verdict") == [o["verdict"] for o in expected["offers"]]
    assert cells("data-og-compare-deal-breakers") == [" ".join(o["deal_breakers"]) for o in expected["offers"]]
    for row in expected["offers"][0]["contributions"]:
        line = table.locator(f"tr[data-og-compare-criterion='{row['criterion']}'] td")
        scores = [next(c for c in o["contributions"] if c["criterion"] == row["criterion"]) for o in expected["offers"]]
        assert line.evaluate_all("(els) => els.map((el) => el.dataset.ogCompareScore)") == [str(c["score"]) for c in scores]
        assert line.evaluate_all("(els) => els.map((el) => el.dataset.ogComparePoints)") == [plain(c["points"]) for c in scores]
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
    page.evaluate("""() => {
      const box = document.querySelector("[data-og-results]");
      ogResult.offers.forEach((offer, at) => box.prepend(og.chart.offerChart(offer, at)));
    }""")
    for offer in expected["offers"]:
        figure = page.locator(f"figure[data-og-chart='{offer['name']}']")
        rows = [c for c in offer["contributions"] if c["weight"] > 0]
        drawn = figure.locator("[data-og-chart-criterion]").evaluate_all("""(gs) => gs.map((g) => ({
          id: g.dataset.ogChartCriterion, points: g.dataset.ogChartPoints, unmet: g.dataset.ogChartUnmet === "true",
          bar: g.querySelector(".og-chart__bar").getBBox().width, track: g.querySelector(".og-chart__track").getBBox().width}))""")
        assert [(d["id"], d["points"], d["unmet"]) for d in drawn] == [(c["criterion"], plain(c["points"]), c["unmet"]) for c in rows]
        # Bars are drawn to one scale: each bar over its track is the criterion's points over what a 10 gives.
        total = sum(c["weight"] for c in rows)
        for d, c in zip(drawn, rows, strict=True):
            assert d["bar"] / d["track"] == pytest.approx(c["points"] / (100 * c["weight"] / total), abs=0.01)
        assert figure.locator("svg").get_attribute("role") == "img"
        words = figure.locator("details li")
        assert words.count() == len(rows)
        for at, c in enumerate(rows):
            line = words.nth(at).text_content()
            assert c["label"] in line and f"adds {plain(c['points'])}" in line
            assert ("below your minimum" in line) == c["unmet"]
    marks = page.locator("[data-og-chart-minimum]").count()
    assert marks == sum(1 for o in expected["offers"] for c in o["contributions"] if c["minimum"] is not None and c["weight"] > 0)


# ── the link for a mentor ──

ANSWERS = json.loads(json.dumps(yaml.safe_load(SEVERAL.read_text(encoding="utf-8"))))


def test_a_share_link_round_trips_the_answers_in_the_fragment(page: Page, site_url: str) -> None:
    use(page, site_url)
    answers = {**ANSWERS, "custom_criteria": []}
    fragment = page.evaluate("(a) => og.share.shareFragment(a)", answers)
    assert fragment.startswith("#share=v1.")
    assert len(fragment) < len(json.dumps(answers))  # compressed
    builtin = list(LABELS)
    back = page.evaluate("([f, ids, costs]) => og.share.readShareFragment(f, ids, costs)",
                         [fragment, builtin, [c["id"] for c in engine_data(CONTENT)["costs"]]])
    assert back == answers


BAD_FRAGMENTS = {
    "damaged": ("() => '#share=v1.%%%not-base64'", "damaged"),
    "cut short": ("async () => (await og.share.shareFragment({offers: [{name: 'A'}]})).slice(0, -12)", "damaged"),
    "foreign": ("async () => packed('{\"format\": \"someone-else\", \"version\": 1}')", "not a set of answers from this guide"),
    "not answers": ("async () => og.share.shareFragment({offers: [{name: 'A', scores: {compensation: 42}}]})", "does not hold answers"),
    "a zip bomb": ("async () => packed('{\"offers\": \"' + 'a'.repeat(300000) + '\"}')", "holds more than"),
    "oversized": ("() => '#share=v1.' + 'A'.repeat(og.share.MAX_LINK_CHARS)", "far longer"),
    "from a newer guide": ("async () => (await og.share.shareFragment({offers: [{name: 'A'}]})).replace('v1.', 'v2.')", "newer version"),
}


# Any text, deflated into a fragment the way shareFragment does it, for fragments it would never make.
PACKED = """() => { window.packed = async (text) => {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return "#share=v1." + btoa(String.fromCharCode(...bytes)).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
}; }"""


@pytest.mark.parametrize("kind", list(BAD_FRAGMENTS))
def test_a_bad_share_link_is_refused_with_its_reason_and_nothing_is_lost(page: Page, site_url: str, kind: str) -> None:
    make, reason = BAD_FRAGMENTS[kind]
    use(page, site_url)
    label(page, "Name of offer 1").fill("Mine")
    wait_for_result(page)
    saved = page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")
    page.evaluate(PACKED)
    fragment = page.evaluate(make)
    page.goto("about:blank")
    page.goto(f"{site_url}/score/{fragment}")
    wait_for_result(page)
    page.evaluate(USE)
    before = form_values(page)
    mount_share(page)
    message = page.locator("[data-og-share-message]")
    message.filter(has_text="were not opened").wait_for()
    assert reason in message.inner_text()
    assert "Your own answers are unchanged." in message.inner_text()
    assert page.locator("[data-og-share-preview]").count() == 0
    assert form_values(page) == before
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") == saved


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


def test_copy_a_link_says_what_it_holds_first_and_opening_it_asks_before_replacing(
        page_factory: Any, site_url: str) -> None:
    page = page_factory(permissions=["clipboard-read", "clipboard-write"])
    use(page, site_url)
    data = yaml.safe_load(SEVERAL.read_text(encoding="utf-8"))
    fill_offer_file(page, {**data, "offers": data["offers"][:2]})
    wait_for_result(page)
    mount_share(page)
    page.get_by_role("button", name="Copy a link for a mentor").click()
    contents = page.locator("[data-og-share-contents]").inner_text()
    for offer in data["offers"][:2]:
        assert offer["name"] in contents and offer["contact"]["name"] in contents
        assert f"{LABELS['development']} {offer['scores']['development']}" in contents
    page.get_by_role("button", name="Copy the link").click()
    page.locator("[data-og-share-message]").filter(has_text="The link is copied").wait_for()
    link = page.evaluate("navigator.clipboard.readText()")
    assert link.startswith(f"{site_url}/score/#share=v1.")
    shared = form_values(page)

    # The mentor's browser: answers of their own, then the link.
    page.get_by_role("button", name="Forget my answers").click()
    label(page, "Name of offer 1").fill("Mentor's own")
    wait_for_result(page)
    own, saved = form_values(page), page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")
    page.goto("about:blank")
    page.goto(link)
    wait_for_result(page)
    page.evaluate(USE)
    mount_share(page)
    preview = page.get_by_role("region", name="Answers someone shared with you")
    assert data["offers"][1]["name"] in preview.inner_text()
    assert form_values(page) == own and page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") == saved
    page.get_by_role("button", name="Keep my answers").click()
    assert form_values(page) == own and page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") == saved
    assert page.evaluate("location.hash") == ""

    page.goto("about:blank")
    page.goto(link)
    wait_for_result(page)
    page.evaluate(USE)
    mount_share(page)
    page.get_by_role("button", name="Use these answers").click()
    assert form_values(page) == shared
    page.wait_for_function(f"(localStorage.getItem({json.dumps(KEY)}) || '').includes({json.dumps(data['offers'][1]['name'])})")
    # The answers rode only in the fragment: no request carried any of them.
    secret = link.split("#", 1)[1]
    assert not [r.url for r in page.log.requests if secret in r.url or secret in (r.post_data or "")]


# ── accessibility of all the new parts at once ──


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_the_new_parts_at_360_and_1280_px(page_factory: Any, site_url: str, scheme: str) -> None:
    from tests.quality.test_accessibility import check

    # Only this context bypasses the CSP, so axe can be injected (as in the quality gate).
    page = page_factory(color_scheme=scheme, bypass_csp=True)
    use(page, site_url)
    data = yaml.safe_load(SEVERAL.read_text(encoding="utf-8"))
    fragment = page.evaluate("(a) => og.share.shareFragment(a)", {**data, "custom_criteria": []})
    page.goto("about:blank")
    page.goto(f"{site_url}/score/{fragment}")
    wait_for_result(page)
    page.evaluate(USE)
    fill_offer_file(page, data)
    wait_for_result(page)
    assert page.evaluate(RESULT)
    page.evaluate("""() => {
      const box = document.createElement("div");
      document.querySelector("[data-og-results]").prepend(box);
      og.compare.renderComparison(box, ogResult);
      ogResult.offers.forEach((offer, at) => box.append(og.chart.offerChart(offer, at)));
      box.querySelectorAll("details").forEach((d) => (d.open = true));
    }""")
    mount_share(page)
    page.get_by_role("region", name="Answers someone shared with you").wait_for()
    page.get_by_role("button", name="Copy a link for a mentor").click()
    problems = []
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        problems += check(page, f"/score/ with the new parts at {width} px", scheme)
    assert problems == [], "\n".join(problems)
