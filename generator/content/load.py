"""Load a content directory into a validated ``Content``, or raise ``ContentError`` with every problem."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from offer_engine import Problem, closest

from generator.content.crossref import Marked, check_references, defined_kinds, marked_fields
from generator.content.engine_check import engine_problems
from generator.content.errors import ContentError, located
from generator.content.model import FILES, Content
from generator.content.model.scripts import Scripts
from generator.content.numbers import fill, values
from generator.content.projection import engine_data_from
from generator.content.source import Source, read_source
from generator.content.validate import validate_source
from generator.site_map import PAGES


def shown_path(path: Path) -> str:
    """A path as the editor knows it: relative to the working directory when inside it."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


# The CLI checks content before it starts MkDocs, then the plugin loads it again in the
# same process: remember the last good load, keyed by the files' sizes and mtimes.
_last_good: dict[Path, tuple[tuple[tuple[str, int, int], ...], Content]] = {}


def _signature(content_dir: Path) -> tuple[tuple[str, int, int], ...]:
    return tuple(
        (p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(content_dir.iterdir()) if p.is_file()
    )


def engine_data(content_dir: Path) -> dict[str, Any]:
    """Load ``content_dir`` (raising ``ContentError`` on problems) and project the engine's data."""
    return engine_data_from(load_content(content_dir))


def load_content(content_dir: Path) -> Content:
    """Read and check every content file, reporting all problems at once."""
    key = content_dir.resolve()
    signature = _signature(content_dir) if content_dir.is_dir() else ()
    if key in _last_good and _last_good[key][0] == signature:
        return _last_good[key][1]
    content = _load(content_dir)
    _last_good[key] = (signature, content)
    return content


def _load(content_dir: Path) -> Content:
    problems: list[Problem] = []
    if not content_dir.is_dir():
        raise ContentError([located(shown_path(content_dir), 1, 1, "", "content directory not found")])
    problems += _unexpected_files(content_dir)
    models: dict[str, Any] = {}
    sources: dict[str, Source] = {}
    fields: list[Marked] = []
    unsure: set[str] = set()
    for stem, model in FILES.items():
        path = content_dir / f"{stem}.yml"
        if not path.is_file():
            problems.append(located(shown_path(path), 1, 1, "", f"file not found; every content set needs {stem}.yml"))
            unsure |= defined_kinds(model)
            continue
        src = read_source(path, shown_path(path))
        sources[stem] = src
        validated = validate_source(src, model) if not src.problems else None
        if validated is None:
            unsure |= defined_kinds(model)
        else:
            models[stem] = validated
            fields += marked_fields(src, validated)
        problems += src.problems
    scripts = models.get("scripts")
    placeholders = set(scripts.placeholders) if isinstance(scripts, Scripts) else None
    builtin = {"page": set(PAGES)}
    problems += check_references(fields, builtin, placeholders, unsure)
    if problems:
        raise ContentError(problems)
    numbers = values(models)
    content = Content(**{stem: fill(model, numbers) for stem, model in models.items()})
    # The engine checks its own input too (it also runs alone in the browser). Content that
    # passes our model but not the engine, such as a call-only path whose script has no call
    # text, must fail here, not in a reader's browser.
    problems += engine_problems(content, sources)
    if problems:
        raise ContentError(problems)
    return content


def _unexpected_files(content_dir: Path) -> list[Problem]:
    """A misnamed file (``reason.yml``) would otherwise be silently ignored."""
    problems = []
    for path in sorted(content_dir.iterdir()):
        if (path.suffix in (".yml", ".yaml") and path.stem not in FILES) or path.suffix == ".yaml":
            expected = [f"{s}.yml" for s in FILES]
            close = closest(path.name, expected)
            hint = f"did you mean {close}?" if close else f"expected one of: {', '.join(expected)}"
            problems.append(located(shown_path(path), 1, 1, "", f"unknown content file; {hint}"))
    return problems
