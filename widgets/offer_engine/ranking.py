"""Several offers: rank them, and decline the ones that lose to an acceptable offer.

**Rank** by verdict (accept, then negotiate, then decline), then by fit, highest
first, then by name, so the order the offers were written in never matters. A
certain yes ranks above a maybe, even one with a higher fit.

**The winner** is the best-ranked offer whose own verdict is accept, if any. When
there is a winner, every other offer becomes **decline**: the reader is taking the
winner, and tells the others with the "accepted another offer" script (or the
rescind script, for an offer already accepted). With no acceptable offer, each
offer keeps its own verdict.

**Recommended** is the top-ranked offer unless its verdict is decline; then none.
"""

from __future__ import annotations

from .vocabulary import ACCEPT, DECLINE, ORDER, Verdict

RankKey = tuple[int, int, str]


def rank_key(verdict: str, fit: int, name: str) -> RankKey:
    """Smaller is better."""
    return (ORDER[verdict], -fit, name)


def rivals(keys: dict[str, RankKey]) -> dict[str, RankKey | None]:
    """For each offer, the best key among the *other* offers whose own verdict is accept."""
    accepting = sorted((key, name) for name, key in keys.items() if key[0] == ORDER[ACCEPT])
    best = accepting[:2]
    return {
        name: next((key for key, other in best if other != name), None)
        for name in keys
    }


def in_context(verdict: Verdict, key: RankKey, rival: RankKey | None) -> tuple[Verdict, bool]:
    """The final verdict, and whether the offer lost to an acceptable rival."""
    if rival is None:
        return verdict, False
    if verdict == ACCEPT and key < rival:
        return ACCEPT, False
    return DECLINE, True
