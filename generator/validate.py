"""Turn pydantic's validation errors into content problems with file, line, column and key path."""

from __future__ import annotations

import difflib
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .errors import Problem
from .fields import shown
from .yaml_source import Loc, Source, format_loc


def validate_source(src: Source, model: type[BaseModel]) -> BaseModel | None:
    """Validate one file's data; on failure record every problem on ``src`` and return None."""
    if not isinstance(src.data, dict):
        line, col = src.positions.of_value(())
        src.problems.append(Problem(src.path, line, col, "", f"expected a mapping of keys at the top, got {shown(src.data)}"))
        return None
    try:
        return model.model_validate(src.data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        suggested = _suggested_keys(model, errors)
        for err in errors:
            loc = tuple(err["loc"])
            if err["type"] == "missing" and loc in suggested:
                continue  # "unknown key 'wieght'; did you mean 'weight'?" already says it
            src.problems.append(_problem(src, model, err))
        return None


def _suggested_keys(model: type[BaseModel], errors: list[Any]) -> set[Loc]:
    """Locations of missing fields that an unknown key's "did you mean" already points to."""
    out: set[Loc] = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            loc = tuple(err["loc"])
            close = difflib.get_close_matches(str(loc[-1]), _fields_at(model, loc[:-1]), n=1, cutoff=0.6)
            out.update((*loc[:-1], c) for c in close)
    return out


def _problem(src: Source, model: type[BaseModel], err: Any) -> Problem:
    # Dict-key errors carry a synthetic "[key]" element; the key itself is the previous element.
    loc: Loc = tuple(p for p in err["loc"] if p != "[key]")
    kind, ctx, value = err["type"], err.get("ctx", {}), err.get("input")
    if kind == "extra_forbidden":
        line, col = src.positions.of_key(loc)
        return Problem(src.path, line, col, format_loc(loc), _unknown_key(model, loc))
    line, col = src.positions.of_value(loc)
    return Problem(src.path, line, col, format_loc(loc), _message(kind, ctx, value, err["msg"], loc))


def _message(kind: str, ctx: dict[str, Any], value: Any, default: str, loc: Loc) -> str:
    if kind == "missing":
        return "required field is missing"
    if kind in ("list_type",):
        return f"expected a list, got {shown(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of keys, got {shown(value)}"
    if kind == "too_short":
        n = ctx.get("min_length", 1)
        return f"expected at least {n} item{'s' if n != 1 else ''}, got none" if not value else f"expected at least {n} items"
    if kind == "literal_error":
        return f"expected {ctx.get('expected')}, got {shown(value)}"
    if kind in ("string_type", "str_type"):
        return f"expected text, got {shown(value)}"
    return default


def _unknown_key(model: type[BaseModel], loc: Loc) -> str:
    key = str(loc[-1])
    allowed = _fields_at(model, loc[:-1])
    message = f"unknown key '{key}'"
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"{message}; did you mean '{close[0]}'?"
    if allowed:
        return f"{message}; expected one of: {', '.join(allowed)}"
    return message


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names of the model found at ``loc`` inside ``model``, for "did you mean"."""
    annotation: Any = model
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(part, str) and isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(part)
            if field is None:
                return []
            annotation = field.annotation
        elif get_origin(annotation) is list and isinstance(part, int):
            annotation = get_args(annotation)[0]
        elif get_origin(annotation) is dict:
            annotation = get_args(annotation)[1]
        else:
            return []
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``X | None`` down to the type that holds fields or items."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            options = [a for a in get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation
