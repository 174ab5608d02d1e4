"""The flip: the smallest change to one score that would change an offer's verdict.

For every criterion the offer is scored on, try each other whole score from 0 to 10,
with every other score and every other offer left as they are, and recompute this
offer's final verdict (its own verdict, then the ranking against the other offers).
The flip is the change with the smallest ``|to − from|``. Ties go to the change that
gives the better verdict (accept, then negotiate, then decline), then to the criterion
with the larger weight, then to the smaller id, then to a raise over a cut.

It answers "what would make this a yes" for a decline or a negotiate, and "how
close is this to slipping" for an accept. ``None`` when no single score can change
the verdict (for example when the reader said the timing is not right).
"""

from __future__ import annotations

from .priorities import Priority
from .ranking import RankKey, in_context, rank_key
from .record import record
from .rubric import Rubric
from .rules import Judgement, Standing, decide, fit_tenths
from .vocabulary import ORDER, SCORE, Verdict


@record
class Flip:
    criterion: Priority
    score_from: int
    score_to: int
    verdict: Verdict
    """The final verdict after the change."""


def find_flip(
    j: Judgement,
    verdict: Verdict,
    priorities: tuple[Priority, ...],
    units: dict[str, int],
    rival: RankKey | None,
    rubric: Rubric,
) -> Flip | None:
    """``verdict`` is the offer's current final verdict; ``rival`` as from ``ranking.rivals``."""
    scores = j.offer.scores
    movable = [p for p in priorities if p.id in scores and (units[p.id] or p.minimum is not None)]
    total = sum(units.values())
    low, high = SCORE
    for distance in range(1, high - low + 1):
        found = []
        for p in movable:
            now = scores[p.id]
            for to in (now + distance, now - distance):
                if low <= to <= high:
                    after = _verdict_after(j, p, now, to, units[p.id], total, rival, rubric)
                    if after != verdict:
                        found.append((ORDER[after], -p.weight, p.id, to < now, Flip(p, now, to, after)))
        if found:
            return min(found, key=lambda row: row[:4])[4]
    return None


def _verdict_after(
    j: Judgement, p: Priority, now: int, to: int, unit: int, total: int, rival: RankKey | None, rubric: Rubric
) -> Verdict:
    """The final verdict with ``p`` scored ``to`` instead of ``now``: the judgement's sums, adjusted."""
    s = j.standing
    change = unit * (to - now)
    structural, negotiable = s.unmet_structural, s.unmet_negotiable
    if p.minimum is not None:
        moved = (to < p.minimum) - (now < p.minimum)
        if p.negotiable:
            negotiable += moved
        else:
            structural += moved
    reach = s.reach if p.negotiable else s.reach + change  # a negotiable score's room moves with it
    after = Standing(s.weighted + change, reach, structural, negotiable)
    fit = fit_tenths(after.weighted, total)
    own, _ = decide(fit, after, total, j.offer.negotiation, j.offer.timing_not_right, rubric)
    if rival is None:  # no other acceptable offer: the own verdict is final (and most inputs have one offer)
        return own
    return in_context(own, rank_key(own, fit, j.offer.name), rival)[0]
