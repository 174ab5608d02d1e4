"""Every kind of content mistake is reported as ``file:line:column: key.path: message``, all at once."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from offer_engine import vocabulary

from generator.content.errors import ContentError
from generator.content.load import load_content
from generator.content.source import read_source
from tests.conftest import VALID

CARET = "⁁"


@dataclass(frozen=True)
class Case:
    """Replace the first ``old`` in ``file`` by ``new``; expect exactly one problem.

    ``⁁`` in ``new`` marks where the problem must be reported (it is removed before
    writing). Without it, the problem is expected where ``at`` first appears after
    the replacement point. The table so states each position without counting lines.
    """

    name: str
    file: str
    old: str
    new: str
    key: str
    message: str
    at: str = ""


CASES = [
    Case("wrong type for a number", "rubric.yml", "    weight: 4\n", "    weight: ⁁high\n",
         "criteria[0].weight", "expected a number from 0 to 5, got 'high'"),
    Case("letter O in a number", "rubric.yml", "    weight: 4\n", "    weight: ⁁12O000\n",
         "criteria[0].weight", "expected a number from 0 to 5, got '12O000'"),
    Case("number out of range", "rubric.yml", "    weight: 4\n", "    weight: ⁁7\n",
         "criteria[0].weight", "expected a number from 0 to 5, got 7"),
    Case("a boolean is not a number", "rubric.yml", "    weight: 4\n", "    weight: ⁁true\n",
         "criteria[0].weight", "expected a number from 0 to 5, got true"),
    Case("'no' is not false", "rubric.yml", "    negotiable: true\n", "    negotiable: ⁁no\n",
         "criteria[0].negotiable", "expected true or false, got 'no' (YAML 1.2 reads it as text)"),
    Case("'yes' is not true", "rubric.yml", "    negotiable: true\n", "    negotiable: ⁁yes\n",
         "criteria[0].negotiable", "expected true or false, got 'yes' (YAML 1.2 reads it as text)"),
    Case("'on' is not true", "rubric.yml", "    negotiable: true\n", "    negotiable: ⁁on\n",
         "criteria[0].negotiable", "expected true or false, got 'on' (YAML 1.2 reads it as text)"),
    Case("threshold text", "rubric.yml", "  accept: 70\n", "  accept: ⁁seventy\n",
         "thresholds.accept", "expected a number from 0 to 100, got 'seventy'"),
    Case("unknown key with a suggestion", "rubric.yml", "    weight: 4\n", "    ⁁wieght: 4\n",
         "criteria[0].wieght", "unknown key 'wieght'; did you mean 'weight'?"),
    Case("unknown key, no close match", "faq.yml", "title:", "⁁colour: blue\ntitle:",
         "colour", "unknown key 'colour'; expected one of: title, intro, questions"),
    Case("duplicate key", "faq.yml", "\nquestions:", "\n⁁title: Again\nquestions:",
         "title", "duplicate key 'title'; it is already set on line 2"),
    Case("missing required field", "faq.yml", "    question: Could saying no to an offer damage my reputation in my field?\n", "",
         "questions[0].question", "required field is missing", at="id: hurt-my-chances"),
    Case("text expected, number given", "faq.yml", "intro: Short answers", "intro: ⁁42\n# Short answers",
         "intro", "expected text, got 42"),
    Case("bad id", "faq.yml", "  - id: hurt-my-chances", "  - id: ⁁Hurt My Chances",
         "questions[0].id", "expected an id of lowercase letters, digits and hyphens, got 'Hurt My Chances'"),
    Case("channel not allowed", "scripts.yml", "channels: [call]", "channels: [⁁phone]",
         "scripts[0].channels[0]", "expected 'call' or 'email', got 'phone'"),
    Case("duplicate id", "faq.yml", "  - id: hurt-my-chances", "  - id: hurt-my-chances\n    question: Q?\n    answer: A.\n  - id: ⁁hurt-my-chances",
         "questions[1].id", "duplicate faq id 'hurt-my-chances'; already used at content/faq.yml:6:9"),
    Case("unknown reference", "reasons.yml", "criterion: compensation", "criterion: ⁁compensaton",
         "reasons[1].criterion", "unknown criterion 'compensaton'; did you mean 'compensation'?"),
    Case("unknown script in a case's list", "conversations.yml", "scripts: [second-no]", "scripts: [⁁second-now]",
         "cases[1].scripts[0]", "unknown script 'second-now'; did you mean 'second-no'?"),
    Case("a case's id is a section anchor, like a section's", "conversations.yml", "  - id: pushback", "  - id: ⁁right-move",
         "cases[1].id", "duplicate section id 'right-move'; already used at content/reasons.yml:98:7"),
    Case("unknown page in a route", "guide.yml", "page: score", "page: ⁁scor",
         "routes[0].page", "unknown page 'scor'; did you mean 'score'?"),
    Case("unknown placeholder in a subject", "scripts.yml", "subject: Your offer for the {role}",
         "subject: Your offer for the ⁁{rol}", "scripts[1].email.subject", "unknown placeholder '{rol}'; did you mean '{role}'?"),
    Case("unknown placeholder in a block", "scripts.yml", "decided not to accept the {role} position",
         "decided not to accept the ⁁{job} position", "scripts[0].call",
         "unknown placeholder '{job}'; declared placeholders are {DECLARED}"),
    Case("a script the engine cannot use", "rubric.yml", "  decline_call: decline-call", "  decline_call: ⁁decline-email",
         "paths.decline_call",
         "the scoring engine cannot use this: script 'decline-email' has no call version, which this path needs"),
    Case("min hours above max hours: the engine's rule, placed by the projection", "communication.yml",
         "  min_hours: 24\n", "  min_hours: ⁁60\n",
         "timing.min_hours", "the scoring engine cannot use this: expected at most max (48), got 60"),
    Case("negotiate above accept: checked once, by the engine", "rubric.yml", "  negotiate: 50\n", "  negotiate: ⁁80\n",
         "thresholds.negotiate", "the scoring engine cannot use this: expected at most accept (70), got 80"),
    Case("a placeholder nothing in the form fills", "scripts.yml", "placeholders:\n",
         "placeholders:\n  start_date:\n    ⁁label: Start date\n    fallback: soon\n    example: 1 May\n",
         "placeholders.start_date",
         "the scoring engine cannot use this: expected a placeholder the reader's form fills "
         f"({', '.join(f'{{{x}}}' for x in sorted(vocabulary.FILLED))}), got '{{start_date}}'"),
    Case("a situation the engine does not know", "rubric.yml", "    time_zones: Time zones",
         "    ⁁phone_shy: I avoid calls\n    time_zones: Time zones",
         "scorer.situation.phone_shy",
         f"the scoring engine cannot use this: unknown key 'phone_shy'; expected one of: {', '.join(sorted(vocabulary.SITUATION_KEYS))}"),
    Case("a new path naming a missing script", "rubric.yml", "  via_recruiter: decline-via-recruiter",
         "  via_recruiter: ⁁decline-via-recruter", "paths.via_recruiter",
         "unknown script 'decline-via-recruter'; did you mean 'decline-via-recruiter'?"),
    Case("the voicemail path needs the voicemail and the email after it", "rubric.yml", "  voicemail: unanswered-call",
         "  voicemail: ⁁decline-call", "paths.voicemail",
         "the scoring engine cannot use this: script 'decline-call' has no email version, which this path needs"),
    Case("an offer answer without its label in the form", "rubric.yml", "    internal_offer: My current employer is offering me\n",
         "", "scorer.offer.internal_offer",
         "the scoring engine cannot use this: missing; the engine knows this choice, so the form needs a label for it",
         at="accepted: I have already accepted"),
    Case("an email case naming a situation the engine cannot write for", "communication.yml", "      when: time_zones",
         "      when: ⁁long_process", "email.cases[1].when",
         "expected 'prefers_email', 'time_zones' or 'call_unanswered', got 'long_process'"),
    Case("a number the guide does not know", "checklists.yml", "know within {min_hours}", "know within ⁁{min_hour}",
         "checklists[1].items[0].text", "unknown placeholder '{min_hour}'; did you mean '{min_hours}'?"),
    Case("tab character", "faq.yml", "  - id: hurt", "⁁\t- id: hurt",
         "", "tab character; indent and align with spaces"),
]


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture content, with the working directory set so paths read ``content/…``."""
    root = tmp_path / "content"
    shutil.copytree(VALID, root)
    monkeypatch.chdir(tmp_path)
    return root


def _apply(root: Path, case: Case) -> tuple[int, int]:
    """Write the mutation; return the expected (line, column)."""
    path = root / case.file
    text = path.read_text(encoding="utf-8")
    start = text.index(case.old)
    new = case.new.replace(CARET, "")
    mutated = text[:start] + new + text[start + len(case.old):]
    path.write_text(mutated, encoding="utf-8")
    offset = start + case.new.index(CARET) if CARET in case.new else mutated.rindex(case.at, 0, start)
    line = mutated.count("\n", 0, offset) + 1
    return line, offset - (mutated.rfind("\n", 0, offset) + 1) + 1


def problems_in(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_mistake_is_reported_exactly(content: Path, case: Case) -> None:
    line, column = _apply(content, case)
    key = f"{case.key}: " if case.key else ""
    problems = problems_in(content)
    message = case.message.replace("{DECLARED}", _declared_placeholders())
    assert problems == [f"content/{case.file}:{line}:{column}: {key}{message}"]


def _declared_placeholders() -> str:
    names = read_source(VALID / "scripts.yml", "scripts.yml").data["placeholders"]  # read as the build reads it
    return ", ".join("{" + name + "}" for name in sorted(names))


FILE_CASES = [
    ("empty file", "faq.yml", b"", "content/faq.yml:1:1: the file is empty; expected a mapping of keys"),
    ("only a comment", "faq.yml", b"# nothing yet\n", "content/faq.yml:1:1: the file is empty; expected a mapping of keys"),
    ("not UTF-8", "faq.yml", b"title: caf\xe9\n", "content/faq.yml:1:1: cannot read the file: it is not UTF-8 text"),
    ("a list at the top", "faq.yml", b"- one\n- two\n", "content/faq.yml:1:1: expected a mapping of keys at the top, got a list"),
    ("a list expected", "faq.yml", b"title: T\nintro: I\nquestions: none\n",
     "content/faq.yml:3:12: questions: expected a list, got 'none'"),
    ("an empty list", "faq.yml", b"title: T\nintro: I\nquestions: []\n",
     "content/faq.yml:3:12: questions: expected at least 1 item, got none"),
    ("a mapping expected", "faq.yml", b"title: T\nintro: I\nquestions: [just text]\n",
     "content/faq.yml:3:13: questions[0]: expected a mapping of keys, got 'just text'"),
    ("YAML syntax error", "faq.yml", b"title: [Questions\nintro: I\n",
     "content/faq.yml:2:6: YAML syntax error: did not find expected ',' or ']'"),
    ("unclosed quote", "faq.yml", b"title: 'Questions\nintro: I\n",
     "content/faq.yml:3:1: YAML syntax error: found unexpected end of stream"),
]


@pytest.mark.parametrize(("name", "file", "data", "expected"), FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_unusable_files(content: Path, name: str, file: str, data: bytes, expected: str) -> None:
    (content / file).write_bytes(data)
    assert problems_in(content) == [expected]


def test_missing_and_unknown_files(content: Path) -> None:
    (content / "reasons.yml").rename(content / "reason.yml")
    assert problems_in(content) == [
        "content/reason.yml:1:1: unknown content file; did you mean reasons.yml?",
        "content/reasons.yml:1:1: file not found; every content set needs reasons.yml",
    ]


def test_unreadable_file(content: Path) -> None:
    (content / "faq.yml").unlink()
    (content / "faq.yml").mkdir()
    [problem] = problems_in(content)
    assert problem.startswith("content/faq.yml:1:1: ")


def test_every_problem_in_one_run(content: Path) -> None:
    """Mistakes in several files come back together, sorted by file and line."""
    picked = [CASES[0], CASES[9], CASES[17], CASES[19]]
    for case in picked:
        _apply(content, case)
    problems = problems_in(content)
    assert len(problems) == len(picked)
    assert [p.split(":")[0] for p in problems] == sorted(f"content/{c.file}" for c in picked)
