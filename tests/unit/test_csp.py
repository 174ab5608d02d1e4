"""generator/hosting/csp.py: which inline scripts count, their hashes, and where the meta tag goes."""

from __future__ import annotations

import pytest

from generator.hosting.csp import DIRECTIVES, PagePolicy, inline_scripts, policy, sha256

# (html, the inline scripts a browser would run from it)
SCRIPTS = [
    ("<script>a()</script>", ["a()"]),
    ('<script type="module">b()</script>', ["b()"]),
    ('<script type="text/javascript">c()</script>', ["c()"]),
    ('<SCRIPT TYPE="Module">d()</SCRIPT >', ["d()"]),
    ('<script src="x.js"></script>', []),
    ('<script type="application/json">{"a": 1}</script>', []),
    ('<script type="application/ld+json">{}</script>', []),
    ("<script>\n  multi\n  line\n</script>", ["\n  multi\n  line\n"]),
    ("<p>no script</p>", []),
]


@pytest.mark.parametrize(("html", "expected"), SCRIPTS, ids=[h for h, _ in SCRIPTS])
def test_inline_scripts_are_those_a_browser_runs(html: str, expected: list[str]) -> None:
    assert inline_scripts(html) == expected


def test_hash_matches_the_csp_specification_example() -> None:
    # CSP Level 3, section "hash-source": the hash of this exact script text.
    assert sha256("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_policy_adds_sorted_unique_hashes_to_script_src_only() -> None:
    text = policy(["'sha256-b'", "'sha256-a'", "'sha256-b'"])
    directives = dict(part.split(" ", 1) for part in text.split("; "))
    assert list(directives) == [name for name, _ in DIRECTIVES]
    assert directives["script-src"].endswith("'sha256-a' 'sha256-b'")
    assert "'unsafe-inline'" not in text and "sha256" not in text.replace(directives["script-src"], "")


PAGE = '<html><head>\n<meta charset="utf-8">\n<title>T</title><script>own()</script></head><body></body></html>'


def test_the_tag_comes_right_after_meta_charset_and_allows_the_pages_and_the_contents_scripts() -> None:
    csp = PagePolicy()
    csp.collect("<script>from_other_content()</script>")
    out = csp.apply(PAGE)
    head = out.index("<head>") + len("<head>")
    charset = out.index('<meta charset="utf-8">')
    tag = out.index('<meta http-equiv="Content-Security-Policy"')
    assert head <= charset < tag < out.index("<title>")
    for script in ("own()", "from_other_content()"):
        assert sha256(script) in out
    assert csp.applied_hashes == {sha256("own()"), sha256("from_other_content()")}


def test_a_document_without_head_passes_through() -> None:
    xml = "<?xml version='1.0'?><urlset></urlset>"
    assert PagePolicy().apply(xml) == xml
