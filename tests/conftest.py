"""Fixtures shared by every test: paths, and a real build of the guide made once per session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FIXTURES = ROOT / "tests" / "fixtures"
OFFER_GUIDE = [sys.executable, "-m", "generator.cli"]

# CI runs derandomized so a failure there is a failure everywhere.
settings.register_profile("ci", derandomize=True, deadline=None, max_examples=200)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def run_offer_guide(*args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``offer-guide`` command, as an editor would."""
    return subprocess.run(
        [*OFFER_GUIDE, *map(str, args)], cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real guide, built once with ``offer-guide build`` (strict MkDocs) for the whole session."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = run_offer_guide("build", "-d", site)
    assert result.returncode == 0, result.stderr
    return site
