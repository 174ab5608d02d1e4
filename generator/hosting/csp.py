"""The Content-Security-Policy meta tag every page carries, as strict as Pyodide allows.

- ``'unsafe-eval'``: Pyodide's JS glue calls ``eval``; without it ``loadPyodide`` hangs (FINDINGS).
- Inline scripts are allowed one by one, by the sha256 of their text, computed on the
  rendered page: Material's ``__md_scope`` script differs with the page's depth.
- Material's instant navigation re-runs the inline scripts of the *next* page's content
  under the *first* page's policy, so every page also allows the inline scripts found in
  any page's content (collected before the first page is written).
- ``frame-ancestors`` has no effect in a meta tag; a host header must set it.
- No ``manifest-src``: ``default-src 'self'`` already covers a web manifest, and WebKit does not
  know the directive, so it printed a console error on every page (FINDINGS, "Other browsers").
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

# An inline script is one without src whose type runs as script: JSON data blocks need no hash.
_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_RUNS = {"", "text/javascript", "application/javascript", "module"}
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_CHARSET = re.compile(r"\s*<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.I)

DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script that a browser would run."""
    found = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _RUNS):
            continue
        found.append(match.group("body"))
    return found


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(hashes: Iterable[str]) -> str:
    parts = []
    for name, value in DIRECTIVES:
        if name == "script-src":
            value = " ".join([value, *sorted(set(hashes))])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


class PagePolicy:
    """Collects the scripts of all page contents first, then puts the meta tag into each page."""

    def __init__(self) -> None:
        self.content_hashes: set[str] = set()
        self.applied_hashes: set[str] = set()
        """Every hash any page's policy allows: a header policy, which covers all pages, needs them all."""

    def collect(self, content_html: str) -> None:
        self.content_hashes.update(sha256(s) for s in inline_scripts(content_html))

    def apply(self, output: str) -> str:
        hashes = self.content_hashes | {sha256(s) for s in inline_scripts(output)}
        self.applied_hashes |= hashes
        tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
        head = _HEAD.search(output)
        if head is None:
            return output
        # First in <head>, after only <meta charset>, which must stay in the first 1024 bytes.
        at = head.end()
        charset = _CHARSET.match(output, at)
        if charset:
            at = charset.end()
        return output[:at] + tag + output[at:]
