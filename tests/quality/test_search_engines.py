"""What search engines read: a title, a language and a description of its own on every page;
a robots.txt that lets them in and names the sitemap, which lists every page."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from generator.content.load import load_content
from generator.site.pages import DESCRIPTION_LENGTH
from tests.conftest import CONTENT
from tests.quality.conftest import BuiltPage


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.descriptions: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        elif tag == "meta" and values.get("name") == "description":
            self.descriptions.append(values.get("content") or "")
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def head(page: BuiltPage) -> _Head:
    parser = _Head()
    parser.feed(page.path.read_text(encoding="utf-8"))
    return parser


def test_every_page_has_a_title_a_language_and_its_own_description(pages: list[BuiltPage]) -> None:
    guide_content = load_content(CONTENT)
    described = {}
    for page in pages:
        found = head(page)
        assert found.lang == "en", page.address
        assert found.title.strip(), page.address
        if page.address == "/404.html":
            continue  # not for search engines
        assert len(found.descriptions) == 1, f"{page.address}: {len(found.descriptions)} meta descriptions"
        if page.address == "/":  # the guide's own description, as its editor wrote it for search engines
            assert found.descriptions[0] == guide_content.guide.description
        else:  # made from the page's introduction, cut to what search results show
            assert 20 <= len(found.descriptions[0]) <= DESCRIPTION_LENGTH, f"{page.address}: {found.descriptions[0]!r}"
        described[page.address] = found.descriptions[0]
    shared = [text for text, n in Counter(described.values()).items() if n > 1]
    assert not shared, f"descriptions used by more than one page: {shared}"


def test_robots_txt_lets_crawlers_in_and_names_the_sitemap(built_site: Path, pages: list[BuiltPage]) -> None:
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert re.search(r"^User-agent: \*\nAllow: /$", robots, re.M)
    assert "Disallow" not in robots
    sitemap = re.search(r"^Sitemap: (\S+)$", robots, re.M)
    assert sitemap and sitemap.group(1).endswith("/sitemap.xml")
    listed = re.findall(r"<loc>([^<]+)</loc>", (built_site / "sitemap.xml").read_text(encoding="utf-8"))
    base = sitemap.group(1).removesuffix("sitemap.xml")
    assert all(url.startswith(base) for url in listed), "the sitemap and robots.txt name different sites"
    assert sorted("/" + urlsplit(url).path.removeprefix(urlsplit(base).path) for url in listed) == sorted(
        p.address for p in pages if p.address != "/404.html"
    )
