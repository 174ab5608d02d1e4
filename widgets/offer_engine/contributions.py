"""Each criterion's share of an offer's fit, in tenths that add up exactly to the shown fit.

A criterion's exact share is ``100 × units × score / Σ units`` tenths (``rules.fit_tenths``
rounds the sum of those). Each share is rounded down, and the tenths the rounding lost
go one each to the largest remainders (ties: larger weight, then id), so the shares
always add up to the fit the reader sees: a chart's bars match the number beside them.
Integer arithmetic only, so CPython and Pyodide agree byte for byte.

Order: largest weight first, then id; the same for every offer, since the weights are
the reader's and shared, so a comparison lines the criteria up row by row.
"""

from __future__ import annotations

from typing import NamedTuple

from .priorities import Priority
from .request import Offer


class Contribution(NamedTuple):
    priority: Priority
    score: int | None
    """None only for a weight-0 criterion the reader left unscored."""
    tenths: int
    """This criterion's share of the fit, in tenths of a fit point."""
    unmet: bool
    """A must-have scored below its minimum."""
    possible: int
    """What a 10 would add, in tenths (rounded half up): the chart's track."""


def contributions(offer: Offer, priorities: tuple[Priority, ...], units: dict[str, int], fit: int) -> tuple[Contribution, ...]:
    """Every criterion's share of ``fit`` (in tenths), shares summing to ``fit``."""
    total = sum(units.values())
    exact = {p.id: 100 * units[p.id] * (offer.scores.get(p.id) or 0) for p in priorities}  # tenths × total
    floor = {cid: value // total for cid, value in exact.items()}
    # fit rounds the exact sum, so it lies between Σ floor and Σ floor + (number of remainders).
    left = fit - sum(floor.values())
    by_remainder = sorted(priorities, key=lambda p: (-(exact[p.id] % total), -p.weight, p.id))
    for p in by_remainder[:left]:
        floor[p.id] += 1
    ordered = sorted(priorities, key=lambda p: (-p.weight, p.id))
    return tuple(
        Contribution(p, offer.scores.get(p.id), floor[p.id], _unmet(p, offer.scores.get(p.id)), (2000 * units[p.id] + total) // (2 * total))
        for p in ordered
    )


def _unmet(p: Priority, score: int | None) -> bool:
    return p.minimum is not None and score is not None and score < p.minimum
