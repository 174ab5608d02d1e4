"""Across the whole site: the CSP meta tag, no other origin, no console errors, no CSP violations;
and Material's instant navigation keeps one Pyodide and a working widget."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import csp_violations
from playwright.sync_api import Page, Route
from widget_form import READY, label, open_score, score_one, search_finds, wait_for_result

from generator.site.bundle import widget_bundle
from generator.site.theme import MODULES

pytestmark = pytest.mark.browser
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_has_the_csp_first_in_head(built_site: Path) -> None:
    pages = html_pages(built_site)
    assert len(pages) > 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = html[html.index("<head>") + len("<head>") :]
        # Only <meta charset> (which must stay in the first 1024 bytes) may come before it.
        before = re.sub(r'\s*<meta charset="utf-8">\s*', "", head[: head.index("<meta http-equiv")])
        assert before == "", f"{path}: {before[:80]!r} comes before the CSP"
        policy = dict(d.strip().split(" ", 1) for d in META.search(html).group(1).split(";"))
        assert policy["default-src"] == "'self'"
        assert "'unsafe-inline'" not in policy["script-src"], path
        assert "'unsafe-eval'" in policy["script-src"]
        assert policy["object-src"] == "'none'"
        assert not re.search(r"https?:|\*|//", META.search(html).group(1)), f"{path}: another origin in the CSP"


def test_no_other_origin_no_errors_no_violations_on_any_page(page: Page, site_url: str, built_site: Path) -> None:
    for path in html_pages(built_site):
        address = "/" + path.relative_to(built_site).as_posix().removesuffix("index.html")
        page.goto(site_url + address)
        page.wait_for_load_state("load")
        if address == "/score/":
            wait_for_result(page)
        assert csp_violations(page) == [], address
    search_finds(page)  # Material's search runs in its own worker, under the same policy
    assert csp_violations(page) == []
    assert page.log.foreign_requests() == []  # type: ignore[attr-defined]
    assert page.log.console_errors == [] and page.log.page_errors == []  # type: ignore[attr-defined]


def test_instant_navigation_keeps_one_pyodide_and_a_working_widget(page: Page, site_url: str) -> None:
    open_score(page, site_url)
    page.evaluate("window.__sameDocument = true; window.__firstWidget = self.offerGuideWidget")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_function("!document.querySelector('[data-og-score]')")
    page.locator("a.md-footer__link--prev").click()
    page.wait_for_function(READY)
    assert page.evaluate("window.__sameDocument") is True, "that was a full page load, not instant navigation"
    assert page.evaluate("window.__offerGuideEngineBoots") == 1
    # The widget's script ran again, with the page swapped in, and mounted the widget it had loaded.
    assert page.evaluate("self.offerGuideWidget === window.__firstWidget && !!window.__firstWidget")
    wasm = [r.url for r in page.log.requests if r.url.endswith("pyodide.asm.wasm")]  # type: ignore[attr-defined]
    assert len(wasm) == 1

    score_one(page)
    label(page, "Name of offer 1").fill("Back again")
    wait_for_result(page)
    assert page.locator("[data-og-result]").first.get_attribute("data-og-result") == "Back again"
    assert csp_violations(page) == []
    assert page.log.console_errors == [] and page.log.page_errors == []  # type: ignore[attr-defined]


def test_arriving_by_instant_navigation_starts_one_engine_and_scores(page: Page, site_url: str) -> None:
    # A full load of /score/ starts the engine from an inline script in its head; arriving from
    # another page by instant navigation runs no head script, so the widget starts it itself.
    page.goto(f"{site_url}/")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-content a[href$='score/']").first.click()
    score_one(page)
    wait_for_result(page)
    assert page.evaluate("window.__sameDocument") is True, "that was a full page load, not instant navigation"
    assert page.evaluate("window.__offerGuideEngineBoots") == 1
    assert page.locator("[data-og-score]").get_attribute("data-og-outcome") == "ok"
    assert page.log.console_errors == [] and page.log.page_errors == []  # type: ignore[attr-defined]


def test_the_scoring_page_runs_its_widget_as_one_script(page: Page, site_url: str) -> None:
    # One classic script, not a graph of modules found one import at a time: the page asks for it
    # once, and for none of the modules bundled in it.
    widgets = f"{site_url}/assets/widgets/"
    open_score(page, site_url)
    wait_for_result(page)
    loaded = page.evaluate(
        "(prefix) => performance.getEntriesByType('resource').map(r => r.name).filter(n => n.startsWith(prefix))",
        widgets,
    )
    assert loaded.count(f"{widgets}score-page.js") == 1
    bundled = widget_bundle().bundled_only
    assert {"score-widget.mjs", "answers.mjs"} <= bundled
    assert [name for name in loaded if name.removeprefix(widgets) in bundled] == []
    assert {f"{site_url}/{module}" for module in MODULES} <= set(loaded)  # the same list, read the same way
    assert page.eval_on_selector_all("script[data-og-widget]", "ss => ss.map(s => [s.type, s.async, s.defer])") == [["", False, False]]


def test_the_widget_answers_before_the_theme_script_has_run(page: Page, site_url: str) -> None:
    # On a slow phone the theme's script holds the page's one thread for a few hundred ms. The
    # widget does not wait for it: it is mounted as soon as its form is parsed, and shows the
    # verdict with the theme's script still on its way (held here until the verdict is shown).
    held: list[Route] = []
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: held.append(route))
    page.goto(f"{site_url}/score/", wait_until="commit")
    score_one(page)
    wait_for_result(page)
    assert held, "the theme's script was never asked for"
    assert page.evaluate("typeof window.document$") == "undefined"
    assert page.locator("[data-og-score]").get_attribute("data-og-outcome") == "ok"

    # Then the theme runs, as on any page, and the widget is not mounted twice.
    for route in held:
        route.continue_()
    page.wait_for_function("typeof window.document$ === 'object' && document.readyState === 'complete'")
    label(page, "Name of offer 1").fill("After the theme")
    wait_for_result(page)
    assert page.locator("[data-og-result]").first.get_attribute("data-og-result") == "After the theme"
    assert page.locator("[data-og-share-slot]").count() == 0 and page.locator("[data-og-score] .og-share").count() == 1
    assert page.log.console_errors == [] and page.log.page_errors == []  # type: ignore[attr-defined]


BROKEN_SCRIPT = 'throw new Error("test: the widget\'s script fails");'
FAILURES: dict[str, Callable[[Route], None]] = {
    "not served": lambda route: route.abort(),
    "throws": lambda route: route.fulfill(body=BROKEN_SCRIPT, content_type="text/javascript"),
}


@pytest.mark.parametrize("failure", FAILURES.values(), ids=FAILURES.keys())
@pytest.mark.parametrize("arrival", ["full load", "instant navigation"])
def test_the_reader_is_told_when_the_widget_script_does_not_run(
    page: Page, site_url: str, arrival: str, failure: Callable[[Route], None]
) -> None:
    # Without its script the form cannot score: the status says so and how to recover, rather than
    # "loading" for good (widget-loader.mjs, on every page, is what notices).
    page.route("**/assets/widgets/score-page.js", failure)
    if arrival == "full load":
        page.goto(f"{site_url}/score/")
    else:
        page.goto(f"{site_url}/")
        page.evaluate("window.__sameDocument = true")
        page.locator(".md-content a[href$='score/']").first.click()
    status = page.locator("[data-og-score] [data-og-status-text]")
    status.filter(has_text="could not load").wait_for()
    assert "Reload the page" in status.inner_text()
    assert page.evaluate("typeof self.offerGuideWidget") == "undefined"
    assert csp_violations(page) == []
    assert all("the widget's script fails" in error for error in page.log.page_errors)  # type: ignore[attr-defined]
    if arrival == "instant navigation":
        assert page.evaluate("window.__sameDocument") is True, "that was a full page load, not instant navigation"


def _file(url: str) -> str:
    return url.split("?", 1)[0].rsplit("/", 1)[-1]


@pytest.mark.parametrize("arrival", ["full load", "instant navigation"])
def test_the_engine_asks_for_its_large_files_first_and_once(page: Page, site_url: str, arrival: str) -> None:
    # On a slow line the reader waits for the wasm and the lean zip. The engine's worker asks for
    # them in its first lines, named by the page, not three round trips later once its helpers and
    # Pyodide's loader have arrived; Pyodide's own requests then get those same downloads.
    events: list[tuple[str, str]] = []
    page.on("request", lambda r: events.append(("asked", _file(r.url))))
    page.on("requestfinished", lambda r: events.append(("got", _file(r.url))))
    if arrival == "full load":
        open_score(page, site_url)
    else:
        page.goto(f"{site_url}/")
        page.locator(".md-content a[href$='score/']").first.click()
        wait_for_result(page)
    lean = [name for kind, name in events if kind == "asked" and re.fullmatch(r"python_stdlib-[0-9a-f]{16}\.zip(\.zz)?", name)]
    assert len(lean) == 1 and lean[0].endswith(".zz"), f"the site's lean zip, asked for once and packed: {lean}"
    for big in ("pyodide.asm.wasm", lean[0]):
        assert events.count(("asked", big)) == 1, f"{big} downloaded more than once"
        assert events.index(("asked", big)) < events.index(("got", "pyodide.mjs")), f"{big} waited for Pyodide's loader"
    assert page.log.console_errors == [] and page.log.page_errors == []  # type: ignore[attr-defined]


# When the page asked for the theme's search index (ms from navigation), or undefined.
INDEX_ASKED = "performance.getEntriesByType('resource').find(r => r.name.endsWith('/search/search_index.json'))?.startTime"


def test_search_waits_for_the_engine_but_never_for_the_reader(page: Page, site_url: str) -> None:
    # The theme's search index is built in a worker that competes with the engine for the CPU:
    # on the scoring page it is asked for once the widget has shown its first answer (in the same task)...
    open_score(page, site_url)
    page.wait_for_function(f"({INDEX_ASKED}) !== undefined")
    asked = page.evaluate(INDEX_ASKED)
    shown = page.evaluate("performance.getEntriesByName('og:first-verdict')[0].startTime")
    assert asked >= shown, f"the index was asked for at {asked:.0f} ms, the first answer was shown at {shown:.0f} ms"

    # ...or as soon as the reader turns to the search box, with the engine still starting: in a
    # browser of its own (no service worker yet), whose wasm download is held for the whole test.
    assert page.context.browser is not None
    fresh = page.context.browser.new_context()
    try:
        held: list[Route] = []
        fresh.route("**/pyodide.asm.wasm", lambda route: held.append(route))
        slow = fresh.new_page()
        slow.goto(f"{site_url}/score/")
        slow.locator("[data-og-score][data-og-mounted]").wait_for(state="attached")
        started = slow.evaluate("performance.now()")
        # As a reader meets it: the search box shows once the theme's script has run, which is now
        # after the page is parsed, not in the middle of it (a key before that is not Material's).
        slow.wait_for_function("performance.getEntriesByName('og:theme-up').length > 0")
        search_finds(slow, timeout=10_000)
        assert held and slow.evaluate("performance.getEntriesByName('og:engine-ready').length") == 0
        assert slow.evaluate(INDEX_ASKED) - started < 2_000, "the index waited for its 4 s limit, not for the reader"
    finally:
        fresh.close()
