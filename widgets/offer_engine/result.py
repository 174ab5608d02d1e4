"""The engine's result, and its one JSON shape (shared by the CLI's ``--json`` and the browser bridge).

Top level: ``summary`` (the one line to read out), ``offers`` (best-ranked first),
``recommended`` (a name or null), ``plan`` (the first message to send), ``order`` (the
offers' names in the order to contact them; each offer carries its own ``plan``) and
``thresholds``.

Every sentence a reader sees is here, worded by ``words`` (``summary``, each offer's
``title``, ``fit_text``, ``explanation``, ``flip_text``, each ask's ``standing`` and
``points``, each plan's ``action_text``, ``how``, ``deadline_text`` and the ``heading`` of
each of its ``extra_messages``), so the CLI and
the widget say the same thing and the widget only lays it out.

Each offer's ``contributions`` split its fit by criterion (``points`` add up to ``fit``;
largest weight first; ``points_text`` as a reader writes it), with each must-have's
``minimum`` and whether it is ``unmet``: the numbers the widget's chart draws. Each also
carries its words: ``score_text`` ("7 of 10"), ``minimum_text`` (a missed must-have, or
null), ``possible_text`` (what a 10 would add: the chart's track) and ``text``, the whole
share in one sentence (the chart in words).

Every key is always present (``null`` where it does not apply), in a fixed order, and
every number is an integer or a one-decimal fit, so the JSON is byte-identical in
CPython and Pyodide.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from .asks import AskPlan
from .contributions import Contribution
from .plan import Plan, ask_points
from .record import record
from .rules import Judgement
from .sensitivity import Flip
from .vocabulary import Verdict
from .words import VERDICT_WORD, ask_standing, contribution_text, fit_text, flip_text, minimum_text, offer_words, score_text


@record
class OfferResult:
    judgement: Judgement
    rank: int
    """1 is best, by ``ranking.rank_key``."""
    verdict: Verdict
    """The final verdict, after the ranking against the other offers."""
    lost_to: str | None
    asks: tuple[AskPlan, ...]
    flip: Flip | None
    explanation: tuple[str, ...]
    plan: Plan


@record
class Result:
    offers: tuple[OfferResult, ...]
    """Best-ranked first."""
    recommended: str | None
    plans: tuple[Plan, ...]
    """Every offer's plan, in the order to send them; the first is the result's ``plan``."""
    accept: int | float
    negotiate: int | float
    summary: str = ""
    alone: bool = False
    """The reader has one offer only."""


def _number(value: int | float | Fraction) -> int | float:
    value = Fraction(value)
    return value.numerator if value.denominator == 1 else float(value)


def _plan(p: Plan) -> dict[str, Any]:
    return {
        "offer": p.offer,
        "action": p.action,
        "channel": p.channel,
        "channel_reason": p.channel_reason,
        "follow_up_email": p.follow_up_email,
        "deadline_hours": {"min": _number(p.deadline_hours[0]), "max": _number(p.deadline_hours[1])},
        "script": p.script,
        "title": p.title,
        "subject": p.subject,
        "text": p.text,
        "follow_up_script": p.follow_up_script,
        "follow_up_subject": p.follow_up_subject,
        "follow_up_text": p.follow_up_text,
        "talking_points": list(p.talking_points),
        "other_channel": p.other_channel,
        "other_script": p.other_script,
        "other_title": p.other_title,
        "other_subject": p.other_subject,
        "other_text": p.other_text,
        "action_text": p.action_text,
        "how": f"{p.how} {p.channel_reason}",
        "deadline_text": p.deadline_text,
        "extra_messages": [
            {"kind": m.kind, "heading": m.heading, "channel": m.channel, "script": m.script, "title": m.title,
             "subject": m.subject, "text": m.text}
            for m in p.extra_messages
        ],
    }


def _ask(a: AskPlan) -> dict[str, Any]:
    return {
        "criterion": a.criterion.id,
        "label": a.criterion.label,
        "weight": _number(a.criterion.weight),
        "score": a.score,
        "target": a.target,
        "asks": [{"id": x.id, "text": x.text, "tradeoffs": list(x.tradeoffs)} for x in a.asks],
        "standing": ask_standing(a.score, a.target),
        "points": ask_points(a, labelled=False),
    }


def _flip(f: Flip | None) -> dict[str, Any] | None:
    if f is None:
        return None
    return {"criterion": f.criterion.id, "label": f.criterion.label, "from": f.score_from, "to": f.score_to, "verdict": f.verdict}


def _contribution(c: Contribution, deal_breakers: set[str]) -> dict[str, Any]:
    p = c.priority
    missed = minimum_text(p.minimum, c.unmet, p.id in deal_breakers)
    return {
        "criterion": p.id,
        "label": p.label,
        "weight": _number(p.weight),
        "score": c.score,
        "score_text": score_text(c.score),
        "minimum": p.minimum,
        "unmet": c.unmet,
        "minimum_text": missed,
        "points": c.tenths / 10,
        "points_text": fit_text(c.tenths),
        "possible": c.possible / 10,
        "possible_text": fit_text(c.possible),
        "text": contribution_text(p.label, c.score, p.weight, c.tenths, c.possible, missed),
    }


def _offer(o: OfferResult, alone: bool) -> dict[str, Any]:
    j, f = o.judgement, o.flip
    heading, said = flip_text(f.criterion.label if f else None, f.score_from if f else 0, f.score_to if f else 0,
                              f.verdict if f else None, o.verdict)
    title = offer_words(j.offer, alone)
    deal_breakers = {p.id for p in j.deal_breakers}
    return {
        "name": j.offer.name,
        "named": j.offer.named,
        "title": title[0].upper() + title[1:],
        "rank": o.rank,
        "fit": j.fit / 10,
        "fit_text": fit_text(j.fit),
        "verdict": o.verdict,
        "verdict_text": VERDICT_WORD[o.verdict],
        "own_verdict": j.verdict,
        "reason": j.reason,
        "lost_to": o.lost_to,
        "deal_breakers": [p.id for p in j.deal_breakers],
        "unmet": [p.id for p in j.unmet],
        "contributions": [_contribution(c, deal_breakers) for c in j.contributions],
        "asks": [a.criterion.id for a in o.asks],
        "ask_details": [_ask(a) for a in o.asks],
        "flip": _flip(o.flip),
        "flip_text": {"heading": heading, "text": said},
        "explanation": list(o.explanation),
        "plan": _plan(o.plan),
    }


def to_dict(result: Result) -> dict[str, Any]:
    """The result as plain JSON data."""
    return {
        "summary": result.summary,
        "offers": [_offer(o, result.alone) for o in result.offers],
        "recommended": result.recommended,
        "plan": _plan(result.plans[0]),
        "order": [p.offer for p in result.plans],
        "thresholds": {"accept": _number(result.accept), "negotiate": _number(result.negotiate)},
    }
