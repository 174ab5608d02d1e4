"""A crawl of the served site: every internal href and src responds 200, every #fragment is an id there.

`mkdocs build --strict` checks the Markdown's links and anchors; this checks what was built, theme
and generated HTML included, as a browser would follow it: through a real HTTP server.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from tests.quality.conftest import BuiltPage

# Where HTML names another resource. (Links inside scripts, like the widget's imports, are the
# browser tests' business: they fail loudly when a module is missing.)
LINKING = {"a": ("href",), "link": ("href",), "script": ("src",), "img": ("src", "srcset"),
           "source": ("src", "srcset"), "iframe": ("src",), "form": ("action",), "use": ("href",)}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        for name in LINKING.get(tag, ()):
            if name in values:
                # srcset: "url 2x, url 3x"; everything else: one URL.
                self.links += [part.split()[0] for part in values[name].split(",") if part.strip()] if name == "srcset" else [values[name]]


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a redirect is reported as itself, not followed: links should name the final address


@dataclass
class Crawl:
    """What a crawl from the home page found: each address's status and ids, and who links where."""

    server: str
    configured: str
    status: dict[str, int] = field(default_factory=dict)
    ids: dict[str, set[str]] = field(default_factory=dict)
    links: list[tuple[str, str]] = field(default_factory=list)  # (page, absolute target with any #fragment)

    def internal(self, target: str) -> str | None:
        """The target on the test server, or None for another origin or a non-HTTP scheme."""
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https"):
            return None
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin == self.configured:  # the canonical address the site was built for (site_url)
            return self.server + target[len(origin):]
        return target if origin == self.server else None

    def run(self, start: str) -> None:
        opener = urllib.request.build_opener(_NoRedirects)
        queue = deque([start])
        while queue:
            address = queue.popleft()
            if address in self.status:
                continue
            try:
                with opener.open(address, timeout=30) as response:
                    self.status[address] = response.status
                    kind = response.headers.get_content_type()
                    body = response.read()
            except urllib.error.HTTPError as error:
                self.status[address] = error.code
                continue
            if kind != "text/html":
                continue
            page = _Page()
            page.feed(body.decode("utf-8"))
            self.ids[address] = page.ids
            for link in page.links:
                target = self.internal(urljoin(address, link))
                if target is None:
                    continue
                self.links.append((address, target))
                queue.append(urldefrag(target).url)


def configured_origin(site: Path) -> str:
    """The origin of ``site_url`` as the build used it, read from the sitemap it wrote."""
    first = re.search(r"<loc>(https?://[^/<]+)", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert first, "sitemap.xml lists no address"
    return first.group(1)


def test_no_broken_link_or_anchor(site_url: str, built_site: Path, pages: list[BuiltPage]) -> None:
    crawl = Crawl(server=site_url, configured=configured_origin(built_site))
    crawl.run(site_url + "/")
    broken = []
    for page, target in crawl.links:
        address, fragment = urldefrag(target)
        short = lambda url: url.removeprefix(site_url)  # noqa: E731
        if crawl.status[address] != 200:
            broken.append(f"{short(page)} links to {short(target)}: HTTP {crawl.status[address]}")
        elif fragment and address in crawl.ids and unquote(fragment) not in crawl.ids[address]:
            broken.append(f"{short(page)} links to {short(target)}: no id {unquote(fragment)!r} there")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(sorted(set(broken)))

    reached = {urlsplit(a).path for a, s in crawl.status.items() if s == 200}
    unreached = [p.address for p in pages if p.address not in reached and p.address != "/404.html"]
    assert not unreached, f"pages no link leads to: {unreached}"
    assert len(crawl.links) > 100, "the crawl followed too few links to mean anything"
