"""Check one file's data against its model, turning each error into a problem with file, line and column."""

from __future__ import annotations

from typing import Any

from offer_engine import Problem, shown

from generator.content.errors import located
from generator.content.source import Source, format_loc
from generator.content.typed import Error, build


def validate_source(src: Source, model: type) -> Any | None:
    """Validate one file's data; on failure record every problem on ``src`` and return None."""
    if not isinstance(src.data, dict):
        line, col = src.positions.of_value(())
        src.problems.append(located(src.path, line, col, "", f"expected a mapping of keys at the top, got {shown(src.data)}"))
        return None
    errors: list[Error] = []
    result = build(model, src.data, (), errors)
    src.problems.extend(_problem(src, e) for e in errors)
    return None if errors else result


def _problem(src: Source, error: Error) -> Problem:
    at = src.positions.of_key if error.at_key else src.positions.of_value
    line, col = at(error.loc)
    return located(src.path, line, col, format_loc(error.loc), error.message)
