"""The widget's runtime assets as generated files: Pyodide, the lean zip, the engine zip, rubric.json, their manifest and the widget's script.

Everything is built in memory and handed to MkDocs, which copies it into the site;
nothing is written anywhere else, except the caches of the lean runtime (generator/site/lean.py)
and of the widget's bundle (generator/site/bundle.py), which do not depend on the content. Names carry a version or a content hash, so a
host can cache them forever, and two builds of the same sources are byte-identical.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from generator.build_cache import file_sha256
from generator.site.bundle import SCRIPT_URI, WidgetBundle, score_script
from generator.site.contract_asset import contract_value
from generator.site.lean import ENGINE_DIR, WASM_NAME, LeanRuntime, LeanUnavailable, lean_runtime, pyodide_digest
from generator.site.packed import ZLIB, ZSTD
from generator.site.runtime_files import pyodide_dir

log = logging.getLogger("mkdocs.plugins.offer-guide")

ENGINE_PACKAGE = "offer_engine"

# Only what a browser needs to boot Python: no Node build, no source maps, no consoles.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
MANIFEST_URI = "assets/widgets/engine-assets.mjs"
"""A tiny module the engine's worker and the glue primer import to learn the hashed names; the
page's script has the same values (generator/site/bundle.py)."""

# A fixed time and mode for every zip entry, so the zip depends only on the files' contents.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
ZIP_MODE = 0o100644 << 16


@dataclass(frozen=True)
class EngineAssets:
    """What the manifest tells the widget: site-relative URIs of the runtime pieces, and facts about them."""

    pyodide: str
    """The runtime folder (stock files, the plain path), ending with "/"."""
    engine: str
    rubric: str
    lean: str | None
    """The lean standard-library zip (engine inside), or None: then the widget takes the plain path."""
    lock_abi: str
    runtime_key: str
    sizes: dict[str, int]
    """Uncompressed bytes per piece, for a progress bar that shows real progress."""


def pyodide_version() -> str:
    package = pyodide_dir() / "package.json"
    try:
        return str(json.loads(package.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError) as exc:
        raise PluginError(f"The Pyodide runtime is missing ({package}); run `npm ci` (or `make setup`) first") from exc


def engine_zip(source: Path = ENGINE_DIR) -> bytes:
    """The engine's modules as ``offer_engine/*.py`` in a zip: sorted entries, fixed times and modes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(source.glob("*.py")):
            info = zipfile.ZipInfo(f"{ENGINE_PACKAGE}/{path.name}", date_time=ZIP_TIME)
            info.external_attr = ZIP_MODE
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return buffer.getvalue()


def rubric_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def hashed(stem: str, payload: bytes, suffix: str) -> str:
    return hashed_name(stem, hashlib.sha256(payload).hexdigest(), suffix)


def hashed_name(stem: str, sha256: str, suffix: str) -> str:
    """An asset's name from the hex sha256 of its bytes, for files whose digest is already known."""
    return f"assets/engine/{stem}-{sha256[:16]}{suffix}"


def beside_widgets(uri: str) -> str:
    """A site path as seen from the widget's folder (assets/widgets/), where the manifest and the worker sit."""
    return "../" + uri.removeprefix("assets/")


def manifest_exports(assets: EngineAssets, base: str) -> dict[str, str]:
    """What the manifest exports, as JavaScript expressions; URLs are made relative to ``base`` (an
    expression for the URL of the file they are written in), so the site works under any base path."""
    def url(uri: str | None) -> str:
        return "null" if uri is None else f"new URL({json.dumps(beside_widgets(uri))}, {base}).href"

    return {
        "PYODIDE": url(assets.pyodide),
        "STDLIB_FULL": url(assets.pyodide + "python_stdlib.zip"),
        "LOCK_FULL": url(assets.pyodide + "pyodide-lock.json"),
        "ENGINE": url(assets.engine),
        "LEAN": url(assets.lean),
        "LOCK_ABI": json.dumps(assets.lock_abi),
        "RUNTIME_KEY": json.dumps(assets.runtime_key),
        "RUBRIC": url(assets.rubric),
        "BYTES": json.dumps(assets.sizes, sort_keys=True),
    }


def manifest(assets: EngineAssets) -> str:
    """An ES module: the manifest for the engine's worker and the service worker's primer."""
    lines = [f"export const {name} = {value};\n" for name, value in manifest_exports(assets, "import.meta.url").items()]
    return "// Generated by generator/site/assets.py: where the widget finds its runtime. Do not edit.\n" + "".join(lines)


def early_files(assets: EngineAssets) -> str:
    """The lean boot's files, as the scoring page's head tells its engine worker (relative to the worker).

    The worker asks for them as soon as it runs (engine-worker.mjs, earlyDownloads), before its own
    imports have arrived. Empty without a lean runtime: the worker then takes the plain path.
    """
    if assets.lean is None:
        return ""
    return urlencode({"runtime": beside_widgets(assets.pyodide), "lean": beside_widgets(assets.lean)}, safe="/")


def lock_abi(pyodide_dir: Path) -> str:
    """The ABI an empty lockFileContents must carry for this Pyodide build."""
    lock = pyodide_dir / "pyodide-lock.json"
    try:
        return str(json.loads(lock.read_text(encoding="utf-8"))["info"]["abi_version"])
    except (OSError, ValueError, KeyError) as exc:
        raise PluginError(f"The Pyodide runtime has no readable lock file ({lock}); run `npm ci` (or `make setup`) first") from exc


def lean_or_none(pyodide_dir: Path) -> LeanRuntime | None:
    """The lean runtime, or None with a warning (which fails a --strict build) when it cannot be had."""
    try:
        return lean_runtime(pyodide_dir)
    except LeanUnavailable as exc:
        log.warning("The lean runtime is unavailable, so /score/ boots on the stock files: %s", exc)
        return None


def engine_files(config: MkDocsConfig, rubric: bytes, contract: str, bundle: WidgetBundle) -> tuple[list[File], EngineAssets]:
    """The files to add to the site (the Pyodide runtime, the lean zip, the engine zip, rubric.json, the
    manifest and the widget's script), and what the manifest says of them."""
    version = pyodide_version()
    source_dir = pyodide_dir()
    runtime = f"assets/pyodide/{version}/"
    files, sizes = [], {}
    for name in PYODIDE_FILES:
        source = source_dir / name
        if not source.is_file():
            raise PluginError(f"The Pyodide runtime has no {name} ({source}); run `npm ci` (or `make setup`) first")
        files.append(File.generated(config, runtime + name, abs_src_path=str(source)))
        sizes[name] = source.stat().st_size
    engine = engine_zip()
    lean, lean_uri = lean_or_none(source_dir), None
    if lean is not None:
        lean_uri = hashed_name("python_stdlib", file_sha256(lean.zip), ".zip")  # the zip's digest is kept between builds
        files.append(File.generated(config, lean_uri, abs_src_path=str(lean.zip)))
        # The packed twins sit beside their plain files (name + ".zz" or ".zst"): the worker asks for
        # them by that rule (engine-worker.mjs). The progress bar counts decoded bytes, so the sizes stay the plain ones.
        files.append(File.generated(config, lean_uri + ZLIB, abs_src_path=str(lean.packed_zip)))
        files.append(File.generated(config, runtime + WASM_NAME + ZSTD, abs_src_path=str(lean.packed_wasm)))
        sizes["lean"] = lean.size
    sizes.update(engine=len(engine), rubric=len(rubric))
    # Without a lean zip there is no lean snapshot; the key then still names the runtime and engine served.
    runtime_key = lean.runtime_key if lean else hashlib.sha256(pyodide_digest(source_dir).encode() + engine).hexdigest()
    assets = EngineAssets(
        runtime, hashed(ENGINE_PACKAGE, engine, ".zip"), hashed("rubric", rubric, ".json"),
        lean_uri, lock_abi(source_dir), runtime_key, sizes,
    )
    files.append(File.generated(config, assets.engine, content=engine))
    files.append(File.generated(config, assets.rubric, content=rubric))
    files.append(File.generated(config, MANIFEST_URI, content=manifest(assets)))
    # The widget, its modules bundled, with the manifest's values and the engine's contract (bundle.py).
    script = score_script(bundle, manifest_exports(assets, "__ogScript"), contract_value(contract))
    files.append(File.generated(config, SCRIPT_URI, content=script))
    return files, assets
