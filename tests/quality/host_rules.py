"""``_headers`` read as Netlify and Cloudflare Pages document it, independently of the code that wrote it; where nginx is."""

from __future__ import annotations

import os
import re
from pathlib import Path

NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
"""Debian's nginx, which ``make test`` installs when it is absent."""
IMMUTABLE = "public, max-age=31536000, immutable"
Headers = dict[str, str]


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
