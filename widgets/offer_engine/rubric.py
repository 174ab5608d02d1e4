"""The rubric the engine runs on (criteria, thresholds, script paths), parsed from engine data.

Engine data is the ``rubric.json`` the generator builds from ``content/``. Keys the
engine does not use (``help``, ``situation``, ``example`` …) are allowed, so the
generator can pass extra display text to the widget without an engine change.

Rules checked here, all reported at once:

- criterion ids are unique text; weights are numbers from 0 to 5; ``negotiable`` is a boolean;
- ``mobility.criterion`` names a criterion; ``mobility.extra_weight`` is 0 to 5;
- thresholds are fits from 0 to 100, and ``negotiate`` is not above ``accept``;
- ``deadline_hours`` has ``min`` and ``max`` hours, ``min`` not above ``max``;
- every path names a script; the scripts a path always speaks or writes must have that
  version (see ``PATH_NEEDS``); every other path's script needs at least one version;
- script text uses only ``{placeholders}`` that ``placeholders`` declares.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from fractions import Fraction
from typing import Any

from .checks import Collector, child, each, flag, item, mapping, number, root, suggestion, text

PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")

PATH_NEEDS: dict[str, str] = {
    "decline_call": "call",
    "decline_email": "email",
    "confirm_email": "email",
    "rescind": "call",  # rescinding is always a call first
}
"""The version a path's script must have, for paths that always use one channel."""


@dataclass(frozen=True)
class Ask:
    id: str
    text: str
    tradeoffs: tuple[str, ...]
    """What to accept instead if the employer cannot move on the ask."""


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    weight: Fraction
    """Default weight, 0 to 5, kept exact (a float weight is its exact binary value)."""
    negotiable: bool
    asks: tuple[Ask, ...]


@dataclass(frozen=True)
class Email:
    subject: str
    body: str


@dataclass(frozen=True)
class Script:
    id: str
    title: str
    call: str | None
    email: Email | None


@dataclass(frozen=True)
class Placeholder:
    label: str
    fallback: str
    """What the script says when the reader leaves the name empty."""


@dataclass(frozen=True)
class Paths:
    """The script id used on each path."""

    decline_call: str
    decline_email: str
    confirm_email: str
    accepted_other: str
    compensation_failed: str
    rescind: str
    not_now: str
    negotiate: str


@dataclass(frozen=True)
class Threshold:
    value: int | float
    """As written in the data, for display."""
    tenths: int
    """The smallest fit, in tenths, that reaches it: fits are compared after rounding to 0.1."""


@dataclass(frozen=True)
class Rubric:
    criteria: tuple[Criterion, ...]
    mobility_criterion: str
    mobility_extra_weight: Fraction
    accept: Threshold
    negotiate: Threshold
    deadline_hours: tuple[int | float, int | float]
    paths: Paths
    scripts: Mapping[str, Script]
    placeholders: Mapping[str, Placeholder]


def _threshold(value: int | float) -> Threshold:
    return Threshold(value, math.ceil(Fraction(value) * 10))


def parse_rubric(data: Any) -> Rubric:
    """Check engine data and build a ``Rubric``, or raise ``InputError`` with every problem."""
    c = Collector()
    data = root(c, data)
    criteria = tuple(x for x in _criteria(c, data.get("criteria")) if x)
    ids = [x.id for x in criteria]
    for at, cid in enumerate(ids):
        if cid in ids[:at]:
            c.add(item("criteria", at) + ".id", f"'{cid}' is used twice")
    mob = mapping(c, data.get("mobility"), "mobility") or {}
    mob_id = text(c, mob.get("criterion"), "mobility.criterion")
    if mob_id is not None and criteria and mob_id not in ids:
        c.add("mobility.criterion", f"'{mob_id}' is not a criterion{suggestion(mob_id, ids)}")
    extra = number(c, mob.get("extra_weight"), "mobility.extra_weight", 0, 5)
    th = mapping(c, data.get("thresholds"), "thresholds") or {}
    accept = number(c, th.get("accept"), "thresholds.accept", 0, 100)
    negotiate = number(c, th.get("negotiate"), "thresholds.negotiate", 0, 100)
    if accept is not None and negotiate is not None and negotiate > accept:
        c.add("thresholds.negotiate", f"must not be above accept ({accept:g}), got {negotiate:g}")
    hours = mapping(c, data.get("deadline_hours"), "deadline_hours") or {}
    low = number(c, hours.get("min"), "deadline_hours.min", 0, 24 * 14)
    high = number(c, hours.get("max"), "deadline_hours.max", 0, 24 * 14)
    if low is not None and high is not None and low > high:
        c.add("deadline_hours.min", f"must not be above max ({high:g}), got {low:g}")
    placeholders = _placeholders(c, data.get("placeholders"))
    scripts = _scripts(c, data.get("scripts"), placeholders)
    paths = _paths(c, data.get("paths"), scripts)
    c.raise_if_any()
    return Rubric(
        criteria, mob_id, Fraction(extra), _threshold(accept), _threshold(negotiate),
        (low, high), paths, scripts, placeholders,
    )  # fmt: skip


def _criteria(c: Collector, value: Any) -> list[Criterion | None]:
    rows = each(c, value, "criteria", _criterion)
    if rows == []:
        c.add("criteria", "must list at least one criterion")
    return rows or []


def _criterion(c: Collector, value: Any, field: str) -> Criterion | None:
    row = mapping(c, value, field)
    if row is None:
        return None
    cid = text(c, row.get("id"), child(field, "id"))
    label = text(c, row.get("label"), child(field, "label"))
    weight = number(c, row.get("weight"), child(field, "weight"), 0, 5)
    negotiable = flag(c, row.get("negotiable"), child(field, "negotiable"))
    asks = each(c, row.get("asks", []), child(field, "asks"), _ask) or []
    if None in (cid, label, weight, negotiable, *asks):
        return None
    return Criterion(cid, label, Fraction(weight), negotiable, tuple(asks))


def _ask(c: Collector, value: Any, field: str) -> Ask | None:
    row = mapping(c, value, field)
    if row is None:
        return None
    aid = text(c, row.get("id"), child(field, "id"))
    said = text(c, row.get("text"), child(field, "text"))
    trade = each(c, row.get("tradeoffs", []), child(field, "tradeoffs"), text) or []
    return None if None in (aid, said, *trade) else Ask(aid, said, tuple(trade))


def _placeholders(c: Collector, value: Any) -> dict[str, Placeholder]:
    out = {}
    for key, row in (mapping(c, value, "placeholders") or {}).items():
        row = mapping(c, row, child("placeholders", key)) or {}
        label = text(c, row.get("label"), child("placeholders", key) + ".label")
        fallback = text(c, row.get("fallback"), child("placeholders", key) + ".fallback")
        if label is not None and fallback is not None:
            out[key] = Placeholder(label, fallback)
    return out


def _template(c: Collector, value: Any, field: str, placeholders: Mapping[str, Placeholder]) -> str | None:
    said = text(c, value, field)
    for name in PLACEHOLDER.findall(said or ""):
        if name not in placeholders:
            c.add(field, f"unknown placeholder {{{name}}}{suggestion(name, placeholders)}")
    return said


def _scripts(c: Collector, value: Any, placeholders: Mapping[str, Placeholder]) -> dict[str, Script]:
    out = {}
    for sid, row in (mapping(c, value, "scripts") or {}).items():
        field = child("scripts", sid)
        row = mapping(c, row, field) or {}
        title = text(c, row.get("title"), child(field, "title"))
        call = None if row.get("call") is None else _template(c, row["call"], child(field, "call"), placeholders)
        email = None
        if row.get("email") is not None:
            mail = mapping(c, row["email"], child(field, "email")) or {}
            subject = _template(c, mail.get("subject"), child(field, "email.subject"), placeholders)
            body = _template(c, mail.get("body"), child(field, "email.body"), placeholders)
            email = Email(subject, body) if subject is not None and body is not None else None
        if title is not None:
            out[sid] = Script(sid, title, call, email)
    return out


def _paths(c: Collector, value: Any, scripts: Mapping[str, Script]) -> Paths | None:
    row = mapping(c, value, "paths") or {}
    chosen = {}
    for name in (f.name for f in fields(Paths)):
        field = child("paths", name)
        sid = text(c, row.get(name), field)
        script = scripts.get(sid) if sid is not None else None
        if sid is not None and script is None:
            c.add(field, f"'{sid}' is not a script{suggestion(sid, scripts)}")
        elif script is not None:
            need = PATH_NEEDS.get(name)
            if need and getattr(script, need) is None:
                c.add(field, f"script '{sid}' has no {need} version, which this path needs")
            elif script.call is None and script.email is None:
                c.add(field, f"script '{sid}' has neither a call nor an email version")
        chosen[name] = sid
    return Paths(**chosen) if None not in chosen.values() else None
