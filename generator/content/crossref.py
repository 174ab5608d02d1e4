"""Checks that span the content set: unique ids, references to known ids, declared placeholders."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, get_args, get_origin

from offer_engine import Problem, closest

from generator.content.errors import located
from generator.content.fields import IdOf, RefTo, Template
from generator.content.numbers import NAMES, PLACEHOLDER, Quotes
from generator.content.source import Loc, Source, format_loc
from generator.content.typed import hints, optional_of, split


@dataclass(frozen=True)
class Marked:
    """A field value that carries an IdOf, RefTo or Template marker, with where it came from."""

    src: Source
    loc: Loc
    value: Any
    marker: IdOf | RefTo | Template | Quotes

    def problem(self, message: str, offset: int | None = None) -> Problem:
        """A problem at this value, or at ``offset`` inside its text when given."""
        if offset is None:
            line, col = self.src.positions.of_value(self.loc)
        else:
            line, col = self.src.positions.inside(self.loc, self.value, offset)
        return located(self.src.path, line, col, format_loc(self.loc), message)


def marked_fields(src: Source, model: Any) -> Iterator[Marked]:
    """Every marked field in ``model``, depth first, in file order."""
    yield from _walk(src, model, ())


def _walk(src: Source, value: Any, loc: Loc, annotation: Any = None) -> Iterator[Marked]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for name, child_annotation in hints(type(value)).items():
            child = getattr(value, name)
            if child is not None:
                for marker in _markers(child_annotation):
                    yield Marked(src, (*loc, name), child, marker)
            yield from _walk(src, child, (*loc, name), child_annotation)
    elif isinstance(value, list):
        # A list of marked values (``list[Annotated[str, ID, RefTo("script")]]``) marks each item.
        item_annotation = _item_of(annotation)
        item_markers = _markers(item_annotation) if item_annotation is not None else []
        for i, item in enumerate(value):
            for marker in item_markers:
                yield Marked(src, (*loc, i), item, marker)
            yield from _walk(src, item, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(src, item, (*loc, key))


def _item_of(annotation: Any) -> Any:
    """The item annotation of ``list[X]`` (also inside ``Annotated`` or ``| None``), else None."""
    if annotation is None:
        return None
    base, _ = split(annotation)
    inner = optional_of(base)
    if inner is not None:
        base, _ = split(inner)
    if get_origin(base) is list:
        return get_args(base)[0]
    return None


def _markers(annotation: Any) -> list[IdOf | RefTo | Template | Quotes]:
    """Markers on a field, including those inside ``Annotated[...] | None``."""
    base, extras = split(annotation)
    inner = optional_of(base)
    if inner is not None:
        extras = [*extras, *split(inner)[1]]
    return [m for m in extras if isinstance(m, (IdOf, RefTo, Template, Quotes))]


def defined_kinds(annotation: Any) -> set[str]:
    """The id kinds a model class (or annotation) defines anywhere inside it."""
    kinds: set[str] = set()
    seen: set[type] = set()

    def visit(annotation: Any) -> None:
        kinds.update(m.kind for m in _markers(annotation) if isinstance(m, IdOf))
        base, _ = split(annotation)
        if dataclasses.is_dataclass(base) and isinstance(base, type):
            if base not in seen:
                seen.add(base)
                for child in hints(base).values():
                    visit(child)
        else:
            for arg in get_args(base):
                visit(arg)

    visit(annotation)
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
            problems += _placeholders(field, placeholders, "declared placeholders are")
        elif isinstance(field.marker, Quotes):
            problems += _placeholders(field, NAMES, "the numbers text can quote are")
    return problems


def _placeholders(field: Marked, known: Iterable[str], listed: str) -> list[Problem]:
    """Unknown ``{names}`` in a text, each at its own place, with a "did you mean" or the known names."""
    problems = []
    for match in PLACEHOLDER.finditer(field.value):
        name = match.group(1)
        if name not in known:
            hint = closest(name, known)
            tail = f"did you mean '{{{hint}}}'?" if hint else f"{listed} " + ", ".join("{" + p + "}" for p in sorted(known))
            problems.append(field.problem(f"unknown placeholder '{{{name}}}'; {tail}", match.start()))
    return problems


def _unknown(kind: str, value: str, ids: list[str]) -> str:
    close = closest(value, ids)
    if close:
        return f"unknown {kind} '{value}'; did you mean '{close}'?"
    return f"unknown {kind} '{value}'; known ids are: {', '.join(ids) or 'none'}"
