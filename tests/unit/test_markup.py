"""generator/site/markup.py: Material's chrome made valid and named, and nothing else touched."""

from __future__ import annotations

import pytest

from generator.site.markup import TOGGLES_FORM, fix_chrome

TOGGLES = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
)
SEARCH = (
    '<div class="md-search" data-md-component="search" role="dialog">'
    '<input type="text" class="md-search__input" name="query" aria-label="Search" placeholder="Search">'
)

# (name, html in, what must be in the result, what must not)
CASES = [
    ("toggles use an empty form's autocomplete", TOGGLES,
     [f'<form id="{TOGGLES_FORM}" autocomplete="off" hidden></form>', f'id="__drawer" form="{TOGGLES_FORM}"',
      f'id="__search" form="{TOGGLES_FORM}"'], ['id="__drawer" autocomplete="off"']),
    ("empty tabindex on labels goes", '<label class="md-nav__link" for="x" tabindex="">A</label>',
     ['<label class="md-nav__link" for="x">A</label>'], ['tabindex=""']),
    ("the search dialog gets its input's name", SEARCH, ['role="dialog" aria-label="Search"'], []),
    ("a named dialog keeps its name", SEARCH.replace('role="dialog"', 'role="dialog" aria-label="Find"'),
     ['aria-label="Find"'], ['aria-label="Search" aria-label']),
    ("other inputs and labels are left alone", '<input type="checkbox" autocomplete="off"><label tabindex="0">B</label>',
     ['<input type="checkbox" autocomplete="off"><label tabindex="0">B</label>'], [TOGGLES_FORM]),
]


@pytest.mark.parametrize(("name", "html", "present", "absent"), CASES, ids=[c[0] for c in CASES])
def test_fix_chrome(name: str, html: str, present: list[str], absent: list[str]) -> None:
    out = fix_chrome(html)
    for text in present:
        assert text in out
    for text in absent:
        assert text not in out


def test_one_form_however_many_toggles() -> None:
    assert fix_chrome(TOGGLES).count("<form ") == 1


def test_fixing_twice_changes_nothing_more() -> None:
    once = fix_chrome(TOGGLES + SEARCH)
    assert fix_chrome(once) == once
