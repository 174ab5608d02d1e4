"""The scoring widget as one classic script: ``assets/widgets/score-page.js``.

Why one script: the scoring page runs its widget right after the widget's markup, while the rest
of the page is still parsed, so the reader's saved answers reach the engine before the theme's
script takes the page's one thread. A parser-blocking classic script runs there and then; an
async module graph ran only once the page was parsed (widgets/offer_widget/score-page.mjs has
the figures).

The script has two parts:
- the widget's modules, bundled by esbuild (widget_bundle.mjs). They depend on the widget's
  sources only, so they are made once per sources and builder, under the sha256 of those (the
  key), and found again by it: first in the package data (``offer_widget/runtime/bundle/<key>/``,
  which a wheel carries prebuilt, so an installed guide needs no Node), then in the user cache;
- a wrapper written by each build: the values of the two modules that come from the build (the
  runtime's manifest, as engine-assets.mjs has it, and the engine's contract, which the modules
  import as engine-contract.mjs), the script's own URL for ``import.meta.url``, and a guard, so
  that when Material's instant navigation runs the script again it mounts the widget it has
  already loaded instead of loading a second one, with a second engine.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.build_cache import cache_home, file_sha256
from generator.site.node_job import NodeJobFailed, make_with_node
from generator.site.runtime_files import REPOSITORY
from generator.site.theme import MODULES, WIDGET_URI

log = logging.getLogger("mkdocs.plugins.offer-guide")

BUILDER = Path(__file__).with_name("widget_bundle.mjs")
BUNDLE_NAME = "widget.js"
MODULES_NAME = "modules.json"
SCRIPT_URI = f"{WIDGET_URI}/score-page.js"
WORKERS = ("engine-worker.mjs", "glue-primer.mjs")
"""Started as workers from a URL (engine-client.mjs, offline.mjs), which esbuild does not follow."""
OTHER_ENTRIES = (*(module.removeprefix(f"{WIDGET_URI}/") for module in MODULES), *WORKERS)
"""The widget's files a page or a worker loads besides the bundle: what they import is still served."""
BUILD_TIMEOUT = 120  # seconds: esbuild takes ~50 ms; Node's start on a busy machine, a few seconds


@dataclass(frozen=True)
class WidgetBundle:
    modules: bytes
    """The bundled modules, the body of the page's script (see score_script)."""
    bundled_only: frozenset[str]
    """The widget's modules nothing but the bundle uses: a site need not serve them."""


def widget_dir() -> Path:
    return Path(str(resources.files("offer_widget")))


def bundle_key(sources: Path) -> str:
    """sha256 of every input: the builder (which pins esbuild's version), the other entries and the widget's scripts."""
    digest = hashlib.sha256(b"offer-guide widget bundle\0")
    digest.update(b"builder\0" + bytes.fromhex(file_sha256(BUILDER)))
    digest.update(b"others\0" + "\0".join(OTHER_ENTRIES).encode())
    for path in sorted([*sources.glob("*.mjs"), *sources.glob("*.js")]):
        digest.update(b"widget/" + path.name.encode() + b"\0" + bytes.fromhex(file_sha256(path)))
    return digest.hexdigest()


def packaged_dir() -> Path:
    return widget_dir() / "runtime" / "bundle"


def default_places() -> tuple[Path, ...]:
    """Where bundles are looked for, in order; a miss is built into the last one."""
    return packaged_dir(), cache_home() / "bundle"


def widget_bundle(sources: Path | None = None, places: Sequence[Path] | None = None) -> WidgetBundle:
    """The bundle for these sources: found by their key, or built (once) into the last place."""
    return _load(_folder(sources or widget_dir(), places or default_places()))


def _folder(sources: Path, places: Sequence[Path]) -> Path:
    """The folder holding the bundle for these sources, named by their key: found, or built into the last place."""
    key = bundle_key(sources)
    for folder in (place / key for place in places):
        if all((folder / name).is_file() for name in (BUNDLE_NAME, MODULES_NAME)):
            return folder
    return _build(sources, places[-1] / key)


def _load(folder: Path) -> WidgetBundle:
    modules = json.loads((folder / MODULES_NAME).read_text(encoding="utf-8"))
    return WidgetBundle((folder / BUNDLE_NAME).read_bytes(), frozenset(modules["bundled_only"]))


def _build(sources: Path, target: Path) -> Path:
    def args(work: Path) -> list[str]:
        return [str(sources.resolve()), str(work), *OTHER_ENTRIES]

    try:
        return make_with_node(target, BUILDER, args, what="the scoring widget's bundle", timeout=BUILD_TIMEOUT)
    except NodeJobFailed as exc:
        why = str(exc)
        if "Cannot find package 'esbuild'" in why:
            why = "esbuild is not installed here: run `npm ci` (or `make setup`)"
        # An installed package carries the bundle its modules need (`make dist`); one that does not was built otherwise.
        where = "" if (REPOSITORY / "package.json").is_file() else f" (this installed package carries no bundle for its widget's modules under {packaged_dir()}; build its wheel with `make dist`)"
        raise PluginError(f"The scoring widget's script cannot be made: {why}{where}") from exc


def score_script(bundle: WidgetBundle, assets: dict[str, str], contract: str) -> bytes:
    """The page's script: the build's values and the guard around the bundled modules.

    ``assets`` maps each of engine-assets.mjs's exports to its JavaScript expression, with URLs
    made from ``__ogScript`` (assets.manifest_exports); ``contract`` is CONTRACT's expression.
    """
    values = ",\n".join(f"  {name}: {expression}" for name, expression in assets.items())
    return (
        "// Generated by generator/site/bundle.py: the scoring widget in one script. Do not edit.\n"
        "(function (__ogScript) {\n"
        "\"use strict\";\n"
        "if (self.offerGuideWidget) return self.offerGuideWidget.mountPage(); // run again by instant navigation\n"
        f"var __ogData = {{\nassets: {{\n{values}\n}},\ncontract: {{ CONTRACT: {contract} }}\n}};\n"
    ).encode() + bundle.modules.rstrip(b"\n") + b"\n})(document.currentScript.src);\n"


def prepare_package_data(runtime_dir: Path) -> Path:
    """Put the bundle for this checkout's widget into ``runtime_dir/bundle/<key>/`` for a wheel; other keys go."""
    target = runtime_dir / "bundle"
    found = _folder(widget_dir(), (target, cache_home() / "bundle"))
    if target.is_dir():
        for old in target.iterdir():
            if old.name != found.name:
                shutil.rmtree(old) if old.is_dir() else old.unlink()
    if found.parent != target:  # else it was found there already
        shutil.copytree(found, target / found.name)
    return target / found.name / BUNDLE_NAME


def main(argv: list[str]) -> int:
    """``python -m generator.site.bundle RUNTIME_DIR``: prepare_package_data, for ``make dist``."""
    if len(argv) != 1:
        print("usage: python -m generator.site.bundle RUNTIME_DIR  (puts the widget's bundle into RUNTIME_DIR/bundle)", file=sys.stderr)
        return 2
    try:
        path = prepare_package_data(Path(argv[0]))
    except PluginError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
