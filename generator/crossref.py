"""Checks that span the content set: unique ids, references to known ids, declared placeholders."""

from __future__ import annotations

import difflib
import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin

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

    def problem(self, message: str, offset: int | None = None) -> Problem:
        """A problem at this value, or at ``offset`` inside its text when given."""
        if offset is None:
            line, col = self.src.positions.of_value(self.loc)
        else:
            line, col = self.src.positions.inside(self.loc, self.value, offset)
        return Problem(self.src.path, line, col, format_loc(self.loc), message)


def marked_fields(src: Source, model: BaseModel) -> Iterator[Marked]:
    """Every marked field in ``model``, depth first, in file order."""
    yield from _walk(src, model, ())


def _walk(src: Source, value: Any, loc: Loc) -> Iterator[Marked]:
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            child = getattr(value, name)
            for marker in _markers(info.annotation, info.metadata):
                if child is not None:
                    yield Marked(src, (*loc, name), child, marker)
            yield from _walk(src, child, (*loc, name))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _walk(src, item, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(src, item, (*loc, key))


def _markers(annotation: Any, metadata: list[Any]) -> list[IdOf | RefTo | Template]:
    """Markers on a field, including those inside ``Annotated[...] | None``."""
    found = list(metadata)
    if get_origin(annotation) in (Union, types.UnionType):
        for option in get_args(annotation):
            if get_origin(option) is Annotated:
                found += option.__metadata__
    return [m for m in found if isinstance(m, (IdOf, RefTo, Template))]


def defined_kinds(model: Any) -> set[str]:
    """The id kinds a model class (or annotation) defines anywhere inside it."""
    kinds: set[str] = set()
    seen: set[Any] = set()

    def visit(annotation: Any, metadata: list[Any]) -> None:
        kinds.update(m.kind for m in _markers(annotation, metadata) if isinstance(m, IdOf))
        origin = get_origin(annotation)
        if origin is Annotated:
            visit(get_args(annotation)[0], list(annotation.__metadata__))
        elif origin is not None:
            for arg in get_args(annotation):
                visit(arg, [])
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation not in seen:
            seen.add(annotation)
            for info in annotation.model_fields.values():
                visit(info.annotation, info.metadata)

    visit(model, [])
    return kinds


def check_references(
    fields: list[Marked], builtin: dict[str, set[str]], placeholders: set[str] | None, unsure: set[str]
) -> list[Problem]:
    """Duplicate ids per kind, references to unknown ids, and unknown ``{placeholders}``.

    ``builtin`` holds ids the generator defines itself (the page ids). ``placeholders`` is
    None when scripts.yml failed to load. ``unsure`` lists id kinds defined in a file that
    failed: references to them are not checked, since the file's own problems come first.
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
        if isinstance(field.marker, RefTo) and field.marker.kind not in unsure:
            ids = known.get(field.marker.kind, {})
            if field.value not in ids:
                problems.append(field.problem(_unknown(field.marker.kind, field.value, sorted(ids))))
        elif isinstance(field.marker, Template) and placeholders is not None:
            for match in PLACEHOLDER.finditer(field.value):
                name = match.group(1)
                if name not in placeholders:
                    declared = ", ".join("{" + p + "}" for p in sorted(placeholders))
                    hint = difflib.get_close_matches(name, sorted(placeholders), n=1, cutoff=0.6)
                    tail = f"did you mean '{{{hint[0]}}}'?" if hint else f"declared placeholders are {declared}"
                    problems.append(field.problem(f"unknown placeholder '{{{name}}}'; {tail}", match.start()))
    return problems


def _unknown(kind: str, value: str, ids: list[str]) -> str:
    close = difflib.get_close_matches(value, ids, n=1, cutoff=0.6)
    if close:
        return f"unknown {kind} '{value}'; did you mean '{close[0]}'?"
    return f"unknown {kind} '{value}'; known ids are: {', '.join(ids) or 'none'}"
