"""Printing in real Chromium, read back from the PDF with pypdf: one sheet per checklist in A4 and
US Letter, every item and the footer on it, no site chrome, dark mode printing as light, scripts
with every tab, collapsible admonitions open.

``page.pdf`` prints as Chromium's print dialog does: print media, the stylesheet's @page margins,
background graphics off; it fires beforeprint and afterprint."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader
from widget_form import READY

from generator.content.load import load_content
from generator.content.model import Content
from generator.content.model.lists import Checklist
from generator.site.pages import all_checklists
from generator.site_map import PAGES, checklist_page
from tests.browser.conftest import PageFactory, normal_text, plain_text
from tests.conftest import CONTENT, guide_addresses, page_address

FORMATS = ["A4", "Letter"]
CHECKLIST_IDS = [c.id for c in all_checklists(load_content(CONTENT))]  # from content: editors add and rename lists
CONTENT_PAGES = guide_addresses()
address = page_address


class Printed:
    """A page printed to PDF: its sheets' text, normalised for comparison."""

    def __init__(self, data: bytes) -> None:
        self.reader = PdfReader(io.BytesIO(data))
        self.sheets = [normal_text(sheet.extract_text()) for sheet in self.reader.pages]
        self.text = " ".join(self.sheets)
        # The drawing operations of each sheet: equal streams draw equal pages.
        self.drawing = [sheet.get_contents().get_data() for sheet in self.reader.pages]


# A page is still or holds the scoring widget, settled on its answer: the engine boots in a
# worker after "networkidle", and the two schemes must print the same moment of the page.
SETTLED = f"() => !document.querySelector('[data-og-score]') || ({READY})()"


def open_page(page: Page, url: str) -> Page:
    page.goto(url)
    page.wait_for_load_state("networkidle")  # scripts done: the footer's address is set
    page.wait_for_function(SETTLED, timeout=90_000)
    return page


def print_pdf(page: Page, paper: str = "A4") -> Printed:
    page.emulate_media(media="print")
    return Printed(page.pdf(format=paper))


def chrome_words(page: Page) -> set[str]:
    """Words of the site's chrome and controls that paper must not show.

    Each text of the navigation, header, search, footer, and the article's buttons and notes,
    and the search placeholder; less any the printed article itself contains (a page title,
    say) and the guide's name, which the printed footer carries on purpose."""
    page.emulate_media(media="screen")
    texts = page.evaluate(
        """() => {
          const chrome = document.querySelectorAll(`.md-header, .md-tabs, .md-sidebar, .md-footer, .md-skip,
            article button, [data-ticks-kept], [data-ticks-memory-only], [data-print-actions]`);
          const texts = [document.querySelector('.md-search__input')?.placeholder ?? ''];
          for (const part of chrome) {
            const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) texts.push(walker.currentNode.textContent);
          }
          return texts;
        }"""
    )
    site_name = normal_text(page.locator(".md-header__topic").first.text_content() or "")
    page.emulate_media(media="print")
    printed_article = normal_text(page.locator("article.md-content__inner").inner_text())
    words = {normal_text(t) for t in texts}
    return {w for w in words if w and w != site_name and w not in printed_article}


@pytest.fixture(scope="module")
def checklists(guide_content: Content) -> dict[str, Checklist]:
    return {c.id: c for c in all_checklists(guide_content)}


def item_texts(checklist: Checklist) -> list[str]:
    """Every item's words as the macro prints them: "Title." and text, or text and detail."""
    texts = []
    for item in checklist.items:
        title = getattr(item, "title", None)
        parts = [f"{title}.", item.text] if title else [item.text, getattr(item, "detail", None)]
        texts.append(" ".join(plain_text(p) for p in parts if p))
    return texts


def squeezed(text: str) -> str:
    # pypdf's spacing at line ends is not always the page's; compare without whitespace.
    return "".join(text.split())


# --- each checklist: one sheet, every item, the footer, no chrome -------------------------------


@pytest.mark.parametrize("paper", FORMATS)
@pytest.mark.parametrize("checklist_id", CHECKLIST_IDS)
def test_a_checklist_prints_on_one_sheet_with_every_item(
    page: Page, site_url: str, guide_content: Content, checklists: dict[str, Checklist], checklist_id: str, paper: str
) -> None:
    path = address(checklist_page(checklist_id))
    open_page(page, site_url + path)
    page.locator("input[data-tick]").first.check()
    words = chrome_words(page)
    printed = print_pdf(page, paper)

    assert len(printed.reader.pages) == 1
    body = squeezed(printed.text)
    for text in item_texts(checklists[checklist_id]):
        assert squeezed(text) in body
    assert f"{guide_content.guide.site_name} · {site_url}{path}" in printed.text
    assert {"Print this checklist", "Clear ticks", "Search"} <= words, "the chrome was found on screen"
    leaked = sorted(w for w in words if w in printed.text)
    assert leaked == [], f"site chrome or controls on paper: {leaked}"


SCHEMES = {"light": "default", "dark": "slate"}  # the reader's preference → Material's scheme


def open_in_scheme(page_factory: PageFactory, url: str, scheme: str) -> Page:
    page = open_page(page_factory(color_scheme=scheme), url)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    return page


@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_dark_mode_prints_as_light_mode(page_factory: PageFactory, site_url: str, path: str) -> None:
    printed: dict[str, Printed] = {}
    for scheme in SCHEMES:
        page = open_in_scheme(page_factory, site_url + path, scheme)
        printed[scheme] = print_pdf(page)
        # Printing is over: the reader's own scheme is back on screen.
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    light, dark = printed["light"], printed["dark"]
    assert len(dark.reader.pages) == len(light.reader.pages)
    assert dark.sheets == light.sheets
    assert dark.drawing == light.drawing, "the same text, drawn differently"


@pytest.mark.parametrize("checklist_id", CHECKLIST_IDS)
def test_a_ticked_checklist_renders_alike_in_print_media_from_either_scheme(
    page_factory: PageFactory, site_url: str, checklist_id: str
) -> None:
    shots = {}
    for scheme in SCHEMES:
        page = open_in_scheme(page_factory, site_url + address(checklist_page(checklist_id)), scheme)
        page.locator("input[data-tick]").first.check()
        page.emulate_media(media="print")
        shots[scheme] = page.locator("article.md-content__inner").screenshot()
    assert shots["dark"] == shots["light"]


def test_boxes_are_drawn_with_borders_and_ticked_ones_carry_a_tick(page: Page, site_url: str) -> None:
    open_page(page, site_url + address(checklist_page(CHECKLIST_IDS[0])))
    boxes = page.locator("input[data-tick]")
    boxes.nth(1).check()
    page.emulate_media(media="print")
    look = page.evaluate(
        """() => [...document.querySelectorAll('input[data-tick]')].map(box => {
          const s = getComputedStyle(box), tick = getComputedStyle(box, '::after');
          return {appearance: s.appearance, border: parseFloat(s.borderTopWidth), colour: s.borderTopColor,
                  tick: tick.content !== 'none' && parseFloat(tick.borderRightWidth) > 0 && parseFloat(tick.borderBottomWidth) > 0};
        })"""
    )
    for i, drawn in enumerate(look):
        # Borders print with background graphics off; a native checkbox's look is up to the browser.
        assert drawn["appearance"] == "none" and drawn["border"] >= 1 and drawn["colour"] == "rgb(0, 0, 0)"
        assert drawn["tick"] is (i == 1)
    ticked, empty = boxes.nth(1).screenshot(), boxes.nth(0).screenshot()
    assert ticked != empty


# --- /checklists/: every checklist, no item split over two sheets -----------------------------------


def test_print_all_keeps_every_item_whole_on_one_sheet(page: Page, site_url: str, checklists: dict[str, Checklist]) -> None:
    open_page(page, site_url + "/checklists/")
    printed = print_pdf(page)
    sheets = [squeezed(sheet) for sheet in printed.sheets]
    for checklist in checklists.values():
        for text in item_texts(checklist):
            assert sum(squeezed(text) in sheet for sheet in sheets) == 1, f"split or missing: {text[:60]}"


# --- every content page prints cleanly ------------------------------------------------------


@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_every_page_prints_its_content_without_chrome(page: Page, site_url: str, guide_content: Content, path: str) -> None:
    open_page(page, site_url + path)
    words = chrome_words(page)  # leaves the page in print media
    title = normal_text(page.locator("article.md-content__inner h1").first.inner_text())
    printed = print_pdf(page)
    assert title in printed.text
    leaked = sorted(w for w in words if w in printed.text)
    assert leaked == [], f"site chrome or controls on paper: {leaked}"
    footer = f"{guide_content.guide.site_name} · {site_url}{path}"
    assert all(footer in sheet for sheet in printed.sheets), "the footer on every sheet"


def test_scripts_print_with_call_and_email(page: Page, site_url: str, guide_content: Content) -> None:
    open_page(page, site_url + address(PAGES["scripts"]))
    page.emulate_media(media="print")
    for label in page.locator(".tabbed-labels > label").all():
        expect(label).to_be_visible()
    for block in page.locator(".tabbed-block").all():
        expect(block).to_be_visible()
    printed = print_pdf(page)
    both = [s for s in guide_content.scripts.scripts if s.call and s.email]
    assert both, "content has a script with a call and an email"
    for script in guide_content.scripts.scripts:
        if script.call:
            assert normal_text(script.call) in printed.text, script.id
        if script.email:
            assert normal_text(script.email.subject) in printed.text, script.id
            assert normal_text(script.email.body) in printed.text, script.id


def pages_with_details(site: Path) -> list[str]:
    paths = []
    for html in sorted(site.rglob("index.html")):
        if "<details" in html.read_text(encoding="utf-8"):
            folder = html.parent.relative_to(site).as_posix()
            paths.append("/" if folder == "." else f"/{folder}/")
    return paths


def test_collapsible_admonitions_print_open_even_without_scripts(page_factory: PageFactory, site_url: str, built_site: Path) -> None:
    page = page_factory(java_script_enabled=False)  # Material's beforeprint opener cannot help
    checked = 0
    for path in pages_with_details(built_site):
        page.goto(site_url + path)
        # Collapsible admonitions: closed <details> in the text, not controls inside a form.
        closed = page.evaluate(
            """[...document.querySelectorAll('article details:not([open])')]
                 .filter(d => !d.closest('form'))
                 .map(d => [...d.children].filter(c => c.tagName !== 'SUMMARY').map(c => c.textContent).join(' '))"""
        )
        if not closed:
            continue
        printed = print_pdf(page)
        for text in closed:
            assert squeezed(normal_text(text)) in squeezed(printed.text), path
            checked += 1
    assert checked, "some page has a closed collapsible admonition to print"
