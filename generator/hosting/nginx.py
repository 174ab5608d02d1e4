"""The nginx rendering of a built site's ``_headers``: ``deploy/nginx.conf``, made by ``make nginx``
(``python -m generator.hosting SITE/_headers``)."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from generator.hosting.headers import Rule, parse_headers


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def nginx_snippet(parsed: list[Rule], base: str = "/") -> str:
    """The same rules for nginx, to include inside the ``server`` block that serves the site at ``base``.

    nginx drops every inherited ``add_header`` in a block that has its own, so each location
    repeats the headers of every page. A ``types`` block replaces the whole MIME map of its
    block, so it only goes where nothing but that one extension is served."""
    everywhere = next(r.headers for r in parsed if r.pattern == "/*")
    cached = [r for r in parsed if r.pattern.endswith("/*") and r.pattern != "/*"]
    exact = [r for r in parsed if "*" not in r.pattern]
    typed = [r for r in parsed if re.fullmatch(r"/\*\.\w+", r.pattern)]

    def add(headers: Iterable[tuple[str, str]], indent: str) -> list[str]:
        # `always` also covers error responses, except for caching: a missing file must not be cached for a year.
        return [
            f"{indent}add_header {name} {_quoted(value)}{'' if name == 'Cache-Control' else ' always'};"
            for name, value in headers
        ]

    def by_type(rule: Rule, indent: str) -> list[str]:
        ext = rule.pattern.removeprefix("/*.")
        kind = dict(rule.headers)["Content-Type"]
        return [f"{indent}location ~ \\.{ext}$ {{", f"{indent}    types {{ {kind} {ext}; }}", f"{indent}}}"]

    lines = [
        "# offer-guide: the response headers of the site's _headers file, for nginx.",
        "# Made by `make nginx` (generator/hosting.py) from a fresh build: do not edit by hand.",
        "# Include it inside the `server` block whose root is the built site:",
        "#     include /path/to/offer-guide/deploy/nginx.conf;",
        "",
        f"error_page 404 {base.rstrip('/')}/404.html;",
        "",
        *add(everywhere, ""),
    ]
    for rule in cached:
        folder = base.rstrip("/") + rule.pattern.removesuffix("*")
        lines += ["", f"location ^~ {folder} {{", *add(everywhere, "    "), *add(rule.headers, "    ")]
        for kind in typed:  # nested locations inherit this block's add_header lines
            lines += by_type(kind, "    ")
        lines.append("}")
    for rule in exact:  # `location =` wins over every other location for its one path
        path = base.rstrip("/") + rule.pattern
        lines += ["", f"location = {path} {{", *add(everywhere, "    "), *add(rule.headers, "    "), "}"]
    for kind in typed:
        lines += ["", *by_type(kind, "")]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: [SITE_URL=…] python -m generator.hosting SITE/_headers  (prints the nginx snippet)", file=sys.stderr)
        return 2
    # The site's folder on the server is the path of the address it was built for, as in mkdocs.yml.
    base = urlsplit(os.environ.get("SITE_URL", "")).path or "/"
    sys.stdout.write(nginx_snippet(parse_headers(Path(argv[0]).read_text(encoding="utf-8")), base))
    return 0

