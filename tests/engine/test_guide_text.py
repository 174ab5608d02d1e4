"""The words the plan uses come from the rubric data (content), not from the engine's code."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from offer_engine import evaluate, to_dict

from generator.content.load import engine_data
from tests.conftest import CONTENT
from tests.engine.scenarios import _DATA, offer, scores


def _plan(data: dict[str, Any], request: dict[str, Any]) -> dict[str, Any]:
    return to_dict(evaluate(data, request))["plan"]


def test_the_asks_placeholder_lists_the_top_asks_in_order() -> None:
    data = engine_data(CONTENT)  # the guide's own opener uses {asks}
    assert "{asks}" in data["scripts"][data["paths"]["negotiate"]]["email"]["body"]
    request = {
        "priorities": {"compensation": {"minimum": 8}, "development": {"minimum": 9}},
        "offers": [offer("Acme", scores(7))],
        "situation": {"prefers_email": True},
    }
    result = to_dict(evaluate(data, request))
    plan = result["plan"]
    assert plan["script"] == data["paths"]["negotiate"] and plan["channel"] == "email"
    details = result["offers"][0]["ask_details"]
    first_asks = [d["asks"][0]["text"] for d in details]
    listed = "\n".join(f"{n}. {text.rstrip('.')}." for n, text in enumerate(first_asks, 1))
    assert listed in plan["text"]
    assert "{asks}" not in plan["text"]


@pytest.mark.parametrize(("pay_criterion", "script_path"), [("compensation", "compensation_failed"), ("development", "decline_email")])
def test_the_compensation_script_follows_the_rubrics_pay_criterion(pay_criterion: str, script_path: str) -> None:
    data = copy.deepcopy(_DATA)
    data["compensation_criterion"] = pay_criterion
    request = {
        "priorities": {"compensation": {"minimum": 8}},
        "offers": [offer("Acme", scores(7), negotiation="failed")],
        "situation": {"prefers_email": True},
    }
    assert _plan(data, request)["script"] == data["paths"][script_path]


def test_cost_ids_come_from_the_rubric() -> None:
    data = copy.deepcopy(_DATA)
    data["costs"] = [{"id": "desk", "label": "Desk", "talking_point": "They moved your desk."}]
    request = {"offers": [offer("Old", scores(2), accepted=True, costs_incurred=["desk"])]}
    assert "They moved your desk." in _plan(data, request)["talking_points"]
    with pytest.raises(Exception, match="costs_incurred"):
        evaluate(data, {"offers": [offer("Old", scores(2), accepted=True, costs_incurred=["visa"])]})
