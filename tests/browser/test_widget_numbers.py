"""Built with other thresholds and hours, the widget's explanation and plan quote the new numbers, as the pages do."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser
from widget_form import score_one, wait_for_result

from tests.conftest import run_offer_guide
from tests.other_numbers import NEW, OLD, write_other_numbers
from tests.serve import serve_directory

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def other_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("numbers-widget")
    content, site = write_other_numbers(root / "content"), root / "site"
    server, url = serve_directory(site)
    done = run_offer_guide("build", "--content", content, "-d", site, env={"SITE_URL": f"{url}/"})
    assert done.returncode == 0, done.stderr
    yield url
    server.shutdown()


def test_the_widget_quotes_the_new_numbers(browser: Browser, other_url: str) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{other_url}/score/")
        wait_for_result(page)
        score_one(page)
        wait_for_result(page)
        card = page.locator("[data-og-result]").first.inner_text()
        assert f"accept from {NEW['accept']}, negotiate from {NEW['negotiate']}" in card
        assert f"accept from {OLD['accept']}" not in card
        facts = page.locator("[data-og-plan] .og-plan__facts").inner_text()
        assert f"Within {NEW['min_hours']}–{NEW['max_hours']} hours of deciding." in facts
        assert f"{OLD['min_hours']}–{OLD['max_hours']}" not in page.locator("article.md-content__inner").inner_text()
    finally:
        context.close()
