"""The guide as MkDocs needs it, made from the content: names, navigation, pages and the engine's data.

Making it means reading and checking every content file, importing the engine, and rendering
every template. For a guide that has not changed that was a sixth of a rebuild, so the made
guide is kept in the user cache (generator/build_cache.py) under the digest of everything it is
made from:
- the content files;
- the code and templates of this package and of the engine;
- the versions of Python, Jinja2 and Markdown.

Bad content is never kept: it raises ``ContentError`` every time.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import markdown
import offer_engine  # only the package: its modules load on first use

from generator.build_cache import files_digest, kept

GENERATOR_DIR = Path(__file__).resolve().parent
ENGINE_DIR = Path(offer_engine.__file__).resolve().parent


@dataclass(frozen=True)
class Guide:
    """Everything the site takes from the content; plain values only, so that it pickles."""

    site_name: str
    site_description: str
    nav: list[Any]
    """The ``nav`` setting for MkDocs."""
    pages: dict[str, str]
    """Source path (``checklists/decision.md``) → Markdown."""
    rubric: bytes
    """The engine's data as the browser's engine reads it (``rubric-<hash>.json``)."""
    contract: str
    """The engine's contract as JSON (generator/site/contract_asset.py), for the widget's JavaScript."""


def made_guide(content_dir: Path) -> Guide:
    """The guide for ``content_dir``: from the cache when nothing it is made from has changed."""
    return kept("guide", inputs_digest(content_dir), lambda: _make(content_dir))


def code_files() -> list[Path]:
    """The code a guide is made with: this package (templates included) and the engine."""
    generator = [p for p in GENERATOR_DIR.rglob("*") if p.suffix in (".py", ".j2") and "__pycache__" not in p.parts]
    return [*generator, *ENGINE_DIR.glob("*.py")]


def inputs_digest(content_dir: Path) -> str:
    """sha256 of everything a made guide depends on."""
    content = files_digest((p for p in content_dir.iterdir() if p.is_file()), content_dir) if content_dir.is_dir() else "-"
    code = files_digest(code_files(), Path("/"))
    versions = f"{sys.version}\0{jinja2.__version__}\0{markdown.__version__}"
    return hashlib.sha256(f"{content}\0{code}\0{versions}".encode()).hexdigest()


def _make(content_dir: Path) -> Guide:
    # Imported here rather than at the top: a rebuild that finds its guide in the cache needs
    # neither the content model nor the engine nor the templates: about 70 ms of imports alone.
    from generator.content.load import load_content
    from generator.content.projection import engine_data_from
    from generator.site.assets import rubric_json
    from generator.site.contract_asset import contract_json
    from generator.site.nav import build_nav
    from generator.site.pages import render_pages

    content = load_content(content_dir)
    engine_data = engine_data_from(content)
    return Guide(
        site_name=content.guide.site_name,
        site_description=content.guide.description,
        nav=build_nav(content),
        pages=render_pages(content),
        rubric=rubric_json(engine_data),
        contract=contract_json(engine_data),
    )
