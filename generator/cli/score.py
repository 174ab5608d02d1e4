"""``offer-guide score FILE``: score the offers in an offer file against the content's rubric.

Exit status: 0 when scored; 1 when the content is broken; 2 when the offer file is
unreadable or has problems. Problems go to stderr, one line each, naming the file,
the line and column where known, and the field; never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from offer_engine import InputError, Plan, Result, parse_request, parse_rubric, score, to_dict

from generator.content.errors import ContentError
from generator.content.load import engine_data
from generator.content.source import format_loc, read_source


def run_score(path: Path, content_dir: Path, as_json: bool) -> int:
    data, locate = _read(path)
    if locate is None:
        return 2
    try:
        rubric = parse_rubric(engine_data(content_dir))
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    try:
        result = score(rubric, parse_request(data, rubric))
    except InputError as error:
        placed = sorted(((locate(p.field), p) for p in error.problems), key=lambda row: row[0])  # file order
        for (line, column), problem in placed:
            print(f"{path}:{line}:{column}: {problem}" if line else f"{path}: {problem}", file=sys.stderr)
        return 2
    print(json.dumps(to_dict(result), indent=2, ensure_ascii=False) if as_json else summary(result))
    return 0


def _read(path: Path) -> tuple[Any, Callable[[str], tuple[int, int]] | None]:
    """The file's data and a function from a field to its (line, column), (0, 0) where unknown.

    ``(None, None)`` when the file cannot be read, after printing why.
    """
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_unique_keys)
        except (OSError, UnicodeDecodeError) as error:
            print(f"{path}: cannot read the file: {getattr(error, 'strerror', None) or 'it is not UTF-8 text'}", file=sys.stderr)
            return None, None
        except (ValueError, RecursionError) as error:
            print(f"{path}: not valid JSON: {error}", file=sys.stderr)
            return None, None
        return data, lambda field: (0, 0)  # the json module keeps no positions
    source = read_source(path, str(path))
    if source.problems:
        for problem in source.problems:
            print(problem, file=sys.stderr)
        return None, None
    known = {format_loc(loc): pos for loc, pos in source.positions.values.items()}
    known.update({format_loc(loc): pos for loc, pos in source.positions.keys.items()})  # a key's own place wins
    return source.data, lambda field: _place(field, known)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _place(field: str, known: dict[str, tuple[int, int]]) -> tuple[int, int]:
    """Where a field is, or its nearest parent (a missing key points at its mapping); else line 1."""
    while field and field not in known:
        field = field[: max(field.rfind("."), field.rfind("["), 0)]
    return known.get(field, (1, 1))


def summary(result: Result) -> str:
    """The result as text a reader can act on, in the engine's words: the suggestion, each offer, then what to do, in order."""
    data = to_dict(result)
    lines: list[str] = [data["summary"], ""]
    for o in data["offers"]:
        lines.append(f"{o['title']}: {o['verdict'].upper()}")
        lines += [f"  - {said}" for said in o["explanation"]]
        lines.append("")
    lines.append(f"Recommended: {result.recommended or 'none of these offers'}")
    lines.append("")
    lines.append("What to do, in order:")
    plans = {o["name"]: o["plan"] for o in data["offers"]}
    for n, plan in enumerate(result.plans, 1):
        lines += _plan(n, plan, plans[plan.offer])
    return "\n".join(lines).rstrip() + "\n"


def _plan(n: int, p: Plan, said: dict[str, Any]) -> list[str]:
    out = [f"{n}. {said['action_text']}. {said['deadline_text']}", f"   {said['how']}"]
    if p.text is not None:
        out.append(f'   Script "{p.title}" ({p.script}):')
        if p.subject is not None:
            out.append(f"     Subject: {p.subject}")
        out += [f"     | {line}" for line in p.text.splitlines()]
    if p.talking_points:
        out.append("   Talking points:")
        out += [f"     - {point}" for point in p.talking_points]
    if p.follow_up_text is not None:
        out.append(f"   Follow-up email ({p.follow_up_script}):")
        out.append(f"     Subject: {p.follow_up_subject}")
        out += [f"     | {line}" for line in p.follow_up_text.splitlines()]
    for m in said["extra_messages"]:
        out.append(f"   {m['heading']} ({m['script']}):")
        if m["subject"] is not None:
            out.append(f"     Subject: {m['subject']}")
        out += [f"     | {line}" for line in m["text"].splitlines()]
    out.append("")
    return out

