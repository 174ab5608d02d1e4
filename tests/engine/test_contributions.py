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
