"""Browser fixtures: pages in fresh contexts with a log of what they did, and helpers; the local
server and Debian's headless Chromium they use are session fixtures in tests/conftest.py."""

from __future__ import annotations

import html
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import markdown
import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request

from generator.content.load import load_content
from generator.content.model import Content
from tests.conftest import CONTENT
from tests.serve import serve_directory

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium tries to reach Google at start-up (see the env notes).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Headless Chromium starts a renderer for its omnibox popup (a WebUI page) with every new page:
    # some 300 ms of CPU on 2 cores while the page under test loads, which no reader's tab pays.
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup",
]


# site_url, playwright_instance and browser live in tests/conftest.py: the quality gates
# (tests/quality) share them, and two sync Playwright instances cannot run at once.


@dataclass
class PageLog:
    """What a page did that a user would not want: foreign requests, console errors, CSP violations."""

    origin: str
    requests: list[Request] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return [r.url for r in self.requests if _origin(r.url) not in (self.origin, "data:", "blob:")]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob"):
        return f"{parts.scheme}:"
    return f"{parts.scheme}://{parts.netloc}"


# Recorded in the page itself so a test can read violations even after navigation within the page.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


PageFactory = Callable[..., Page]


@pytest.fixture
def page_factory(browser: Browser, site_url: str) -> Iterator[PageFactory]:
    """Make pages in fresh browser contexts; keyword arguments go to ``browser.new_context``
    (``color_scheme="dark"``, ``java_script_enabled=False``, …). Each page has a ``log``
    attribute recording requests and errors. Every context is closed after the test."""
    contexts: list[BrowserContext] = []

    def new_page(**context_options: Any) -> Page:
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **context_options})
        contexts.append(context)
        context.add_init_script(CSP_LISTENER)
        page = context.new_page()
        log = PageLog(origin=site_url)
        page.on("request", lambda r: log.requests.append(r))
        page.on("console", lambda m: log.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: log.page_errors.append(str(e)))
        page.log = log  # type: ignore[attr-defined]
        return page

    yield new_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(page_factory: PageFactory) -> Page:
    """A fresh browser context and page; its ``log`` attribute records requests and errors."""
    return page_factory()


def csp_violations(page: Page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


@pytest.fixture(scope="session")
def guide_content() -> Content:
    """The guide's content, loaded and checked as the build loads it."""
    return load_content(CONTENT)


def normal_text(text: str) -> str:
    """Text for comparing what a page or a PDF shows: compatibility forms folded (PDF ligatures),
    soft hyphens dropped, a hyphen at a line end joined, whitespace runs made one space."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    return re.sub(r"-\s+", "-", " ".join(text.split()))


def plain_text(markdown_text: str) -> str:
    """Inline Markdown from content as the reader sees it, normalised like ``normal_text``."""
    rendered = markdown.markdown(markdown_text)
    return normal_text(html.unescape(re.sub(r"<[^>]+>", "", rendered)))


__all__ = ["CHROMIUM_ARGS", "ConsoleMessage", "PageFactory", "PageLog", "csp_violations", "normal_text", "plain_text", "serve_directory"]
