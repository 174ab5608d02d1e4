"""Check plain data (from YAML) against frozen, typed dataclasses, collecting every problem with its key path.

The content model is plain dataclasses whose annotations say what each field accepts:
``Annotated[str, Check(...)]`` for scalars, ``list[...]``, ``dict[...]``, ``Literal[...]``,
``X | None`` and nested dataclasses. This module walks data and annotations together.
It replaced pydantic, whose per-class start-up cost alone was a tenth of a whole build.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

# "Did you mean", values as shown and choices as listed: the engine's words, so content and
# offer files speak alike ("expected X, got Y").
from offer_engine import closest, one_of, shown

Loc = tuple[str | int, ...]


class Invalid(Exception):
    """Raised by a check with the message for the editor."""


@dataclass(frozen=True, eq=False)  # hashed by identity: typing hashes Annotated extras
class Check:
    """A scalar check: returns the (possibly converted) value or raises ``Invalid``; ``schema`` is its JSON Schema."""

    run: Callable[[Any], Any]
    schema: dict[str, Any]


@dataclass(frozen=True)
class MinItems:
    count: int


@dataclass(frozen=True)
class Error:
    loc: Loc
    message: str
    at_key: bool = False  # point at the key (unknown keys) rather than at the value


@cache
def hints(cls: type) -> dict[str, Any]:
    """Field name → annotation (with ``Annotated`` extras) of a dataclass, in declaration order."""
    resolved = get_type_hints(cls, include_extras=True)
    return {f.name: resolved[f.name] for f in dataclasses.fields(cls)}


def required(cls: type) -> set[str]:
    return {
        f.name for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }


def split(annotation: Any) -> tuple[Any, list[Any]]:
    """``Annotated[T, *extras]`` → ``(T, extras)``; other annotations have no extras."""
    if get_origin(annotation) is Annotated:
        base, *extras = get_args(annotation)
        inner, more = split(base)
        return inner, [*more, *extras]
    return annotation, []


def optional_of(annotation: Any) -> Any | None:
    """``X | None`` → ``X``; anything else → None."""
    if get_origin(annotation) in (Union, types.UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
        if len(options) == 1 and len(get_args(annotation)) == 2:
            return options[0]
    return None


def build(annotation: Any, value: Any, loc: Loc, errors: list[Error]) -> Any:
    """Convert ``value`` to ``annotation``; on problems, append them to ``errors`` and return None."""
    annotation, extras = split(annotation)
    inner = optional_of(annotation)
    if inner is not None:
        return None if value is None else build(inner, value, loc, errors)
    checks = [e for e in extras if isinstance(e, Check)]
    if checks:
        try:
            for check in checks:
                value = check.run(value)
        except Invalid as exc:
            errors.append(Error(loc, str(exc)))
            return None
        return value
    origin = get_origin(annotation)
    if origin is Literal:
        allowed = get_args(annotation)
        if value not in allowed:
            errors.append(Error(loc, f"expected {one_of(allowed)}, got {shown(value)}"))
        return value
    if origin is list:
        return _list(get_args(annotation)[0], extras, value, loc, errors)
    if origin is dict:
        return _dict(get_args(annotation), extras, value, loc, errors)
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return _object(annotation, value, loc, errors)
    raise TypeError(f"unsupported annotation {annotation!r}")  # a model bug, not bad content


def _list(item: Any, extras: list[Any], value: Any, loc: Loc, errors: list[Error]) -> Any:
    if not isinstance(value, list):
        errors.append(Error(loc, f"expected a list, got {shown(value)}"))
        return None
    least = max([e.count for e in extras if isinstance(e, MinItems)], default=0)
    if len(value) < least:
        noun = "item" if least == 1 else "items"
        errors.append(Error(loc, f"expected at least {least} {noun}, got {len(value) or 'none'}"))
        return None
    return [build(item, v, (*loc, i), errors) for i, v in enumerate(value)]


def _dict(args: tuple[Any, Any], extras: list[Any], value: Any, loc: Loc, errors: list[Error]) -> Any:
    if not isinstance(value, dict):
        errors.append(Error(loc, f"expected a mapping of keys, got {shown(value)}"))
        return None
    least = max([e.count for e in extras if isinstance(e, MinItems)], default=0)
    if len(value) < least:
        errors.append(Error(loc, f"expected at least {least} entries, got {len(value) or 'none'}"))
        return None
    key_type, value_type = args
    out = {}
    for key, item in value.items():
        before = len(errors)
        build(key_type, key, (*loc, key), errors)
        # A bad key is reported at the key itself.
        errors[before:] = [dataclasses.replace(e, at_key=True) for e in errors[before:]]
        out[key] = build(value_type, item, (*loc, key), errors)
    return out


def _object(cls: type, value: Any, loc: Loc, errors: list[Error]) -> Any:
    if not isinstance(value, dict):
        errors.append(Error(loc, f"expected a mapping of keys, got {shown(value)}"))
        return None
    fields = hints(cls)
    suggested: set[str] = set()
    for key in value:
        if key not in fields:
            close = closest(key, fields)
            hint = f"did you mean '{close}'?" if close else f"expected one of: {', '.join(fields)}"
            errors.append(Error((*loc, key), f"unknown key '{key}'; {hint}", at_key=True))
            if close:
                suggested.add(close)
    before = len(errors)
    kwargs = {}
    for name, annotation in fields.items():
        if name in value:
            kwargs[name] = build(annotation, value[name], (*loc, name), errors)
        elif name in required(cls) and name not in suggested:
            # An unknown key whose "did you mean" names this field already says it is missing.
            errors.append(Error((*loc, name), "required field is missing"))
    if len(errors) > before or any(name not in kwargs for name in required(cls)):
        return None
    instance = cls(**kwargs)
    problem = getattr(instance, "problem", None)
    message = problem() if callable(problem) else None
    if message:
        errors.append(Error(loc, message))
        return None
    return instance
