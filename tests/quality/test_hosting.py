"""What a host sends with each file: ``_headers`` as Netlify and Cloudflare Pages read it, and
``deploy/nginx.conf`` as nginx applies it (parsed by crossplane), agree for every built file;
and every page works in Chromium under the header policy as well as its own meta policy."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import crossplane
import pytest
import yaml
from playwright.sync_api import Browser

from tests.browser.conftest import CSP_LISTENER
from tests.browser.widget_form import wait_for_result
from tests.conftest import ROOT
from tests.quality.conftest import BuiltPage

NGINX_SNIPPET = ROOT / "deploy" / "nginx.conf"
IMMUTABLE = "public, max-age=31536000, immutable"
Headers = dict[str, str]


# --- _headers, read as the hosts document it ---------------------------------------------------


def read_headers_file(site: Path) -> list[tuple[re.Pattern[str], Headers]]:
    """(path pattern, headers) per rule; ``*`` matches any characters, ``/`` included."""
    rules: list[tuple[re.Pattern[str], Headers]] = []
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((re.compile(".*".join(map(re.escape, line.strip().split("*"))) + r"\Z"), {}))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


def netlify_headers(rules: list[tuple[re.Pattern[str], Headers]], path: str) -> Headers:
    """Headers of every rule that matches. Hosts join a header set by two rules with a comma,
    which would garble it: no header may come from two rules."""
    found: Headers = {}
    for pattern, headers in rules:
        if pattern.match(path):
            twice = found.keys() & headers.keys()
            assert not twice, f"{path}: {twice} set by two rules"
            found.update(headers)
    return found


def site_files(site: Path) -> list[str]:
    return sorted("/" + p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.name != "_headers")


# --- nginx, applied the way nginx applies a server block ---------------------------------------


@dataclass
class Block:
    """A server or location block: its own add_header lines, types map, and nested locations."""

    add_headers: list[tuple[str, str, bool]] = field(default_factory=list)  # name, value, always
    types: dict[str, str] | None = None
    locations: list[tuple[str, str, Block]] = field(default_factory=list)  # modifier, pattern, block


def read_block(directives: list[dict[str, Any]]) -> Block:
    block = Block()
    for d in directives:
        if d["directive"] == "add_header":
            block.add_headers.append((d["args"][0], d["args"][1], d["args"][2:] == ["always"]))
        elif d["directive"] == "types":
            block.types = {ext: t["directive"] for t in d["block"] for ext in t["args"]}
        elif d["directive"] == "location":
            modifier, pattern = d["args"] if len(d["args"]) == 2 else ("", d["args"][0])
            block.locations.append((modifier, pattern, read_block(d["block"])))
    return block


def nginx_server(snippet: Path, site: Path, tmp_path: Path) -> Block:
    """The snippet included in a server block, as the README says, parsed and checked by crossplane."""
    main = tmp_path / "nginx.conf"
    main.write_text(f"events {{}}\nhttp {{\n server {{\n  listen 8080;\n  root {site};\n  include {snippet};\n }}\n}}\n")
    parsed = crossplane.parse(str(main), combine=True)
    assert parsed["status"] == "ok", parsed["errors"]
    http_block = next(d for d in parsed["config"][0]["parsed"] if d["directive"] == "http")
    return read_block(http_block["block"][0]["block"])


def choose(block: Block, uri: str) -> Block | None:
    """nginx's choice among a block's locations: an exact ``=`` match, else the longest prefix, unless a
    regex (in order) matches first and that prefix is not ``^~``."""
    exact = next((b for m, p, b in block.locations if m == "=" and p == uri), None)
    if exact is not None:
        return exact
    prefixes = [(p, b, m) for m, p, b in block.locations if m in ("", "^~") and uri.startswith(p)]
    best = max(prefixes, key=lambda x: len(x[0]), default=None)
    if best and best[2] == "^~":
        return best[1]
    for modifier, pattern, inner in block.locations:
        if modifier in ("~", "~*") and re.search(pattern, uri, re.I if modifier == "~*" else 0):
            return inner
    return best[1] if best else None


def nginx_headers(server: Block, uri: str) -> Headers:
    chain = [server]
    while (inner := choose(chain[-1], uri)) is not None:
        chain.append(inner)
    # add_header and types come from the innermost block that has any; inner blocks inherit otherwise.
    adding = next(b.add_headers for b in reversed(chain) if b.add_headers)
    found = {name: value for name, value, _ in adding}
    types = next((b.types for b in reversed(chain) if b.types is not None), None)
    if types is not None:
        found["Content-Type"] = types.get(uri.rsplit(".", 1)[-1], "application/octet-stream (default_type)")
    return found


# --- the tests ---------------------------------------------------------------------------------


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
    runtime = [p for p in files if re.fullmatch(r"/assets/pyodide/\d+\.\d+\.\d+/[^/]+", p)]
    hashed = [p for p in files if re.fullmatch(r"/assets/engine/[\w-]+-[0-9a-f]{16}\.\w+", p)]
    assert len(runtime) >= 5 and len(hashed) >= 2
    assert cached == sorted(runtime + hashed)
    # The service worker's script keeps its name from build to build: browsers must always ask for it.
    assert netlify_headers(rules, "/sw.js").get("Cache-Control") == "no-cache"


def test_nginx_snippet_sends_what_headers_says(built_site: Path, tmp_path: Path) -> None:
    server = nginx_server(NGINX_SNIPPET, built_site, tmp_path)
    rules = read_headers_file(built_site)
    differ = []
    for path in site_files(built_site):
        expected, sent = netlify_headers(rules, path), nginx_headers(server, path)
        if sent != expected:
            changed = {k: (expected.get(k), sent.get(k)) for k in expected.keys() | sent.keys() if expected.get(k) != sent.get(k)}
            differ.append(f"{path}: (_headers, nginx) {changed}")
    assert not differ, (
        "deploy/nginx.conf no longer matches the build's _headers; run `make nginx`:\n" + "\n".join(differ[:20])
    )
    # Error pages get the security headers too ("always"); a missing file is not cached for a year.
    def every_add(block: Block) -> Iterator[tuple[str, str, bool]]:
        yield from block.add_headers
        for _, _, inner in block.locations:
            yield from every_add(inner)

    assert all(always == (name != "Cache-Control") for name, _, always in every_add(server))


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

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
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
