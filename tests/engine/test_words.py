"""The engine's sentences read naturally, and its contract is what parsing enforces (issue 12 point 6, issue 10 point 1)."""

from __future__ import annotations

from typing import Any

import pytest
from offer_engine import InputError, contract_data, parse_request, parse_rubric, vocabulary
from offer_engine.record import fields
from offer_engine.request import Contact, Situation

from .conftest import RUBRIC_DATA, result_of
from .scenarios import scores


def names_in(result: dict[str, Any]) -> str:
    """Every sentence of a result a reader sees, in one text."""
    out = [result["summary"]]
    for o in result["offers"]:
        plan = o["plan"]
        out += [o["title"], *o["explanation"], o["flip_text"]["text"], plan["action_text"], plan["how"], plan["deadline_text"]]
    return "\n".join(out)


@pytest.mark.parametrize(
    ("offers", "present", "absent"),
    [
        pytest.param([{"scores": scores(5)}], ["this offer", "This offer"], ["Offer 1"], id="one unnamed offer is 'this offer'"),
        pytest.param([{"name": "  ", "scores": scores(5)}], ["this offer"], ["Offer 1"], id="a blank name is no name"),
        pytest.param([{"name": "Acme", "scores": scores(5)}], ["Acme"], ["this offer", "Offer 1"], id="a named offer by its name"),
        pytest.param([{"scores": scores(5)}, {"scores": scores(8)}], ["Offer 1", "Offer 2"], ["this offer"],
                     id="several unnamed offers by their place"),
        pytest.param([{"name": "Beta", "scores": scores(4)}, {"scores": scores(8)}], ["Beta", "Offer 2"], ["this offer"],
                     id="a mix keeps the reader's name"),
    ],
)
def test_offers_go_by_the_readers_names(offers: list[dict[str, Any]], present: list[str], absent: list[str]) -> None:
    said = names_in(result_of({"offers": offers}))
    assert all(word in said for word in present)
    assert not [word for word in absent if word in said]


@pytest.mark.parametrize("score", range(0, 11))
def test_whole_fits_have_no_decimal(score: int) -> None:
    result = result_of({"offers": [{"scores": scores(score)}]})
    offer = result["offers"][0]
    assert offer["fit"] == score * 10 and offer["fit_text"] == str(score * 10)
    assert ".0 out of" not in names_in(result) and f"fit {score * 10} out of 100" in result["summary"]


def test_a_fractional_fit_keeps_its_tenth() -> None:
    offer = result_of({"offers": [{"scores": scores(6, autonomy=7)}]})["offers"][0]
    assert offer["fit"] != int(offer["fit"]) and offer["fit_text"] == f"{offer['fit']:.1f}"


def test_the_records_follow_the_vocabulary() -> None:
    assert fields(Situation) == vocabulary.SITUATION_KEYS
    assert fields(Contact) == vocabulary.CONTACT_KEYS


def test_the_contract_lists_the_rubrics_kinds() -> None:
    data = contract_data(parse_rubric(RUBRIC_DATA))
    assert data["costs"] == [c["id"] for c in RUBRIC_DATA["costs"]]
    assert data["criteria"] == [c["id"] for c in RUBRIC_DATA["criteria"]]
    assert [s["key"] for s in data["situation"]] == list(vocabulary.SITUATION_KEYS)
    assert data["limits"]["offers"] == vocabulary.MAX_OFFERS


def problems(request: dict[str, Any]) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_request(request, parse_rubric(RUBRIC_DATA))
    return [str(p) for p in caught.value.problems]


def test_the_limits_are_enforced() -> None:
    many = vocabulary.MAX_OFFERS + 1
    assert problems({"offers": [{"name": str(n), "scores": scores(5)} for n in range(many)]}) == [
        f"offers: expected at most {vocabulary.MAX_OFFERS} offers, got {many}"
    ]
    customs = [{"id": f"own-{n}", "weight": 0} for n in range(vocabulary.MAX_CUSTOM + 1)]
    assert problems({"custom_criteria": customs, "offers": [{"scores": scores(5)}]}) == [
        f"custom_criteria: expected at most {vocabulary.MAX_CUSTOM} criteria of your own, got {len(customs)}"
    ]


def test_an_own_criterion_without_weight_takes_the_default() -> None:
    request = parse_request({"custom_criteria": [{"id": "commute"}], "offers": [{"scores": {**scores(5), "commute": 5}}]},
                            parse_rubric(RUBRIC_DATA))
    assert next(p.weight for p in request.priorities if p.id == "commute") == vocabulary.DEFAULT_CUSTOM_WEIGHT
