"""The Content-Security-Policy of every page, read from the built HTML, and the one ``_headers`` sends.

Each page's meta policy allows nothing from another origin, no plugins, no <base> elsewhere and no
inline script but the ones it hashes. The header policy is the same policy for all pages at once:
the same directives, the hashes of every page, and ``frame-ancestors 'none'``, which only a header
can set.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from tests.quality.conftest import BuiltPage

Policy = dict[str, list[str]]

# The only source expressions the site needs: its own origin, nothing, data: images, Pyodide's eval
# (FINDINGS.md), and the hashes of inline scripts. Anything else (a host, a scheme, *, a nonce,
# 'unsafe-inline', 'strict-dynamic') fails the gate.
ALLOWED = re.compile(r"'self'|'none'|data:|'unsafe-eval'|'sha256-[A-Za-z0-9+/]{43}='")
KNOWN_DIRECTIVES = {
    "default-src", "script-src", "script-src-elem", "script-src-attr", "style-src", "style-src-elem",
    "style-src-attr", "img-src", "font-src", "connect-src", "media-src", "object-src", "frame-src",
    "child-src", "worker-src", "manifest-src", "base-uri", "form-action", "frame-ancestors",
}
HASH = re.compile(r"'sha256-")


class _MetaPolicies(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.found.append(values.get("content") or "")


def parse_policy(text: str) -> Policy:
    policy: Policy = {}
    for directive in filter(None, (d.strip() for d in text.split(";"))):
        name, *sources = directive.split()
        assert name not in policy, f"{name} given twice"
        policy[name.lower()] = sources
    return policy


def meta_policy(page: BuiltPage) -> Policy:
    parser = _MetaPolicies()
    parser.feed(page.path.read_text(encoding="utf-8"))
    assert len(parser.found) == 1, f"{page.address}: {len(parser.found)} CSP meta tags"
    return parse_policy(parser.found[0])


def header_policy(site: Path) -> Policy:
    """The CSP of the ``/*`` rule in ``_headers`` (read here, not by the code that wrote it)."""
    text = (site / "_headers").read_text(encoding="utf-8")
    every_page = re.search(r"^/\*\n((?:[ \t]+.*\n?)+)", text, re.M)
    assert every_page, "_headers has no rule for /*"
    values = re.findall(r"^\s+Content-Security-Policy:\s*(.+)$", every_page.group(1), re.M)
    assert len(values) == 1, "the /* rule must set exactly one Content-Security-Policy"
    return parse_policy(values[0])


def problems(policy: Policy) -> list[str]:
    found = [f"unknown directive {name}" for name in policy if name not in KNOWN_DIRECTIVES]
    found += [f"{name} allows {source}" for name, sources in policy.items() for source in sources if not ALLOWED.fullmatch(source)]
    found += [f"{name} is empty" for name, sources in policy.items() if not sources]
    if policy.get("default-src") != ["'self'"]:
        found.append(f"default-src is {policy.get('default-src')}, not 'self'")
    if policy.get("object-src") != ["'none'"]:
        found.append(f"object-src is {policy.get('object-src')}, not 'none'")
    if policy.get("base-uri") != ["'self'"]:
        found.append(f"base-uri is {policy.get('base-uri')}, not 'self'")
    if "'unsafe-inline'" in policy.get("script-src", ["'unsafe-inline'"]):
        found.append("script-src allows any inline script (or is missing)")
    return found


def without_hashes(policy: Policy) -> Policy:
    return {name: [s for s in sources if not HASH.match(s)] for name, sources in policy.items()}


def test_every_page_carries_a_strict_policy(pages: list[BuiltPage]) -> None:
    found = [f"{page.address}: {problem}" for page in pages for problem in problems(meta_policy(page))]
    assert not found, "\n".join(found)


def test_the_header_policy_is_the_pages_policy_for_all_pages_and_forbids_framing(built_site: Path, pages: list[BuiltPage]) -> None:
    header = header_policy(built_site)
    assert problems(header) == []
    assert header.pop("frame-ancestors") == ["'none'"]
    metas = {page.address: meta_policy(page) for page in pages}
    for address, meta in metas.items():
        assert without_hashes(header) == without_hashes(meta), f"{address}: its directives differ from the header's"
    # A browser enforces header and meta policy both, so the header must allow every page's scripts,
    # and it allows no script that no page has.
    every_hash = {s for meta in metas.values() for s in meta["script-src"] if HASH.match(s)}
    assert {s for s in header["script-src"] if HASH.match(s)} == every_hash
