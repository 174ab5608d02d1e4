"""Quality gates on every page the build makes, run by tools nobody here wrote: axe-core, the Nu Html
Checker, a link crawl, privacy and CSP checks in Chromium. Fixtures they share; the built site, its
server and Chromium come from tests/conftest.py, shared with the browser tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

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
    # The site map's stable addresses (DESIGN.md) must be among them, or the gates check too little.
    assert {"/", "/score/", "/checklists/", "/checklists/decision/", "/scripts/", "/faq/", "/404.html"} <= addresses
    return found
