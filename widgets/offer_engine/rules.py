"""Fit, must-haves and the verdict for one offer on its own merits.

**Fit** is the weighted mean of the offer's scores, times 10, so 0–100:
``fit = 10 × Σ(weight × score) / Σ weight`` over criteria with weight above 0.
It is rounded half up to one decimal, and the verdict compares that rounded value,
the one the reader sees. Weights are turned into whole units first (multiplied by
the common denominator), so the arithmetic is exact integers and the result is the
same in CPython and Pyodide.

**Must-haves** are criteria with a ``minimum``. One scored below its minimum is *unmet*.
An unmet must-have the employer cannot negotiate is a **deal-breaker**.

**Verdict**, first rule that applies:

1. a deal-breaker → **decline** (``deal-breaker``: not the right fit, whatever the fit);
2. unmet must-haves, all negotiable, negotiation ``not-tried`` → **negotiate**
   (``must-have-negotiable``);
3. unmet must-haves after negotiation (``failed`` or ``done``: the offer is final) →
   **decline** (``must-have-after-negotiation``);
4. every must-have met and fit at or above the accept threshold → **accept** (``fit-accept``);
5. fit below the negotiate threshold → **decline** (``fit-too-low``);
6. negotiation already tried → **decline** (``fit-after-negotiation``);
7. even a 10 on every negotiable criterion would not lift the fit to accept →
   **decline** (``out-of-reach``: a structural mismatch, not a gap to negotiate);
8. otherwise → **negotiate** (``fit-negotiable``): the gap is small and negotiable.

Then, if the reader marked the offer ``timing_not_right``, an accept or negotiate
becomes **decline** (``timing``); a decline keeps its own reason.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import NamedTuple

from .checks import known
from .contributions import Contribution, contributions
from .priorities import Priority
from .record import record
from .request import Offer
from .rubric import Rubric
from .vocabulary import ACCEPT, DECLINE, NEGOTIATE, NOT_TRIED, SCORE, Reason, Verdict


class Standing(NamedTuple):
    """The numbers a verdict depends on, kept so one score can be changed cheaply.

    A NamedTuple rather than a record: the flip builds dozens per offer, and a
    tuple is several times cheaper to build than a record.
    """

    weighted: int
    """Σ units × score."""
    reach: int
    """``weighted`` if every negotiable criterion scored 10."""
    unmet_structural: int
    unmet_negotiable: int


@record
class Judgement:
    """One offer judged on its own."""

    offer: Offer
    standing: Standing
    fit: int
    """In tenths: 642 is a fit of 64.2."""
    verdict: Verdict
    reason: Reason
    unmet: tuple[Priority, ...]
    """Must-haves below their minimum, largest weight × gap first."""
    deal_breakers: tuple[Priority, ...]
    """The unmet ones the employer cannot negotiate, in the same order."""
    contributions: tuple[Contribution, ...] = ()
    """Each criterion's share of ``fit`` (``contributions`` module)."""


def weight_units(priorities: tuple[Priority, ...]) -> dict[str, int]:
    """Each weight times the least common denominator of all weights: whole numbers in the same ratio."""
    scale = math.lcm(*(p.weight.denominator for p in priorities))
    return {p.id: p.weight.numerator * (scale // p.weight.denominator) for p in priorities}


def fit_tenths(weighted: int, total: int) -> int:
    """``100 × weighted / total`` rounded half up: the fit in tenths."""
    return (200 * weighted + total) // (2 * total)


def standing(offer: Offer, priorities: tuple[Priority, ...], units: dict[str, int]) -> Standing:
    weighted = reach = structural = negotiable = 0
    for p in priorities:
        score = offer.scores.get(p.id)
        if score is None:  # only allowed for weight 0 without a minimum
            continue
        weighted += units[p.id] * score
        reach += units[p.id] * (SCORE[1] if p.negotiable else score)
        if p.minimum is not None and score < p.minimum:
            if p.negotiable:
                negotiable += 1
            else:
                structural += 1
    return Standing(weighted, reach, structural, negotiable)


def decide(fit: int, s: Standing, total: int, negotiation: str, timing_not_right: bool, rubric: Rubric) -> tuple[Verdict, Reason]:
    """The verdict and its reason code, by the numbered rules in this module's docstring."""
    verdict, reason = _on_merit(fit, s, total, negotiation != NOT_TRIED, rubric)
    if timing_not_right and verdict != DECLINE:
        return DECLINE, "timing"
    return verdict, reason


def _on_merit(fit: int, s: Standing, total: int, tried: bool, rubric: Rubric) -> tuple[Verdict, Reason]:
    if s.unmet_structural:
        return DECLINE, "deal-breaker"
    if s.unmet_negotiable:
        return (DECLINE, "must-have-after-negotiation") if tried else (NEGOTIATE, "must-have-negotiable")
    if fit >= rubric.accept.tenths:
        return ACCEPT, "fit-accept"
    if fit < rubric.negotiate.tenths:
        return DECLINE, "fit-too-low"
    if tried:
        return DECLINE, "fit-after-negotiation"
    if fit_tenths(s.reach, total) < rubric.accept.tenths:
        return DECLINE, "out-of-reach"
    return NEGOTIATE, "fit-negotiable"


def gap_order(p: Priority, score: int, target: int) -> tuple[Fraction, Fraction, str]:
    """Sort key: largest weight × gap first, then larger weight, then id (so input order never matters)."""
    return (-(p.weight * (target - score)), -p.weight, p.id)


def judge(offer: Offer, priorities: tuple[Priority, ...], units: dict[str, int], rubric: Rubric) -> Judgement:
    s = standing(offer, priorities, units)
    total = sum(units.values())
    fit = fit_tenths(s.weighted, total)
    verdict, reason = decide(fit, s, total, offer.negotiation, offer.timing_not_right, rubric)
    unmet = sorted(
        (p for p in priorities if p.minimum is not None and offer.scores[p.id] < p.minimum),
        key=lambda p: gap_order(p, offer.scores[p.id], known(p.minimum)),
    )
    breakers = tuple(p for p in unmet if not p.negotiable)
    shares = contributions(offer, priorities, units, fit)
    return Judgement(offer, s, fit, verdict, reason, tuple(unmet), breakers, shares)
