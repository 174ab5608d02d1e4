"""Each offer's ``contributions`` split its fit by criterion: the numbers a chart draws."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given

from .conftest import result_of
from .scenarios import SCENARIOS, Scenario
from .test_properties import requests


def check_contributions(offer: dict[str, Any]) -> None:
    rows = offer["contributions"]
    # The shares add up to the fit shown, to the tenth (compared in whole tenths: no float drift).
    assert sum(round(r["points"] * 10) for r in rows) == round(offer["fit"] * 10)
    total = sum(Fraction(r["weight"]) for r in rows)
    for r in rows:
        exact = 10 * Fraction(r["weight"]) * (r["score"] or 0) / total
        assert abs(Fraction(r["points"]).limit_denominator(10) - exact) < Fraction(1, 10), r
    # The must-haves it misses are the offer's own unmet list, and each is below its minimum.
    assert sorted(r["criterion"] for r in rows if r["unmet"]) == sorted(offer["unmet"])
    assert all(r["score"] < r["minimum"] for r in rows if r["unmet"])
    # What a 10 would add is the weight's share of 100, to the tenth; and each row says its share in words.
    for r in rows:
        if total:
            assert abs(Fraction(r["possible"]).limit_denominator(10) - 100 * Fraction(r["weight"]) / total) <= Fraction(1, 20), r
        assert r["score_text"] == ("not scored" if r["score"] is None else f"{r['score']} of 10")
        assert (r["minimum_text"] is not None) == r["unmet"]
        if r["unmet"]:
            assert r["minimum_text"].startswith(f"below your minimum of {r['minimum']}")
            assert r["minimum_text"].endswith(", a deal-breaker") == (r["criterion"] in offer["deal_breakers"])
        assert r["text"].startswith(f"{r['label']}: ") and r["text"].endswith(".")
        assert f"adds {r['points_text']} of a possible {r['possible_text']}" in r["text"]
        assert (r["minimum_text"] or "") in r["text"]
    # Largest weight first, then id: every offer lists the criteria in the same order.
    assert [r["criterion"] for r in rows] == [r["criterion"] for r in sorted(rows, key=lambda r: (-Fraction(r["weight"]), r["criterion"]))]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_contributions_add_up_to_the_fit(scenario: Scenario) -> None:
    result = result_of(scenario.request)
    for offer in result["offers"]:
        check_contributions(offer)
    orders = {tuple(r["criterion"] for r in o["contributions"]) for o in result["offers"]}
    assert len(orders) == 1


@given(requests())
def test_contributions_add_up_for_any_request(request: dict[str, Any]) -> None:
    for offer in result_of(request)["offers"]:
        check_contributions(offer)
