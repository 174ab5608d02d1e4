"""Material's page chrome, corrected where checkers fault it: two spots of invalid HTML and an unnamed dialog.

- ``autocomplete="off"`` on the drawer and search toggles (checkboxes, where the attribute is not
  allowed). It keeps Firefox from restoring a toggle's state on reload; a form owner with
  ``autocomplete="off"`` does the same validly, so the toggles point at an empty one.
- ``tabindex=""`` on the labels of navigation sections. Browsers ignore an empty tabindex, so
  leaving it out changes nothing.
- The search box is a ``role="dialog"`` without a name (Lighthouse's aria-dialog-name); it gets
  the name its input already has ("Search" in English).

The gates in tests/quality notice if a Material update moves any of these.
"""

from __future__ import annotations

import re

TOGGLES_FORM = "__md_toggles"
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?)\s+autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')
_FIRST_TOGGLE = re.compile(r'<input class="md-toggle"')
_SEARCH_LABEL = re.compile(r'<input [^>]*class="md-search__input"[^>]*?\baria-label="([^"]+)"')
_SEARCH_DIALOG = re.compile(r'(<div class="md-search"[^>]*?\brole="dialog")(?![^>]*\baria-label)')


def fix_chrome(html: str) -> str:
    html, toggles = _TOGGLE_AUTOCOMPLETE.subn(rf'\1 form="{TOGGLES_FORM}"', html)
    if toggles:
        form = f'<form id="{TOGGLES_FORM}" autocomplete="off" hidden></form>\n    '
        html = _FIRST_TOGGLE.sub(lambda m: form + m.group(0), html, count=1)
    label = _SEARCH_LABEL.search(html)
    if label:
        html = _SEARCH_DIALOG.sub(lambda m: f'{m.group(1)} aria-label="{label.group(1)}"', html, count=1)
    return _EMPTY_TABINDEX.sub(r"\1", html)
