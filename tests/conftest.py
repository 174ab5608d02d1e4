"""Fixtures shared by every test: paths, and a real build of the guide made once per session."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from tests.serve import serve_directory

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FIXTURES = ROOT / "tests" / "fixtures"
VALID = FIXTURES / "content" / "valid"
"""A frozen, valid content set that validator tests mutate: editors' changes to content/ never break them."""
OFFER_GUIDE = [sys.executable, "-m", "generator.cli"]

# CI runs derandomized so a failure there is a failure everywhere.
settings.register_profile("ci", derandomize=True, deadline=None, max_examples=200)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def page_address(source_path: str) -> str:
    """A page's address from its source path: ``checklists/decision.md`` → ``/checklists/decision/``."""
    stem = source_path.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"/{stem}/" if stem else "/"


def guide_addresses(content_dir: Path = CONTENT) -> list[str]:
    """Every page address of a guide, from the site map and the checklists its content has."""
    from generator.content.load import load_content
    from generator.site.pages import all_checklists
    from generator.site_map import PAGES, checklist_page

    checklists = all_checklists(load_content(content_dir))
    return sorted({page_address(p) for p in PAGES.values()} | {page_address(checklist_page(c.id)) for c in checklists})


def run_offer_guide(*args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``offer-guide`` command, as an editor would."""
    return subprocess.run(
        [*OFFER_GUIDE, *map(str, args)], cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


@pytest.fixture(scope="session")
def _site_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A static server for the session's site, started before the build so the build knows its address."""
    site = tmp_path_factory.mktemp("built") / "site"
    server, url = serve_directory(site)
    yield site, url
    server.shutdown()


@pytest.fixture(scope="session")
def built_site(_site_server: tuple[Path, str]) -> Path:
    """The real guide, built once with ``offer-guide build`` (strict MkDocs) for the whole session.

    It is built for the address it is served at: Material's instant navigation only follows
    links to addresses in the sitemap, which come from ``site_url``.
    """
    site, url = _site_server
    result = run_offer_guide("build", "-d", site, env={"SITE_URL": f"{url}/"})
    assert result.returncode == 0, result.stderr
    return site


# One local server and one Chromium for the browser tests and the quality gates together: two
# sync Playwright instances cannot run at once. Imported when first used, so tests that need no
# browser never load Playwright.


@pytest.fixture(scope="session")
def site_url(built_site: Path, _site_server: tuple[Path, str]) -> str:
    """Base URL (no trailing slash) of the built site on a local static server."""
    return _site_server[1]


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance: Any) -> Iterator[Any]:
    """Debian's headless Chromium (tests/browser/conftest.py says which flags and why)."""
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()
