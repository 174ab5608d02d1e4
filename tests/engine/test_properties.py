"""Properties that hold for every input (hypothesis; derandomized under the ``ci`` profile)."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st
from offer_engine import InputError, evaluate, to_dict
from offer_engine.bridge import run
from offer_engine.record import fields
from offer_engine.request import Situation

from .conftest import RUBRIC_DATA
from .scenarios import CRITERIA

WEIGHTS = st.one_of(st.integers(0, 5), st.sampled_from([0.5, 2.5, 1.25, 4.75, 0.1]))
SITUATION_KEYS = fields(Situation)  # the engine's own list


@st.composite
def requests(draw: st.DrawFn) -> dict[str, Any]:
    """Valid requests: any weights, minimums, custom criteria, one to five offers."""
    priorities = draw(st.dictionaries(
        st.sampled_from(CRITERIA),
        st.fixed_dictionaries({}, optional={"weight": WEIGHTS, "minimum": st.integers(0, 10)}),
    ))
    customs = draw(st.lists(st.builds(
        lambda i, w, n: {"id": f"custom-{i}", "weight": w, "negotiable": n}, st.integers(0, 3), WEIGHTS, st.booleans(),
    ), max_size=2, unique_by=lambda c: c["id"]))
    ids = [*CRITERIA, *(c["id"] for c in customs)]
    names = draw(st.lists(st.text(st.characters(codec="utf-8"), min_size=1, max_size=8).filter(str.strip),
                          min_size=1, max_size=5, unique=True))
    offers = [{
        "name": name,
        "contact": {"name": draw(st.text(max_size=5)), "role": draw(st.sampled_from(["", "Analyst", "{role}"]))},
        "scores": {c: draw(st.integers(0, 10)) for c in ids},
        "negotiation": draw(st.sampled_from(["not-tried", "failed", "done"])),
        "accepted": draw(st.booleans()),
        "costs_incurred": draw(st.lists(st.sampled_from(["relocation", "visa", "equipment", "background-check"]), max_size=3)),
        "timing_not_right": draw(st.booleans()),
    } for name in names]
    situation = {k: draw(st.booleans()) for k in SITUATION_KEYS}
    request = {"your_name": draw(st.text(max_size=5)), "priorities": priorities, "custom_criteria": customs,
               "offers": offers, "situation": situation}
    try:
        evaluate(RUBRIC_DATA, request)
    except InputError:  # only "every weight is 0" can happen here
        assume(False)
    return request


def result(request: dict[str, Any], rubric: dict[str, Any] = RUBRIC_DATA) -> dict[str, Any]:
    return to_dict(evaluate(rubric, request))


def by_name(res: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {o["name"]: o for o in res["offers"]}


@given(requests())
def test_fit_stays_within_0_and_100(request: dict[str, Any]) -> None:
    for o in result(request)["offers"]:
        assert 0 <= o["fit"] <= 100
        assert round(o["fit"], 1) == o["fit"]
        assert len(o["asks"]) <= 3


@given(requests(), st.data())
def test_raising_a_score_never_lowers_fit_nor_turns_accept_into_decline(request: dict[str, Any], data: st.DataObject) -> None:
    before = by_name(result(request))
    raised = copy.deepcopy(request)
    target = data.draw(st.sampled_from(raised["offers"]))
    criterion = data.draw(st.sampled_from(sorted(target["scores"])))
    target["scores"][criterion] = data.draw(st.integers(target["scores"][criterion], 10))
    after = by_name(result(raised))
    old, new = before[target["name"]], after[target["name"]]
    assert new["fit"] >= old["fit"]
    assert not (old["verdict"] == "accept" and new["verdict"] == "decline")


@given(requests(), st.randoms(use_true_random=False))
def test_the_order_of_criteria_offers_and_keys_changes_nothing(request: dict[str, Any], rnd: Any) -> None:
    def shuffled(value: Any) -> Any:
        """Every mapping's keys and every list of mappings in a new order."""
        if isinstance(value, dict):
            items = list(value.items())
            rnd.shuffle(items)
            return {k: shuffled(v) for k, v in items}
        if isinstance(value, list) and all(isinstance(x, dict) for x in value):
            items = [shuffled(x) for x in value]
            rnd.shuffle(items)
            return items
        return value

    # The rubric's criteria in another order; a criterion's asks keep the author's order, most useful first.
    criteria = list(RUBRIC_DATA["criteria"])
    rnd.shuffle(criteria)
    rubric = {**RUBRIC_DATA, "criteria": criteria}
    assert json.dumps(result(shuffled(request), rubric)) == json.dumps(result(request))


@given(requests())
def test_the_same_input_always_gives_the_same_output(request: dict[str, Any]) -> None:
    first = json.dumps(result(request))
    assert json.dumps(result(copy.deepcopy(request))) == first
    assert run(json.dumps(RUBRIC_DATA), json.dumps(request)) == json.dumps({"ok": True, "result": json.loads(first)},
                                                                             separators=(",", ":"))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(300, 420).map(lambda n: -(10**n)) | st.floats() | st.text(max_size=6)
    | st.sampled_from(["compensation", "failed", "visa", "name", "offers", ""]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6) | st.sampled_from(CRITERIA), inner, max_size=3),
    max_leaves=8,
)


def _paths(value: Any, at: tuple = ()) -> list[tuple]:
    found = [at]
    if isinstance(value, dict):
        for k, v in value.items():
            found += _paths(v, (*at, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _paths(v, (*at, i))
    return found


@given(requests(), st.data())
def test_any_input_either_scores_or_raises_input_error(request: dict[str, Any], data: st.DataObject) -> None:
    broken: Any = copy.deepcopy(request)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_paths(broken)))
        value = data.draw(JSON_VALUES)
        if not path:
            broken = value
            continue
        parent = broken
        for key in path[:-1]:
            parent = parent[key]
        if isinstance(parent, dict) and data.draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
    try:
        to_dict(evaluate(RUBRIC_DATA, broken))
    except InputError as error:
        assert error.problems
        assert all(p.field and p.message for p in error.problems)


@given(st.one_of(st.text(), st.just(json.dumps(RUBRIC_DATA))), st.one_of(st.text(), JSON_VALUES.map(json.dumps)))
def test_the_bridge_always_answers_with_json(rubric_json: str, request_json: str) -> None:
    answer = json.loads(run(rubric_json, request_json))
    assert answer["ok"] in (True, False)
    if not answer["ok"]:
        assert answer["problems"]
        assert "internal" not in answer, answer
