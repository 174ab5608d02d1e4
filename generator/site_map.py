"""The site's stable page ids and addresses; tests, bookmarks and routes in content rely on them."""

from __future__ import annotations

# page id → source path of the generated Markdown page (its address is the path without ".md").
PAGES: dict[str, str] = {
    "index": "index.md",
    "score": "score.md",
    "reasons": "reasons.md",
    "framework": "framework.md",
    "negotiation": "negotiation.md",
    "deadlines": "deadlines.md",
    "how-to-decline": "how-to-decline.md",
    "scripts": "scripts.md",
    "difficult-conversations": "difficult-conversations.md",
    "after-accepting": "after-accepting.md",
    "relationships": "relationships.md",
    "global-mobility": "global-mobility.md",
    "follow-up": "follow-up.md",
    "checklists": "checklists/index.md",
    "faq": "faq.md",
    "how-scoring-works": "how-scoring-works.md",
}


def checklist_page(checklist_id: str) -> str:
    """Each checklist gets a printable page of its own under /checklists/."""
    return f"checklists/{checklist_id}.md"
