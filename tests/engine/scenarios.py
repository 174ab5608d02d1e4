"""The truth table: one or more scenarios per engine rule, on the fixture rubric.

Fixture rubric (``fixtures/engine_data.json``): weights compensation 4, responsibilities 4,
development 3, manager 4, autonomy 3, mobility 2 (total 20, so fit = Σ weight × score / 2);
responsibilities and manager are not negotiable; accept at 70, negotiate at 50.

Each expectation is ``"<where>.<key>": value``, where ``<where>`` is an offer's name or
``top`` for the result itself (see ``pick``). The same table runs in Pyodide.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_DATA = json.loads((Path(__file__).parent / "fixtures" / "engine_data.json").read_text(encoding="utf-8"))


def _cost(cost_id: str) -> str:
    return next(c["talking_point"] for c in _DATA["costs"] if c["id"] == cost_id)

CRITERIA = ("compensation", "responsibilities", "development", "manager", "autonomy", "mobility")


def scores(default: int, **changes: int) -> dict[str, int]:
    return {**{c: default for c in CRITERIA}, **changes}


def offer(name: str, score_map: dict[str, int], **more: Any) -> dict[str, Any]:
    return {"name": name, "contact": {"name": f"{name} Recruiter", "role": "Analyst", "company": name}, "scores": score_map, **more}


# fit 69.0: ws = 36 + 20 + 18 + 32 + 12 + 20 = 138; reach = 20 + 32 + 120 = 172 (86.0)
MIDDLE = scores(0, compensation=9, responsibilities=5, development=6, manager=8, autonomy=4, mobility=10)


@dataclass(frozen=True)
class Scenario:
    name: str
    request: dict[str, Any]
    expect: dict[str, Any] = field(default_factory=dict)


def pick(result: dict[str, Any], path: str) -> Any:
    """``"Acme.flip.to"`` → that offer's value; ``"top.plan.script"`` → the result's; digits index lists."""
    where, *keys = path.split(".")
    node: Any = result if where == "top" else next(o for o in result["offers"] if o["name"] == where)
    for key in keys:
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


SCENARIOS = [
    # ── fit ──
    Scenario("fit is the weighted mean x 10, and 70.0 reaches accept", {"offers": [offer("A", scores(7))]},
             {"A.fit": 70.0, "A.verdict": "accept", "A.reason": "fit-accept", "A.asks": [], "top.recommended": "A",
              "A.plan.action": "accept", "A.plan.script": None, "A.plan.text": None}),
    Scenario("fit rounds half up to one decimal (66.25 -> 66.3)", {
        "priorities": {c: {"weight": 5} for c in CRITERIA},
        "custom_criteria": [{"id": "x", "weight": 5}, {"id": "y", "weight": 5}],
        "offers": [offer("A", {**scores(7, mobility=6, autonomy=6), "x": 7, "y": 6})]},
             {"A.fit": 66.3}),
    Scenario("a weight-0 criterion needs no score and does not count", {
        "priorities": {"mobility": {"weight": 0}}, "offers": [offer("A", {c: 7 for c in CRITERIA if c != "mobility"})]},
             {"A.fit": 70.0, "A.verdict": "accept"}),
    # ── must-haves ──
    Scenario("a structural must-have below its minimum is a deal-breaker, whatever the fit", {
        "priorities": {"manager": {"minimum": 6}}, "offers": [offer("A", scores(9, manager=5))]},
             {"A.fit": 82.0, "A.verdict": "decline", "A.reason": "deal-breaker", "A.deal_breakers": ["manager"],
              "A.unmet": ["manager"], "A.flip": {"criterion": "manager", "label": "Manager and team fit", "from": 5, "to": 6, "verdict": "accept"},
              "A.plan.script": "decline-call", "A.plan.follow_up_script": "confirm-after-call"}),
    Scenario("negotiable must-haves, not tried: negotiate, top three asks by weight x gap", {
        "priorities": {"compensation": {"minimum": 8}, "autonomy": {"minimum": 9}, "mobility": {"minimum": 8}, "development": {"minimum": 7}},
        "offers": [offer("A", scores(8, compensation=5, autonomy=5, mobility=4, development=5))]},
             # gaps x weight: compensation 3x4=12, autonomy 4x3=12 (tie: larger weight first), mobility 4x2=8, development 2x3=6
             {"A.verdict": "negotiate", "A.reason": "must-have-negotiable", "A.deal_breakers": [],
              "A.asks": ["compensation", "autonomy", "mobility"], "A.ask_details.0.target": 8,
              "A.ask_details.0.asks.0.tradeoffs": ["Equity or a sign-on bonus instead", "An earlier salary review"],
              "A.plan.script": "negotiation-opener", "top.recommended": "A"}),
    Scenario("negotiation failed and pay still below its minimum: decline with the compensation script", {
        "priorities": {"compensation": {"minimum": 8}}, "offers": [offer("A", scores(8, compensation=6), negotiation="failed")]},
             {"A.verdict": "decline", "A.reason": "must-have-after-negotiation", "A.plan.script": "compensation-after-negotiation"}),
    Scenario("negotiation done counts as tried", {
        "priorities": {"compensation": {"minimum": 8}}, "offers": [offer("A", scores(8, compensation=6), negotiation="done")]},
             {"A.verdict": "decline", "A.plan.script": "compensation-after-negotiation"}),
    Scenario("negotiation failed on something other than pay: the plain decline script", {
        "priorities": {"autonomy": {"minimum": 8}}, "offers": [offer("A", scores(8, autonomy=5), negotiation="failed")]},
             {"A.verdict": "decline", "A.reason": "must-have-after-negotiation", "A.plan.script": "decline-call"}),
    # ── every must-have met, fit below accept ──
    Scenario("fit between the thresholds, not tried, reachable: negotiate on the largest weight x (10 - score)", {
        "offers": [offer("A", MIDDLE)]},
             # room x weight: autonomy 6x3=18, development 4x3=12, compensation 1x4=4; mobility is at 10
             {"A.fit": 69.0, "A.verdict": "negotiate", "A.reason": "fit-negotiable", "A.asks": ["autonomy", "development", "compensation"],
              "A.ask_details.0.target": None}),
    Scenario("fit between the thresholds after negotiating: decline", {"offers": [offer("A", MIDDLE, negotiation="failed")]},
             {"A.verdict": "decline", "A.reason": "fit-after-negotiation", "A.plan.script": "decline-call"}),
    Scenario("fit below the negotiate threshold: decline", {"offers": [offer("A", scores(4))]},
             {"A.fit": 40.0, "A.verdict": "decline", "A.reason": "fit-too-low"}),
    Scenario("even 10s on everything negotiable would not reach accept: decline", {
        "offers": [offer("A", scores(8, responsibilities=2, manager=2))]},
             # fit (32+8+24+8+24+16)/2 = 56.0; reach (8+8+120)/2 = 68.0
             {"A.fit": 56.0, "A.verdict": "decline", "A.reason": "out-of-reach"}),
    Scenario("timing not right turns an accept into a decline with the timing script", {
        "offers": [offer("A", scores(8), timing_not_right=True)], "situation": {"time_zones": True}},
             {"A.verdict": "decline", "A.reason": "timing", "A.flip": None, "A.plan.script": "timing-not-right",
              "A.plan.channel": "email", "top.recommended": None}),
    # ── several offers ──
    Scenario("several offers: the best acceptable one wins; the others get the accepted-another-offer script", {
        "offers": [offer("Gamma", MIDDLE), offer("Beta", scores(7)), offer("Alpha", scores(8))]},
             {"Alpha.rank": 1, "Alpha.verdict": "accept", "Beta.verdict": "decline", "Beta.own_verdict": "accept",
              "Beta.lost_to": "Alpha", "Gamma.verdict": "decline", "Gamma.lost_to": "Alpha", "Gamma.asks": [],
              "Beta.plan.script": "accepted-another-offer", "Gamma.plan.script": "accepted-another-offer",
              "top.recommended": "Alpha", "top.order": ["Beta", "Gamma", "Alpha"], "top.plan.offer": "Beta"}),
    Scenario("several offers, none acceptable: each keeps its verdict; the best is recommended", {
        "offers": [offer("Low", scores(4)), offer("Mid", MIDDLE)]},
             {"Mid.verdict": "negotiate", "Low.verdict": "decline", "Low.lost_to": None, "Low.plan.script": "decline-call",
              "top.recommended": "Mid", "top.order": ["Low", "Mid"]}),
    Scenario("equal fit: the name breaks the tie, never the input order", {
        "offers": [offer("Zeta", scores(8)), offer("Eta", scores(8))]},
             {"Eta.verdict": "accept", "Zeta.verdict": "decline", "Zeta.lost_to": "Eta", "top.recommended": "Eta"}),
    Scenario("a flip can come from beating the winner", {
        "offers": [offer("Winner", scores(7, compensation=8)), offer("Runner", scores(7))]},
             {"Runner.verdict": "decline", "Runner.flip": {"criterion": "compensation", "label": "Salary and benefits",
                                                           "from": 7, "to": 8, "verdict": "accept"}}),  # a tie at 72.0, won by name
    # ── already accepted ──
    Scenario("accepted, then a better offer: rescind by call first, with the costs as talking points", {
        "offers": [offer("Old", scores(7), accepted=True, costs_incurred=["visa", "relocation"]), offer("New", scores(9))],
        "situation": {"prefers_email": True}},
             {"Old.verdict": "decline", "Old.plan.action": "rescind", "Old.plan.script": "rescind-after-accepting",
              "Old.plan.channel": "call", "Old.plan.follow_up_email": True, "Old.plan.follow_up_script": "confirm-after-call",
              "New.plan.channel": "email", "top.order": ["Old", "New"], "top.plan.action": "rescind",
              # The rubric's points before, then the costs in the rubric's order (not the input's), then after.
              "top.plan.talking_points": [
                  *_DATA["rescind_points"]["before"], _cost("relocation"), _cost("visa"), *_DATA["rescind_points"]["after"]]}),
    Scenario("accepted, then a deal-breaker found: rescind", {
        "priorities": {"manager": {"minimum": 6}}, "offers": [offer("A", scores(8, manager=2), accepted=True)]},
             {"A.verdict": "decline", "A.plan.action": "rescind", "A.plan.script": "rescind-after-accepting"}),
    # ── channel ──
    Scenario("the recruiter asked for email: email, even when you know the hiring manager", {
        "offers": [offer("A", scores(4))], "situation": {"prefers_email": True, "knows_hiring_manager": True}},
             {"A.plan.channel": "email", "A.plan.script": "decline-email", "A.plan.follow_up_email": False,
              "A.plan.follow_up_text": None, "A.plan.subject": "Thank you — Analyst offer"}),
    Scenario("time zones rule out a call: email, even after a long process", {
        "offers": [offer("A", scores(4))], "situation": {"time_zones": True, "long_process": True}},
             {"A.plan.channel": "email", "A.plan.channel_reason": "Time zones make a call impractical."}),
    Scenario("a long process: call, then the confirming email", {
        "offers": [offer("A", scores(4))], "situation": {"long_process": True}},
             {"A.plan.channel": "call", "A.plan.follow_up_email": True, "A.plan.follow_up_script": "confirm-after-call",
              "A.plan.deadline_hours": {"min": 24, "max": 48},
              "A.plan.channel_reason": "After a long process, a call is the considerate way."}),
    Scenario("knowing the hiring manager: call", {"offers": [offer("A", scores(4))], "situation": {"knows_hiring_manager": True}},
             {"A.plan.channel": "call", "A.plan.channel_reason": "You know the hiring manager, so a call is more personal."}),
    # ── weights ──
    Scenario("mobility matters: mobility's weight goes from 2 to 4", {
        "offers": [offer("A", scores(7, mobility=2))], "situation": {"mobility_matters": True}},
             # (28+28+21+28+21+8) / 22 x 10 = 60.909…
             {"A.fit": 60.9}),
    Scenario("mobility matters: the extra weight is capped at 5", {
        "priorities": {"mobility": {"weight": 4}}, "offers": [offer("A", scores(7, mobility=2))], "situation": {"mobility_matters": True}},
             # weight 5, not 6: (28+28+21+28+21+10) / 23 x 10 = 59.13…
             {"A.fit": 59.1}),
    Scenario("a custom criterion counts, and a negotiable one can be asked for", {
        "custom_criteria": [{"id": "commute", "label": "Commute", "weight": 2, "negotiable": True}],
        "offers": [offer("A", {**scores(7), "commute": 2})]},
             # fit 144/22 x 10 = 65.45…; room x weight: commute 16, compensation 12, autonomy 9 = development 9 (id order)
             {"A.fit": 65.5, "A.verdict": "negotiate", "A.asks": ["commute", "compensation", "autonomy"],
              "A.ask_details.0.asks": [], "A.ask_details.0.label": "Commute"}),
    # ── filling the script ──
    Scenario("names fill the script; an empty name takes the fallback; braces in names stay as typed", {
        "your_name": "Jo {role}", "offers": [{"name": "A", "contact": {"name": "", "role": "{name} & Co"}, "scores": scores(4)}],
        "situation": {"prefers_email": True}},
             {"A.plan.subject": "Thank you — {name} & Co offer",
              "A.plan.text": "Dear there,\n\nThank you very much for the offer for the {name} & Co position and for the time you and "
                             "the team spent with me. After thoughtful consideration, I will not be accepting the position. "
                             "I appreciate the opportunity and hope our paths cross in the future.\n\nBest regards,\nJo {role}"}),
]


# Input the engine must refuse with a clear answer, never a crash: bad requests on the fixture
# rubric, then rubrics that are not JSON or not valid. They run in Pyodide too, and the lean
# runtime's module list is derived from running all of these (generator/site/lean_corpus.py).
BAD_REQUESTS: list[dict[str, Any]] = [
    {"offers": [offer("A", {**scores(7), "compensaton": 5})]},
    {"offers": []},
    {"priorities": {"compensation": {"weight": -1}}, "offers": [offer("A", scores(7, manager=True))]},
    {"offers": [{"name": "Ünïcødé ✓", "contact": {"name": "Zoë"}, "scores": scores(7)}]},
]
BAD_RUBRICS: list[str] = ["{not json", json.dumps({**_DATA, "thresholds": {}})]


def engine_calls() -> list[tuple[str, str]]:
    """Every scenario, then every bad input, as ``bridge.run(rubric_json, request_json)`` arguments."""
    rubric = json.dumps(_DATA)
    calls = [(rubric, json.dumps(s.request)) for s in SCENARIOS]
    calls += [(rubric, json.dumps(r)) for r in BAD_REQUESTS]
    return calls + [(bad, "{}") for bad in BAD_RUBRICS]
