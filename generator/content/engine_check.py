"""Ask the engine whether it accepts the rubric the content makes, and place its answer in the content files."""

from __future__ import annotations

from offer_engine import InputError, Problem, parse_rubric

from generator.content.errors import located
from generator.content.model import Content
from generator.content.projection import project
from generator.content.source import Source, format_loc


def engine_problems(content: Content, sources: dict[str, Source]) -> list[Problem]:
    """The engine's problems with the projected rubric, each at the content file, line and key it came from."""
    projection = project(content)
    try:
        parse_rubric(projection.data)
    except InputError as exc:
        out = []
        for p in exc.problems:
            stem, loc = projection.source_of(p.field)
            src = sources[stem]
            line, col = (src.positions.of_key if p.at_key else src.positions.of_value)(loc)
            out.append(located(src.path, line, col, format_loc(loc), f"the scoring engine cannot use this: {p.message}"))
        return out
    return []
