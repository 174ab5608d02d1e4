"""Checklist pages in real Chromium: labelled checkboxes, ticks kept by item id, clearing, print buttons."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Locator, Page, expect

from generator.content.load import load_content
from generator.content.model import Content
from generator.content.model.lists import Checklist
from generator.site.pages import all_checklists
from tests.browser.conftest import PageFactory, csp_violations, plain_text, serve_directory
from tests.conftest import CONTENT, ROOT, run_offer_guide

# The ids come from content (editors add and rename lists): two checklists and the roadmap's.
LISTS = all_checklists(load_content(CONTENT))
FIRST, SECOND, ROADMAP = LISTS[0].id, LISTS[1].id, load_content(CONTENT).roadmap.checklist_id

# Storage that throws on every access, as in a browser set to block site data.
BLOCKED_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""
# Storage that refuses every write, as when it is full or in some private modes.
FULL_STORAGE = """
Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };
"""
# Stands in for the print dialog, which headless Chromium cannot show.
COUNT_PRINTS = "window.__prints = 0; window.print = () => { window.__prints += 1; };"


def address(checklist_id: str) -> str:
    return f"/checklists/{checklist_id}/"


def open_checklist(page: Page, url: str) -> Page:
    """Go to a checklist page and wait until the ticks widget has taken over."""
    page.goto(url)
    expect(page.locator("[data-ticks-clear]").first).to_be_visible()
    return page


def open_own_page(page: Page, checklist_id: str) -> None:
    """Follow the all-page's link to one checklist's page: Material swaps it in without reloading."""
    page.locator(f'[data-ticks="{checklist_id}"]').locator("xpath=..").get_by_role("link", name="Open on its own page").click()


def box(page: Page, item_id: str) -> Locator:
    return page.locator(f'input[type=checkbox][data-tick="{item_id}"]')


def stored(page: Page, checklist_id: str) -> list[str] | None:
    return page.evaluate("id => JSON.parse(localStorage.getItem('offer-guide:ticks:' + id))", checklist_id)


@pytest.fixture(scope="module")
def checklists(guide_content: Content) -> list[Checklist]:
    return all_checklists(guide_content)


def names_and_details(checklist: Checklist) -> list[tuple[str, str, str | None]]:
    """(id, accessible name, accessible description) of each item, as the macro renders them."""
    rows = []
    for item in checklist.items:
        title = getattr(item, "title", None)
        name, more = (f"{title}.", item.text) if title else (item.text, getattr(item, "detail", None))
        rows.append((item.id, plain_text(name), plain_text(more) if more else None))
    return rows


# --- markup: real, labelled, keyboard-usable checkboxes --------------------------------------


def test_every_item_is_a_checkbox_named_by_its_label(page: Page, site_url: str, checklists: list[Checklist]) -> None:
    for checklist in checklists:
        open_checklist(page, site_url + address(checklist.id))
        boxes = page.locator("input[type=checkbox][data-tick]")
        expect(boxes).to_have_count(len(checklist.items))
        for item_id, name, description in names_and_details(checklist):
            by_role = page.get_by_role("checkbox", name=name, exact=True)
            expect(by_role).to_have_count(1)
            expect(by_role).to_have_attribute("data-tick", item_id)
            if description:
                expect(by_role).to_have_accessible_description(description)
        # The label's text is clickable, as a label's should be.
        first = checklist.items[0]
        page.locator(f'label[for="tick-{first.id}"]').click()
        expect(box(page, first.id)).to_be_checked()


def test_markdown_in_items_is_rendered_not_shown(page: Page, site_url: str, checklists: list[Checklist]) -> None:
    for checklist in checklists:
        open_checklist(page, site_url + address(checklist.id))
        text = page.locator(".og-checklist").inner_text()
        assert "**" not in text and 'markdown="' not in page.content()


def test_ticking_from_the_keyboard(page: Page, site_url: str) -> None:
    open_checklist(page, site_url + address(FIRST))
    page.get_by_role("button", name="Print this checklist").focus()
    page.keyboard.press("Tab")
    first = page.locator("input[data-tick]").first
    expect(first).to_be_focused()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    page.keyboard.press("Space")
    expect(first).not_to_be_checked()


def test_every_checklist_is_on_the_all_page_with_unique_ids(page: Page, site_url: str, checklists: list[Checklist]) -> None:
    open_checklist(page, site_url + "/checklists/")
    for checklist in checklists:
        expect(page.locator(f'[data-ticks="{checklist.id}"] input[data-tick]')).to_have_count(len(checklist.items))
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))


# --- ticks kept --------------------------------------------------------------------------------


def test_a_tick_survives_a_reload(page: Page, site_url: str, checklists: list[Checklist]) -> None:
    for checklist in checklists:
        open_checklist(page, site_url + address(checklist.id))
        last = checklist.items[-1].id
        box(page, last).check()
        assert stored(page, checklist.id) == [last]
        page.reload()
        open_checklist(page, page.url)
        expect(box(page, last)).to_be_checked()
        expect(page.locator("input[data-tick]:checked")).to_have_count(1)


def test_the_same_ticks_show_on_the_all_page_and_after_instant_navigation(page: Page, site_url: str) -> None:
    open_checklist(page, site_url + "/checklists/")
    page.evaluate("window.__sameVisit = true")
    page.locator(f'[data-ticks="{FIRST}"] input[data-tick]').nth(1).check()
    open_own_page(page, FIRST)
    expect(page).to_have_url(site_url + address(FIRST))
    assert page.evaluate("window.__sameVisit") is True, "Material swapped the page in without a reload"
    second = page.locator("input[data-tick]").nth(1)
    expect(second).to_be_checked()
    # The newly shown page is wired too: a tick made here is kept.
    page.locator("input[data-tick]").nth(2).check()
    assert len(stored(page, FIRST) or []) == 2


def test_clear_ticks_empties_them_and_says_so(page: Page, site_url: str) -> None:
    open_checklist(page, site_url + address(SECOND))
    boxes = page.locator("input[data-tick]")
    boxes.nth(0).check()
    boxes.nth(2).check()
    page.get_by_role("button", name="Clear ticks").click()
    expect(page.locator("input[data-tick]:checked")).to_have_count(0)
    assert stored(page, SECOND) is None
    live = page.locator("[data-ticks-status]")
    expect(live).to_have_attribute("aria-live", "polite")
    expect(live).to_have_text(live.get_attribute("data-cleared") or "missing words")
    page.reload()
    open_checklist(page, page.url)
    expect(page.locator("input[data-tick]:checked")).to_have_count(0)


def test_clearing_one_checklist_keeps_the_others(page: Page, site_url: str) -> None:
    open_checklist(page, site_url + "/checklists/")
    page.locator(f'[data-ticks="{FIRST}"] input[data-tick]').first.check()
    page.locator(f'[data-ticks="{SECOND}"] input[data-tick]').first.check()
    page.locator(f'[data-ticks="{FIRST}"] [data-ticks-clear]').click()
    expect(page.locator(f'[data-ticks="{FIRST}"] input:checked')).to_have_count(0)
    expect(page.locator(f'[data-ticks="{SECOND}"] input:checked')).to_have_count(1)


def test_ticks_follow_another_tab(page: Page, site_url: str) -> None:
    open_checklist(page, site_url + address(FIRST))
    other = open_checklist(page.context.new_page(), site_url + address(FIRST))
    box(other, page.locator("input[data-tick]").first.get_attribute("data-tick") or "").check()
    expect(page.locator("input[data-tick]").first).to_be_checked()


def test_with_storage_blocked_ticking_still_works(page_factory: PageFactory, site_url: str) -> None:
    page = page_factory()
    page.context.add_init_script(BLOCKED_STORAGE)
    open_checklist(page, site_url + address(FIRST))
    expect(page.locator("[data-ticks-memory-only]")).to_be_visible()
    expect(page.locator("[data-ticks-kept]")).to_be_hidden()
    boxes = page.locator("input[data-tick]")
    boxes.first.check()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.locator("input[data-tick]:checked")).to_have_count(2)
    page.get_by_role("button", name="Clear ticks").click()
    expect(page.locator("input[data-tick]:checked")).to_have_count(0)


def test_with_storage_full_ticks_last_for_the_visit(page_factory: PageFactory, site_url: str) -> None:
    page = page_factory()
    page.context.add_init_script(FULL_STORAGE)
    open_checklist(page, site_url + "/checklists/")
    expect(page.locator(f'[data-ticks="{FIRST}"] [data-ticks-memory-only]')).to_be_visible()
    page.locator(f'[data-ticks="{FIRST}"] input[data-tick]').first.check()
    page.evaluate("window.__sameVisit = true")
    open_own_page(page, FIRST)
    expect(page).to_have_url(site_url + address(FIRST))
    assert page.evaluate("window.__sameVisit") is True, "Material swapped the page in without a reload"
    expect(page.locator("input[data-tick]").first).to_be_checked()


# --- a content edit that keeps the id keeps the tick ----------------------------------------


EDITED = "Edited wording, same id: I have weighed the offer against what matters most to me."


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory, built_site: Path, checklists: list[Checklist]) -> Iterator[tuple[str, str]]:
    """The guide before and after an editor rewrites one item's text, both on one origin.

    Ticks live in the origin's localStorage, so serving both builds from one server (under
    /before/ and /after/) lets the second see what was ticked on the first."""
    root = tmp_path_factory.mktemp("two-builds")
    content = root / "content"
    shutil.copytree(CONTENT, content)
    source = content / "checklists.yml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["checklists"][0]["items"][0]["text"] = EDITED
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_offer_guide("build", "--content", content, "-d", root / "after")
    assert result.returncode == 0, result.stderr
    (root / "before").symlink_to(built_site, target_is_directory=True)
    server, url = serve_directory(root)
    yield url + "/before", url + "/after"
    server.shutdown()


def test_a_tick_survives_an_edit_of_the_items_text(page: Page, two_builds: tuple[str, str], guide_content: Content) -> None:
    before, after = two_builds
    checklist = guide_content.checklists.checklists[0]
    item = checklist.items[0]
    open_checklist(page, before + address(checklist.id))
    page.get_by_role("checkbox", name=plain_text(item.text), exact=True).check()
    open_checklist(page, after + address(checklist.id))
    edited = page.get_by_role("checkbox", name=EDITED, exact=True)
    expect(edited).to_have_attribute("data-tick", item.id)
    expect(edited).to_be_checked()
    expect(page.locator("input[data-tick]:checked")).to_have_count(1)


# --- print buttons ---------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "label"), [(address(FIRST), "Print this checklist"), ("/checklists/", "Print all")])
def test_print_buttons_open_the_print_dialog(page: Page, site_url: str, path: str, label: str) -> None:
    page.context.add_init_script(COUNT_PRINTS)
    open_checklist(page, site_url + path)
    page.get_by_role("button", name=label, exact=True).click()
    assert page.evaluate("window.__prints") == 1


def test_every_checklist_page_has_its_print_button(page: Page, site_url: str, checklists: list[Checklist]) -> None:
    for checklist in checklists:
        open_checklist(page, site_url + address(checklist.id))
        expect(page.get_by_role("button", name="Print this checklist", exact=True)).to_be_visible()


def test_controls_need_the_script_and_use_no_inline_handlers(page_factory: PageFactory, site_url: str) -> None:
    page = page_factory(java_script_enabled=False)
    page.goto(site_url + "/checklists/")
    # Without the script the buttons would do nothing, so they stay hidden; the boxes still tick.
    expect(page.locator("[data-print-actions], [data-ticks-actions]").first).to_be_hidden()
    expect(page.locator("article").get_by_role("button")).to_have_count(0)
    page.locator("input[data-tick]").first.check()
    assert page.locator("[onclick], [onchange], [onkeydown]").count() == 0


def test_the_widgets_run_under_the_sites_csp_without_errors(page: Page, site_url: str) -> None:
    page.context.add_init_script(COUNT_PRINTS)
    open_checklist(page, site_url + "/checklists/")
    page.locator("input[data-tick]").first.check()
    page.locator("[data-ticks-clear]").first.click()
    page.get_by_role("button", name="Print all").click()
    open_own_page(page, ROADMAP)
    page.locator("input[data-tick]").first.check()
    page.emulate_media(media="print")
    page.pdf()
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, "the page carries its CSP"
    assert csp_violations(page) == []
    assert page.log.page_errors == [] and page.log.console_errors == []
    assert page.log.foreign_requests() == []


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # from package.json, installed by `make test`


WCAG_22_AA = """async () => {
  // Colours mid-transition (Material eases a button's hover and focus) are not the ones to judge.
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  return (await axe.run('article', {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
    rules: {'target-size': {enabled: true}},  // off by default; ticking on a phone needs it
  }))
    .violations.map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_checklists_meet_wcag_22_aa(page_factory: PageFactory, site_url: str, scheme: str, width: int) -> None:
    page = page_factory(color_scheme=scheme, viewport={"width": width, "height": 800})
    open_checklist(page, site_url + "/checklists/")
    page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated by the test, not the page: outside its CSP
    page.locator("input[data-tick]").first.check()
    page.locator("[data-ticks-clear]").first.click()  # focused now; the status message shows too
    assert page.evaluate(WCAG_22_AA) == []
    page.get_by_role("button", name="Print all").focus()
    assert page.evaluate(WCAG_22_AA) == []
