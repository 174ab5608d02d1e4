"""``offer-guide score``: every example file against the real content, bad input, and the exit statuses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.cli.score import run_score
from generator.content.load import engine_data
from generator.content.source import read_source
from tests.conftest import CONTENT, ROOT, run_offer_guide

EXAMPLES = ROOT / "examples"

# file → (offer → final verdict), recommended, the first plan's script and channel
EXPECTED = {
    "accept.yml": ({"Northwind": "accept"}, "Northwind", None, "call"),
    "negotiate.yml": ({"Acme": "negotiate"}, "Acme", "negotiation-opener", "call"),
    "negotiate-fit.yml": ({"Globex": "negotiate"}, "Globex", "negotiation-opener", "call"),
    "decline-call.yml": ({"Initech": "decline"}, None, "decline-call", "call"),
    "decline-email.yml": ({"Umbrella": "decline"}, None, "decline-email", "email"),
    "several-offers.yml": (
        {"Wayne Enterprises": "accept", "Stark Industries": "decline", "Oscorp": "decline"},
        "Wayne Enterprises", "accepted-another-offer", "email",
    ),
    "compensation-failed.yml": ({"Hooli": "decline"}, None, "compensation-after-negotiation", "call"),
    "rescind.yml": ({"Pied Piper": "accept", "Vandelay Industries": "decline"}, "Pied Piper", "rescind-after-accepting", "call"),
    "timing-not-right.yml": ({"Soylent": "decline"}, None, "timing-not-right", "email"),
    "through-agency.yml": ({"Contoso": "decline"}, None, "decline-via-recruiter", "call"),
    "internal-offer.yml": ({"Team lead role": "decline"}, None, "decline-internal-offer", "call"),
    "call-unanswered.yml": ({"Cyberdyne": "decline"}, None, "unanswered-call", "email"),
    "more-time.yml": ({"Tyrell": "accept"}, "Tyrell", "ask-for-more-time", "call"),
    "resigned-rescind.yml": ({"Massive Dynamic": "decline"}, None, "rescind-after-accepting", "call"),
}


def test_every_example_is_in_the_table_and_says_what_it_demonstrates() -> None:
    files = sorted(p.name for p in EXAMPLES.glob("*.yml"))
    assert files == sorted(EXPECTED)
    for name in files:
        assert (EXAMPLES / name).read_text(encoding="utf-8").startswith("# Demonstrates: "), name


def test_the_examples_cover_every_verdict_and_every_script_path(capsys: pytest.CaptureFixture[str]) -> None:
    verdicts = {v for offers, *_ in EXPECTED.values() for v in offers.values()}
    assert verdicts == {"accept", "negotiate", "decline"}
    reached: set[str] = set()  # every script a plan of some example sends: its message, the confirming email, the others
    for name in EXPECTED:
        assert run_score(EXAMPLES / name, CONTENT, as_json=True) == 0
        for offer in json.loads(capsys.readouterr().out)["offers"]:
            plan = offer["plan"]
            reached |= {plan["script"], plan["follow_up_script"], *(m["script"] for m in plan["extra_messages"])}
    paths = engine_data(CONTENT)["paths"]
    assert {path: script for path, script in paths.items() if script not in reached} == {}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_json(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_score(EXAMPLES / name, CONTENT, as_json=True) == 0
    result = json.loads(capsys.readouterr().out)
    verdicts, recommended, script, channel = EXPECTED[name]
    assert {o["name"]: o["verdict"] for o in result["offers"]} == verdicts
    assert (result["recommended"], result["plan"]["script"], result["plan"]["channel"]) == (recommended, script, channel)
    if script is not None:
        assert result["plan"]["text"] and "{" not in result["plan"]["text"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_summary(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_score(EXAMPLES / name, CONTENT, as_json=True) == 0
    said = json.loads(capsys.readouterr().out)
    assert run_score(EXAMPLES / name, CONTENT, as_json=False) == 0
    out, err = capsys.readouterr()
    verdicts, recommended, _, _ = EXPECTED[name]
    # The summary speaks the engine's words, the same the widget shows.
    assert out.startswith(said["summary"] + "\n")
    for offer in said["offers"]:
        assert f"{offer['title']}: {verdicts[offer['name']].upper()}\n" in out
        assert all(line in out for line in offer["explanation"])
        assert f"{offer['plan']['action_text']}. {offer['plan']['deadline_text']}" in out
    assert f"Recommended: {recommended or 'none of these offers'}" in out
    assert "What to do, in order:\n1. " in out
    assert err == ""


def test_the_real_command_scores_a_file() -> None:
    done = run_offer_guide("score", EXAMPLES / "negotiate.yml", "--json")
    assert done.returncode == 0, done.stderr
    offer = json.loads(done.stdout)["offers"][0]
    assert (offer["name"], offer["fit"], offer["verdict"], offer["asks"]) == ("Acme", 65.0, "negotiate", ["compensation"])


BAD = """\
your_name: Sam
priorities:
  compensation: {weight: -1}
offers:
  - name: Acme
    scores: {compensaton: 5, responsibilities: 8, development: 7, manager: yes, autonomy: 11, mobility: 4}
"""


def test_bad_input_is_one_line_per_problem_with_its_place_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "offer.yml"
    path.write_text(BAD, encoding="utf-8")
    done = run_offer_guide("score", path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"{path}:3:18: priorities.compensation.weight: expected a number from 0 to 5, got -1",
        f"{path}:6:14: offers[0].scores.compensaton: unknown criterion 'compensaton'; did you mean 'compensation'?",
        f"{path}:6:67: offers[0].scores.manager: expected a whole number from 0 to 10, got 'yes'",
        f"{path}:6:81: offers[0].scores.autonomy: expected a whole number from 0 to 10, got 11",
    ]


def test_json_offer_files_work_and_report_problems_without_positions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "offer.json"
    path.write_text(json.dumps({"offers": [{"name": "A", "scores": {"compensation": "7"}}]}), encoding="utf-8")
    assert run_score(path, CONTENT, as_json=True) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{path}: offers[0].scores.compensation: expected a whole number from 0 to 10, got '7'"
    )
    same = tmp_path / "negotiate.json"
    data = read_source(EXAMPLES / "negotiate.yml", "negotiate.yml").data
    same.write_text(json.dumps(data), encoding="utf-8")
    assert run_score(same, CONTENT, as_json=True) == 0
    from_json = capsys.readouterr().out
    assert run_score(EXAMPLES / "negotiate.yml", CONTENT, as_json=True) == 0
    assert capsys.readouterr().out == from_json


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("missing.yml", None, "{path}:1:1: cannot read the file: No such file or directory"),
        ("latin1.yml", b"your_name: Jos\xe9\n", "{path}:1:1: cannot read the file: it is not UTF-8 text"),
        ("broken.yml", "offers: [\n", "{path}:2:1: YAML syntax error:"),
        ("twice.yml", "offers: []\noffers: []\n", "{path}:2:1: offers: duplicate key 'offers'; it is already set on line 1"),
        ("empty.yml", "", "{path}:1:1: the file is empty; expected a mapping of keys"),
        ("broken.json", '{"offers": [}', "{path}: not valid JSON: Expecting value: line 1 column 13 (char 12)"),
        ("twice.json", '{"offers": [], "offers": []}', "{path}: not valid JSON: duplicate key 'offers'"),
        ("missing.json", None, "{path}: cannot read the file: No such file or directory"),
    ],
)
def test_unreadable_files_exit_2_with_a_message(
    name: str, text: str | bytes | None, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    elif text is not None:
        path.write_text(text, encoding="utf-8")
    assert run_score(path, CONTENT, as_json=False) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[0].startswith(message.format(path=path))


def test_broken_content_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    rubric = content / "rubric.yml"
    rubric.write_text(rubric.read_text(encoding="utf-8").replace("accept: 70", "accept: seventy"), encoding="utf-8")
    assert run_score(EXAMPLES / "accept.yml", content, as_json=False) == 1
    err = capsys.readouterr().err
    assert "rubric.yml:" in err and "thresholds.accept" in err

