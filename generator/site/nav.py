"""The navigation, built from the page registry so it follows the content's own titles and checklists."""

from __future__ import annotations

from typing import Any

from generator.content.model import Content
from generator.site.pages import all_checklists
from generator.site_map import PAGES, checklist_page

# Section labels group pages by the reader's three jobs: decide, decline, follow up.
_SECTIONS: list[tuple[str, list[str]]] = [
    ("Decide", ["reasons", "framework", "score", "negotiation", "deadlines", "global-mobility", "how-scoring-works"]),
    ("Decline", ["how-to-decline", "scripts", "difficult-conversations", "after-accepting", "relationships"]),
    ("Follow up", ["follow-up", "checklists"]),
]


def build_nav(content: Content) -> list[Any]:
    """The ``nav`` setting for MkDocs; titles come from each page's own front matter."""
    nav: list[Any] = [{"Home": PAGES["index"]}]
    for label, page_ids in _SECTIONS:
        entries: list[Any] = [PAGES[p] for p in page_ids if p != "checklists"]
        if "checklists" in page_ids:
            entries.append(PAGES["checklists"])
            entries += [checklist_page(c.id) for c in all_checklists(content)]
        nav.append({label: entries})
    nav.append(PAGES["faq"])
    return nav
