"""The service worker, as a reader meets it: after one visit the guide and /score/ work offline, a
new build replaces the old copy, content pages never fetch Pyodide, and a broken worker breaks nothing.

These tests serve their own builds from a server they can take offline (it drops every connection,
and the browser context is set offline too), and whose log shows what the browser asked for.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from generator.content.load import load_content
from generator.hosting.headers import IMMUTABLE_PREFIXES
from generator.hosting.offline import CACHE_PREFIX, SW_URI, offline_files
from generator.site.assets import pyodide_version
from tests.browser.conftest import CSP_LISTENER, normal_text, plain_text
from tests.browser.lean_runtime import slow_link
from tests.browser.widget_form import label, score_one, wait_for_result
from tests.conftest import CONTENT, FIXTURES, run_offer_guide
from tests.serve import _Handler

pytestmark = pytest.mark.browser
OTHER_CONTENT = FIXTURES / "content" / "other"
CHECKLIST = "/checklists/decision/"
DEPLOY_DATE = 1_700_000_000  # the first deploy's file dates (any fixed date: Last-Modified has one-second steps)


class _Switchable(_Handler):
    """Serves ``state.root``; while ``state.offline`` it drops connections, as a dead network does."""

    state: _State

    def handle_one_request(self) -> None:
        if self.state.offline:
            self.close_connection = True
            return
        super().handle_one_request()

    def translate_path(self, path: str) -> str:
        self.state.log.append(urlsplit(path).path)
        return super().translate_path(path)

    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class _State:
    root: Path
    offline: bool = False
    log: list[str] = field(default_factory=list)
    deploys: int = 0


@dataclass
class Builds:
    """Two builds of different content for one address, and the server that serves one of them."""

    url: str
    state: _State
    first: Path
    second: Path

    def serve(self, build: Path, keep_dates: bool = False) -> None:
        """Deploy ``build``: its files dated one minute after the last deploy's, as a new deploy's are,
        or, with ``keep_dates``, dated as before but for ``sw.js`` (a deploy that keeps file dates, or
        two builds within one second: the server then answers a revalidation of a changed page with 304)."""
        shutil.rmtree(self.state.root, ignore_errors=True)
        shutil.copytree(build, self.state.root)
        if not keep_dates:
            self.state.deploys += 1
        date = DEPLOY_DATE + 60 * self.state.deploys
        for path in self.state.root.rglob("*"):
            os.utime(path, (date, date))
        moved = date + 60 * keep_dates
        os.utime(self.state.root / SW_URI, (moved, moved))
        self.state.log.clear()
        self.state.offline = False


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Builds]:
    base = tmp_path_factory.mktemp("offline")
    state = _State(root=base / "served")
    handler = type("Handler", (_Switchable,), {"state": state})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(state.root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    made = []
    for name, content in (("first", CONTENT), ("second", OTHER_CONTENT)):
        result = run_offer_guide("build", "--content", content, "-d", base / name, env={"SITE_URL": f"{url}/"})
        assert result.returncode == 0, result.stderr
        made.append(base / name)
    yield Builds(url, state, *made)
    server.shutdown()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    context.add_init_script(CSP_LISTENER)
    yield context
    context.close()


def version(build: Path) -> str:
    """The build version the build wrote into its sw.js."""
    line = (build / SW_URI).read_text(encoding="utf-8").splitlines()[1]
    return json.loads(line.removeprefix("const BUILD = ").removesuffix(";"))["version"]


def cache_names(page: Page) -> list[str]:
    return page.evaluate("caches.keys()")


def wait_until(page: Page, condition: str, timeout: float = 60) -> None:
    """Poll a page expression, awaited if it is a promise, until it is true (page.wait_for_function
    does not await: a pending promise would count as true)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"(async () => !!(await ({condition})))()"):
        assert time.monotonic() < deadline, f"still false after {timeout}s: {condition}"
        page.wait_for_timeout(200)


def wait_for_offline_copy(page: Page, with_runtime: bool = False) -> None:
    """Until the worker controls the page and its cache holds the build (and the runtime /score/ used)."""
    wait_until(page, "navigator.serviceWorker.controller")
    if with_runtime:
        # Every runtime file the engine boots from, as the site's manifest names them (the lean zip
        # included), is in the worker's cache: the worker keeps them in the background after the verdict.
        wait_until(
            page,
            """(async () => {
          const m = await import(new URL('assets/widgets/engine-assets.mjs', document.baseURI.replace(/score\\/.*$/, '')).href);
          const wanted = [m.PYODIDE + 'pyodide.asm.wasm', m.PYODIDE + 'pyodide.asm.mjs', m.PYODIDE + 'pyodide.mjs', m.RUBRIC, m.LEAN]
            .filter(Boolean).map((u) => new URL(u, document.baseURI).href);
          const held = new Set();
          for (const n of await caches.keys()) for (const r of await (await caches.open(n)).keys()) held.add(r.url);
          return wanted.every((u) => held.has(u));
        })()""",
        )


def go_offline(builds: Builds, context: BrowserContext) -> None:
    builds.state.offline = True
    context.set_offline(True)


def registration_state(page: Page) -> object:
    """What the browser says about the site's workers, for a failure message."""
    return page.evaluate("""navigator.serviceWorker.getRegistration().then((r) => r && ({
      active: r.active && r.active.state, waiting: r.waiting && r.waiting.state, installing: r.installing && r.installing.state,
      controller: !!navigator.serviceWorker.controller }))""")


def heading(page: Page) -> str:
    return normal_text(page.locator("article h1").first.inner_text())


def runtime_requests(log: list[str]) -> list[str]:
    return [path for path in log if path.startswith(IMMUTABLE_PREFIXES)]


KEPT_AS = """async (urls) => {
  const out = {};
  for (const url of urls) {
    const kept = await caches.match(url);
    out[url] = kept && [kept.headers.get('Content-Type'), (await kept.arrayBuffer()).byteLength];
  }
  return out;
}"""
"""For each address: the kept copy's type and size, or null when nothing is kept under it."""


@pytest.mark.parametrize("link", ["fast", "slow"])
def test_after_one_visit_to_score_the_guide_and_a_verdict_work_offline(builds: Builds, context: BrowserContext, link: str) -> None:
    builds.serve(builds.first)
    content = load_content(CONTENT)
    checklist = next(c for c in content.checklists.checklists if CHECKLIST.endswith(f"/{c.id}/"))
    page = context.new_page()
    if link == "slow":  # the wasm comes packed too, not only the lean zip
        slow_link(page)
    page.goto(f"{builds.url}/score/")
    wait_for_result(page)
    wait_for_offline_copy(page, with_runtime=True)
    # The engine's memory snapshot is kept too, so the offline visit boots as a returning reader's does.
    wait_until(page, "performance.getEntriesByName('og:snapshot-stored').length > 0")
    # The lean boot's files were kept, and nothing of the plain runtime was fetched for it, not even
    # in the background: that would be 2.6 MB more on a reader's phone.
    runtime = f"/assets/pyodide/{pyodide_version()}/"
    plain = {f"{runtime}python_stdlib.zip", f"{runtime}pyodide-lock.json"}
    assert plain.isdisjoint(builds.state.log), sorted(plain & set(builds.state.log))
    # The packed twins were taken and kept decoded, under their plain files' names, with the types
    # Pyodide expects; the plain files were never downloaded for it (the service worker decodes the
    # twin, from the browser's cache when it still holds it: a test browser's memory cache does not).
    wasm = f"{runtime}pyodide.asm.wasm"
    lean = next(p for p in builds.state.log if p.startswith("/assets/engine/python_stdlib-")).removesuffix(".zz")
    taken, untouched = ([wasm + ".zst"], [wasm]) if link == "slow" else ([wasm], [wasm + ".zst"])
    assert {*taken, lean + ".zz"} <= set(builds.state.log) and {*untouched, lean}.isdisjoint(builds.state.log)
    served = {path: (builds.first / path.lstrip("/")).stat().st_size for path in (wasm, lean, wasm + ".zst", lean + ".zz")}
    kept = page.evaluate(KEPT_AS, [builds.url + path for path in served])
    assert kept == {
        builds.url + wasm: ["application/wasm", served[wasm]],
        builds.url + lean: ["application/zip", served[lean]],
        builds.url + wasm + ".zst": None,
        builds.url + lean + ".zz": None,
    }

    go_offline(builds, context)
    page.goto(f"{builds.url}/")
    assert plain_text(content.guide.title) in heading(page)
    page.goto(f"{builds.url}{CHECKLIST}")
    assert plain_text(checklist.title) in heading(page)
    page.goto(f"{builds.url}/score/")
    wait_for_result(page)
    score_one(page)
    wait_for_result(page)
    before = page.locator("[data-og-result]").first.get_attribute("data-og-result")
    label(page, "Name of offer 1").fill("Offline offer")
    wait_for_result(page)
    assert page.locator("[data-og-result]").first.get_attribute("data-og-result") == "Offline offer" != before
    page.goto(f"{builds.url}/no-such-page/")
    assert "404" in page.locator("article").inner_text()
    assert page.evaluate("window.__cspViolations") == []


@pytest.mark.parametrize("keep_dates", [False, True], ids=["new dates", "pages keep their dates"])
def test_a_new_build_replaces_the_old_copy_without_mixing(builds: Builds, context: BrowserContext, keep_dates: bool) -> None:
    builds.serve(builds.first)
    first_title = load_content(CONTENT).guide.title
    second_title = load_content(OTHER_CONTENT).guide.title
    page = context.new_page()
    page.goto(f"{builds.url}/")
    wait_for_offline_copy(page)
    assert cache_names(page) == [CACHE_PREFIX + version(builds.first)]

    builds.serve(builds.second, keep_dates=keep_dates)
    # The open tab keeps the build it started with, whole, while the new one installs beside it.
    page.reload()
    assert plain_text(first_title) in heading(page)
    wait_until(page, "navigator.serviceWorker.getRegistration().then((r) => r && r.waiting)")
    assert cache_names(page) == [CACHE_PREFIX + version(builds.first), CACHE_PREFIX + version(builds.second)]
    page.close()
    # With no tab on the old build left, the reader's next visit gets the new build, whole, and the
    # old copy is gone.
    page = context.new_page()  # a new tab: a reload would keep the old build's page, and so its worker
    page.goto(f"{builds.url}/")
    assert plain_text(second_title) in heading(page), registration_state(page)
    wait_until(page, f"caches.keys().then((k) => JSON.stringify(k) === {json.dumps(json.dumps([CACHE_PREFIX + version(builds.second)]))})")
    go_offline(builds, context)
    page.goto(f"{builds.url}/")
    assert plain_text(second_title) in heading(page)


@pytest.mark.parametrize("address", ["/", CHECKLIST, "/faq/"])
def test_a_content_page_downloads_no_byte_of_pyodide(builds: Builds, context: BrowserContext, address: str) -> None:
    builds.serve(builds.first)
    page = context.new_page()
    page.goto(builds.url + address)
    wait_for_offline_copy(page)
    page.reload()  # now answered by the worker: nothing under the runtime folders either
    page.wait_for_load_state("load")
    kept = page.evaluate("(async () => { const [name] = await caches.keys(); return (await (await caches.open(name)).keys()).length; })()")
    assert kept == len(offline_files(builds.first, IMMUTABLE_PREFIXES).precache), "the precache did not run"
    assert runtime_requests(builds.state.log) == []


BROKEN_WORKERS = {
    "throws as it starts": "throw new Error('broken service worker');\n",
    "cannot install": "caches.open = () => Promise.reject(new Error('broken cache'));\n",
    "every cache read fails once it runs": (
        "let running = false;\n"
        "self.addEventListener('activate', () => { running = true; });\n"
        "const open = caches.open.bind(caches);\n"
        "caches.open = (name) => running ? Promise.reject(new Error('broken cache')) : open(name);\n"
    ),
}


@pytest.mark.parametrize("breakage", BROKEN_WORKERS)
def test_a_broken_service_worker_leaves_pages_and_score_working(builds: Builds, context: BrowserContext, breakage: str) -> None:
    builds.serve(builds.first)
    worker = builds.state.root / SW_URI
    worker.write_text(BROKEN_WORKERS[breakage] + worker.read_text(encoding="utf-8"), encoding="utf-8")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{builds.url}/")
    # Give the worker its chance to start, install and take over (or fail to).
    page.wait_for_timeout(1500)
    wait_until(page, "navigator.serviceWorker.getRegistration().then(r => !r || !r.installing)")
    for address in ("/", CHECKLIST):
        page.goto(builds.url + address)
        assert heading(page)
    page.goto(f"{builds.url}/score/")
    wait_for_result(page)
    # Nothing alarming: the status line says the engine is ready, not that something failed.
    status = page.locator("[data-og-status]")
    assert "og-status--failed" not in (status.get_attribute("class") or ""), status.inner_text()
    assert errors == []
    assert page.evaluate("window.__cspViolations") == []
