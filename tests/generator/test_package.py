"""The path a new user takes: ``make dist``, ``pip install`` the wheel into a fresh venv far from any
checkout or node_modules, ``offer-guide new my-guide``, ``offer-guide build``; then /score/ in
Chromium gives the verdict the installed ``offer-guide score`` gives for the same offer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.content.load import engine_data
from generator.site.assets import MANIFEST_URI
from tests.conftest import ROOT
from tests.serve import serve_directory

pytestmark = [pytest.mark.package, pytest.mark.browser]


@dataclass(frozen=True)
class User:
    """A user's folder with the wheel installed in its own venv, and the environment they run it in."""

    home: Path
    venv: Path
    env: dict[str, str]

    def run(self, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.venv / "bin" / "offer-guide"), *map(str, args)], cwd=cwd, env=self.env, capture_output=True, text=True
        )


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One wheel per session, built the way the README says: ``make dist``."""
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(["make", "--no-print-directory", "dist", f"DIST={out}"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    [built] = out.glob("*.whl")
    return built


@pytest.fixture(scope="session")
def user(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> User:
    home = tmp_path_factory.mktemp("user")
    nearby = [p for p in (home, *home.parents) if (p / "node_modules").exists() or (p / "pyproject.toml").exists()]
    assert nearby == [], "the user's folder must have no checkout and no node_modules around it"
    venv = home / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    # pip keeps the machine's own settings (its index); dependencies come from PyPI.
    installed = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "--quiet", str(wheel)], cwd=home, capture_output=True, text=True,
        env={k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")},
    )
    assert installed.returncode == 0, installed.stderr
    # Only the venv on PATH (no node, no npm) and a cache of its own: the package must bring everything.
    env = {"PATH": str(venv / "bin"), "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"), "LANG": "C.UTF-8"}
    return User(home, venv, env)


def test_the_installed_package_is_not_the_checkout(user: User) -> None:
    where = subprocess.run(
        [str(user.venv / "bin" / "python"), "-c", "import generator, offer_engine, offer_widget as w; print(w.__file__)"],
        cwd=user.home, env=user.env, capture_output=True, text=True,
    )
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(user.venv)


@pytest.fixture(scope="session")
def new_guide(user: User) -> Iterator[tuple[Path, str]]:
    """``offer-guide new my-guide`` then ``offer-guide build`` inside it, for the address it is served at."""
    created = user.run("new", "my-guide", cwd=user.home)
    assert created.returncode == 0, created.stderr
    guide = user.home / "my-guide"
    server, url = serve_directory(guide / "site")
    built = subprocess.run(
        [str(user.venv / "bin" / "offer-guide"), "build"], cwd=guide, env={**user.env, "SITE_URL": f"{url}/"},
        capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr
    # The wheel's prebuilt lean runtime was found (without Node nothing could have built it).
    manifest = (guide / "site" / MANIFEST_URI).read_text(encoding="utf-8")
    assert "export const LEAN = null;" not in manifest, built.stderr
    yield guide, url
    server.shutdown()


def test_new_guide_holds_the_package_content(new_guide: tuple[Path, str]) -> None:
    guide, _ = new_guide
    starter = sorted(p.name for p in (ROOT / "content").glob("*.yml"))
    assert sorted(p.name for p in (guide / "content").glob("*.yml")) == starter
    assert (guide / "README.md").is_file()
    config = (guide / "mkdocs.yml").read_text(encoding="utf-8")
    assert "offer-guide" in config and "custom_dir" not in config and "extra_css" not in config


def test_score_page_gives_the_cli_verdict_in_chromium(user: User, new_guide: tuple[Path, str], browser: Any) -> None:
    guide, url = new_guide
    criteria = {c["id"]: c["label"] for c in engine_data(guide / "content")["criteria"]}
    scores = {cid: 3 + (k * 2) % 7 for k, cid in enumerate(criteria)}  # uneven, so weights matter
    offer_file = user.home / "offer.yml"
    offer_file.write_text(yaml.safe_dump({"offers": [{"name": "Acme", "scores": scores}]}), encoding="utf-8")
    scored = user.run("score", offer_file, "--json", cwd=guide)
    assert scored.returncode == 0, scored.stderr
    expected = json.loads(scored.stdout)["offers"][0]["verdict"]

    from tests.browser.widget_form import label, wait_for_result

    context = browser.new_context()
    foreign: list[str] = []
    context.on("request", lambda r: foreign.append(r.url) if not r.url.startswith((url, "data:", "blob:")) else None)
    page = context.new_page()
    page.goto(f"{url}/score/")
    label(page, "Name of offer 1").fill("Acme")
    for cid, text in criteria.items():
        label(page, f"{text} score for Offer 1 (Acme)").fill(str(scores[cid]))
    wait_for_result(page)
    assert page.locator("[data-og-verdict]").first.get_attribute("data-og-verdict") == expected
    assert foreign == []
    context.close()
