"""What a host sends with each file: ``_headers`` as Netlify and Cloudflare Pages read it gives every
built file the headers it needs, and every page works in Chromium under the header policy as well as
its own meta policy. (``deploy/nginx.conf`` is checked against a real nginx in test_nginx.py.)"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
import yaml

from generator.site.assets import MANIFEST_URI, PYODIDE_FILES, pyodide_version
from tests.conftest import ROOT
from tests.quality.conftest import BuiltPage
from tests.quality.host_rules import IMMUTABLE, Headers, netlify_headers, read_headers_file, site_files

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def test_headers_for_every_file(built_site: Path) -> None:
    rules = read_headers_file(built_site)
    files = site_files(built_site)
    cached = []
    for path in files:
        headers = netlify_headers(rules, path)
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "no-referrer", path
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], path
        for feature in headers["Permissions-Policy"].split(","):
            assert re.fullmatch(r"\s*[a-z-]+=\((self)?\)", feature), f"{path}: Permissions-Policy {feature!r}"
        if path.endswith(".wasm"):
            assert headers.get("Content-Type") == "application/wasm", path
        if headers.get("Cache-Control") == IMMUTABLE:
            cached.append(path)
    # Cached for a year: exactly the files whose name changes when their content does.
    # Derived from their sources: the runtime files the build copies, and the hashed files its manifest names.
    runtime = [f"/assets/pyodide/{pyodide_version()}/{name}" for name in PYODIDE_FILES]
    manifest = (built_site / MANIFEST_URI).read_text(encoding="utf-8")
    hashed = sorted({f"/assets/{name}" for name in re.findall(r"engine/[\w-]+-[0-9a-f]{16}\.\w+", manifest)})
    assert len(hashed) >= 2, "the manifest names the engine zip and rubric.json"
    # And the packed twins of two of them, whose names change with their plain files' (generator/site/packed.py).
    twins = [f"{name}.zst" for name in runtime if name.endswith("/pyodide.asm.wasm")] + [f"{name}.zz" for name in hashed if "/python_stdlib-" in name]
    assert cached == sorted(runtime + hashed + twins)
    # The service worker's script keeps its name from build to build: browsers must always ask for it.
    assert netlify_headers(rules, "/sw.js").get("Cache-Control") == "no-cache"


class _WithHeaders(http.server.SimpleHTTPRequestHandler):
    """Serves the site the way Netlify would: with the headers _headers gives each path."""

    rules: list[tuple[re.Pattern[str], Headers]] = []

    def headers_here(self) -> Headers:
        return netlify_headers(self.rules, urlsplit(self.path).path)

    def end_headers(self) -> None:
        for name, value in self.headers_here().items():
            if name != "Content-Type":  # sent already, by guess_type's answer
                self.send_header(name, value)
        super().end_headers()

    def guess_type(self, path: str | Any) -> str:
        return self.headers_here().get("Content-Type") or super().guess_type(path)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def headers_site_url(built_site: Path) -> Iterator[str]:
    handler = type("Handler", (_WithHeaders,), {"rules": read_headers_file(built_site)})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.browser
def test_every_page_works_under_the_header_policy(browser: Browser, headers_site_url: str, pages: list[BuiltPage]) -> None:
    from tests.browser.conftest import CSP_LISTENER
    from tests.browser.widget_form import wait_for_result

    context = browser.new_context()
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    complaints: list[str] = []
    page.on("console", lambda m: complaints.append(f"{page.url}: {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: complaints.append(f"{page.url}: {e}"))
    for built in pages:
        response = page.goto(headers_site_url + built.address)
        assert response is not None
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        if built.address == "/score/":
            wait_for_result(page)  # the engine boots in its worker under both policies
        violations = page.evaluate("window.__cspViolations")
        assert violations == [], f"{built.address}: {violations}"
    assert complaints == [], "\n".join(complaints)
    context.close()


def test_the_pages_workflow_uploads_the_site_it_built() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    npm = next(i for i, run in enumerate(runs) if run.startswith("npm ci"))
    build = next(i for i, run in enumerate(runs) if run.startswith("offer-guide build -d "))
    assert npm < build, "the build copies Pyodide out of node_modules: npm ci must come first"
    assert "SITE_URL" in steps[build]["env"]
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == runs[build].split(" -d ")[1].split()[0]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["steps"])
