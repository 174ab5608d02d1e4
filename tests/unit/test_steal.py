"""benchmarks/steal.py: the share of CPU time the host took, read from two /proc/stat lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import steal

# user nice system idle iowait irq softirq steal guest guest_nice
CASES = [
    ("nothing stolen", "cpu  100 0 50 800 10 0 0 0 0 0", "cpu  200 0 100 1600 20 0 0 0 0 0", 0.0),
    ("half stolen", "cpu  100 0 0 100 0 0 0 0 0 0", "cpu  150 0 0 150 0 0 0 100 0 0", 0.5),
    ("guest time is inside user time, not added", "cpu  0 0 0 0 0 0 0 0 0 0", "cpu  60 0 0 20 0 0 0 20 60 0", 0.2),
    ("no time passed", "cpu  5 0 0 5 0 0 0 1 0 0", "cpu  5 0 0 5 0 0 0 1 0 0", None),
]


@pytest.mark.parametrize(("before", "after", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before: str, after: str, expected: float | None) -> None:
    stat = tmp_path / "stat"
    monkeypatch.setattr(steal, "PROC_STAT", stat)
    stat.write_text(before + "\ncpu0 1 2 3\n")
    meter = steal.StealMeter()
    stat.write_text(after + "\ncpu0 1 2 3\n")
    assert meter.share() == (pytest.approx(expected) if expected is not None else None)


def test_no_proc_stat_prints_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(steal, "PROC_STAT", tmp_path / "missing")
    assert steal.StealMeter().describe("a run") is None


def test_a_busy_host_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stat = tmp_path / "stat"
    monkeypatch.setattr(steal, "PROC_STAT", stat)
    stat.write_text("cpu  0 0 0 0 0 0 0 0 0 0\n")
    meter = steal.StealMeter()
    stat.write_text("cpu  70 0 0 0 0 0 0 30 0 0\n")
    assert meter.describe("the rounds") == (
        "CPU stolen by the host during the rounds: 30%; figures taken on a busier host run slower and move more"
    )


PER_RUN = [
    ("no runs", [], ""),
    ("nothing known", [None, None], ""),
    ("each run's share", [0.0, 0.123, 0.5], "; CPU stolen in each: 0% 12% 50%"),
    ("one run it could not tell", [0.02, None], "; CPU stolen in each: 2% ?"),
]


@pytest.mark.parametrize(("shares", "expected"), [c[1:] for c in PER_RUN], ids=[c[0] for c in PER_RUN])
def test_per_run(shares: list[float | None], expected: str) -> None:
    assert steal.per_run(shares) == expected
