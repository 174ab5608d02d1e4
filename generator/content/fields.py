"""Field types for content models: strict checks with editor-friendly messages, and their JSON Schema.

YAML hands us plain values. These checks accept exactly what an editor should write
(no "5" for 5, no 'no' for false) and say what was expected in plain words.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Annotated, Any

from offer_engine import shown, vocabulary

from generator.content.numbers import Quotes
from generator.content.typed import Check, Invalid, MinItems

ID_PATTERN = vocabulary.ID_PATTERN
_ID = re.compile(ID_PATTERN)
_NAME = re.compile(r"[a-z][a-z0-9_]*")
YAML_11_WORDS = {"yes", "no", "on", "off", "y", "n"}


def _fail(expected: str, value: Any) -> Invalid:
    return Invalid(f"expected {expected}, got {shown(value)}")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _fail("text", value)
    if not value.strip():
        raise Invalid("expected text, got an empty string")
    return value


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in YAML_11_WORDS:
        raise Invalid(f"expected true or false, got {shown(value)} (YAML 1.2 reads it as text)")
    raise _fail("true or false", value)


def _id(value: Any) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise _fail("an id of lowercase letters, digits and hyphens", value)
    return value


def _placeholder_name(value: Any) -> str:
    if not isinstance(value, str) or not _NAME.fullmatch(value):
        raise _fail("a placeholder name of lowercase letters, digits and underscores", value)
    return value


def number(low: float, high: float, *, integer: bool = False) -> Check:
    """The check of a number within ``[low, high]`` (``Annotated[float, number(0, 5)]``); booleans and
    numeric-looking text are refused."""
    expected = f"{'a whole number' if integer else 'a number'} from {low:g} to {high:g}"

    def check(value: Any) -> Any:
        ok_type = isinstance(value, int) if integer else isinstance(value, (int, float))
        if isinstance(value, bool) or not ok_type or not math.isfinite(value) or not low <= value <= high:
            raise _fail(expected, value)
        return value

    schema = {"type": "integer" if integer else "number", "minimum": low, "maximum": high}
    return Check(check, schema)


def at_least(count: int) -> MinItems:
    return MinItems(count)


Text = Annotated[str, Check(_text, {"type": "string", "minLength": 1}), Quotes()]
"""Plain or inline-Markdown text, never empty; it quotes the rubric's numbers as ``{accept}`` … (see ``numbers``)."""

Flag = Annotated[bool, Check(_flag, {"type": "boolean"})]

PlaceholderName = Annotated[str, Check(_placeholder_name, {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"})]


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


ID = Check(_id, {"type": "string", "pattern": ID_PATTERN})
"""The check of an id: ``Annotated[str, ID, IdOf("step")]`` defines one, ``Annotated[str, ID, RefTo("step")]`` names one."""



ScriptText = Annotated[str, Check(_text, {"type": "string", "minLength": 1}), Template()]
"""Plain text (no Markdown: it is copied into emails) with ``{placeholder}`` fields."""
