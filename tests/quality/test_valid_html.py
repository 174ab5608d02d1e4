"""The Nu Html Checker (npm vnu-jar, on Java) finds no error in any page the build writes."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from tests.quality.conftest import NODE_MODULES, BuiltPage

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(built_site: Path, pages: list[BuiltPage]) -> None:
    java = shutil.which("java")
    assert java, "the Nu Html Checker needs Java: `make test` installs it (default-jre-headless)"
    # One run over every file: the checker's start-up is most of its time.
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *(str(p.path) for p in pages)],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(done.stderr)["messages"]  # the JSON report goes to stderr
    errors = [f"{where(m, built_site)}: {m['type']}: {m['message']}\n    {m.get('extract', '').strip()}" for m in messages]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
    assert done.returncode == 0, done.stderr


def where(message: dict[str, Any], site: Path) -> str:
    """file:line:column of a message, the file relative to the site."""
    url = message.get("url", "")
    name = Path(url.removeprefix("file:")).relative_to(site) if url.startswith("file:") else url or "?"
    return f"{name}:{message.get('lastLine', '?')}:{message.get('firstColumn', message.get('lastColumn', '?'))}"
