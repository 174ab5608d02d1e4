"""What to ask for when the verdict is negotiate: the article's "top three asks".

- When negotiable must-haves are unmet, the asks are those must-haves; each gap is
  ``minimum − score``.
- When every must-have is met but the fit is below accept, the asks are the negotiable
  criteria with weight above 0 and a score below 10; each gap is ``10 − score``.

They are ranked by weight × gap, largest first (ties: larger weight, then id), and
cut to ``MAX_ASKS``. Each carries the rubric's asks for its criterion, with their
trade-offs: what to accept instead if the employer cannot move.
"""

from __future__ import annotations

from .checks import known
from .priorities import Priority
from .record import record
from .rubric import Ask
from .rules import Judgement, gap_order
from .vocabulary import MAX_ASKS, SCORE


@record
class AskPlan:
    criterion: Priority
    score: int
    target: int | None
    """The minimum to reach, when the ask closes a must-have gap."""
    asks: tuple[Ask, ...]


def rank_asks(j: Judgement, priorities: tuple[Priority, ...]) -> tuple[AskPlan, ...]:
    scores = j.offer.scores
    if j.unmet:
        chosen = [(p, known(p.minimum)) for p in j.unmet]
    else:
        room = [p for p in priorities if p.negotiable and p.weight and scores[p.id] < SCORE[1]]
        chosen = sorted(((p, SCORE[1]) for p in room), key=lambda pt: gap_order(pt[0], scores[pt[0].id], pt[1]))
    return tuple(
        AskPlan(p, scores[p.id], target if j.unmet else None, p.asks) for p, target in chosen[:MAX_ASKS]
    )
