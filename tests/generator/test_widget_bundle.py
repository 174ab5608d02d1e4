"""The widget's one script (generator/site/bundle.py): made by the real esbuild, once per sources, found
again by its key without Node, and refused in one clear line when it can neither be found nor made."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from generator.site import bundle
from generator.site.bundle import BUNDLE_NAME, MODULES_NAME, bundle_key, widget_bundle, widget_dir


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    copy = tmp_path / "widget"
    shutil.copytree(widget_dir(), copy, ignore=shutil.ignore_patterns("runtime", "__pycache__"))
    return copy


def append_to(name: str) -> Callable[[Path], None]:
    def edit(sources: Path) -> None:
        path = sources / name
        path.write_text(path.read_text(encoding="utf-8") + "\n// edited\n", encoding="utf-8")
    return edit


def add_module(sources: Path) -> None:
    (sources / "new-module.mjs").write_text("export const A = 1;\n", encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "the entry": append_to("score-page.mjs"),
    "a module it imports": append_to("dom.mjs"),
    "a module the worker imports": append_to("boot-progress.mjs"),
    "a new module": add_module,
    "a classic script beside them": append_to("fzstd.js"),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_any_change_to_the_widget_modules_changes_the_key(sources: Path, edit: Callable[[Path], None]) -> None:
    before = bundle_key(sources)
    assert bundle_key(sources) == before
    edit(sources)
    assert bundle_key(sources) != before


def test_the_builder_and_the_other_entries_are_in_the_key(sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = bundle_key(sources)
    builder = tmp_path / "widget_bundle.mjs"
    builder.write_text(bundle.BUILDER.read_text(encoding="utf-8") + "\n// edited\n", encoding="utf-8")
    monkeypatch.setattr(bundle, "BUILDER", builder)
    assert bundle_key(sources) != before
    monkeypatch.undo()
    monkeypatch.setattr(bundle, "OTHER_ENTRIES", (*bundle.OTHER_ENTRIES, "another.mjs"))
    assert bundle_key(sources) != before


def test_a_miss_is_built_by_esbuild_once_then_found(sources: Path, tmp_path: Path) -> None:
    places = (tmp_path / "package", tmp_path / "cache")
    made = widget_bundle(sources, places)
    assert (places[1] / bundle_key(sources) / BUNDLE_NAME).read_bytes() == made.modules
    text = made.modules.decode()
    # A classic script: no import or export left, import.meta read from the wrapper's script URL,
    # and the two modules a build writes read from the wrapper's values.
    checked = subprocess.run(["node", "--check", "-"], input=f"(function (__ogScript, __ogData) {{ {text} }})", text=True, capture_output=True)
    assert checked.returncode == 0, checked.stderr
    assert "import.meta" not in text and "__ogScript" in text
    assert "__ogData.assets" in text and "__ogData.contract" in text
    assert "offerGuideWidget" in text
    # The form's modules are not served: only the bundle uses them. What the workers and the
    # modules on every page import (storage.mjs, boot-snapshot.mjs) still is.
    assert {"score-widget.mjs", "score-page.mjs", "answers.mjs", "engine-client.mjs"} <= made.bundled_only
    assert made.bundled_only.isdisjoint({"storage.mjs", "boot-snapshot.mjs", "engine-worker.mjs", "ticks.mjs", "fzstd.js"})
    (places[1] / bundle_key(sources) / BUNDLE_NAME).write_bytes(b"kept")
    assert widget_bundle(sources, places).modules == b"kept"  # not built again


def test_a_prebuilt_bundle_is_found_without_node(sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An installed wheel carries its bundle under the key its own sources give.
    places = (tmp_path / "package", tmp_path / "cache")
    (places[0] / bundle_key(sources)).mkdir(parents=True)
    (places[0] / bundle_key(sources) / BUNDLE_NAME).write_bytes(b"prebuilt")
    (places[0] / bundle_key(sources) / MODULES_NAME).write_text('{"bundled_only": ["a.mjs"]}', encoding="utf-8")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert widget_bundle(sources, places) == bundle.WidgetBundle(b"prebuilt", frozenset({"a.mjs"}))


def test_with_no_node_and_no_bundle_the_build_says_what_to_do(sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(PluginError, match=r"Node is needed to build the scoring widget's bundle.*npm ci"):
        widget_bundle(sources, (tmp_path / "package", tmp_path / "cache"))
    assert not (tmp_path / "cache" / bundle_key(sources)).exists()


def test_a_module_that_does_not_parse_fails_the_bundle_with_esbuild_s_words(sources: Path, tmp_path: Path) -> None:
    (sources / "dom.mjs").write_text("export function (\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"(?s)building the scoring widget's bundle failed:.*dom\.mjs:1:16"):
        widget_bundle(sources, (tmp_path / "package", tmp_path / "cache"))
    assert list((tmp_path / "cache").iterdir()) == []  # no half-made folder is left to be found


def test_the_packaged_bundle_replaces_other_keys(tmp_path: Path) -> None:
    old = tmp_path / "bundle" / ("0" * 64)
    old.mkdir(parents=True)
    path = bundle.prepare_package_data(tmp_path)
    assert path.parent.name == bundle_key(widget_dir()) and path.is_file()
    assert not old.exists()
    assert widget_bundle(places=(tmp_path / "bundle",)) == widget_bundle()  # found there as it was made
