"""Bad input: every problem is reported at once, each naming its field, with exact messages."""

from __future__ import annotations

from typing import Any

import pytest
from offer_engine import InputError, parse_request, parse_rubric

from .conftest import RUBRIC_DATA
from .scenarios import CRITERIA, offer, scores


def problems(request: Any, rubric_data: Any = RUBRIC_DATA) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_request(request, parse_rubric(rubric_data))
    return [str(p) for p in caught.value.problems]


def one_offer(**changes: Any) -> dict[str, Any]:
    return {"offers": [offer("A", scores(7), **changes)]}


@pytest.mark.parametrize(
    ("request_data", "expected"),
    [
        pytest.param(
            {"offers": [offer("A", {**scores(7), "compensaton": 5})]},
            ["offers[0].scores.compensaton: unknown criterion 'compensaton'; did you mean 'compensation'?"],
            id="a misspelt criterion: did you mean, and no second line about the missing score",
        ),
        pytest.param(
            {"offers": [offer("A", {**scores(7), "salary": 5})]},
            ["offers[0].scores.salary: unknown criterion 'salary'; expected one of: autonomy, compensation, development, "
             "manager, mobility, responsibilities"],
            id="an unknown criterion with nothing close lists the known ones",
        ),
        pytest.param(
            {"offers": [offer("A", scores(7, compensation=11, autonomy=-1))]},
            ["offers[0].scores.compensation: expected a whole number from 0 to 10, got 11",
             "offers[0].scores.autonomy: expected a whole number from 0 to 10, got -1"],
            id="scores outside 0-10",
        ),
        pytest.param(
            {"offers": [offer("A", scores(7, compensation=True, autonomy="7", development=6.5, mobility=None))]},
            ["offers[0].scores.compensation: expected a whole number from 0 to 10, got true",
             "offers[0].scores.development: expected a whole number from 0 to 10, got 6.5",
             "offers[0].scores.autonomy: expected a whole number from 0 to 10, got '7'",
             "offers[0].scores.mobility: expected a whole number from 0 to 10, got null"],
            id="booleans, text and fractions are not scores",
        ),
        pytest.param(
            {"priorities": {"compensation": {"weight": -1, "minimum": 3.5}}, **one_offer()},
            ["priorities.compensation.weight: expected a number from 0 to 5, got -1",
             "priorities.compensation.minimum: expected a whole number from 0 to 10, got 3.5"],
            id="a negative weight and a fractional minimum",
        ),
        pytest.param(
            {"priorities": {"compensation": {"weight": False}}, **one_offer()},
            ["priorities.compensation.weight: expected a number from 0 to 5, got false"],
            id="a boolean is not a weight",
        ),
        pytest.param(
            {"priorities": {"culture": {"weight": 3}, "manager": {"wieght": 3}}, **one_offer()},
            ["priorities.culture: unknown criterion 'culture'; expected one of: autonomy, compensation, development, manager, "
             "mobility, responsibilities",
             "priorities.manager.wieght: unknown key 'wieght'; did you mean 'weight'?"],
            id="unknown criteria and keys in priorities",
        ),
        pytest.param(
            {"priorities": {"compensation": 0, "manager": False}, **one_offer()},
            ["priorities.compensation: expected a mapping such as {weight: 4, minimum: 6}, got 0",
             "priorities.manager: expected a mapping such as {weight: 4, minimum: 6}, got false"],
            id="a bare number where a priority goes",
        ),
        pytest.param({"offers": []}, ["offers: expected at least 1 offer, got none"], id="no offers"),
        pytest.param({}, ["offers: missing; list at least one offer"], id="offers missing"),
        pytest.param({"offers": {"name": "A"}}, ["offers: expected a list, got a mapping"], id="offers not a list"),
        pytest.param(["A"], ["top level: expected a mapping of keys, got a list"], id="not a mapping at all"),
        pytest.param(
            {"offers": [{"name": "A", "scores": {"compensation": 7}}]},
            [f"offers[0].scores.{c}: missing; score it from 0 to 10, or set its weight to 0 under priorities"
             for c in ("autonomy", "development", "manager", "mobility", "responsibilities")],
            id="missing scores",
        ),
        pytest.param(
            {"priorities": {"mobility": {"weight": 0, "minimum": 3}},
             "offers": [{"name": "A", "scores": {c: 7 for c in CRITERIA if c != "mobility"}}]},
            ["offers[0].scores.mobility: missing; it has a minimum, so score it from 0 to 10"],
            id="a must-have needs a score even at weight 0",
        ),
        pytest.param(
            {"priorities": {c: {"weight": 0} for c in CRITERIA}, **one_offer()},
            ["priorities: every criterion has weight 0; give at least one a weight above 0"],
            id="all weights 0",
        ),
        pytest.param(
            {"offers": [offer("A", scores(7)), offer("A", scores(8))]},
            ["offers[1].name: 'A' is used twice; give each offer its own name"],
            id="duplicate offer names",
        ),
        pytest.param(
            one_offer(negotiation="tried", accepted="yes", costs_incurred=["relocaton"], timing_not_right=1),
            ["offers[0].negotiation: expected 'not-tried', 'failed' or 'done', got 'tried'; did you mean 'not-tried'?",
             "offers[0].accepted: expected true or false, got 'yes' (YAML 1.2 reads it as text)",
             "offers[0].costs_incurred[0]: expected 'relocation', 'visa', 'equipment' or 'background-check', "
             "got 'relocaton'; did you mean 'relocation'?",
             "offers[0].timing_not_right: expected true or false, got 1"],
            id="wrong offer fields",
        ),
        pytest.param(
            {"situation": {"time_zone": True, "long_process": "no"}, **one_offer()},
            ["situation.time_zone: unknown key 'time_zone'; did you mean 'time_zones'?",
             "situation.long_process: expected true or false, got 'no' (YAML 1.2 reads it as text)"],
            id="situation",
        ),
        pytest.param(
            {"offerz": [], "your_name": 5, **one_offer(contact={"name": 5, "email": "x"})},
            ["offerz: unknown key 'offerz'; did you mean 'offers'?",
             "your_name: expected text, got 5",
             "offers[0].contact.email: unknown key 'email'; expected one of: company, name, role",
             "offers[0].contact.name: expected text, got 5"],
            id="top-level and contact",
        ),
        pytest.param(
            {"custom_criteria": [{"id": "manager", "weight": 2}, {"id": "commute", "weight": 9, "negotiable": "true"}],
             **one_offer()},
            ["custom_criteria[1].weight: expected a number from 0 to 5, got 9",
             "custom_criteria[1].negotiable: expected true or false, got 'true'",
             "custom_criteria[0].id: 'manager' is already a criterion; set its weight under priorities"],
            id="custom criteria",
        ),
        pytest.param(
            {"offers": [{"name": "\ud800", "scores": scores(7)}]},
            ["offers[0].name: expected text, got text with a lone surrogate character"],
            id="text that cannot be encoded",
        ),
        pytest.param(
            {"priorities": {"compensation": {"weight": 10**400}, "manager": {"weight": float("nan")}},
             "offers": [offer("A", scores(7, compensation=10**5000, autonomy=float("inf")))]},
            ["priorities.compensation.weight: expected a number from 0 to 5, got a number too large to use",
             "priorities.manager.weight: expected a number from 0 to 5, got nan",
             "offers[0].scores.compensation: expected a whole number from 0 to 10, got a number too large to use",
             "offers[0].scores.autonomy: expected a whole number from 0 to 10, got inf"],
            id="huge numbers, NaN and infinity",
        ),
        pytest.param(
            {1: 2, **one_offer()},
            ["1: expected a text key, got 1"],
            id="a key that is not text",
        ),
    ],
)
def test_bad_request(request_data: Any, expected: list[str]) -> None:
    assert problems(request_data) == expected


def test_every_problem_is_reported_at_once() -> None:
    found = problems({"priorities": {"compensation": {"weight": 6}}, "offers": [offer("A", scores(7, manager=12)), 5]})
    assert found == [
        "priorities.compensation.weight: expected a number from 0 to 5, got 6",
        "offers[0].scores.manager: expected a whole number from 0 to 10, got 12",
        "offers[1]: expected a mapping of keys, got 5",
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"criteria": []}, ["criteria: expected at least 1 criterion, got none"]),
        ({"thresholds": {"accept": 40, "negotiate": 60}}, ["thresholds.negotiate: expected at most accept (40), got 60"]),
        ({"thresholds": {"accept": "70", "negotiate": 50}}, ["thresholds.accept: expected a number from 0 to 100, got '70'"]),
        ({"deadline_hours": {"min": 48, "max": 24}}, ["deadline_hours.min: expected at most max (24), got 48"]),
        ({"mobility": {"criterion": "mobilty", "extra_weight": 2}}, ["mobility.criterion: 'mobilty' is not a criterion; did you mean 'mobility'?"]),
        ({"paths": {**RUBRIC_DATA["paths"], "rescind": "decline-email"}},
         ["paths.rescind: script 'decline-email' has no call version, which this path needs"]),
        ({"paths": {**RUBRIC_DATA["paths"], "not_now": "timing-not-rigth"}},
         ["paths.not_now: 'timing-not-rigth' is not a script; did you mean 'timing-not-right'?"]),
        ({"scripts": {**RUBRIC_DATA["scripts"], "decline-call": {"title": "Call", "call": "Hi {nmae}, {role}"}}},
         ["scripts.decline-call.call: unknown placeholder {nmae}; did you mean 'name'?"]),
        ({"criteria": [*RUBRIC_DATA["criteria"], {**RUBRIC_DATA["criteria"][0], "weight": 7}]},
         ["criteria[6].weight: expected a number from 0 to 5, got 7"]),
        ({"criteria": [*RUBRIC_DATA["criteria"], RUBRIC_DATA["criteria"][0]]}, ["criteria[6].id: 'compensation' is used twice"]),
    ],
)
def test_bad_rubric(change: dict[str, Any], expected: list[str]) -> None:
    with pytest.raises(InputError) as caught:
        parse_rubric({**RUBRIC_DATA, **change})
    assert [str(p) for p in caught.value.problems] == expected


def test_odd_keys_are_quoted_in_the_field() -> None:
    request = {"": 1, "offers": [{"name": "A", "scores": {**scores(7), "work life": 3}}]}
    assert problems(request) == [
        "\"\": unknown key ''; expected one of: custom_criteria, offers, priorities, situation, your_name",
        "offers[0].scores.\"work life\": unknown criterion 'work life'; expected one of: autonomy, compensation, development, "
        "manager, mobility, responsibilities",
    ]
