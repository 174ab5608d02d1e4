"""The rubric the engine runs on (criteria, thresholds, script paths), parsed from engine data.

Engine data is the ``rubric.json`` the generator builds from ``content/``. Keys the
engine does not use (``help``, ``situation``, ``example`` …) are allowed, so the
generator can pass extra display text to the widget without an engine change.

Rules checked here, all reported at once:

- criterion ids are unique text; weights are numbers from 0 to 5; ``negotiable`` is a boolean;
- ``mobility.criterion`` names a criterion; ``mobility.extra_weight`` is 0 to 5;
- thresholds are fits from 0 to 100, and ``negotiate`` is not above ``accept``;
- ``deadline_hours`` has ``min`` and ``max`` whole hours in ``DEADLINE_HOURS``, ``min`` not above ``max``;
- ``scripts``, ``placeholders`` and ``paths`` as ``scripts.py`` says;
- ``form`` (optional): the words the reader's form shows for each closed vocabulary,
  ``situation`` (a label per ``SITUATION_KEYS``), ``offer`` (a label per ``OFFER_FLAGS``,
  followed in the form by the offer's title) and ``negotiation`` (a label per
  ``NEGOTIATIONS``); each must name exactly the engine's keys, so a form cannot offer a
  choice the engine does not know, nor miss one it does;
- ``email_cases`` (optional, default ``EMAIL_CASES``): the situation flags the content's
  rule for call or email names as the only reasons to write instead of calling, each one
  of ``EMAIL_CASES``; ``plan.choose_channel`` applies exactly this list;
- optional guide text the plan speaks, so the engine itself holds no advice:
  ``compensation_criterion`` (failed negotiation on it selects the compensation script),
  ``costs`` (what an employer may have paid for: ``id``, ``label``, ``talking_point``),
  ``rescind_points`` (``before`` and ``after`` the cost points when withdrawing an
  acceptance, and ``costs``, said first when any cost was ticked) and ``after_call``
  (the reminder to confirm a call by email).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from .checks import (
    Collector,
    all_known,
    child,
    choice,
    each,
    flag,
    item,
    known,
    known_keys,
    mapping,
    number,
    root,
    suggestion,
    text,
    whole,
)
from .record import record
from .scripts import Paths, Placeholder, Script, parse_paths, parse_placeholders, parse_scripts
from .vocabulary import DEADLINE_HOURS, EMAIL_CASES, FIT, NEGOTIATIONS, OFFER_FLAGS, SITUATION_KEYS, WEIGHT


@record
class Ask:
    id: str
    text: str
    tradeoffs: tuple[str, ...]
    """What to accept instead if the employer cannot move on the ask."""


@record
class Criterion:
    id: str
    label: str
    weight: Fraction
    """Default weight, 0 to 5, kept exact (a float weight is its exact binary value)."""
    negotiable: bool
    asks: tuple[Ask, ...]


@record
class Threshold:
    value: int | float
    """As written in the data, for display."""
    tenths: int
    """The smallest fit, in tenths, that reaches it: fits are compared after rounding to 0.1."""


@record
class Cost:
    """Something an employer may already have paid for when the reader withdraws an acceptance."""

    id: str
    label: str
    talking_point: str


@record
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
    compensation_criterion: str | None = None
    costs: tuple[Cost, ...] = ()
    rescind_before: tuple[str, ...] = ()
    rescind_after: tuple[str, ...] = ()
    after_call: str | None = None
    form: Mapping[str, Mapping[str, str]] | None = None
    """Labels by vocabulary (``situation``, ``offer``, ``negotiation``) and key, when the data gives them."""
    email_cases: tuple[str, ...] = EMAIL_CASES
    """The situation flags that make the plan write instead of call, in the content's order."""
    rescind_costs: str | None = None
    """Said before the cost points when the reader ticked any cost: read the agreement first."""


FORM_VOCABULARIES: dict[str, tuple[str, ...]] = {"situation": SITUATION_KEYS, "offer": OFFER_FLAGS, "negotiation": NEGOTIATIONS}


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
    extra = number(c, mob.get("extra_weight"), "mobility.extra_weight", *WEIGHT)
    th = mapping(c, data.get("thresholds"), "thresholds") or {}
    accept = number(c, th.get("accept"), "thresholds.accept", *FIT)
    negotiate = number(c, th.get("negotiate"), "thresholds.negotiate", *FIT)
    if accept is not None and negotiate is not None and negotiate > accept:
        c.add("thresholds.negotiate", f"expected at most accept ({accept:g}), got {negotiate:g}")
    hours = mapping(c, data.get("deadline_hours"), "deadline_hours") or {}
    low = whole(c, hours.get("min"), "deadline_hours.min", *DEADLINE_HOURS)
    high = whole(c, hours.get("max"), "deadline_hours.max", *DEADLINE_HOURS)
    if low is not None and high is not None and low > high:
        c.add("deadline_hours.min", f"expected at most max ({high:g}), got {low:g}")
    placeholders = parse_placeholders(c, data.get("placeholders"))
    scripts = parse_scripts(c, data.get("scripts"), placeholders)
    paths = parse_paths(c, data.get("paths"), scripts)
    pay = data.get("compensation_criterion")
    pay = None if pay is None else text(c, pay, "compensation_criterion")
    if pay is not None and criteria and pay not in ids:
        c.add("compensation_criterion", f"'{pay}' is not a criterion{suggestion(pay, ids)}")
    costs = tuple(x for x in (each(c, data.get("costs", []), "costs", _cost) or []) if x)
    rescind = mapping(c, data.get("rescind_points", {}), "rescind_points") or {}
    before = each(c, rescind.get("before", []), "rescind_points.before", text) or []
    after = each(c, rescind.get("after", []), "rescind_points.after", text) or []
    costs_note = None if rescind.get("costs") is None else text(c, rescind["costs"], "rescind_points.costs")
    cases = data.get("email_cases")
    cases = EMAIL_CASES if cases is None else tuple(
        x for x in (each(c, cases, "email_cases", lambda c, v, f: choice(c, v, f, EMAIL_CASES)) or []) if x)
    after_call = data.get("after_call")
    after_call = None if after_call is None else text(c, after_call, "after_call")
    form = None if data.get("form") is None else _form(c, data["form"])
    c.raise_if_any()
    return Rubric(
        criteria, known(mob_id), Fraction(known(extra)), _threshold(known(accept)), _threshold(known(negotiate)),
        (known(low), known(high)), known(paths), scripts, placeholders,
        pay, costs, all_known(before), all_known(after), after_call, form, cases, costs_note,
    )  # fmt: skip


def _form(c: Collector, value: Any) -> dict[str, dict[str, str]]:
    row = mapping(c, value, "form") or {}
    known_keys(c, row, "form", FORM_VOCABULARIES)
    out = {}
    for name, keys in FORM_VOCABULARIES.items():
        field = child("form", name)
        labels = mapping(c, row.get(name), field) or {}
        known_keys(c, labels, field, keys)
        for key in keys:
            if key not in labels:
                c.add(child(field, key), "missing; the engine knows this choice, so the form needs a label for it")
        out[name] = {k: text(c, labels[k], child(field, k)) or "" for k in keys if k in labels}
    return out


def _cost(c: Collector, value: Any, field: str) -> Cost | None:
    row = mapping(c, value, field)
    if row is None:
        return None
    parts = [text(c, row.get(k), child(field, k)) for k in ("id", "label", "talking_point")]
    return None if None in parts else Cost(*parts)  # type: ignore[arg-type]


def _criteria(c: Collector, value: Any) -> list[Criterion | None]:
    rows = each(c, value, "criteria", _criterion)
    if rows == []:
        c.add("criteria", "expected at least 1 criterion, got none")
    return rows or []


def _criterion(c: Collector, value: Any, field: str) -> Criterion | None:
    row = mapping(c, value, field)
    if row is None:
        return None
    cid = text(c, row.get("id"), child(field, "id"))
    label = text(c, row.get("label"), child(field, "label"))
    weight = number(c, row.get("weight"), child(field, "weight"), *WEIGHT)
    negotiable = flag(c, row.get("negotiable"), child(field, "negotiable"))
    asks = each(c, row.get("asks", []), child(field, "asks"), _ask) or []
    if None in (cid, label, weight, negotiable, *asks):
        return None
    return Criterion(known(cid), known(label), Fraction(known(weight)), known(negotiable), all_known(asks))


def _ask(c: Collector, value: Any, field: str) -> Ask | None:
    row = mapping(c, value, field)
    if row is None:
        return None
    aid = text(c, row.get("id"), child(field, "id"))
    said = text(c, row.get("text"), child(field, "text"))
    trade = each(c, row.get("tradeoffs", []), child(field, "tradeoffs"), text) or []
    return None if None in (aid, said, *trade) else Ask(known(aid), known(said), all_known(trade))


