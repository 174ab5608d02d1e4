"""``offer-guide new DIR``: start a guide of one's own from the package's content, mkdocs.yml and a README."""

from __future__ import annotations

import shutil
import sys
from importlib import resources
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
STARTER = "starter"
"""The folder in the ``generator`` package where a wheel carries content/ and mkdocs.yml (``make dist``)."""

README = """\
# {name}

A guide made with [offer-guide](https://pypi.org/project/offer-guide/): its text is YAML in `content/`,
and `offer-guide build` turns it into a static site in `site/`.

```sh
offer-guide serve     # preview at http://127.0.0.1:8000, rebuilt when content/ changes
offer-guide check     # list every problem in content/, one line each
offer-guide build     # build the site into site/ (set SITE_URL to its public address)
offer-guide schema    # JSON Schemas in schema/, for editors' autocompletion
```

`mkdocs.yml` holds the theme settings; `docs/` may hold files of your own (images, extra pages).
Upload `site/` to any static host; `site/_headers` gives Netlify and Cloudflare Pages its security headers.
"""
GITIGNORE = "site/\nschema/\n"


def starter() -> Path:
    """The starter files: in a checkout its own content/ and mkdocs.yml (never a copy ``make dist`` left), else the wheel's."""
    if (REPOSITORY / "mkdocs.yml").is_file() and (REPOSITORY / "content").is_dir():
        return REPOSITORY
    return Path(str(resources.files("generator") / STARTER))


def create_guide(target: Path) -> list[Path]:
    """Write a new guide into ``target`` (absent or empty); return the files written."""
    source = starter()
    (target / "content").mkdir(parents=True)
    (target / "docs").mkdir()
    written = [Path(shutil.copy2(yml, target / "content" / yml.name)) for yml in sorted((source / "content").glob("*.yml"))]
    written.append(Path(shutil.copy2(source / "mkdocs.yml", target / "mkdocs.yml")))
    for name, text in (("README.md", README.format(name=target.name)), (".gitignore", GITIGNORE), ("docs/.gitkeep", "")):
        (target / name).write_text(text, encoding="utf-8")
        written.append(target / name)
    return written


def run_new(target: Path) -> int:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"{target}: already exists and is not an empty folder; choose a new name", file=sys.stderr)
        return 1
    target.mkdir(parents=True, exist_ok=True)
    written = create_guide(target)
    print(f"Created a guide in {target} ({len(written)} files). Next: cd {target} && offer-guide serve")
    return 0
