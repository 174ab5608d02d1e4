"""The browser's entry point: JSON in, JSON out, never an exception."""

from __future__ import annotations

import json

import pytest
from offer_engine import bridge
from offer_engine.bridge import run

from .conftest import RUBRIC_DATA
from .scenarios import offer, scores

RUBRIC_JSON = json.dumps(RUBRIC_DATA)


def test_a_result() -> None:
    answer = json.loads(run(RUBRIC_JSON, json.dumps({"offers": [offer("A", scores(7))]})))
    assert answer["ok"] is True
    assert answer["result"]["offers"][0]["verdict"] == "accept"


def test_problems_name_their_fields() -> None:
    answer = json.loads(run(RUBRIC_JSON, json.dumps({"offers": []})))
    assert answer == {"ok": False, "problems": [{"field": "offers", "message": "expected at least 1 offer, got none"}]}


def test_rubric_problems_start_with_rubric() -> None:
    answer = json.loads(run(json.dumps({**RUBRIC_DATA, "thresholds": {"accept": 70}}), "{}"))
    assert answer["problems"] == [{"field": "rubric.thresholds.negotiate", "message": "expected a number from 0 to 100, got null"}]


@pytest.mark.parametrize(
    ("rubric_json", "request_json", "expected"),
    [
        ("{", "{}", {"field": "rubric", "message": "is not valid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"}),
        (RUBRIC_JSON, "[" * 100_000, {"field": "request", "message": "is not valid JSON: maximum recursion depth exceeded while decoding a JSON array from a unicode string"}),
        (RUBRIC_JSON, None, {"field": "request", "message": "expected JSON text, got NoneType"}),
        (RUBRIC_JSON, "1" * 5000, {"field": "request", "message": "is not valid JSON: Exceeds the limit (4300 digits) for "
                                   "integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() "
                                   "to increase the limit"}),
        ({"criteria": []}, "{}", {"field": "rubric", "message": "expected JSON text, got dict"}),
    ],
)
def test_text_that_is_not_json(rubric_json: object, request_json: object, expected: dict) -> None:
    answer = json.loads(run(rubric_json, request_json))  # type: ignore[arg-type]
    assert answer == {"ok": False, "problems": [expected]}


def test_an_engine_bug_still_comes_back_as_an_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(bridge, "score", broken)
    answer = json.loads(run(RUBRIC_JSON, json.dumps({"offers": [offer("A", scores(7))]})))
    assert answer == {"ok": False, "internal": True,
                      "problems": [{"field": "engine", "message": "internal error: ZeroDivisionError: division by zero"}]}


def test_the_answer_is_ascii_json() -> None:
    answer = run(RUBRIC_JSON, json.dumps({"your_name": "Zoë ✓", "offers": [offer("Ünï", scores(7))]}))
    assert answer.isascii()
    assert json.loads(answer)["result"]["offers"][0]["name"] == "Ünï"
