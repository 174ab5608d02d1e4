"""Quality gates on every page the build makes, run by tools nobody here wrote: axe-core, the Nu Html
Checker, a link crawl, privacy and CSP checks in Chromium. Fixtures they share; the built site, its
server and Chromium come from tests/conftest.py, shared with the browser tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, guide_addresses

NODE_MODULES = ROOT / "node_modules"


@dataclass(frozen=True)
class BuiltPage:
    """One HTML page of the built site: its address on the server and its file."""

    address: str
    path: Path


def built_pages(site: Path) -> list[BuiltPage]:
    """Every page the build wrote (each ``index.html``, and ``404.html``), found on disk, not listed by hand."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        pages.append(BuiltPage("/" + relative.removesuffix("index.html"), path))
    return pages


@pytest.fixture(scope="session")
def pages(built_site: Path) -> list[BuiltPage]:
    found = built_pages(built_site)
    addresses = {p.address for p in found}
    # Exactly the site map's pages and the content's checklists, and the 404 page: else the gates check too little.
    assert sorted(addresses) == sorted([*guide_addresses(), "/404.html"])
    return found
