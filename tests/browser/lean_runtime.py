"""The lean runtime as the browser tests see it: the site's own when its manifest names one, else
one made here (Pyodide's stock standard library with the engine's sources added: a zip of the
same kind, only neither trimmed nor compiled), served through Playwright routes with a manifest
that names it. Also the zip rewrites the fail-safe tests serve instead of it."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

from playwright.sync_api import BrowserContext, Page, Route

from tests.conftest import ROOT

MANIFEST = "assets/widgets/engine-assets.mjs"
_EXPORT = re.compile(r'export const (\w+) = new URL\("([^"]+)", import\.meta\.url\)\.href;')


@dataclass(frozen=True)
class Lean:
    """Where the lean zip is, its bytes, and the manifest to serve (None: the site's own is complete)."""

    url: str
    zip_bytes: bytes
    manifest: str | None

    def install(self, context: BrowserContext) -> None:
        if self.manifest is None:
            return
        context.route(f"**/{MANIFEST}", lambda route: route.fulfill(body=self.manifest, content_type="text/javascript"))
        serve_instead(context, self.url, self.zip_bytes)


def site_urls(site: Path, base: str) -> dict[str, str]:
    """The manifest's URL exports, resolved against the served manifest's address."""
    text = (site / MANIFEST).read_text(encoding="utf-8")
    at = f"{base}/{MANIFEST}"
    return {name: urljoin(at, rel) for name, rel in _EXPORT.findall(text)}


@cache
def lean_for(site: Path, base: str) -> Lean:
    urls = site_urls(site, base)
    if "LEAN" in urls:  # the site ships a lean runtime of its own: test that one
        lean = urls["LEAN"]
        return Lean(lean, (site / lean.removeprefix(f"{base}/")).read_bytes(), None)
    runtime = site / urls["PYODIDE"].removeprefix(f"{base}/")
    zip_bytes = _stock_with_engine(runtime / "python_stdlib.zip")
    key = hashlib.sha256((runtime / "pyodide.asm.wasm").read_bytes() + zip_bytes).hexdigest()[:32]
    lean_url = urljoin(urls["ENGINE"], f"lean-test-{key[:16]}.zip")
    files = {name: runtime / name for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")}
    files |= {"engine": site / urls["ENGINE"].removeprefix(f"{base}/"), "rubric": site / urls["RUBRIC"].removeprefix(f"{base}/")}
    sizes = {name: path.stat().st_size for name, path in files.items()} | {"lean": len(zip_bytes)}
    abi = json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]["abi_version"]
    own = re.sub(r"^export const (LEAN|STDLIB_FULL|LOCK_FULL|LOCK_ABI|RUNTIME_KEY|BYTES) =.*?;$", "",
                 (site / MANIFEST).read_text(encoding="utf-8"), flags=re.MULTILINE | re.DOTALL)
    manifest = own + "".join(
        f"export const {name} = {value};\n"
        for name, value in {
            "LEAN": json.dumps(lean_url),
            "STDLIB_FULL": json.dumps(urljoin(urls["PYODIDE"], "python_stdlib.zip")),
            "LOCK_FULL": json.dumps(urljoin(urls["PYODIDE"], "pyodide-lock.json")),
            "LOCK_ABI": json.dumps(abi),
            "RUNTIME_KEY": json.dumps(key),
            "BYTES": json.dumps(sizes, sort_keys=True),
        }.items()
    )
    return Lean(lean_url, zip_bytes, manifest)


def _stock_with_engine(stdlib: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(stdlib) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        for path in sorted((ROOT / "widgets" / "offer_engine").glob("*.py")):
            target.writestr(f"offer_engine/{path.name}", path.read_bytes())
    return out.getvalue()


def without_module(zip_bytes: bytes, module: str) -> bytes:
    """The same zip less one top-level module (its .py or .pyc): a lean build that missed it."""
    out = io.BytesIO()
    dropped = 0
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in (f"{module}.py", f"{module}.pyc"):
                dropped += 1
                continue
            target.writestr(info, source.read(info))
    assert dropped, f"{module} is not in the lean zip"
    return out.getvalue()


SLOW_LINK = {"offline": False, "latency": 150, "downloadThroughput": -1, "uploadThroughput": -1}
"""Round trips of 150 ms (Chromium's estimate then says so) and no cap on bandwidth, so tests stay quick."""


def slow_link(page: Page) -> None:
    """A link the scoring page sees as slow: its engine worker then takes the wasm's zstd twin too (main.html)."""
    page.context.new_cdp_session(page).send("Network.emulateNetworkConditions", SLOW_LINK)


def serve_instead(context: BrowserContext, url: str, body: bytes) -> None:
    """Serve ``body`` for the zip at ``url`` and for its zstd twin, which the worker asks for first
    (bytes that are not zstd pass through it unchanged, as from a host that undid the packing)."""
    for address in (url, url + ".zst"):
        context.route(address, lambda route: route.fulfill(body=body, content_type="application/zip"))


__all__ = ["Lean", "Route", "lean_for", "serve_instead", "site_urls", "slow_link", "without_module"]
