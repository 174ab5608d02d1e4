"""The offer-guide command as an editor meets it: messages, exit codes, schema, serve."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.content.model import FILES
from generator.content.source import read_source
from tests.conftest import CONTENT, ROOT, VALID, run_offer_guide


def test_check_accepts_the_guide() -> None:
    result = run_offer_guide("check")
    assert result.returncode == 0
    assert "the content is valid" in result.stdout


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(VALID, root)
    text = (root / "rubric.yml").read_text()
    (root / "rubric.yml").write_text(text.replace("    weight: 4\n", "    weight: high\n", 1))
    (root / "faq.yml").write_text("title: T\nintro: I\nquestions: []\n")
    return root


@pytest.mark.parametrize("command", [["check"], ["build", "-d", "SITE", "-f", str(ROOT / "mkdocs.yml")]])
def test_bad_content_exits_1_with_one_line_per_problem(broken: Path, tmp_path: Path, command: list[str]) -> None:
    args = [tmp_path / "site" if a == "SITE" else a for a in command]
    result = run_offer_guide(*args, "--content", broken, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-3:] == [
        "content/faq.yml:3:12: questions: expected at least 1 item, got none",
        f"content/rubric.yml:{_line(broken / 'rubric.yml', 'weight: high')}:13: criteria[0].weight: expected a number from 0 to 5, got 'high'",
        "2 problems in the content.",
    ]
    assert not (tmp_path / "site").exists()


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_plain_mkdocs_build_reports_a_plugin_error(broken: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        capture_output=True, text=True, env={"OFFER_GUIDE_CONTENT": str(broken), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "criteria[0].weight: expected a number from 0 to 5, got 'high'" in result.stderr
    assert not (tmp_path / "site").exists()


def test_missing_content_directory(tmp_path: Path) -> None:
    result = run_offer_guide("check", "--content", tmp_path / "nowhere", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "nowhere:1:1: content directory not found"


@pytest.mark.parametrize("command", ["mkdocs", "offer-guide"])
def test_a_missing_content_directory_is_one_line_naming_it(tmp_path: Path, command: str) -> None:
    guide = tmp_path / "guide"
    (guide / "docs").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", guide)
    args = ["--content", "missing-words"] if command == "offer-guide" else []
    result = subprocess.run(
        [str(Path(sys.executable).parent / command), "build", *args], cwd=guide, capture_output=True, text=True,
        env={"PATH": "/usr/bin:/bin", "OFFER_GUIDE_CONTENT": str(guide / "missing-words"), "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if "missing-words" in line]) == 1, result.stderr
    assert not (guide / "site").exists()


def test_new_starts_a_valid_guide_and_never_overwrites(tmp_path: Path) -> None:
    made = run_offer_guide("new", "my-guide", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    guide = tmp_path / "my-guide"
    assert sorted(p.name for p in (guide / "content").iterdir()) == sorted(p.name for p in CONTENT.glob("*.yml"))
    assert (guide / "mkdocs.yml").read_text() == (ROOT / "mkdocs.yml").read_text()
    assert run_offer_guide("check", cwd=guide).returncode == 0
    again = run_offer_guide("new", "my-guide", cwd=tmp_path)
    assert again.returncode == 1
    assert again.stderr.strip().splitlines() == ["my-guide: already exists and is not an empty folder; choose a new name"]


def test_schema_describes_and_accepts_the_content(tmp_path: Path) -> None:
    result = run_offer_guide("schema", "-o", tmp_path / "schema")
    assert result.returncode == 0
    for stem in FILES:
        schema = json.loads((tmp_path / "schema" / f"{stem}.schema.json").read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        text = (CONTENT / f"{stem}.yml").read_text()
        # Each content file points editors at its schema on its first line.
        assert text.splitlines()[0] == f"# yaml-language-server: $schema=../schema/{stem}.schema.json"
        jsonschema.validate(_read(CONTENT / f"{stem}.yml"), schema)
    rubric = json.loads((tmp_path / "schema" / "rubric.schema.json").read_text())
    weight = rubric["properties"]["criteria"]["items"]["properties"]["weight"]
    assert weight["minimum"] == 0 and weight["maximum"] == 5 and "description" in weight
    faq_schema = json.loads((tmp_path / "schema" / "faq.schema.json").read_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**_read(CONTENT / "faq.yml"), "colour": "blue"}, faq_schema)
    # YAML 1.2, as the build reads it: `no` is text, so a title may be "no" (YAML 1.1 would make it false).
    faq = tmp_path / "faq.yml"
    faq.write_text((CONTENT / "faq.yml").read_text().replace("\ntitle: ", "\ntitle: no\n# ", 1))
    assert _read(faq)["title"] == "no"
    jsonschema.validate(_read(faq), faq_schema)


def _read(path: Path) -> Any:
    """A content file's data as the build reads it (YAML 1.2 core schema)."""
    source = read_source(path, path.name)
    assert source.problems == [], source.problems
    return source.data


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode()
    except OSError:
        return None


def test_serve_rebuilds_when_content_changes(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(VALID, content)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "--content", str(content), "-a", f"127.0.0.1:{port}"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/faq/"
        page = _wait_for(lambda: _fetch(url))
        assert page is not None and "Brand-new question" not in page
        faq = content / "faq.yml"
        faq.write_text(faq.read_text().replace("questions:\n", "questions:\n  - id: brand-new\n    question: Brand-new question?\n    answer: Yes.\n", 1))
        assert _wait_for(lambda: (p := _fetch(url)) and "Brand-new question" in p and p) is not None
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for(probe, attempts: int = 120):  # type: ignore[no-untyped-def]
    for _ in range(attempts):
        result = probe()
        if result:
            return result
        time.sleep(0.25)
    return None
