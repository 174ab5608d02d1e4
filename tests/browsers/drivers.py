"""Drive Firefox ESR and WebKitGTK, Debian's own builds, the same way: for tests/browsers and benchmarks.

- Firefox ESR: Node with npm ``puppeteer-core`` over WebDriver BiDi, no geckodriver
  (``firefox_bridge.mjs``, one JSON command a line).
- WebKitGTK: ``WebKitWebDriver`` with pip ``selenium``, on a private Xvfb display.

Both expose one small interface (``Driver``), so a test is written once for both browsers.
Fields are found as a reader finds them, by their label's text (``BY_LABEL``), never by name.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

ROOT = Path(__file__).resolve().parents[2]
BRIDGE = Path(__file__).with_name("firefox_bridge.mjs")
WEBKIT_DRIVER = os.environ.get("WEBKIT_DRIVER", "/usr/bin/WebKitWebDriver")
# WebKitWebDriver's own default browser; naming it lets us pass --automation, which it then needs.
MINIBROWSER = os.environ.get("MINIBROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
# Python starts slowly in WebKit (24-35 s measured, FINDINGS.md): waits are generous, never timed.
BOOT_TIMEOUT_S = 240.0

FIRST_VERDICT_MARK = "og:first-verdict"
FIRST_VERDICT = f"performance.getEntriesByName({json.dumps(FIRST_VERDICT_MARK)}).length > 0"
FIRST_VERDICT_MS = f"performance.getEntriesByName({json.dumps(FIRST_VERDICT_MARK)})[0].startTime"
# The widget gives up on a boot after its own timeout and says so: stop waiting then, too.
BOOT_FAILED = 'document.querySelector("[data-og-score]")?.dataset.ogReady === "failed"'
BOOT_STATUS = 'document.querySelector("[data-og-status-text]").textContent'

# The form control a <label> with exactly this text names (whitespace folded), as a reader finds it.
BY_LABEL = """(text => {
  const fold = s => s.replace(/\\s+/g, " ").trim();
  const found = [...document.querySelectorAll("label")].filter(l => fold(l.textContent) === text && l.control);
  if (found.length !== 1) throw new Error(`${found.length} fields labelled ${JSON.stringify(text)}`);
  return found[0].control;
})"""


def by_label(text: str) -> str:
    """A JS expression for the control labelled ``text``."""
    return f"{BY_LABEL}({json.dumps(text)})"


class Driver(Protocol):
    """What a test does with a browser; JS is passed as expressions, evaluated in the page."""

    def goto(self, url: str) -> None: ...
    def reload(self) -> None: ...
    def evaluate(self, expression: str) -> Any: ...
    def wait_for(self, expression: str, timeout_s: float = BOOT_TIMEOUT_S) -> None: ...
    def fill(self, label: str, text: str) -> None: ...
    def click(self, label: str) -> None: ...
    def console_errors(self) -> list[str]:
        """Errors the browser itself logged, where its driver can see them (Firefox only)."""
        ...
    def close(self) -> None: ...


class Firefox:
    """Firefox ESR through ``firefox_bridge.mjs``, in a new browser context: a first visit."""

    def __init__(self) -> None:
        self._node = subprocess.Popen(
            ["node", str(BRIDGE)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
        )  # fmt: skip

    def _call(self, op: str, **args: Any) -> Any:
        assert self._node.stdin and self._node.stdout
        self._node.stdin.write(json.dumps({"op": op, **args}) + "\n")
        self._node.stdin.flush()
        line = self._node.stdout.readline()
        if not line:
            raise RuntimeError(f"the Firefox bridge stopped (exit {self._node.wait()})")
        answer = json.loads(line)
        if not answer["ok"]:
            raise RuntimeError(f"Firefox {op}: {answer['error']}")
        return answer["value"]

    def goto(self, url: str) -> None:
        self._call("goto", url=url)

    def reload(self) -> None:
        self._call("reload")

    def evaluate(self, expression: str) -> Any:
        return self._call("evaluate", expression=expression)

    def wait_for(self, expression: str, timeout_s: float = BOOT_TIMEOUT_S) -> None:
        self._call("waitFor", expression=expression, timeout=int(timeout_s * 1000))

    def fill(self, label: str, text: str) -> None:
        self._call("fill", element=by_label(label), text=text)

    def click(self, label: str) -> None:
        self._call("click", element=by_label(label))

    def console_errors(self) -> list[str]:
        return list(self._call("consoleErrors"))

    def close(self) -> None:
        if self._node.poll() is None:
            assert self._node.stdin
            self._node.stdin.write(json.dumps({"op": "close"}) + "\n")
            self._node.stdin.close()
            self._node.wait(timeout=30)


@contextmanager
def xvfb() -> Iterator[str]:
    """A private X display (Debian ``xvfb``) for WebKitGTK, which has no headless mode; yields its name."""
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1280x900x24"], stdout=subprocess.PIPE, text=True
    )
    assert server.stdout
    try:
        yield f":{server.stdout.readline().strip()}"
    finally:
        server.terminate()
        server.wait(timeout=10)


class WebKit:
    """WebKitGTK's MiniBrowser through ``WebKitWebDriver`` and selenium; each instance is a first visit."""

    def __init__(self, display: str, env: Mapping[str, str] | None = None) -> None:
        """``env``: more environment for the browser's processes (a JavaScriptCore option, say)."""
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.service import Service

        options = webdriver.WebKitGTKOptions()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        service = Service(executable_path=WEBKIT_DRIVER, env={**os.environ, "DISPLAY": display, **(env or {})})
        self._driver = webdriver.WebKitGTK(options=options, service=service)
        self._driver.set_script_timeout(BOOT_TIMEOUT_S)
        self._driver.set_page_load_timeout(BOOT_TIMEOUT_S)

    def goto(self, url: str) -> None:
        self._driver.get(url)

    def reload(self) -> None:
        self._driver.refresh()

    def evaluate(self, expression: str) -> Any:
        return self._driver.execute_script(f"return ({expression});")

    def wait_for(self, expression: str, timeout_s: float = BOOT_TIMEOUT_S) -> None:
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.support.ui import WebDriverWait

        def holds(_: object) -> Any:
            try:
                return self.evaluate(expression)
            except WebDriverException as error:
                # WebKitWebDriver now and then answers one poll with this (seen once in ~100 cold
                # visits, in the middle of Python's start); the next poll reads the page as usual.
                if "Could not parse script result" in str(error):
                    return False
                raise

        WebDriverWait(self._driver, timeout_s, poll_frequency=0.25).until(holds)

    def fill(self, label: str, text: str) -> None:
        field = self.evaluate(by_label(label))
        field.clear()
        field.send_keys(text)

    def click(self, label: str) -> None:
        self.evaluate(by_label(label)).click()

    def console_errors(self) -> list[str]:
        return []  # WebKitWebDriver has no console log; the page's own probe records errors instead

    def close(self) -> None:
        self._driver.quit()


def webkit_console_while_loading(url: str, display: str) -> list[str]:
    """WebKit's own console messages from loading ``url`` until its load event, one per line.

    Outside automation MiniBrowser can print the console (the setting is ignored for automated
    views), and ``--exit-after-load`` quits at the load event: work still running then is cut off,
    so this suits pages that do their work while loading, not /score/'s boot.
    """
    done = subprocess.run(
        [MINIBROWSER, "--enable-write-console-messages-to-stdout=true", "--exit-after-load", url],
        env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, timeout=BOOT_TIMEOUT_S,
    )  # fmt: skip
    return [line for line in (done.stdout + done.stderr).splitlines() if "CONSOLE" in line]  # it prints to stderr


def cold_first_verdict(driver: Driver, url: str) -> float:
    """Milliseconds from navigation start to the widget's first verdict mark, on a first visit."""
    driver.goto(url)
    driver.wait_for(f"{FIRST_VERDICT} || {BOOT_FAILED}")
    if driver.evaluate(BOOT_FAILED):
        raise RuntimeError(f"the widget at {url} gave up starting Python: {driver.evaluate(BOOT_STATUS)}")
    return float(driver.evaluate(FIRST_VERDICT_MS))


def firefox_first_verdict(url: str) -> float:
    """Cold first verdict of ``url`` (a /score/ page) in a newly launched Firefox ESR, in ms."""
    firefox = Firefox()
    try:
        return cold_first_verdict(firefox, url)
    finally:
        firefox.close()


def webkit_first_verdict(url: str, display: str | None = None, env: Mapping[str, str] | None = None) -> float:
    """Cold first verdict of ``url`` in a new WebKitGTK session (``env`` added to its environment), in
    ms; starts Xvfb unless given a display."""
    if display is None:
        with xvfb() as own:
            return webkit_first_verdict(url, own, env)
    webkit = WebKit(display, env)
    try:
        return cold_first_verdict(webkit, url)
    finally:
        webkit.close()
