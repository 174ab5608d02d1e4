"""The browser's one entry point: JSON text in, JSON text out, and it never raises.

``run(rubric_json, request_json)`` returns ``{"ok": true, "result": {...}}`` (the shape
of ``result.to_dict``) or ``{"ok": false, "problems": [{"field", "message"}, ...]}``.
Problems in the rubric have fields starting ``rubric.``; a text that is not JSON is
reported on the field ``rubric`` or ``request``. Any other exception is a bug, but it
still comes back as an answer, ``{"ok": false, "internal": true, "problems": [...]}`` on
the field ``engine``, rather than as an exception in JavaScript. The output is ASCII (``\\u`` escapes), so it crosses into JavaScript intact.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .engine import score
from .errors import InputError, Problem
from .request import parse_request
from .result import to_dict
from .rubric import Rubric, parse_rubric


def run(rubric_json: str, request_json: str) -> str:
    try:
        _must_be_text(rubric_json, "rubric")
        _must_be_text(request_json, "request")
        rubric = _rubric(rubric_json)
        result = score(rubric, parse_request(_load(request_json, "request"), rubric))
        return _dump({"ok": True, "result": to_dict(result)})
    except InputError as error:
        return _problems(error.problems)
    except Exception as error:
        return _problems([Problem("engine", f"internal error: {type(error).__name__}: {error}")], internal=True)


@lru_cache(maxsize=4)
def _rubric(rubric_json: str) -> Rubric:
    """The rubric is the same on every call from one page, so it is parsed once."""
    try:
        return parse_rubric(_load(rubric_json, "rubric"))
    except InputError as error:
        raise InputError([p if p.field == "rubric" else Problem(f"rubric.{p.field}", p.message) for p in error.problems]) from None


def _must_be_text(value: Any, field: str) -> None:
    if not isinstance(value, str):
        raise InputError([Problem(field, f"expected JSON text, got {type(value).__name__}")])


def _load(text: str, field: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        raise InputError([Problem(field, f"is not valid JSON: {error}")]) from None


def _problems(problems: list[Problem], *, internal: bool = False) -> str:
    answer: dict[str, Any] = {"ok": False, "problems": [{"field": p.field, "message": p.message} for p in problems]}
    if internal:
        answer["internal"] = True
    return _dump(answer)


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, allow_nan=False, separators=(",", ":"))
