"""What the service worker of a build keeps: every page and asset a reader needs offline, with hashes
that match the built bytes; the runtime only on demand; a version that follows the content."""

from __future__ import annotations

import base64
import hashlib
import shutil
from pathlib import Path

import pytest

from generator.hosting.headers import IMMUTABLE_PREFIXES
from generator.hosting.offline import SW_URI, offline_files, page_uri


def sri(path: Path) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode()


def built_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("index.html", "precache"),
        ("404.html", "precache"),
        ("score/index.html", "precache"),
        ("search/search_index.json", "precache"),
        ("sitemap.xml", "precache"),  # instant navigation reads it to know which links are the site's
        ("assets/widgets/offline.mjs", "precache"),
        ("assets/widgets/engine-worker.mjs", "precache"),
        ("_headers", None),
        ("robots.txt", None),
        ("sitemap.xml.gz", None),
        (SW_URI, None),
    ],
)
def test_what_a_first_visit_keeps(built_site: Path, path: str, kept: str | None) -> None:
    offline = offline_files(built_site, IMMUTABLE_PREFIXES)
    assert (built_site / path).is_file()
    lists = {"precache": dict(offline.precache), "runtime": dict(offline.runtime)}
    where = [name for name, entries in lists.items() if page_uri(path) in entries]
    assert where == ([kept] if kept else [])


def test_every_page_is_precached_and_the_runtime_is_not(built_site: Path) -> None:
    offline = offline_files(built_site, IMMUTABLE_PREFIXES)
    precache, runtime = dict(offline.precache), dict(offline.runtime)
    files = built_files(built_site)
    for path in files:
        if path.endswith(".html"):
            assert precache[page_uri(path)] == sri(built_site / path), path
    under_runtime = [p for p in files if p.startswith(tuple(x.strip("/") + "/" for x in IMMUTABLE_PREFIXES))]
    twins = [p for p in under_runtime if p.endswith((".zst", ".zz"))]
    assert under_runtime and sorted(runtime) == [p for p in under_runtime if p not in twins]
    assert all(runtime[p] == sri(built_site / p) for p in runtime)
    assert not [p for p in precache if p in runtime or p.endswith((".map", ".wasm", ".zip", ".zst", ".zz"))]
    # Each twin is kept only decoded, under its plain file's name and type (sw.js checks its SRI hash).
    types = {".wasm": "application/wasm", ".zip": "application/zip"}
    assert sorted(offline.packed) == sorted((t, str(Path(t).with_suffix("")), types[Path(t).with_suffix("").suffix]) for t in twins)
    assert len(twins) == 2


def test_the_version_follows_the_built_files(built_site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    before = offline_files(copy, IMMUTABLE_PREFIXES).version
    assert offline_files(copy, IMMUTABLE_PREFIXES).version == before
    (copy / SW_URI).write_text("// another worker", encoding="utf-8")  # its own file does not count
    assert offline_files(copy, IMMUTABLE_PREFIXES).version == before
    faq = copy / "faq" / "index.html"
    faq.write_bytes(faq.read_bytes().replace(b"</body>", b"<!-- edited --></body>"))
    assert offline_files(copy, IMMUTABLE_PREFIXES).version != before
