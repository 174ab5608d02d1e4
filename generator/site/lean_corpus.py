"""The calls that walk the engine's code paths, from which the lean runtime's module list is derived.

In a checkout they come from the engine's truth table and bad-input cases
(tests/engine/scenarios.py) and from every offer file in examples/, all on the fixture rubric,
so that no content edit changes them. An installed package has no tests/: there the copy
written next to the prebuilt artefacts (``prepare_package_data``) stands in for them.
"""

from __future__ import annotations

import hashlib
import importlib.util
import inspect
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from generator.build_cache import file_sha256, remember
from generator.content.source import read_source

ROOT = Path(__file__).resolve().parent.parent.parent
SCENARIOS = ROOT / "tests" / "engine" / "scenarios.py"
FIXTURE_RUBRIC = ROOT / "tests" / "engine" / "fixtures" / "engine_data.json"
EXAMPLES = ROOT / "examples"
CORPUS_NAME = "corpus.json"
"""Its name in the package data's lean folder (offer_widget/runtime/lean/corpus.json)."""


@dataclass(frozen=True)
class Corpus:
    """``bridge.run(rubric_json, request_json)`` arguments, in order: made only when needed.

    A build needs only the digest (part of the lean runtime's key). In a checkout it is remembered
    under the digests of the files the calls are made from, so a rebuild neither runs the scenarios
    nor parses the examples; only a lean runtime build (a cache miss) reads ``calls``.
    """

    make: Callable[[], tuple[tuple[str, str], ...]]
    sources: str | None = None
    """sha256 of every file the calls come from, when they come from files (a checkout)."""

    @cached_property
    def calls(self) -> tuple[tuple[str, str], ...]:
        return self.make()

    def to_json(self) -> bytes:
        return json.dumps([list(call) for call in self.calls], ensure_ascii=False).encode("utf-8")

    @property
    def digest(self) -> str:
        def compute() -> str:
            return hashlib.sha256(self.to_json()).hexdigest()

        return compute() if self.sources is None else remember("corpus", self.sources, compute)


def checkout_corpus(scenarios: Path = SCENARIOS, examples: Path = EXAMPLES) -> Corpus | None:
    """Every scenario and bad input, then every example; None outside a checkout."""
    if not (ROOT / "pyproject.toml").is_file() or not scenarios.is_file():  # an installed package: no checkout
        return None
    # Every input of the calls: scenarios.py (which imports only the standard library), the fixture
    # rubric it reads, the examples, and the YAML reader that turns them into requests.
    inputs = [scenarios, FIXTURE_RUBRIC, *sorted(examples.glob("*.yml")), Path(inspect.getfile(read_source))]
    sources = hashlib.sha256("".join(f"{p.name}\0{file_sha256(p)}\0" for p in inputs).encode()).hexdigest()
    return Corpus(lambda: _checkout_calls(scenarios, examples), sources)


def _checkout_calls(scenarios: Path, examples: Path) -> tuple[tuple[str, str], ...]:
    spec = importlib.util.spec_from_file_location("offer_guide_scenarios", scenarios)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses looks its module up there
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    calls: list[tuple[str, str]] = list(module.engine_calls())
    rubric = json.dumps(json.loads(FIXTURE_RUBRIC.read_text(encoding="utf-8")))
    for path in sorted(examples.glob("*.yml")):
        source = read_source(path, path.name)
        calls.append((rubric, json.dumps(source.data, ensure_ascii=False)))
    return tuple(calls)


def packaged_corpus(lean_dir: Path) -> Corpus | None:
    """The copy ``prepare_package_data`` wrote into the package data's lean folder, if any."""
    entry = lean_dir / CORPUS_NAME
    if not entry.is_file():
        return None
    calls = tuple((rubric, request) for rubric, request in json.loads(entry.read_bytes()))
    return Corpus(lambda: calls)


def find_corpus(lean_dir: Path) -> Corpus | None:
    """The checkout's own corpus when there is one (it is the source), else the packaged copy."""
    return checkout_corpus() or packaged_corpus(lean_dir)
