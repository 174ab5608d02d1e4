"""generator/content/typed.py and schema.py on a small model of their own: what the validator says about
each value, and that the JSON Schema editors get accepts exactly what the validator accepts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

import jsonschema
import pytest

from generator.content.fields import ID, Flag, IdOf, PlaceholderName, Text, at_least, number
from generator.content.schema import schema_of
from generator.content.source import format_loc
from generator.content.typed import Error, build


@dataclass(frozen=True)
class Step:
    """One step of a plan."""

    id: Annotated[str, ID, IdOf("step")]
    title: Text
    """What the step is called."""
    weight: Annotated[float, number(0, 5)]
    done: Flag = False
    note: Text | None = None


@dataclass(frozen=True)
class Plan:
    kind: Literal["call", "email"]
    steps: Annotated[list[Step], at_least(1)]
    tags: dict[PlaceholderName, Text] = field(default_factory=dict)


STEP = {"id": "first", "title": "Call them", "weight": 3}
PLAN = {"kind": "call", "steps": [STEP]}


def plan(**changes: Any) -> dict[str, Any]:
    return {**PLAN, **changes}


def step(**changes: Any) -> dict[str, Any]:
    return plan(steps=[{**STEP, **changes}])


# (name, data, the problems as "key: message"; none means the data is valid)
CASES: list[tuple[str, dict[str, Any], list[str]]] = [
    ("valid", PLAN, []),
    ("optional given", step(note="Be kind.", done=True), []),
    ("optional null", step(note=None), []),
    ("literal", plan(kind="phone"), ["kind: expected 'call' or 'email', got 'phone'"]),
    ("empty list", plan(steps=[]), ["steps: expected at least 1 item, got none"]),
    ("not a list", plan(steps="first"), ["steps: expected a list, got 'first'"]),
    ("not a mapping", plan(steps=["first"]), ["steps[0]: expected a mapping of keys, got 'first'"]),
    ("missing", plan(steps=[{"id": "first", "weight": 3}]), ["steps[0].title: required field is missing"]),
    ("unknown key names the missing one", plan(steps=[{"id": "first", "titel": "Call", "weight": 3}]),
     ["steps[0].titel: unknown key 'titel'; did you mean 'title'?"]),
    ("unknown key, nothing close", plan(colour="blue"), ["colour: unknown key 'colour'; expected one of: kind, steps, tags"]),
    ("number as text", step(weight="3"), ["steps[0].weight: expected a number from 0 to 5, got '3'"]),
    ("boolean is not a number", step(weight=True), ["steps[0].weight: expected a number from 0 to 5, got true"]),
    ("out of range", step(weight=6), ["steps[0].weight: expected a number from 0 to 5, got 6"]),
    ("YAML 1.1 word", step(done="yes"), ["steps[0].done: expected true or false, got 'yes' (YAML 1.2 reads it as text)"]),
    ("bad id", step(id="First Step"), ["steps[0].id: expected an id of lowercase letters, digits and hyphens, got 'First Step'"]),
    ("empty text in a mapping", plan(tags={"mood": ""}), ["tags.mood: expected text, got an empty string"]),
    ("bad key in a mapping", plan(tags={"Mood": "calm"}),
     ["tags.Mood: expected a placeholder name of lowercase letters, digits and underscores, got 'Mood'"]),
    ("every problem at once", plan(kind="sms", steps=[{**STEP, "weight": -1}]),
     ["kind: expected 'call' or 'email', got 'sms'", "steps[0].weight: expected a number from 0 to 5, got -1"]),
]


def problems(data: dict[str, Any]) -> tuple[Any, list[str]]:
    errors: list[Error] = []
    built = build(Plan, data, (), errors)
    return built, [f"{format_loc(e.loc)}: {e.message}" for e in errors]


@pytest.mark.parametrize(("name", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_validator_names_each_problem(name: str, data: dict[str, Any], expected: list[str]) -> None:
    built, found = problems(data)
    assert found == expected
    if not expected:
        assert built is not None


def test_valid_data_becomes_the_model() -> None:
    built, _ = problems(step(note="Be kind."))
    assert built == Plan(kind="call", steps=[Step(id="first", title="Call them", weight=3, note="Be kind.")])


@pytest.mark.parametrize(("name", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_schema_accepts_what_the_validator_accepts(name: str, data: dict[str, Any], expected: list[str]) -> None:
    valid = jsonschema.Draft202012Validator(schema_of(Plan)).is_valid(data)
    assert valid == (not expected)


def test_the_schema_describes_fields_from_the_model() -> None:
    schema = schema_of(Plan)
    assert schema["required"] == ["kind", "steps"] and schema["additionalProperties"] is False
    steps = schema["properties"]["steps"]
    assert steps["minItems"] == 1
    item = steps["items"]
    assert item["description"] == Step.__doc__
    assert item["properties"]["title"]["description"] == "What the step is called."
    assert item["properties"]["weight"] == {"type": "number", "minimum": 0, "maximum": 5}
    assert item["properties"]["note"]["anyOf"][1] == {"type": "null"}
    jsonschema.Draft202012Validator.check_schema(schema)
