"""The engine's public names: each one, loaded on first use, is the object its own module defines."""

from __future__ import annotations

import importlib
import subprocess
import sys

import offer_engine
import pytest


@pytest.mark.parametrize("name", offer_engine.__all__)
def test_each_public_name_is_its_modules_own(name: str) -> None:
    value = getattr(offer_engine, name)
    home = offer_engine._HOME[name]
    module = importlib.import_module(home or f".{name}", "offer_engine")
    assert value is (module if not home else getattr(module, name))


def test_every_name_has_a_home_and_unknown_names_fail_plainly() -> None:
    assert sorted(offer_engine._HOME) == sorted(offer_engine.__all__)
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        offer_engine.nonsense  # noqa: B018


def test_a_problem_type_does_not_import_the_scoring_code() -> None:
    """What an unchanged guide's rebuild imports (generator/guide.py): not the record classes of scoring."""
    code = "import sys; from offer_engine import Problem; print(sorted(m for m in sys.modules if m.startswith('offer_engine.')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "offer_engine.errors" in loaded and "offer_engine.engine" not in loaded and "offer_engine.rubric" not in loaded
