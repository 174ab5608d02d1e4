"""Field types for content models: strict checks with editor-friendly messages and JSON Schema.

YAML hands us plain values. Pydantic's lax coercion would turn ``"5"`` into 5 and its
messages talk about Python; these validators accept exactly what an editor should
write and say what was expected in plain words.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import ConfigDict, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

STRICT = ConfigDict(extra="forbid", frozen=True)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ID = re.compile(ID_PATTERN)
PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")


def shown(value: Any) -> str:
    """A value as the editor wrote it: text quoted, YAML words for the rest."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value) if isinstance(value, str) else str(value)


def _fail(expected: str, value: Any) -> PydanticCustomError:
    return PydanticCustomError("content", "expected {expected}, got {got}", {"expected": expected, "got": shown(value)})


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _fail("text", value)
    if not value.strip():
        raise PydanticCustomError("content", "expected text, got an empty string")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        if isinstance(value, str) and value.lower() in {"yes", "no", "on", "off", "y", "n"}:
            raise PydanticCustomError(
                "content", "expected true or false, got {got} (YAML 1.2 reads it as text)", {"got": shown(value)}
            )
        raise _fail("true or false", value)
    return value


def _id(value: Any) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise _fail("an id of lowercase letters, digits and hyphens", value)
    return value


def number(low: float, high: float, *, integer: bool = False) -> Any:
    """A number within ``[low, high]``; booleans and numeric-looking text are refused."""
    noun = "a whole number" if integer else "a number"
    expected = f"{noun} from {low:g} to {high:g}"

    def check(value: Any) -> float:
        ok_type = isinstance(value, int) if integer else isinstance(value, (int, float))
        if isinstance(value, bool) or not ok_type or not math.isfinite(value) or not low <= value <= high:
            raise _fail(expected, value)
        return value

    kind = "integer" if integer else "number"
    return Annotated[
        int if integer else float,
        PlainValidator(check),
        WithJsonSchema({"type": kind, "minimum": low, "maximum": high}),
    ]


Text = Annotated[str, PlainValidator(_text), WithJsonSchema({"type": "string", "minLength": 1})]
"""Plain or inline-Markdown text, never empty."""

Flag = Annotated[bool, PlainValidator(_flag), WithJsonSchema({"type": "boolean"})]


@dataclass(frozen=True)
class IdOf:
    """Marks a field whose value names a thing of ``kind``; must be unique within the kind."""

    kind: str


@dataclass(frozen=True)
class RefTo:
    """Marks a field whose value must be the id of an existing thing of ``kind``."""

    kind: str


@dataclass(frozen=True)
class Template:
    """Marks text whose ``{placeholders}`` must be declared in scripts.yml."""


def _placeholder_name(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", value):
        raise _fail("a placeholder name of lowercase letters, digits and underscores", value)
    return value


PlaceholderName = Annotated[
    str, PlainValidator(_placeholder_name), WithJsonSchema({"type": "string", "pattern": "^[a-z][a-z0-9_]*$"})
]

_ID_SCHEMA = WithJsonSchema({"type": "string", "pattern": ID_PATTERN})


def id_of(kind: str) -> Any:
    return Annotated[str, PlainValidator(_id), _ID_SCHEMA, IdOf(kind)]


def ref_to(kind: str) -> Any:
    return Annotated[str, PlainValidator(_id), _ID_SCHEMA, RefTo(kind)]


ScriptText = Annotated[str, PlainValidator(_text), WithJsonSchema({"type": "string", "minLength": 1}), Template()]
"""Plain text (no Markdown: it is copied into emails) with ``{placeholder}`` fields."""
