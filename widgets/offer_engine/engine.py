"""``score(rubric, request)``: every offer judged, ranked, explained and given a plan.

Steps: judge each offer on its own (``rules``); rank them and decline the ones that
lose to an acceptable offer (``ranking``); for each offer, the asks when it is a
negotiate (``asks``), the flip (``sensitivity``), the message plan (``plan``) and the
reasons (``explain``).

The result's ``plans`` are the messages in the order to send them: a rescind first
(the sooner the better), then requests for more time (before a deadline passes), then the
declines, then negotiations, then the acceptance;
within a kind, the best-ranked offer first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .asks import rank_asks
from .explain import explain
from .plan import make_plan
from .ranking import in_context, rank_key, rivals
from .request import Request, parse_request
from .result import OfferResult, Result
from .rubric import Rubric, parse_rubric
from .rules import judge, weight_units
from .sensitivity import find_flip
from .vocabulary import ACCEPT, DECLINE, EXTEND, NEGOTIATE, RESCIND
from .words import employer_words, summary_text

URGENCY = {RESCIND: 0, EXTEND: 1, DECLINE: 2, NEGOTIATE: 3, ACCEPT: 4}


def score(rubric: Rubric, request: Request) -> Result:
    priorities = request.priorities
    units = weight_units(priorities)
    judged = {o.name: judge(o, priorities, units, rubric) for o in request.offers}
    keys = {name: rank_key(j.verdict, j.fit, name) for name, j in judged.items()}
    rival = rivals(keys)
    ranked = sorted(judged, key=keys.__getitem__)
    winner = next((name for name in ranked if judged[name].verdict == ACCEPT), None)
    alone = len(request.offers) == 1
    out = []
    for rank, name in enumerate(ranked, 1):
        j = judged[name]
        verdict, lost = in_context(j.verdict, keys[name], rival[name])
        asks = rank_asks(j, priorities) if verdict == NEGOTIATE else ()
        flip = find_flip(j, verdict, priorities, units, rival[name], rubric)
        plan = make_plan(j, verdict, lost, asks, request.your_name, request.situation, rubric, alone)
        lost_to = winner if lost else None
        out.append(OfferResult(j, rank, verdict, lost_to, asks, flip, explain(j, verdict, lost_to, flip, rubric), plan))
    recommended = out[0].judgement.offer.name if out[0].verdict != DECLINE else None
    plans = tuple(o.plan for o in sorted(out, key=lambda o: (URGENCY[o.plan.action], o.rank)))
    top, first = out[0], plans[0]
    told = next(o.judgement.offer for o in out if o.judgement.offer.name == first.offer)
    said = summary_text(
        top.judgement.offer, top.judgement.fit, top.verdict, recommended is not None, not alone,
        first.channel, employer_words(told, alone), rubric.deadline_hours, first.action,
    )
    return Result(tuple(out), recommended, plans, rubric.accept.value, rubric.negotiate.value, said, alone)


def evaluate(rubric_data: Mapping[str, Any], request_data: Mapping[str, Any]) -> Result:
    """Parse both inputs and score; raises ``InputError`` for problems in either."""
    rubric = parse_rubric(rubric_data)
    return score(rubric, parse_request(request_data, rubric))
