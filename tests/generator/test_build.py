"""A full build: every content item reaches its page, other content gives another guide, builds repeat exactly."""

from __future__ import annotations

import filecmp
import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest
from offer_engine import vocabulary

from generator.content.load import load_content
from generator.content.model import Content
from generator.content.model.advice import Case
from generator.content.model.scripts import Note, Script
from generator.site.pages import all_checklists
from generator.site_map import PAGES, checklist_page
from tests.conftest import CONTENT, FIXTURES, VALID, page_address, run_offer_guide


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(CONTENT)


def built_page(site: Path, source_path: str) -> str:
    """A built page's HTML, found by the source path the site map gives it (``faq.md``)."""
    return (site / page_address(source_path).strip("/") / "index.html").read_text(encoding="utf-8")


def page_text(site: Path, page_id: str) -> str:
    """The visible text of a built page's article, whitespace-normalised."""
    raw = built_page(site, PAGES[page_id])
    article = raw[raw.index("<article"): raw.index("</article>")]
    return _normal(re.sub(r"<[^>]+>", " ", article))


def plain(text: str) -> str:
    """Inline Markdown from content as the reader sees it."""
    return _normal(re.sub(r"<[^>]+>", " ", markdown.markdown(text)))


def _normal(text: str) -> str:
    # Tags are replaced by spaces, so spaces are not significant: compare without them.
    return "".join(html.unescape(text).replace("¶", " ").split())


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0]


def _case_texts(case: Case) -> list[str]:
    return [case.title, *case.paragraphs, *case.points, *(t for p in case.parts for t in (p.title, p.text))]


def _script_texts(script: Script | Note) -> list[str]:
    if isinstance(script, Note):
        bodies = [script.text]
    else:
        bodies = [b for b in (script.call, script.email.body if script.email else None) if b]
    return [script.title, script.situation, *map(_first_line, bodies)]


def _scripts_of(cases: Callable[[Content], list[Case]]) -> Callable[[Content], list[Script | Note]]:
    def scripts(content: Content) -> list[Script | Note]:
        by_id = {s.id: s for s in [*content.scripts.scripts, *content.scripts.notes]}
        return [by_id[i] for case in cases(content) for i in case.scripts]
    return scripts


# page id in the site map → the hard cases it shows, each as a section of its own.
CASES: dict[str, Callable[[Content], list[Case]]] = {
    "difficult-conversations": lambda c: c.conversations.cases,
    "deadlines": lambda c: c.deadlines.cases,
    "how-to-decline": lambda c: c.communication.cases,
    "after-accepting": lambda c: [c.situations.check_first, *c.situations.cases] if c.situations.check_first else c.situations.cases,
    "relationships": lambda c: c.relationships.cases,
}

# (page id in the site map, how to get the items from content, how each item appears)
ITEM_TABLE = [
    ("reasons", lambda c: c.reasons.reasons, lambda r: [r.title, r.text, r.weigh]),
    ("framework", lambda c: c.framework.steps, lambda s: [s.title, s.text, *s.tips]),
    ("scripts", lambda c: c.scripts.scripts, lambda s: [s.title, s.situation]),
    ("faq", lambda c: c.faq.questions, lambda q: [q.question, q.answer]),
    ("follow-up", lambda c: c.roadmap.steps, lambda s: [s.title, s.text]),
    ("how-scoring-works", lambda c: c.rubric.rules, lambda r: [r.title, r.text]),
    ("how-to-decline", lambda c: c.communication.tone.phrases, lambda p: [p.text]),
    ("after-accepting", lambda c: c.situations.changed_mind, lambda p: [p.title, p.text]),
    ("global-mobility", lambda c: c.rubric.mobility.questions, lambda q: [q.text]),
    # The hard cases: each case's advice, and the scripts it names, in full on its own page.
    *[(page_id, cases, _case_texts) for page_id, cases in CASES.items()],
    *[(page_id, _scripts_of(cases), _script_texts) for page_id, cases in CASES.items()],
    ("scripts", lambda c: c.scripts.notes, lambda n: [n.title, n.situation, _first_line(n.text)]),
    # Advice for before the decision sits with the decision pages.
    ("reasons", lambda c: [c.reasons.right_move], lambda s: [s.title, *s.paragraphs, *s.points]),
    ("framework", lambda c: [c.framework.support], lambda s: [s.title, *s.paragraphs, *s.points]),
    # The one rule for call or email, and its only exceptions.
    ("how-to-decline", lambda c: [c.communication], lambda m: [m.rule, *(case.text for case in m.email.cases)]),
]


@pytest.mark.parametrize(("page_id", "items", "texts"), ITEM_TABLE, ids=[row[0] for row in ITEM_TABLE])
def test_every_item_is_on_its_page(built_site: Path, content: Content, page_id: str, items, texts) -> None:
    found = page_text(built_site, page_id)
    listed = items(content)
    assert listed, "the table must check something"
    for item in listed:
        for text in texts(item):
            assert plain(text) in found, f"{page_id}: missing {text[:60]!r}"


@pytest.mark.parametrize("kind", ["reasons", "framework", "scripts", "faq"])
def test_one_section_per_item(built_site: Path, content: Content, kind: str) -> None:
    """Counted from the content: each item has its own anchored heading."""
    items = {"reasons": content.reasons.reasons, "framework": content.framework.steps,
             "scripts": content.scripts.scripts, "faq": content.faq.questions}[kind]
    raw = built_page(built_site, PAGES[kind])
    headings = re.findall(r'<h2 id="([^"]+)"', raw)
    assert [h for h in headings if h in {item.id for item in items}] == [item.id for item in items]


@pytest.mark.parametrize("page_id", list(CASES))
def test_each_case_is_a_section_with_its_scripts(built_site: Path, content: Content, page_id: str) -> None:
    """Counted from the content: each case has its own anchored h2, and each of its scripts an h3 under it."""
    cases = CASES[page_id](content)
    assert cases
    raw = built_page(built_site, PAGES[page_id])
    headings = re.findall(r'<h([23]) id="([^"]+)"', raw)
    h2 = [i for level, i in headings if level == "2"]
    assert [i for i in h2 if i in {c.id for c in cases}] == [c.id for c in cases]
    for case in cases:
        start = headings.index(("2", case.id)) + 1
        end = next((n for n in range(start, len(headings)) if headings[n][0] == "2"), len(headings))
        under = [i for level, i in headings[start:end] if level == "3"]
        assert [i for i in under if i in case.scripts] == list(case.scripts), f"{page_id}#{case.id}"


def test_advice_before_the_decision_left_the_follow_up_page(built_site: Path, content: Content) -> None:
    follow_up = page_text(built_site, "follow-up")
    for section in (content.reasons.right_move, content.framework.support):
        assert plain(section.title) not in follow_up


def test_scripts_show_call_and_email_in_tabs(built_site: Path, content: Content) -> None:
    raw = built_page(built_site, PAGES["scripts"])
    both = [s for s in content.scripts.scripts if s.call and s.email]
    assert both
    assert raw.count('class="tabbed-set') == len(both)
    text = page_text(built_site, "scripts")
    for script in content.scripts.scripts:
        for body in filter(None, [script.call, script.email and script.email.body]):
            assert _normal(_first_line(body)) in text


def test_every_checklist_item_is_a_checkbox(built_site: Path, content: Content) -> None:
    lists = all_checklists(content)
    all_page = built_page(built_site, PAGES["checklists"])
    for checklist in lists:
        own = built_page(built_site, checklist_page(checklist.id))
        for item in checklist.items:
            for raw in (own, all_page):
                assert f'data-tick="{item.id}"' in raw
        assert own.count("data-tick=") == len(checklist.items)
    assert all_page.count("data-tick=") == sum(len(c.items) for c in lists)


def test_home_answers_first_and_offers_three_routes(built_site: Path, content: Content) -> None:
    text = page_text(built_site, "index")
    answer = plain(content.guide.answer.summary)
    assert text.index(plain(content.guide.title)) < text.index(answer) < 300
    for route in content.guide.routes:
        assert plain(route.title) in text


def test_pages_reference_no_other_origin(built_site: Path) -> None:
    own = urlsplit(re.search(r"<loc>([^<]+)</loc>", (built_site / "sitemap.xml").read_text()).group(1))  # site_url
    pattern = re.compile(r"""(?:src|href|action|srcset|poster|data)=["']([a-z][a-z0-9+.-]*:)?//([^/"' ]+)|url\(\s*["']?(https?:)?//([^/"')]+)""", re.I)
    offenders = []
    for path in sorted(built_site.rglob("*")):
        if path.suffix not in {".html", ".css", ".mjs", ".js", ".json", ".webmanifest"} or "lunr" in path.parts:
            continue
        for match in pattern.finditer(path.read_text(encoding="utf-8", errors="replace")):
            host = match.group(2) or match.group(4)
            if host != own.netloc:
                offenders.append(f"{path.relative_to(built_site)}: {match.group(0)}")
    assert offenders == []


OTHER = FIXTURES / "content" / "other"


@pytest.fixture(scope="module")
def other_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("other") / "site"
    result = run_offer_guide("build", "--content", OTHER, "-d", site)
    assert result.returncode == 0, result.stderr
    return site


def test_other_content_gives_another_guide(other_site: Path, content: Content) -> None:
    other, site = load_content(OTHER), other_site
    home = (site / "index.html").read_text(encoding="utf-8")
    assert html.escape(other.guide.title, quote=False) in home
    assert html.escape(content.guide.title, quote=False) not in home
    for checklist in all_checklists(other):
        assert built_page(site, checklist_page(checklist.id))
    for question in other.faq.questions:
        assert plain(question.question) in page_text(site, "faq")


def test_builds_are_reproducible(tmp_path: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    for name in ("one", "two"):
        result = run_offer_guide("build", "-d", tmp_path / name, env=env)
        assert result.returncode == 0, result.stderr
    comparison = filecmp.dircmp(tmp_path / "one", tmp_path / "two")
    assert _differences(comparison) == []
    files = [p for p in (tmp_path / "one").rglob("*") if p.is_file()]
    assert len(files) > 20
    for path in files:  # dircmp compares shallowly; compare every byte
        assert path.read_bytes() == (tmp_path / "two" / path.relative_to(tmp_path / "one")).read_bytes(), path


def _differences(cmp: filecmp.dircmp) -> list[str]:
    out = [*cmp.left_only, *cmp.right_only, *cmp.diff_files, *cmp.funny_files]
    for sub in cmp.subdirs.values():
        out += _differences(sub)
    return out


def test_failed_build_leaves_the_old_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run_offer_guide("build", "-d", site).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    broken = tmp_path / "content"
    import shutil

    shutil.copytree(VALID, broken)
    (broken / "faq.yml").write_text("title: [oops\n", encoding="utf-8")
    result = run_offer_guide("build", "--content", broken, "-d", site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "faq.yml:2:1: YAML syntax error" in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_cost_kind_in_content_reaches_the_form_and_the_command_line(other_site: Path, tmp_path: Path) -> None:
    """The fixture's rubric has a cost kind the real one lacks; no code names it, yet the form and the CLI know it."""
    other = load_content(OTHER)
    new = [c for c in other.rubric.costs if c.id not in {c.id for c in load_content(CONTENT).rubric.costs}]
    assert new, "the fixture must add a cost kind"
    form = (other_site / "score" / "index.html").read_text(encoding="utf-8")
    contract = (other_site / "assets" / "widgets" / "score-page.js").read_text(encoding="utf-8")  # the form's script
    for cost in new:
        assert f'value="{cost.id}"' in form and f"{html.escape(cost.label)} costs paid by" in form
        assert f'"{cost.id}"' in contract  # the browser's checks of saved answers accept it too
    offer = tmp_path / "offer.json"
    scores = {c.id: 2 for c in other.rubric.criteria}
    offer.write_text(json.dumps({"offers": [
        {"name": "Promotion", "scores": scores, "accepted": True, "costs_incurred": [c.id for c in new]},
    ]}), encoding="utf-8")
    done = run_offer_guide("score", "--content", OTHER, "--json", offer)
    assert done.returncode == 0, done.stderr
    points = json.loads(done.stdout)["plan"]["talking_points"]
    assert all(cost.talking_point in points for cost in new)


def test_the_form_offers_the_engines_choices_with_the_contents_words(built_site: Path, content: Content) -> None:
    form = (built_site / "score" / "index.html").read_text(encoding="utf-8")
    for key in vocabulary.SITUATION_KEYS:
        assert f'name="situation.{key}"' in form and html.escape(content.rubric.scorer.situation[key]) in form
    for value in vocabulary.NEGOTIATIONS:
        assert f'<option value="{value}"' in form and html.escape(content.rubric.scorer.negotiation[value]) in form
