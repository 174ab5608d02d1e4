"""Field checks shared by rubric and request parsing: each records a problem instead of raising.

Every check takes the value and its key path, and returns the checked value, or
``None`` after recording a problem. Parsers call them on every field, then raise
one ``InputError`` with everything found.

Type rules: booleans are not numbers; a float is a whole number only when it has
no fractional part (``7.0`` is 7); text must be a string that UTF-8 can encode.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar, cast

from .errors import InputError, Problem

T = TypeVar("T")
ODD_KEY = re.compile(r'[\s.\[\]"]')
YAML11_WORDS = frozenset({"yes", "no", "on", "off", "y", "n"})


class Collector:
    """Collects problems while a parser reads its input."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, field: str, message: str, *, at_key: bool = False) -> None:
        self.problems.append(Problem(field, message, at_key=at_key))

    def raise_if_any(self) -> None:
        if self.problems:
            raise InputError(self.problems)


def shown(value: Any) -> str:
    """A value as the reader wrote it: text in quotes, ``null``/``true``/``false`` as YAML 1.2 and JSON write them, cut short when long."""
    if value is None or isinstance(value, bool):
        out = json.dumps(value)
    elif isinstance(value, str):
        out = repr(value)
    elif isinstance(value, Mapping):
        return "a mapping"
    elif isinstance(value, (list, tuple)):
        return "a list"
    elif isinstance(value, int) and abs(value) >= 10**40:  # repr of a huge int is long, or refused past 4300 digits
        return "a number too large to use"
    else:
        out = repr(value) if isinstance(value, (int, float)) else str(value)
    return out if len(out) <= 40 else out[:39] + "…"


def child(field: str, key: object) -> str:
    """``field.key``; a key that is empty or holds spaces, dots, brackets or quotes is quoted: ``scores."work life"``."""
    key = str(key)
    if not key or ODD_KEY.search(key):
        key = json.dumps(key, ensure_ascii=False)
    return f"{field}.{key}" if field else key


def item(field: str, index: int) -> str:
    return f"{field}[{index}]"


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like ``word`` (difflib, similarity at least 0.6), if any."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def one_of(choices: Iterable[str]) -> str:
    """``'a', 'b' or 'c'``: the words a closed vocabulary allows."""
    quoted = [f"'{x}'" for x in choices]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def suggestion(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest choice, else the choices listed."""
    ordered = sorted(choices)
    near = closest(word, ordered)
    if near is not None:
        return f"; did you mean '{near}'?"
    return "; expected one of: " + ", ".join(ordered) if ordered else ""


def mapping(c: Collector, value: Any, field: str) -> dict[str, Any] | None:
    """A mapping with text keys; other keys are reported and left out."""
    if not isinstance(value, Mapping):
        c.add(field, f"expected a mapping of keys, got {shown(value)}")
        return None
    out: dict[str, Any] = {}
    for key, inner in value.items():
        if isinstance(key, str):
            out[key] = inner
        else:
            c.add(child(field, shown(key)), f"expected a text key, got {shown(key)}")
    return out


def root(c: Collector, value: Any) -> dict[str, Any]:
    """The input as a whole: a mapping, or there is nothing else worth checking."""
    if not isinstance(value, Mapping):
        raise InputError([Problem("top level", f"expected a mapping of keys, got {shown(value)}")])
    return mapping(c, value, "") or {}


def known_keys(c: Collector, data: Mapping[str, Any], field: str, allowed: Iterable[str], noun: str = "key") -> None:
    """Report every key of ``data`` not in ``allowed``, with a "did you mean"."""
    allowed = tuple(allowed)
    for key in data:
        if key not in allowed:
            c.add(child(field, key), f"unknown {noun} {shown(key)}{suggestion(key, allowed)}", at_key=True)


def optional(c: Collector, row: Mapping[str, Any], field: str, key: str, check: Callable[..., Any], default: Any) -> Any:
    """``check(c, row[key], field.key)`` when the key is given (present and not null), else ``default``."""
    return default if row.get(key) is None else check(c, row[key], child(field, key))


def sequence(c: Collector, value: Any, field: str) -> list[Any] | None:
    if not isinstance(value, (list, tuple)):
        c.add(field, f"expected a list, got {shown(value)}")
        return None
    return list(value)


def each(c: Collector, value: Any, field: str, parse: Callable[[Collector, Any, str], T]) -> list[T] | None:
    """``parse`` applied to every entry of a list, each with its ``field[i]`` path."""
    rows = sequence(c, value, field)
    return None if rows is None else [parse(c, row, item(field, at)) for at, row in enumerate(rows)]


def text(c: Collector, value: Any, field: str, *, empty_ok: bool = False, longest: int | None = None) -> str | None:
    if not isinstance(value, str):
        c.add(field, f"expected text, got {shown(value)}")
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        c.add(field, "expected text, got text with a lone surrogate character")
        return None
    if not empty_ok and not value.strip():
        c.add(field, "expected text, got an empty string")
        return None
    if longest is not None and len(value) > longest:
        c.add(field, f"expected text of at most {longest} characters, got {len(value)}")
        return None
    return value


def flag(c: Collector, value: Any, field: str) -> bool | None:
    if isinstance(value, bool):
        return value
    hint = " (YAML 1.2 reads it as text)" if isinstance(value, str) and value.lower() in YAML11_WORDS else ""
    c.add(field, f"expected true or false, got {shown(value)}{hint}")
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def whole(c: Collector, value: Any, field: str, low: int, high: int) -> int | None:
    """A whole number within ``[low, high]``."""
    if _is_number(value) and (isinstance(value, int) or value.is_integer()) and low <= value <= high:
        return int(value)
    c.add(field, f"expected a whole number from {low} to {high}, got {shown(value)}")
    return None


def number(c: Collector, value: Any, field: str, low: float, high: float) -> int | float | None:
    """A number within ``[low, high]``; the comparison alone refuses NaN and infinities."""
    if _is_number(value) and low <= value <= high:
        return cast("int | float", value)
    c.add(field, f"expected a number from {low:g} to {high:g}, got {shown(value)}")
    return None


def choice(c: Collector, value: Any, field: str, choices: tuple[str, ...]) -> str | None:
    if isinstance(value, str) and value in choices:
        return value
    near = closest(value, choices) if isinstance(value, str) else None
    hint = f"; did you mean '{near}'?" if near else ""
    c.add(field, f"expected {one_of(choices)}, got {shown(value)}{hint}")
    return None


def known(value: T | None) -> T:
    """A value its check accepted. Parsers call this only once every problem is recorded and none
    was (after ``raise_if_any``, or after finding no None among the values), so None is a bug here."""
    if value is None:
        raise AssertionError("a checked value is missing although no problem was recorded")
    return value


def all_known(values: Iterable[T | None]) -> tuple[T, ...]:
    """``known`` for each value of a checked list."""
    return tuple(known(v) for v in values)
