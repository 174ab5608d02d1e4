"""Firefox ESR and WebKitGTK fixtures: the session's site served with an error probe, and one driver per test.

WebKitWebDriver reports no console and has no way to run a script before a page's own, so what
a reader would not want to see is recorded by the page itself: this server serves the built site
unchanged except for one ``<script src="/__probe__.js">`` placed right after the page's CSP meta tag,
so it runs first, under the page's own policy (``'self'`` allows it). The probe records
``securitypolicyviolation`` events, uncaught errors, unhandled promise rejections and
``console.error`` calls in ``window.__probe``. Firefox runs the same probe and also reports its
real console through puppeteer.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browsers.drivers import Driver, Firefox, WebKit, xvfb
from tests.serve import _Handler, serve_directory

PROBE_PATH = "/__probe__.js"
PROBE = """window.__probe = { errors: [], csp: [] };
addEventListener("error", (e) => window.__probe.errors.push(`${e.message} (${e.filename}:${e.lineno})`));
addEventListener("unhandledrejection", (e) => window.__probe.errors.push(`unhandled rejection: ${e.reason}`));
document.addEventListener("securitypolicyviolation", (e) => window.__probe.csp.push(`${e.violatedDirective} ${e.blockedURI}`));
const consoleError = console.error;
console.error = (...args) => { window.__probe.errors.push(args.map(String).join(" ")); consoleError.apply(console, args); };
"""
_CSP_META = re.compile(rb"<meta http-equiv=\"Content-Security-Policy\"[^>]*>")


class _ProbeHandler(_Handler):
    asked: list[str] = []  # every path asked for, in order: tests read it through the `asked` fixture

    def send_head(self) -> Any:
        _ProbeHandler.asked.append(self.path.split("?")[0])
        if self.path == PROBE_PATH:
            return self._body(PROBE.encode("utf-8"), "text/javascript")
        path = Path(self.translate_path(self.path))
        page = path / "index.html" if self.path.split("?")[0].endswith("/") else path
        if page.suffix == ".html" and page.is_file():
            html, found = _CSP_META.subn(lambda m: m.group(0) + f'<script src="{PROBE_PATH}"></script>'.encode(), page.read_bytes(), 1)
            assert found == 1, f"{self.path} has no CSP meta tag to put the probe after"
            return self._body(html, "text/html; charset=utf-8")
        return super().send_head()

    def _body(self, data: bytes, kind: str) -> io.BytesIO:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


@pytest.fixture
def asked() -> list[str]:
    """The paths the probed server is asked for from now on, by the page, its workers and its service worker."""
    _ProbeHandler.asked.clear()
    return _ProbeHandler.asked


@pytest.fixture(scope="session")
def probed_url(built_site: Path) -> Iterator[str]:
    """Base URL (no trailing slash) of the session's built site, each page with the error probe."""
    server, url = serve_directory(built_site, _ProbeHandler)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    with xvfb() as name:
        yield name


@pytest.fixture(params=["firefox", "webkit"])
def driver(request: pytest.FixtureRequest) -> Iterator[Driver]:
    """A newly started browser, Firefox ESR or WebKitGTK: every test is a first visit."""
    made: Driver = Firefox() if request.param == "firefox" else WebKit(request.getfixturevalue("display"))
    yield made
    made.close()


def unwanted(driver: Driver) -> list[str]:
    """Errors and CSP violations the current page has seen: the reader must see none."""
    probe = driver.evaluate("window.__probe")
    return [f"CSP violation: {v}" for v in probe["csp"]] + [f"error: {e}" for e in probe["errors"]] + driver.console_errors()
