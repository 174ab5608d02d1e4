"""Ask the engine whether it accepts the rubric the content makes, and place its answer in the content files."""

from __future__ import annotations

import re

from offer_engine import InputError, parse_rubric

from generator.content.errors import Problem
from generator.content.model import Content
from generator.content.projection import engine_data_from
from generator.content.source import Loc, Source, format_loc

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def engine_problems(content: Content, sources: dict[str, Source]) -> list[Problem]:
    try:
        parse_rubric(engine_data_from(content))
    except InputError as exc:
        return [_place(p.field, p.message, content, sources) for p in exc.problems]
    return []


def _place(field: str, message: str, content: Content, sources: dict[str, Source]) -> Problem:
    """Map an engine field path (engine-data shape) onto the content file and key it came from."""
    loc: Loc = tuple(name if name else int(index) for name, index in _PART.findall(field))
    stem = "rubric"
    if loc[:1] == ("scripts",) and len(loc) > 1:
        ids = [s.id for s in content.scripts.scripts]
        stem, loc = "scripts", ("scripts", ids.index(str(loc[1])), *loc[2:]) if loc[1] in ids else loc
    elif loc[:1] == ("placeholders",):
        stem = "scripts"
    elif loc[:1] == ("deadline_hours",):
        stem, loc = "communication", ("timing",)
    src = sources[stem]
    line, col = src.positions.of_value(loc)
    return Problem(src.path, line, col, format_loc(loc), f"the scoring engine cannot use this: {message}")
