"""What the site tells hosts and crawlers: response headers, from the same policy as every
page's CSP meta tag, and ``robots.txt``.

Two renderings of one rule list: ``_headers`` (Netlify, Cloudflare Pages), which the build
ships in the site root, and an nginx snippet (``deploy/nginx.conf``), made from a built
``_headers`` by ``make nginx`` (see ``nginx.py``).

- The CSP header repeats the meta policy (``csp.DIRECTIVES``) and adds ``frame-ancestors
  'none'``, which a meta tag cannot set. A browser enforces both policies, so the header
  must allow the inline scripts of *every* page: it lists the union of their hashes.
- Pyodide sits in a folder named by its version and the engine files carry a content hash
  (generator/site/assets.py), so a new build never changes a file under those names: they may
  be cached for a year without revalidation.
- The service worker's script is revalidated on every fetch (``no-cache``): a new build must
  reach readers through it, and browsers check it on each visit anyway.
- No two rules set the same header: hosts merge the values of all matching rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.hosting.csp import policy
from generator.hosting.offline import SW_URI

HEADERS_URI = "_headers"
IMMUTABLE = "public, max-age=31536000, immutable"
# Nothing on the site uses these; clipboard-write stays allowed for the widget's Copy buttons.
PERMISSIONS = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "
    "xr-spatial-tracking=(), clipboard-read=(), clipboard-write=(self)"
)
IMMUTABLE_PREFIXES = ("/assets/pyodide/", "/assets/engine/")
"""Folders whose files never change under the same name (see generator/site/assets.py)."""
REVALIDATE = "no-cache"
REVALIDATED = (f"/{SW_URI}",)
"""Files whose name stays while their content changes with every build: never cached without asking."""
TYPES = {"wasm": "application/wasm", "mjs": "text/javascript", "zz": "application/octet-stream"}
"""Types that some servers get wrong: Pyodide streams its wasm only as application/wasm, and a
zlib twin (``X.zip.zz``) is no zip until the engine worker inflates it (some servers call it one)."""


@dataclass(frozen=True)
class Rule:
    """Headers for the paths a ``_headers`` pattern matches (``*`` matches anything, ``/`` too)."""

    pattern: str
    headers: tuple[tuple[str, str], ...]


def header_policy(hashes: Iterable[str]) -> str:
    return f"{policy(hashes)}; frame-ancestors 'none'"


def rules(hashes: Iterable[str]) -> list[Rule]:
    every_page = (
        ("Content-Security-Policy", header_policy(hashes)),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Permissions-Policy", PERMISSIONS),
    )
    return [
        Rule("/*", every_page),
        *(Rule(f"{prefix}*", (("Cache-Control", IMMUTABLE),)) for prefix in IMMUTABLE_PREFIXES),
        *(Rule(path, (("Cache-Control", REVALIDATE),)) for path in REVALIDATED),
        *(Rule(f"/*.{ext}", (("Content-Type", kind),)) for ext, kind in TYPES.items()),
    ]


def headers_file(hashes: Iterable[str]) -> str:
    """The ``_headers`` text: a path pattern, then its headers indented."""
    lines = ["# Response headers for Netlify and Cloudflare Pages, made by offer-guide (generator/hosting.py)."]
    for rule in rules(hashes):
        lines += ["", rule.pattern, *(f"  {name}: {value}" for name, value in rule.headers)]
    return "\n".join(lines) + "\n"


def write_headers(site_dir: str | Path, hashes: Iterable[str]) -> None:
    """Put ``_headers`` into a built site: only after every page is written are all hashes known."""
    Path(site_dir, HEADERS_URI).write_text(headers_file(hashes), encoding="utf-8")


def robots_txt(site_url: str | None) -> str:
    """Every page may be indexed; the sitemap MkDocs writes lists them (with ``site_url``'s address)."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {site_url.rstrip('/')}/sitemap.xml"]
    return "\n".join(lines) + "\n"


def parse_headers(text: str) -> list[Rule]:
    """Read a ``_headers`` text back into rules (comments and blank lines skipped)."""
    found: list[Rule] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            found.append(Rule(line.strip(), ()))
            continue
        name, _, value = line.strip().partition(":")
        found[-1] = Rule(found[-1].pattern, (*found[-1].headers, (name.strip(), value.strip())))
    return found
