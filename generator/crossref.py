"""Checks that span the content set: unique ids, references to known ids, declared placeholders."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .errors import Problem
from .fields import PLACEHOLDER, IdOf, RefTo, Template
from .yaml_source import Loc, Source, format_loc


@dataclass(frozen=True)
class Marked:
    """A field value that carries an IdOf, RefTo or Template marker, with where it came from."""

    src: Source
    loc: Loc
    value: Any
    marker: IdOf | RefTo | Template

    def problem(self, message: str) -> Problem:
        line, col = self.src.positions.of_value(self.loc)
        return Problem(self.src.path, line, col, format_loc(self.loc), message)


def marked_fields(src: Source, model: BaseModel) -> Iterator[Marked]:
    """Every marked field in ``model``, depth first, in file order."""
    yield from _walk(src, model, ())


def _walk(src: Source, value: Any, loc: Loc) -> Iterator[Marked]:
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            child = getattr(value, name)
            for marker in info.metadata:
                if isinstance(marker, (IdOf, RefTo, Template)) and child is not None:
                    yield Marked(src, (*loc, name), child, marker)
            yield from _walk(src, child, (*loc, name))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _walk(src, item, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(src, item, (*loc, key))


def check_references(fields: list[Marked], builtin: dict[str, set[str]], placeholders: set[str] | None) -> list[Problem]:
    """Duplicate ids per kind, references to unknown ids, and unknown ``{placeholders}``.

    ``builtin`` holds ids the generator defines itself (the page ids). ``placeholders`` is
    None when scripts.yml failed to load: its fields are then not checked a second time.
    """
    problems: list[Problem] = []
    known: dict[str, dict[str, Marked | None]] = {kind: dict.fromkeys(ids) for kind, ids in builtin.items()}
    for field in fields:
        if isinstance(field.marker, IdOf):
            seen = known.setdefault(field.marker.kind, {})
            first = seen.get(field.value)
            if field.value in seen and first is not None:
                line, col = first.src.positions.of_value(first.loc)
                problems.append(field.problem(f"duplicate {field.marker.kind} id '{field.value}'; already used at {first.src.path}:{line}:{col}"))
            else:
                seen[field.value] = field
    for field in fields:
        if isinstance(field.marker, RefTo):
            ids = known.get(field.marker.kind, {})
            if field.value not in ids:
                problems.append(field.problem(_unknown(field.marker.kind, field.value, sorted(ids))))
        elif isinstance(field.marker, Template) and placeholders is not None:
            for name in PLACEHOLDER.findall(field.value):
                if name not in placeholders:
                    declared = ", ".join("{" + p + "}" for p in sorted(placeholders))
                    hint = difflib.get_close_matches(name, sorted(placeholders), n=1, cutoff=0.6)
                    tail = f"did you mean '{{{hint[0]}}}'?" if hint else f"declared placeholders are {declared}"
                    problems.append(field.problem(f"unknown placeholder '{{{name}}}'; {tail}"))
    return problems


def _unknown(kind: str, value: str, ids: list[str]) -> str:
    close = difflib.get_close_matches(value, ids, n=1, cutoff=0.6)
    if close:
        return f"unknown {kind} '{value}'; did you mean '{close[0]}'?"
    return f"unknown {kind} '{value}'; known ids are: {', '.join(ids) or 'none'}"
