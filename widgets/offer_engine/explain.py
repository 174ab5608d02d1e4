"""Short, plain-language reasons behind each verdict, one sentence each.

In order: the fit against the thresholds; each unmet must-have, most important
first; the rule that decided (for an offer that lost to an acceptable one, what it
would be on its own and who beat it); the rescind advice for an offer already
accepted; and the flip, if there is one.
"""

from __future__ import annotations

from .rubric import Rubric
from .rules import Judgement
from .sensitivity import Flip
from .vocabulary import DECLINE
from .words import fit_phrase, number

BECAUSE = {
    "deal-breaker": "Decline: a must-have that employers rarely change is below your minimum, so it is not the right fit.",
    "must-have-negotiable": "Negotiate first: the must-haves it misses are ones employers can often improve.",
    "must-have-after-negotiation": "Decline: negotiation is over and a must-have is still below your minimum.",
    "fit-accept": "Accept: every must-have is met and the fit reaches {accept}.",
    "fit-too-low": "Decline: the fit is below {negotiate}, too far to close by negotiating.",
    "fit-after-negotiation": "Decline: negotiation is over and the fit is still below {accept}.",
    "out-of-reach": "Decline: even a 10 on everything negotiable would not lift the fit to {accept}.",
    "fit-negotiable": "Negotiate: the fit is below {accept}, but negotiable points could close the gap.",
    "timing": "Decline for now: you said the timing is not right, so say so and keep the door open.",
}
"""One sentence per reason code of ``rules.decide``."""


def explain(j: Judgement, verdict: str, lost_to: str | None, flip: Flip | None, rubric: Rubric) -> tuple[str, ...]:
    accept, negotiate = number(rubric.accept.value), number(rubric.negotiate.value)
    fit = fit_phrase(j.fit)
    lines = [f"{fit[0].upper()}{fit[1:]} (accept from {accept}, negotiate from {negotiate})."]
    for p in j.unmet:
        said = f"{p.label} scores {j.offer.scores[p.id]}, below your minimum of {p.minimum}"
        if p.negotiable:
            lines.append(f"{said}; employers can often improve it.")
        else:
            lines.append(f"{said}, and employers rarely change it: a deal-breaker.")
    if lost_to is not None and j.verdict != DECLINE:
        lines.append(f"On its own this would be {j.verdict}, but {lost_to} is acceptable and ranks higher.")
    else:
        lines.append(BECAUSE[j.reason].format(accept=accept, negotiate=negotiate))
    if lost_to is not None:
        lines.append("Decline it, saying you have accepted another offer.")
    if j.offer.accepted and verdict == DECLINE:
        lines.append("You already accepted it: call first, apologise, and talk through any costs they incurred.")
    if flip is not None:
        lines.append(
            f"One score would change it: {flip.criterion.label} from {flip.score_from} to {flip.score_to}"
            f" makes it {flip.verdict}."
        )
    return tuple(lines)
