"""The engine's boot as a reader meets it: the lean runtime and its memory snapshot, kept private
and falling back without a word when broken, and a progress bar that tells the truth."""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from lean_runtime import Lean, deflated, lean_for, serve_instead, site_urls, slow_link, without_module
from playwright.sync_api import Page, Route
from widget_form import criterion_labels, label, score_one, search_finds, wait_for_result

pytestmark = pytest.mark.browser
# Non-ASCII, so its Latin-1 bytes (how CPython keeps such a str) differ from its UTF-8 bytes.
MARKER = "Zqx-Marqué-7431"
ENCODINGS = ("utf-8", "latin-1", "utf-16-le", "utf-32-le")
SNAPSHOT_STORED = "performance.getEntriesByName('og:snapshot-stored').length > 0"
# Reads the snapshot cache from the page, as any script of the site could, and looks for byte strings
# in what is stored (Python's memory less its all-zero pages, boot-snapshot.mjs).
SEARCH_SNAPSHOT = """async (needles) => {
  const find = (hay, needle) => {
    for (let i = hay.indexOf(needle[0]); i >= 0 && i <= hay.length - needle.length; i = hay.indexOf(needle[0], i + 1)) {
      let k = 1;
      while (k < needle.length && hay[i + k] === needle[k]) k++;
      if (k === needle.length) return true;
    }
    return false;
  };
  const cache = await caches.open('offer-guide-snapshot');
  const out = { entries: 0, sizes: [], found: [] };
  for (const request of await cache.keys()) {
    out.entries++;
    const stored = new Uint8Array(await (await cache.match(request)).arrayBuffer());
    out.sizes.push(stored.length);
    for (const [name, bytes] of Object.entries(needles)) if (find(stored, bytes)) out.found.push(name);
  }
  return out;
}"""
# Damages the one snapshot entry in place, as a disk error or a changed Pyodide build would. The
# stored layout: four u32 (magic, image length, page size, n), n page numbers, then the pages.
SPOIL_SNAPSHOT = """async (how) => {
  const cache = await caches.open('offer-guide-snapshot');
  const [request] = await cache.keys();
  const response = await cache.match(request);
  const stored = new Uint8Array(await response.arrayBuffer());
  const sha256 = async (bytes) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0')).join('');
  let body = stored;
  let sha = response.headers.get('x-sha256');
  if (how === 'not a snapshot') body = crypto.getRandomValues(new Uint8Array(4096));
  else if (how === 'cut short') { body = stored.slice(0, stored.length / 2); sha = await sha256(body); }
  else if (how === 'one byte changed') { body = stored.slice(); body[body.length >> 1] ^= 1; }
  else if (how === 'refused by Pyodide') {
    const words = new Uint32Array(stored.buffer, 0, 5);
    if (words[4] !== 0) throw new Error('the first page of the image is not the first one stored');
    body = stored.slice();
    body[16 + 4 * words[3] + 20] ^= 1;  // inside the build id Pyodide checks; our own checks see a sound entry
    sha = await sha256(body);
  }
  await cache.put(request, new Response(body, { headers: { 'x-sha256': sha } }));
  return sha;
}"""


@pytest.fixture
def lean(built_site: Path, site_url: str) -> Lean:
    return lean_for(built_site, site_url)


@pytest.fixture
def lean_page(page: Page) -> Page:
    """A reader's first visit in a fresh browser, to the site, which has a lean runtime."""
    return page


def engine(page: Page) -> str | None:
    return page.locator("[data-og-score]").get_attribute("data-og-engine")


def verdict(page: Page) -> str:
    return page.locator("[data-og-summary]").inner_text()


def open_widget(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/score/")
    page.locator("[data-og-score][data-og-mounted]").wait_for(state="attached")


def first_visit(page: Page, site_url: str) -> str:
    """Score one criterion, wait for the verdict and the snapshot; returns the verdict."""
    open_widget(page, site_url)
    first = next(iter(criterion_labels().values()))
    label(page, f"{first} score for Offer 1").fill("8")
    wait_for_result(page)
    page.wait_for_function(SNAPSHOT_STORED, timeout=90_000)
    return verdict(page)


def next_visit(page: Page, site_url: str) -> Page:
    again = page.context.new_page()
    errors: list[str] = []
    again.on("pageerror", lambda e: errors.append(str(e)))
    again.goto(f"{site_url}/score/")
    wait_for_result(again)
    again.errors = errors  # type: ignore[attr-defined]
    return again


def quietly_fine(page: Page) -> None:
    """Nothing alarming: no script error, no failed status, the verdict is there."""
    errors = page.errors if hasattr(page, "errors") else page.log.page_errors  # type: ignore[attr-defined]
    assert errors == []
    assert page.locator("[data-og-status].og-status--failed").count() == 0
    assert page.locator("[data-og-score]").get_attribute("data-og-outcome") == "ok"


# Records when the page sends the engine's worker a request.
RECORD_RUNS = """window.__runsSent = [];
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  if (message && message.type === 'run') window.__runsSent.push(performance.now());
  return post.call(this, message, ...rest);
};"""


def test_the_first_request_goes_to_the_engine_while_it_starts(lean_page: Page, site_url: str) -> None:
    # The worker keeps it until its engine is up and answers it then, so the answer does not wait
    # for the page's main thread, busy with the page, to hear "ready" and send it only then.
    lean_page.add_init_script(RECORD_RUNS)
    open_widget(lean_page, site_url)
    score_one(lean_page)
    wait_for_result(lean_page)
    sent = lean_page.evaluate("window.__runsSent")
    ready = lean_page.evaluate("performance.getEntriesByName('og:engine-ready')[0].startTime")
    assert sent and sent[0] < ready
    quietly_fine(lean_page)


def test_the_snapshot_never_holds_what_the_reader_typed(lean_page: Page, site_url: str) -> None:
    open_widget(lean_page, site_url)
    label(lean_page, "Your name").fill(MARKER)  # typed while the engine is still starting
    label(lean_page, "Name of offer 1").fill(MARKER)
    score_one(lean_page, f"Offer 1 ({MARKER})")  # no verdict, and so no name in it, before a score of the reader's own
    wait_for_result(lean_page)
    lean_page.wait_for_function(SNAPSHOT_STORED, timeout=90_000)
    assert MARKER in lean_page.locator("[data-og-results]").inner_text()  # the engine did see it

    needles = {f"marker {enc}": list(MARKER.encode(enc)) for enc in ENCODINGS}
    needles["control"] = list(b"offer_engine.bridge")  # proves the search finds what is there
    found = lean_page.evaluate(SEARCH_SNAPSHOT, needles)
    assert found["entries"] == 1 and found["sizes"][0] > 1_000_000
    assert found["found"] == ["control"]


def test_a_second_visit_boots_from_the_snapshot_with_the_same_verdict(lean_page: Page, site_url: str) -> None:
    first = first_visit(lean_page, site_url)
    assert engine(lean_page) == "lean"
    again = next_visit(lean_page, site_url)
    assert engine(again) == "snapshot"
    assert verdict(again) == first
    quietly_fine(again)


# When the page asked for the theme's script (ms from navigation), or undefined; when a mark was set.
THEME_ASKED = r"performance.getEntriesByType('resource').find(r => /\/assets\/javascripts\/bundle\.\w+\.min\.js$/.test(r.name))?.startTime"
MARK_AT = "(name) => performance.getEntriesByName(name)[0]?.startTime ?? null"
THEME_UP = "performance.getEntriesByName('og:theme-up').length > 0"


def test_the_theme_waits_for_the_first_answer_of_a_second_visit_only(lean_page: Page, site_url: str) -> None:
    # A first visit: the engine takes seconds to start; the theme's scripts run once the page is parsed.
    first_visit(lean_page, site_url)
    lean_page.wait_for_function(THEME_UP)
    assert lean_page.evaluate(THEME_ASKED) < lean_page.evaluate(MARK_AT, "og:first-verdict")
    # A second visit starts from the snapshot in about a second: they wait for its first answer, so
    # as not to hold up its showing on a slow phone, and then run as on any page.
    again = next_visit(lean_page, site_url)
    assert engine(again) == "snapshot"
    again.wait_for_function(THEME_UP)
    assert again.evaluate(THEME_ASKED) >= again.evaluate(MARK_AT, "og:first-verdict")
    search_finds(again, timeout=10_000)
    quietly_fine(again)


# Holds back what the engine's worker answers ("ready", results) until the test lets it, as a slow
# phone's engine would; its other words ("restoring") pass.
HOLD_ANSWERS = """(() => {
  const Real = window.Worker, held = [];
  let open = false;
  window.__letEngineAnswer = () => {
    open = true;
    held.splice(0).forEach(([worker, data]) => worker.dispatchEvent(new MessageEvent('message', { data })));
  };
  window.Worker = class extends Real {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (open || !['ready', 'result'].includes(event.data?.type)) return;
        event.stopImmediatePropagation();
        held.push([this, event.data]);
      });
    }
  };
})();"""


def test_the_theme_never_waits_for_the_engine_once_the_reader_turns_to_it(lean_page: Page, site_url: str) -> None:
    first_visit(lean_page, site_url)
    lean_page.context.add_init_script(HOLD_ANSWERS)
    again = lean_page.context.new_page()
    again.goto(f"{site_url}/score/")
    loaded = again.evaluate("performance.now()")
    assert loaded < 3_000, f"the page took {loaded:.0f} ms to load: the theme's 4 s limit would come first"
    assert again.evaluate("typeof window.document$") == "undefined", "the theme ran with the engine still starting"
    again.keyboard.press("s")  # the reader turns to the page: a key outside the form
    again.wait_for_function(THEME_UP)
    assert again.evaluate(MARK_AT, "og:first-verdict") is None  # the engine is still held
    search_finds(again, timeout=10_000)
    again.evaluate("window.__letEngineAnswer()")
    wait_for_result(again)
    assert engine(again) == "snapshot"


SPOILED = ("not a snapshot", "cut short", "one byte changed", "refused by Pyodide")


@pytest.mark.parametrize("how", SPOILED)
def test_a_broken_snapshot_falls_back_without_a_word(lean_page: Page, site_url: str, how: str) -> None:
    limits(lean_page, boot=600_000, restore=600_000)  # a hang fails the test instead of being timed out
    first = first_visit(lean_page, site_url)
    lean_page.evaluate(SPOIL_SNAPSHOT, how)
    again = next_visit(lean_page, site_url)
    assert engine(again) in ("lean", "plain")
    assert verdict(again) == first
    quietly_fine(again)
    again.wait_for_function(SNAPSHOT_STORED if engine(again) == "lean" else "true", timeout=90_000)
    left = again.evaluate(SEARCH_SNAPSHOT, {})
    assert left["entries"] <= 1 and all(size > 1_000_000 for size in left["sizes"])  # dropped, or made anew


def falls_back_to_plain(page: Page, site_url: str) -> None:
    """/score/ gives a verdict from the plain runtime, its second boot, with nothing shown to the reader."""
    page.goto(f"{site_url}/score/")
    scores_on_the_plain_runtime(page)


def scores_on_the_plain_runtime(page: Page) -> None:
    score_one(page)
    wait_for_result(page)
    assert engine(page) == "plain"
    assert page.evaluate("window.__offerGuideEngineBoots") == 2
    quietly_fine(page)


def test_a_lean_zip_missing_a_module_falls_back_to_the_plain_runtime(lean_page: Page, lean: Lean, site_url: str) -> None:
    serve_instead(lean_page.context, lean.url, without_module(lean.zip_bytes, "fractions"))
    falls_back_to_plain(lean_page, site_url)


def verdict_on_one_lean_boot(page: Page, site_url: str) -> None:
    """Open /score/, score once and see the verdict, from the one engine the page booted: the lean one."""
    page.goto(f"{site_url}/score/")
    score_one(page)
    wait_for_result(page)
    assert engine(page) == "lean" and page.evaluate("window.__offerGuideEngineBoots") == 1


def engine_file(page: Page) -> str:
    """Where Python read the engine's module from, as the worker reported when it was ready."""
    return str(page.evaluate("performance.getEntriesByName('og:engine-ready')[0].detail.engineFile"))


# Python reads the lean zip's modules from a folder they are unpacked into before it starts
# (lean-stdlib.mjs), which takes a zip of stored entries, as the build makes it. Any other zip
# (here, its entries compressed) is left to Python's own zip import: the same verdict, a bit later.
FOLDER_CASES = {
    "stored entries": (False, "/lib/lean/offer_engine/bridge.pyc"),
    "compressed entries": (True, "/lib/python314.zip/offer_engine/bridge.pyc"),
}


@pytest.mark.parametrize("case", FOLDER_CASES)
def test_python_reads_the_lean_zip_from_a_folder_or_else_from_the_zip(lean_page: Page, lean: Lean, site_url: str, case: str) -> None:
    compressed, expected = FOLDER_CASES[case]
    if compressed:
        serve_instead(lean_page.context, lean.url, deflated(lean.zip_bytes))
    verdict_on_one_lean_boot(lean_page, site_url)
    assert engine_file(lean_page) == expected
    quietly_fine(lean_page)


def twins(page: Page) -> list[str]:
    """The runtime's large files the page's workers asked for, packed (their ".zst" or ".zz" twin) or plain, sorted."""
    asked = [r.url.rsplit("/", 1)[-1] for r in page.log.requests]  # type: ignore[attr-defined]
    return sorted(name for name in asked if name.startswith(("pyodide.asm.wasm", "python_stdlib-")))


# What each link downloads of the two large files ("{zip}": the lean zip's name), each once: a packed
# file is not downloaded plain too. A host without the twins (an older upload, say) answers each
# with a 404, and the worker then takes the plain file, still in one lean boot.
PACKED_CASES = {
    "fast link": ({"pyodide.asm.wasm", "{zip}.zz"}, False),
    "slow link": ({"pyodide.asm.wasm.zst", "{zip}.zz"}, False),
    "slow link, host without twins": ({"pyodide.asm.wasm.zst", "pyodide.asm.wasm", "{zip}.zz", "{zip}"}, True),
}


@pytest.mark.parametrize("case", PACKED_CASES)
def test_the_lean_zip_comes_packed_and_the_wasm_too_on_a_slow_link(lean_page: Page, built_site: Path, site_url: str, case: str) -> None:
    expected, no_twins = PACKED_CASES[case]
    lean_zip = site_urls(built_site, site_url)["LEAN"].rsplit("/", 1)[-1]
    if case.startswith("slow"):
        slow_link(lean_page)
    if no_twins:
        lean_page.context.route(re.compile(r".*\.(zst|zz)$"), lambda route: route.fulfill(status=404))
    verdict_on_one_lean_boot(lean_page, site_url)
    assert twins(lean_page) == sorted(name.format(zip=lean_zip) for name in expected)
    quietly_fine(lean_page)


def damaged(frame: bytes) -> bytes:
    """A zstd frame or zlib stream with 4 KB in its middle changed: it still starts as one, but decodes to other bytes or fails."""
    middle = len(frame) // 2
    return frame[:middle] + bytes(b ^ 0x5A for b in frame[middle : middle + 4096]) + frame[middle + 4096 :]


def wasm_url(built_site: Path, site_url: str) -> str:
    """Where the site serves Pyodide's wasm (the plain file, not its twin)."""
    return site_urls(built_site, site_url)["PYODIDE"] + "pyodide.asm.wasm"


# A damaged zip twin is caught before Pyodide sees it (its name carries its sha256). The wasm is
# compiled as it streams, so a damaged wasm twin fails its compile, which the worker answers with the
# plain file at once (Pyodide alone would wait for ever). Either way the lean boot goes on.
@pytest.mark.parametrize("twin", ["lean zip", "wasm"])
def test_a_damaged_packed_file_costs_one_plain_download_and_no_word(lean_page: Page, built_site: Path, site_url: str, twin: str) -> None:
    limits(lean_page, boot=600_000)  # a stalled boot fails the test instead of being timed out
    plain, suffix = (site_urls(built_site, site_url)["LEAN"], ".zz") if twin == "lean zip" else (wasm_url(built_site, site_url), ".zst")
    body = damaged((built_site / (plain + suffix).removeprefix(f"{site_url}/")).read_bytes())
    served: list[str] = []
    lean_page.context.route(plain + suffix, lambda route: served.append(route.request.url) or route.fulfill(body=body))
    if twin == "wasm":
        slow_link(lean_page)  # the wasm comes packed only on a slow link
    verdict_on_one_lean_boot(lean_page, site_url)
    assert plain in [r.url for r in lean_page.log.requests]  # type: ignore[attr-defined]
    quietly_fine(lean_page)
    assert served == [plain + suffix]


def test_a_zip_twin_that_inflates_to_other_bytes_costs_one_plain_download(lean_page: Page, built_site: Path, site_url: str) -> None:
    # Sound zlib, so only the sha256 the zip's name carries can tell: it is checked before Pyodide sees the bytes.
    plain = site_urls(built_site, site_url)["LEAN"]
    zip_bytes = (built_site / plain.removeprefix(f"{site_url}/")).read_bytes()
    body = zlib.compress(zip_bytes[:-1] + bytes([zip_bytes[-1] ^ 1]))
    lean_page.context.route(plain + ".zz", lambda route: route.fulfill(body=body))
    verdict_on_one_lean_boot(lean_page, site_url)
    assert plain in [r.url for r in lean_page.log.requests]  # type: ignore[attr-defined]
    quietly_fine(lean_page)


def test_a_zip_twin_the_host_already_unpacked_is_taken_as_it_is(lean_page: Page, built_site: Path, site_url: str) -> None:
    # A host that undid the packing, or calls X.zip.zz a zip: the bytes are the zip itself.
    plain = site_urls(built_site, site_url)["LEAN"]
    zip_bytes = (built_site / plain.removeprefix(f"{site_url}/")).read_bytes()
    lean_page.context.route(plain + ".zz", lambda route: route.fulfill(body=zip_bytes, content_type="application/zip"))
    verdict_on_one_lean_boot(lean_page, site_url)
    assert plain not in [r.url for r in lean_page.log.requests]  # type: ignore[attr-defined]
    quietly_fine(lean_page)


NOT_WASM = b"\0asm not a module"  # starts as wasm does, and does not compile


def test_a_wasm_that_will_not_compile_sends_the_page_the_plain_way_at_once(lean_page: Page, built_site: Path, site_url: str) -> None:
    """The lean worker's wasm, and the plain copy it asks for then, are not WebAssembly: the page
    boots the plain way (whose own download is sound) at once, not after the boot's time limit."""
    limits(lean_page, boot=600_000)
    wasm = wasm_url(built_site, site_url)
    spoiled: list[str] = []

    def first_two_spoiled(route: Route) -> None:
        if len(spoiled) < 2:
            spoiled.append(route.request.url)
            route.fulfill(body=NOT_WASM, content_type="application/wasm")
        else:
            route.fallback()

    lean_page.context.route(wasm, first_two_spoiled)
    falls_back_to_plain(lean_page, site_url)
    assert spoiled == [wasm, wasm]


def test_a_wasm_that_never_compiles_is_reported_at_once(lean_page: Page, built_site: Path, site_url: str) -> None:
    """Every copy of the wasm is not WebAssembly: both boots fail, and the page says so at once."""
    limits(lean_page, boot=600_000)
    wasm = wasm_url(built_site, site_url)
    lean_page.context.route(wasm, lambda route: route.fulfill(body=NOT_WASM, content_type="application/wasm"))
    lean_page.goto(f"{site_url}/score/")
    lean_page.locator("[data-og-score][data-og-ready=failed]").wait_for(state="attached", timeout=90_000)
    assert "could not start" in lean_page.locator("[data-og-status]").inner_text()
    assert lean_page.evaluate("window.__offerGuideEngineBoots") == 2


RECORD_STATUS = """
window.__statusTexts = []; window.__barValues = [];
new MutationObserver(() => {
  const text = document.querySelector('[data-og-status-text]')?.textContent;
  if (text !== undefined && window.__statusTexts.at(-1) !== text) window.__statusTexts.push(text);
  const bar = document.querySelector('[data-og-progress]');
  if (bar && bar.hasAttribute('value') && window.__barValues.at(-1)?.[0] !== bar.value) window.__barValues.push([bar.value, bar.max]);
}).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['value', 'max'] });
"""
LEAN_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "lean", "rubric")


def test_the_progress_bar_counts_real_bytes_and_speaks_at_a_few_steps(lean_page: Page, site_url: str) -> None:
    lean_page.context.add_init_script(RECORD_STATUS)
    cdp = lean_page.context.new_cdp_session(lean_page)  # a slow line, so the bar has time to move
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 20, "downloadThroughput": 3_000_000, "uploadThroughput": 1_000_000})
    lean_page.goto(f"{site_url}/score/")
    assert lean_page.get_by_role("progressbar", name="Loading the scoring engine").count() == 1
    wait_for_result(lean_page)

    sizes = lean_page.evaluate("import(new URL('/assets/widgets/engine-assets.mjs', location.href).href).then(m => m.BYTES)")
    total = sum(sizes[name] for name in LEAN_FILES if name in sizes)
    values = lean_page.evaluate("window.__barValues")
    assert {limit for _, limit in values} == {total}
    received = [value for value, _ in values]
    assert received == sorted(received) and received[-1] == total
    assert len([v for v in received if 0 < v < total]) >= 5  # it moved on the way, not only at the end

    texts = lean_page.evaluate("window.__statusTexts")[1:]  # after the page's own first words
    said = [f"Downloading the scoring engine: {step}% done." for step in (25, 50, 75)]
    said += ["Starting Python in your browser…", "The scoring engine is ready."]
    assert texts[-1] == said[-1] and len(texts) <= len(said)
    assert [t for t in said if t in texts] == texts  # only these, in this order
    assert lean_page.locator("[data-og-status-text]").get_attribute("role") == "status"


# Issue 12: a worker that never leaves the page stuck. Each case serves a wrapped worker script
# for the first worker(s): the real one, imported inside, whose answers the wrapper turns into a
# crash or a hang; Pyodide itself is untouched.
CRASH_ON_RUN = """import "REAL";
const post = self.postMessage.bind(self);
self.postMessage = (message) => {
  if (message.type !== "result") return post(message);
  setTimeout(() => { throw new Error("test: the worker crashes after it was ready"); });
};
"""
HANG_ON_RUN = """import "REAL";
const post = self.postMessage.bind(self);
self.postMessage = (message) => {
  if (message.type !== "result") return post(message);
  for (;;) {}
};
"""
SILENT_THEN_LATE_READY = """const post = self.postMessage.bind(self);
setTimeout(() => {
  fetch(new URL("/still-running-after-time-out", self.location.href)).catch(() => {});
  post({ type: "ready", via: "late" });
}, 4000);
"""


FAIL_AT_START = 'throw new Error("test: the worker fails as it starts");'


FAIL_WHEN_ASKED = 'self.onmessage = () => { throw new Error("test: the worker fails once the widget asks it something"); };'


@pytest.mark.parametrize("first", ["the worker fails", "the widget runs"])
def test_a_worker_that_fails_as_the_page_loads_falls_back_without_a_word(lean_page: Page, site_url: str, first: str) -> None:
    # The page's head starts the first worker while the page is still being parsed. Its failure may
    # come before the widget's script runs (it is kept, and replayed to the widget: the widget's
    # script is held here until then) or after (the widget hears it: this worker fails only once the
    # widget has sent it the reader's answers). Either way the widget starts the plain runtime
    # instead, and says nothing.
    if first == "the worker fails":
        held: list[Route] = []
        lean_page.route("**/assets/widgets/score-page.js", lambda route: held.append(route))
        wrap_workers(lean_page, FAIL_AT_START, count=1)
        lean_page.goto(f"{site_url}/score/", wait_until="commit")
        lean_page.wait_for_function("window.offerGuideEarlyEngine?.error !== undefined")
        while not held:
            lean_page.wait_for_timeout(20)
        held[0].continue_()
    else:
        wrap_workers(lean_page, FAIL_WHEN_ASKED, count=1)
        lean_page.goto(f"{site_url}/score/")
    scores_on_the_plain_runtime(lean_page)


def wrap_workers(page: Page, script: str, count: int) -> list[str]:
    """Serve `script` for the first `count` engine workers; returns the list of URLs served."""
    served: list[str] = []

    def handle(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        served.append(url)
        if len(served) <= count:
            route.fulfill(body=script.replace("REAL", f"{url}?real"), content_type="text/javascript")  # type: ignore[attr-defined]
        else:
            route.continue_()  # type: ignore[attr-defined]

    page.context.route(lambda url: url.endswith("/engine-worker.mjs"), handle)
    return served


def limits(page: Page, **ms: int) -> None:
    page.context.add_init_script(f"globalThis.offerGuideEngineLimits = {json.dumps(ms)};")


RECOVERS: dict[str, tuple[str, Callable[[Page], None]]] = {
    "crash after ready": (CRASH_ON_RUN, lambda page: None),
    "hung run": (HANG_ON_RUN, lambda page: limits(page, run=3000)),
}


@pytest.mark.parametrize("case", RECOVERS.values(), ids=RECOVERS.keys())
def test_a_worker_that_fails_after_ready_is_restarted_once(lean_page: Page, site_url: str, case: tuple) -> None:
    script, setup = case
    setup(lean_page)
    wrap_workers(lean_page, script, count=1)
    lean_page.goto(f"{site_url}/score/")
    score_one(lean_page)
    lean_page.locator("[data-og-score][data-og-outcome=ok]").wait_for(state="attached", timeout=90_000)
    assert lean_page.evaluate("window.__offerGuideEngineBoots") == 2
    assert lean_page.locator("[data-og-status-text]").inner_text() == "The scoring engine is ready again."
    quietly_fine(lean_page)


def test_a_worker_that_fails_again_says_so_as_our_fault(lean_page: Page, site_url: str) -> None:
    wrap_workers(lean_page, CRASH_ON_RUN, count=2)
    lean_page.goto(f"{site_url}/score/")
    lean_page.locator("[data-og-score][data-og-ready=failed]").wait_for(state="attached", timeout=90_000)
    status = lean_page.locator("[data-og-status-text]")
    assert "on our side" in status.inner_text() and status.get_attribute("role") == "status"
    results = lean_page.locator("[data-og-results]").inner_text()
    assert "not in your answers" in results and "need a look" not in results
    assert lean_page.evaluate("window.__offerGuideEngineBoots") == 2
    label(lean_page, "Name of offer 1").fill("Still here")  # the form still works
    assert label(lean_page, "Name of offer 1").input_value() == "Still here"


def test_a_boot_time_out_ends_the_worker_and_ignores_a_late_ready(lean_page: Page, site_url: str) -> None:
    limits(lean_page, boot=1500)
    wrap_workers(lean_page, SILENT_THEN_LATE_READY, count=99)
    late = []
    lean_page.context.on("request", lambda r: late.append(r.url) if "still-running" in r.url else None)
    lean_page.goto(f"{site_url}/score/")
    lean_page.locator("[data-og-score][data-og-ready=failed]").wait_for(state="attached", timeout=30_000)
    assert "took too long" in lean_page.locator("[data-og-status]").inner_text()
    lean_page.wait_for_timeout(5000)  # past the moment the silent workers would have said "ready"
    assert lean_page.locator("[data-og-score]").get_attribute("data-og-ready") == "failed"
    assert engine(lean_page) is None
    assert late == []  # ended workers never got to speak again
