"""The reader's priorities: every criterion's weight, minimum and negotiability, resolved.

Shape: ``priorities: {criterion: {weight: 0–5, minimum: 0–10}}`` and
``custom_criteria: [{id, label, weight: 0–5, negotiable: bool}]`` (``label`` defaults to
the id, ``weight`` to ``DEFAULT_CUSTOM_WEIGHT``, ``negotiable`` to false; ids are ``ID_PATTERN`` words).

- A criterion's weight is the reader's ``priorities`` weight, else its default: the
  rubric's, or the weight given in ``custom_criteria``.
- ``mobility_matters`` adds the rubric's ``mobility.extra_weight`` to the mobility
  criterion's weight, capped at 5 (the article: give global mobility extra weight).
- A ``minimum`` makes the criterion a must-have (the article's "non-negotiable").
- A custom criterion cannot reuse a rubric criterion's id; its weight and minimum can
  be set under ``priorities`` like any other.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from .checks import Collector, child, each, flag, known, known_keys, mapping, number, optional, shown, text, whole
from .record import record
from .rubric import Ask, Rubric
from .vocabulary import CUSTOM_KEYS, DEFAULT_CUSTOM_WEIGHT, ID_PATTERN, MAX_CUSTOM, MAX_TEXT, PRIORITY_KEYS, SCORE, WEIGHT

_ID = re.compile(ID_PATTERN)


@record
class Priority:
    """One criterion as this reader weighs it."""

    id: str
    label: str
    weight: Fraction
    """Effective weight, 0–5, after the mobility rule."""
    minimum: int | None
    negotiable: bool
    asks: tuple[Ask, ...]


def _weight(c: Collector, value: Any, field: str) -> int | float | None:
    return number(c, value, field, *WEIGHT)


def _minimum(c: Collector, value: Any, field: str) -> int | None:
    return whole(c, value, field, *SCORE)


def _customs(c: Collector, value: Any, field: str) -> list[tuple[str, str, Fraction, bool] | None] | None:
    rows = each(c, value, field, _custom)
    if rows is not None and len(rows) > MAX_CUSTOM:
        c.add(field, f"expected at most {MAX_CUSTOM} criteria of your own, got {len(rows)}")
    return rows


def _id(c: Collector, value: Any, field: str) -> str | None:
    said = text(c, value, field)
    if said is not None and not _ID.match(said):
        c.add(field, f"expected an id of lowercase letters, digits and hyphens, got {shown(said)}")
        return None
    return said


def _label(c: Collector, value: Any, field: str) -> str | None:
    return text(c, value, field, longest=MAX_TEXT)


def _custom(c: Collector, value: Any, field: str) -> tuple[str, str, Fraction, bool] | None:
    row = mapping(c, value, field)
    if row is None:
        return None
    known_keys(c, row, field, CUSTOM_KEYS)
    cid = _id(c, row.get("id"), child(field, "id"))
    label = optional(c, row, field, "label", _label, cid)
    weight = optional(c, row, field, "weight", _weight, DEFAULT_CUSTOM_WEIGHT)
    negotiable = optional(c, row, field, "negotiable", flag, False)
    if None in (cid, label, weight, negotiable):
        return None
    return known(cid), known(label), Fraction(known(weight)), known(negotiable)


def parse_priorities(c: Collector, data: Mapping[str, Any], rubric: Rubric, mobility_matters: bool) -> tuple[Priority, ...]:
    """Every criterion, the rubric's and the reader's own, as this reader weighs it; sorted by id."""
    defaults = {x.id: (x.label, x.weight, x.negotiable, x.asks) for x in rubric.criteria}
    customs = optional(c, data, "", "custom_criteria", _customs, [])
    for at, custom in enumerate(customs or []):
        if custom and custom[0] in defaults:
            c.add(f"custom_criteria[{at}].id", f"'{custom[0]}' is already a criterion; set its weight under priorities")
        elif custom:
            defaults[custom[0]] = (custom[1], custom[2], custom[3], ())
    given = optional(c, data, "", "priorities", mapping, {}) or {}
    known_keys(c, given, "priorities", defaults, noun="criterion")
    out = []
    for cid in sorted(defaults):
        label, weight, negotiable, asks = defaults[cid]
        minimum = None
        row = given.get(cid)
        field = child("priorities", cid)
        if isinstance(row, Mapping):
            row = mapping(c, row, field) or {}
            known_keys(c, row, field, PRIORITY_KEYS)
            weight = Fraction(optional(c, row, field, "weight", _weight, weight) or 0)
            minimum = optional(c, row, field, "minimum", _minimum, None)
        elif row is not None:
            c.add(field, f"expected a mapping such as {{weight: 4, minimum: 6}}, got {shown(row)}")
        if mobility_matters and cid == rubric.mobility_criterion:
            weight = min(Fraction(WEIGHT[1]), weight + rubric.mobility_extra_weight)
        out.append(Priority(cid, label, weight, minimum, negotiable, asks))
    return tuple(out)
