"""The truth table: every engine rule, scenario by scenario (see ``scenarios.py``)."""

from __future__ import annotations

import pytest
from offer_engine import evaluate, to_dict

from .conftest import RUBRIC_DATA, result_of
from .scenarios import SCENARIOS, Scenario, offer, pick, scores


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario(scenario: Scenario) -> None:
    result = result_of(scenario.request)
    got = {path: pick(result, path) for path in scenario.expect}
    assert got == scenario.expect


def test_every_offer_has_the_required_keys() -> None:
    result = result_of(SCENARIOS[0].request)
    assert {"offers", "recommended", "plan"} <= result.keys()
    assert {"name", "fit", "verdict", "deal_breakers", "asks", "flip"} <= result["offers"][0].keys()
    assert {"channel", "follow_up_email", "deadline_hours", "script", "text", "subject", "follow_up_text"} <= result["plan"].keys()


def test_fits_are_compared_after_rounding() -> None:
    """66.25 shows as 66.3, so it reaches an accept threshold of 66.3."""
    rubric = {**RUBRIC_DATA, "thresholds": {"accept": 66.3, "negotiate": 50}}
    request = next(s for s in SCENARIOS if s.name.startswith("fit rounds half up")).request
    result = to_dict(evaluate(rubric, request))
    assert (result["offers"][0]["fit"], result["offers"][0]["verdict"]) == (66.3, "accept")


def test_a_script_without_the_channels_version_uses_the_version_it_has() -> None:
    rubric = {**RUBRIC_DATA, "scripts": {**RUBRIC_DATA["scripts"], "negotiation-opener": {
        "title": "Open by email", "call": None, "email": {"subject": "About the {role} offer", "body": "Dear {name}"}}}}
    plan = to_dict(evaluate(rubric, {"offers": [offer("A", scores(5))]}))["plan"]
    assert (plan["channel"], plan["text"], plan["follow_up_email"]) == ("email", "Dear A Recruiter", False)
    assert plan["channel_reason"] == "The script for this is written for email only."


def test_explanation_reads_as_plain_sentences() -> None:
    request = {"priorities": {"manager": {"minimum": 6}}, "offers": [offer("A", scores(9, manager=5))]}
    assert result_of(request)["offers"][0]["explanation"] == [
        "Fit 82 out of 100 (accept from 70, negotiate from 50).",
        "Manager and team fit scores 5, below your minimum of 6, and employers rarely change it: a deal-breaker.",
        "Decline: a must-have that employers rarely change is below your minimum, so it is not the right fit.",
        "One score would change it: Manager and team fit from 5 to 6 makes it accept.",
    ]


def test_a_lost_offer_says_what_it_would_be_on_its_own() -> None:
    result = result_of({"offers": [offer("A", scores(9)), offer("B", scores(7))]})
    assert pick(result, "B.explanation")[1:] == [
        "On its own this would be accept, but A is acceptable and ranks higher.",
        "Decline it, saying you have accepted another offer.",
    ]
