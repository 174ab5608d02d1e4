"""Fixtures for the engine tests: the fixture rubric, parsed and as data.

Hypothesis profiles (``ci`` is derandomized) are registered in ``tests/conftest.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from offer_engine import Rubric, evaluate, parse_rubric, to_dict

FIXTURE = Path(__file__).parent / "fixtures" / "engine_data.json"
RUBRIC_DATA: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))


def result_of(request: dict[str, Any], rubric_data: dict[str, Any] = RUBRIC_DATA) -> dict[str, Any]:
    """The JSON result for ``request`` on the fixture rubric."""
    return to_dict(evaluate(rubric_data, request))


@pytest.fixture(scope="session")
def rubric() -> Rubric:
    return parse_rubric(RUBRIC_DATA)
