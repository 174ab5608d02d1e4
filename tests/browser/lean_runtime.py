"""The lean runtime as the browser tests see it: the site's own (a strict build always has one: a
build that cannot make it warns, which fails --strict), with the manifest's URLs resolved; and the
zip rewrites the fail-safe tests serve instead of it."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

from playwright.sync_api import BrowserContext, Page, Route

MANIFEST = "assets/widgets/engine-assets.mjs"
_EXPORT = re.compile(r'export const (\w+) = new URL\("([^"]+)", import\.meta\.url\)\.href;')


@dataclass(frozen=True)
class Lean:
    """Where the site's lean zip is, and its bytes."""

    url: str
    zip_bytes: bytes


def site_urls(site: Path, base: str) -> dict[str, str]:
    """The manifest's URL exports, resolved against the served manifest's address."""
    text = (site / MANIFEST).read_text(encoding="utf-8")
    at = f"{base}/{MANIFEST}"
    return {name: urljoin(at, rel) for name, rel in _EXPORT.findall(text)}


@cache
def lean_for(site: Path, base: str) -> Lean:
    urls = site_urls(site, base)
    assert "LEAN" in urls, f"{site} has no lean runtime: its build should have failed (--strict)"
    return Lean(urls["LEAN"], (site / urls["LEAN"].removeprefix(f"{base}/")).read_bytes())


def without_module(zip_bytes: bytes, module: str) -> bytes:
    """The same zip less one top-level module (its .py or .pyc): a lean build that missed it."""
    names = (f"{module}.py", f"{module}.pyc")
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as source:
        assert set(names) & set(source.namelist()), f"{module} is not in the lean zip"
    return deflated(zip_bytes, leave_out=names)


def deflated(zip_bytes: bytes, leave_out: tuple[str, ...] = ()) -> bytes:
    """The same zip with its entries compressed (the lean zip's are stored), less those named in ``leave_out``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in leave_out:
                target.writestr(info.filename, source.read(info))
    return out.getvalue()


SLOW_LINK = {"offline": False, "latency": 150, "downloadThroughput": -1, "uploadThroughput": -1}
"""Round trips of 150 ms (Chromium's estimate then says so) and no cap on bandwidth, so tests stay quick."""


def slow_link(page: Page) -> None:
    """A link the scoring page sees as slow: its engine worker then takes the wasm's zstd twin too (main.html)."""
    page.context.new_cdp_session(page).send("Network.emulateNetworkConditions", SLOW_LINK)


def serve_instead(context: BrowserContext, url: str, body: bytes) -> None:
    """Serve ``body`` for the zip at ``url`` and for its zlib twin, which the worker asks for first
    (served as ``application/zip``, it passes through unchanged, as a service worker's decoded copy does)."""
    for address in (url, url + ".zz"):
        context.route(address, lambda route: route.fulfill(body=body, content_type="application/zip"))


__all__ = ["Lean", "Route", "deflated", "lean_for", "serve_instead", "site_urls", "slow_link", "without_module"]
