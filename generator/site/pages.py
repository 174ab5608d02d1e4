"""Render the validated content into Markdown pages with Jinja2: source path → Markdown text."""

from __future__ import annotations

import html
import json
import posixpath
import re
import tempfile
from functools import cache
from pathlib import Path
from typing import Any, cast

import jinja2
import markdown

from generator.content.model import Content
from generator.content.model.lists import Checklist, Tick
from generator.content.model.scripts import Note, Placeholder, Script
from generator.content.numbers import PLACEHOLDER
from generator.content.projection import browser_contract
from generator.site_map import PAGES, checklist_page

# page id → template. Checklist pages are added per checklist in content.
TEMPLATES: dict[str, str] = {page_id: f"{path}.j2" for page_id, path in PAGES.items()}


def render_pages(content: Content) -> dict[str, str]:
    """Every page of the guide as Markdown, keyed by its source path (``checklists/decision.md``)."""
    pages: dict[str, str] = {}
    context = _context(content)
    for page_id, template in TEMPLATES.items():
        pages[PAGES[page_id]] = _render(template, PAGES[page_id], context, page=_page_model(content, page_id))
    for checklist in all_checklists(content):
        path = checklist_page(checklist.id)
        pages[path] = _render("checklists/one.md.j2", path, context, list=checklist)
    return pages


def all_checklists(content: Content) -> list[Checklist]:
    """The content's checklists plus the follow-up roadmap, which readers tick the same way."""
    roadmap = content.roadmap
    steps = Checklist(
        id=roadmap.checklist_id, title=roadmap.checklist_title, when=roadmap.intro,
        # Steps render through the same ticks macro, which tells a step from a tick by its title.
        items=cast("list[Tick]", roadmap.steps),
    )
    return [*content.checklists.checklists, steps]


def _page_model(content: Content, page_id: str) -> Any:
    by_id = {
        "reasons": content.reasons, "framework": content.framework, "negotiation": content.negotiation,
        "deadlines": content.deadlines, "difficult-conversations": content.conversations,
        "how-to-decline": content.communication, "scripts": content.scripts, "after-accepting": content.situations,
        "relationships": content.relationships, "global-mobility": content.mobility, "follow-up": content.roadmap,
        "checklists": content.checklists, "faq": content.faq,
        "score": content.scripts,  # the widget labels its name fields with the placeholders' labels
    }
    return by_id.get(page_id)


def _scripts_and_notes(content: Content) -> list[Script | Note]:
    return [*content.scripts.scripts, *content.scripts.notes]


def _context(content: Content) -> dict[str, Any]:
    return {
        "guide": content.guide,
        "rubric": content.rubric,
        "criteria": {c.id: c for c in content.rubric.criteria},
        "lists": all_checklists(content),
        "contract": browser_contract(content),
        # Hard-case sections show their scripts (and notes) in full, by id.
        "scripts": {s.id: s for s in _scripts_and_notes(content)},
        "placeholders": content.scripts.placeholders,
    }


def _render(template: str, path: str, context: dict[str, Any], **extra: Any) -> str:
    def page_link(page_id: str) -> str:
        return posixpath.relpath(PAGES[page_id], posixpath.dirname(path) or ".")

    text = _env().get_template(template).render(**context, **extra, page_link=page_link)
    # Tidy the blank lines Jinja's control blocks leave behind; Markdown ignores them anyway.
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.site", "templates"),
        # Compiling templates is most of the render time; Jinja's own cache keeps the compiled
        # code between builds (keyed by template source, so an edited template recompiles).
        bytecode_cache=jinja2.FileSystemBytecodeCache(_cache_dir()),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Markdown; HTML parts escape explicitly
    )
    env.filters.update(inline=inline, yaml_str=json.dumps, cell=cell, num=num, script_html=script_html, describe=describe)
    return env


def _cache_dir() -> str:
    path = Path(tempfile.gettempdir()) / f"offer-guide-jinja-{jinja2.__version__}"
    path.mkdir(parents=True, exist_ok=True)
    return str(path)


def inline(text: str) -> str:
    """Inline Markdown on one line, so it stays inside its list item, table cell or heading."""
    return " ".join(text.split())


DESCRIPTION_LENGTH = 160
"""About what search results show of a page's meta description."""


def describe(text: str) -> str:
    """A page's meta description from inline Markdown: plain text, whole sentences up to
    ``DESCRIPTION_LENGTH`` characters (or the first sentence cut at a word, when it is longer)."""
    plain = " ".join(html.unescape(re.sub(r"<[^>]+>", "", markdown.markdown(text))).split())
    sentences = re.split(r"(?<=[.!?])\s+", plain)
    kept = sentences[0]
    for sentence in sentences[1:]:
        if len(kept) + 1 + len(sentence) > DESCRIPTION_LENGTH:
            break
        kept += " " + sentence
    if len(kept) > DESCRIPTION_LENGTH:
        kept = kept[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return kept


def cell(text: str) -> str:
    return inline(text).replace("|", "\\|")


def num(value: float) -> str:
    return f"{value:g}"


def script_html(text: str, placeholders: dict[str, Placeholder], block: bool = True) -> str:
    """A plain-text script as HTML: escaped, paragraphs kept, each ``{placeholder}`` marked."""

    def mark(match: re.Match[str]) -> str:
        key = match.group(1)
        label = placeholders[key].label if key in placeholders else key
        return f'<span class="og-placeholder" title="{html.escape(label)}">{{{html.escape(key)}}}</span>'

    def render(chunk: str) -> str:
        return PLACEHOLDER.sub(mark, html.escape(chunk.strip(), quote=False)).replace("\n", "<br>")

    if not block:
        return render(text)
    return "".join(f"<p>{render(p)}</p>" for p in re.split(r"\n\s*\n", text.strip()))
