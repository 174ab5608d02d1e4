"""generator/hosting/headers.py and nginx.py: the _headers rules, read back, and their nginx rendering
(checked by nginx itself with ``nginx -t``)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from generator.hosting.csp import sha256
from generator.hosting.headers import (
    IMMUTABLE,
    IMMUTABLE_PREFIXES,
    REVALIDATE,
    REVALIDATED,
    TYPES,
    headers_file,
    parse_headers,
    robots_txt,
    rules,
)
from generator.hosting.nginx import nginx_snippet
from tests.quality.host_rules import NGINX

HASHES = [sha256("one()"), sha256("two()")]


def test_headers_file_reads_back_as_its_rules() -> None:
    assert parse_headers(headers_file(HASHES)) == rules(HASHES)


def test_every_page_rule_carries_the_policy_with_every_hash_and_forbids_framing() -> None:
    every_page = dict(next(r for r in rules(HASHES) if r.pattern == "/*").headers)
    csp = every_page["Content-Security-Policy"]
    assert all(h in csp for h in HASHES) and csp.endswith("frame-ancestors 'none'")
    assert every_page["X-Content-Type-Options"] == "nosniff" and every_page["Referrer-Policy"] == "no-referrer"


def test_no_header_comes_from_two_rules_for_the_same_path() -> None:
    # Hosts join the values of every matching rule: a header in two matching rules would be garbled.
    found = rules(HASHES)
    names_by_rule = [{name for name, _ in r.headers} for r in found]
    every_page = names_by_rule[0]
    for names in names_by_rule[1:]:
        assert not names & every_page
    assert {r.pattern for r in found} >= {f"{p}*" for p in IMMUTABLE_PREFIXES} | {f"/*.{ext}" for ext in TYPES}
    caching = {r.pattern: dict(r.headers).get("Cache-Control") for r in found}
    # Long caching only for the versioned folders; the service worker's script is revalidated.
    assert {p for p, c in caching.items() if c == IMMUTABLE} == {f"{p}*" for p in IMMUTABLE_PREFIXES}
    assert {p for p, c in caching.items() if c == REVALIDATE} == set(REVALIDATED)
    assert set(caching.values()) == {None, IMMUTABLE, REVALIDATE}


@pytest.mark.parametrize(("site_url", "sitemap"), [
    ("https://example.org/guide/", "Sitemap: https://example.org/guide/sitemap.xml"),
    ("https://example.org", "Sitemap: https://example.org/sitemap.xml"),
    (None, None),
])
def test_robots_txt(site_url: str | None, sitemap: str | None) -> None:
    lines = robots_txt(site_url).splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    assert (lines[-1] if sitemap else None) == sitemap


@pytest.mark.parametrize("base", ["/", "/guide/"])
def test_nginx_snippet_for_a_site_at(base: str, tmp_path: Path) -> None:
    snippet = nginx_snippet(parse_headers(headers_file(HASHES)), base)
    prefix = base.rstrip("/")
    assert f"error_page 404 {prefix}/404.html;" in snippet
    for folder in IMMUTABLE_PREFIXES:
        assert f"location ^~ {prefix}{folder} {{" in snippet
    for ext, kind in TYPES.items():
        assert f"types {{ {kind} {ext}; }}" in snippet
    # Every header is sent on error responses too ("always"), except caching: a 404 is not kept a year.
    adds = re.findall(r"add_header (\S+) .*;", snippet)
    assert adds and all(line.endswith(" always;") != line.startswith("add_header Cache-Control")
                        for line in (x.strip() for x in snippet.splitlines() if x.strip().startswith("add_header")))
    # nginx itself accepts it inside a server block.
    (tmp_path / "snippet.conf").write_text(snippet)
    config = tmp_path / "nginx.conf"
    config.write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log; events {{}}\n"
        f"http {{ server {{ listen 127.0.0.1:8; root {tmp_path}; include {tmp_path}/snippet.conf; }} }}\n"
    )
    checked = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(config)],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
