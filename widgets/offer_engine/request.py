"""The reader's input (priorities, offers, situation), checked against the rubric and resolved.

Shape (YAML or JSON; a key that is absent or null takes its default)::

    your_name: text                        # default ""
    priorities: {criterion: {weight: 0–5, minimum: 0–10}}
    custom_criteria: [{id, label, weight: 0–5, negotiable: bool}]
    offers:                                # at least one
      - name: text                         # unique; when absent or blank, "Offer 1", "Offer 2"…
        contact: {name, role, company}     # text each, default ""
        scores: {criterion: 0–10}          # whole numbers
        negotiation: not-tried | failed | done      # default not-tried
        accepted: bool                     # already formally accepted; default false
        costs_incurred: [relocation | visa | equipment | background-check]
        timing_not_right: bool             # you would like it, but not now; default false
        through_agency: bool               # a recruiter or an agency runs the process; default false
        internal_offer: bool               # a move or promotion at your current employer; default false
    situation: {mobility_matters, knows_hiring_manager, long_process, prefers_email, time_zones,
                call_unanswered, needs_more_time, already_resigned}   # each a bool, default false

Per offer or per situation: an answer that can differ between two offers the reader holds
(who runs the process, whether it is an internal move, accepted, timing) belongs to the
offer; an answer about the reader or about reaching people (how they can be reached, time
zones, the call that went unanswered, needing more time, having resigned) is one
situation flag for all offers.

Rules applied here (weights and minimums: see ``priorities.py``):

- Every criterion needs a score on every offer, unless its weight is 0 and it has no minimum.
- At least one criterion must weigh more than 0, or there is nothing to average.
- At most ``MAX_OFFERS`` offers and ``MAX_CUSTOM`` own criteria; names and labels at most ``MAX_TEXT`` characters.
- Offer names are unique. An offer with no name is called "Offer N" (its place in the list), and
  ``Offer.named`` is false, so sentences can say "this offer" when it is the only one.
- Unknown keys are errors, with a "did you mean" from the known ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .checks import (
    Collector,
    all_known,
    child,
    choice,
    closest,
    each,
    flag,
    known,
    known_keys,
    mapping,
    optional,
    root,
    shown,
    text,
    whole,
)
from .priorities import Priority, parse_priorities
from .record import record, replace
from .rubric import Rubric
from .vocabulary import (
    CONTACT_KEYS,
    MAX_OFFERS,
    MAX_TEXT,
    NEGOTIATIONS,
    NOT_TRIED,
    OFFER_KEYS,
    SCORE,
    SITUATION_KEYS,
    TOP_KEYS,
    Negotiation,
)


@record
class Contact:
    name: str = ""
    role: str = ""
    company: str = ""


@record
class Offer:
    name: str
    contact: Contact
    scores: Mapping[str, int]
    negotiation: Negotiation
    accepted: bool
    costs_incurred: tuple[str, ...]
    """Cost ids from the rubric's ``costs``, in the rubric's order, each once."""
    timing_not_right: bool
    named: bool = True
    """False when the reader gave no name and the engine called it "Offer N"."""
    through_agency: bool = False
    """A recruiter or an agency runs the process: they hear first."""
    internal_offer: bool = False
    """A new role or promotion at the reader's current employer: the conversation is with their manager."""


@record
class Situation:
    mobility_matters: bool = False
    knows_hiring_manager: bool = False
    long_process: bool = False
    prefers_email: bool = False
    time_zones: bool = False
    call_unanswered: bool = False
    """The reader called to give the answer and nobody picked up."""
    needs_more_time: bool = False
    """The reader is not ready to answer yet: an offer they would accept gets a request for more time."""
    already_resigned: bool = False
    """The reader has handed in their notice at their current job."""


@record
class Request:
    your_name: str
    priorities: tuple[Priority, ...]
    """Sorted by id, so the order the reader wrote them in changes nothing."""
    offers: tuple[Offer, ...]
    situation: Situation


# The checks for each kind of field, named once.
def _score(c: Collector, value: Any, field: str) -> int | None:
    """Scores and minimums alike: whole numbers from 0 to 10."""
    return whole(c, value, field, *SCORE)


def _name(c: Collector, value: Any, field: str) -> str | None:
    return text(c, value, field, empty_ok=True, longest=MAX_TEXT)


def _negotiation(c: Collector, value: Any, field: str) -> str | None:
    return choice(c, value, field, NEGOTIATIONS)


def _costs(c: Collector, value: Any, field: str, known: tuple[str, ...]) -> list[str | None] | None:
    return each(c, value, field, lambda c, v, f: choice(c, v, f, known))


def parse_request(data: Any, rubric: Rubric) -> Request:
    """Check a reader's input against ``rubric`` and resolve it, or raise ``InputError`` with every problem."""
    c = Collector()
    data = root(c, data)
    known_keys(c, data, "", TOP_KEYS)
    your_name = optional(c, data, "", "your_name", _name, "")
    situation = _situation(c, data.get("situation"))
    priorities = parse_priorities(c, data, rubric, situation.mobility_matters)
    if priorities and not any(p.weight for p in priorities):
        c.add("priorities", "every criterion has weight 0; give at least one a weight above 0")
    listed = data.get("offers")
    offers = None if listed is None else each(c, listed, "offers", lambda c, v, f: _offer(c, v, f, priorities, rubric))
    if listed is None:
        c.add("offers", "missing; list at least one offer")
    elif offers == []:
        c.add("offers", "expected at least 1 offer, got none")
    elif offers is not None and len(offers) > MAX_OFFERS:
        c.add("offers", f"expected at most {MAX_OFFERS} offers, got {len(offers)}")
    offers = [o if o is None or o.named else replace(o, name=f"Offer {at + 1}") for at, o in enumerate(offers or [])]
    seen: set[str] = set()
    for at, offer in enumerate(offers):
        if offer is not None and offer.name in seen:
            c.add(f"offers[{at}].name", f"{shown(offer.name)} is used twice; give each offer its own name")
        elif offer is not None:
            seen.add(offer.name)
    c.raise_if_any()
    return Request(your_name, priorities, all_known(offers), situation)


def _situation(c: Collector, value: Any) -> Situation:
    if value is None:
        return Situation()
    row = mapping(c, value, "situation") or {}
    known_keys(c, row, "situation", SITUATION_KEYS)
    flags = {k: optional(c, row, "situation", k, flag, None) for k in SITUATION_KEYS}
    return Situation(**{k: v for k, v in flags.items() if v is not None})


def _offer(c: Collector, value: Any, field: str, priorities: tuple[Priority, ...], rubric: Rubric) -> Offer | None:
    row = mapping(c, value, field)
    if row is None:
        return None
    known_keys(c, row, field, OFFER_KEYS)
    given = optional(c, row, field, "name", _name, "")
    name = given or ""
    contact = _contact(c, row.get("contact"), child(field, "contact"))
    scores = _scores(c, row.get("scores"), child(field, "scores"), priorities)
    negotiation = optional(c, row, field, "negotiation", _negotiation, NOT_TRIED)
    accepted = optional(c, row, field, "accepted", flag, False)
    kinds = tuple(x.id for x in rubric.costs)
    costs = optional(c, row, field, "costs_incurred", lambda c, v, f: _costs(c, v, f, kinds), [])
    timing = optional(c, row, field, "timing_not_right", flag, False)
    agency = optional(c, row, field, "through_agency", flag, False)
    internal = optional(c, row, field, "internal_offer", flag, False)
    if None in (given, contact, scores, negotiation, accepted, costs, timing, agency, internal):
        return None
    ordered = tuple(x for x in kinds if x in costs)
    return Offer(name, known(contact), known(scores), negotiation, accepted, ordered, timing, bool(name.strip()), agency, internal)


def _contact(c: Collector, value: Any, field: str) -> Contact | None:
    if value is None:
        return Contact()
    row = mapping(c, value, field)
    if row is None:
        return None
    known_keys(c, row, field, CONTACT_KEYS)
    said = {k: optional(c, row, field, k, _name, "") for k in CONTACT_KEYS}
    return None if None in said.values() else Contact(**said)


def _scores(c: Collector, value: Any, field: str, priorities: tuple[Priority, ...]) -> dict[str, int] | None:
    row = mapping(c, value, field) if value is not None else {}
    if row is None:
        return None
    ids = [p.id for p in priorities]
    known_keys(c, row, field, ids, noun="criterion")
    typos = {closest(k, ids) for k in row if k not in ids}  # already reported as "did you mean"
    scores = {k: _score(c, v, child(field, k)) for k, v in row.items() if k in ids}
    for p in priorities:
        if p.id in row or p.id in typos:
            continue
        if p.minimum is not None:
            c.add(child(field, p.id), "missing; it has a minimum, so score it from 0 to 10")
        elif p.weight:
            c.add(child(field, p.id), "missing; score it from 0 to 10, or set its weight to 0 under priorities")
    return None if None in scores.values() else {k: known(v) for k, v in scores.items()}
