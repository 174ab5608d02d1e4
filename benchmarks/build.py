"""Benchmark: `offer-guide build` against a plain `mkdocs build` of the same pages as ordinary files.

Prints the median wall time of each, measured alternately in the same run, and the ratio.
Target: offer-guide build at most 1.15x the plain build, with the caches warm (the lean runtime,
the file digests and the made guide, all under ~/.cache/offer-guide). Also prints:
- an **edited** build: the same, after an editor's change to a content file, so the guide is
  loaded, checked and rendered again (what a coach's rebuild costs);
- the **cold** figure: a build with an empty user cache, which makes the lean runtime from
  scratch (once per engine and Pyodide version).

    .venv/bin/python benchmarks/build.py [--runs 9] [--cold-runs 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml  # PyYAML comes with MkDocs
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from generator.site.lean import lean_runtime, packaged_dir
from generator.site.runtime_files import pyodide_dir
from generator.site.theme import theme_dir

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def plain_project(workdir: Path) -> Path:
    """Write the generated pages and assets as ordinary files, with a config that has no guide plugin."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    docs = workdir / "docs"
    for file in files:
        target = docs / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content_bytes)
    raw = yaml.safe_load(_without_tags((ROOT / "mkdocs.yml").read_text()))
    raw["plugins"] = [p for p in raw["plugins"] if p != "offer-guide" and "offer-guide" not in p]
    raw.update(docs_dir=str(docs), site_name=config.site_name, nav=config.nav, site_url=config.site_url)
    # What the plugin adds to the config (generator/site/theme.py), written out as a guide would.
    raw["theme"]["custom_dir"] = str(theme_dir())
    raw["extra_css"] = list(config.extra_css)
    raw["extra_javascript"] = [{"path": str(s), "type": s.type} for s in config.extra_javascript]
    raw["markdown_extensions"] = [{name: config.mdx_configs.get(name, {})} for name in config.markdown_extensions]
    plain = workdir / "mkdocs.yml"
    plain.write_text(yaml.safe_dump(raw, sort_keys=False))
    return plain


def _without_tags(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if "!ENV" not in line)


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds, and the CPU seconds of the process and its children (steadier on a shared machine)."""
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env={**os.environ, **(env or {})})
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def cold_builds(command: list[str], runs: int, work: Path) -> list[tuple[float, float]]:
    """Builds each with an empty user cache, so the lean runtime is made from scratch."""
    if (packaged_dir() / lean_runtime(pyodide_dir()).key).is_dir():
        print("note: the package data holds the lean runtime (make dist), so no build below makes it")
    return [timed(command, {"XDG_CACHE_HOME": str(work / f"cold-cache-{n}")}) for n in range(runs)]


def edited_builds(runs: int, work: Path) -> list[tuple[float, float]]:
    """Builds of a copy of content/ whose guide.yml gains a new comment line before each build."""
    content = work / "edited-content"
    shutil.copytree(ROOT / "content", content)
    guide = content / "guide.yml"
    results = []
    for n in range(runs):
        guide.write_text(guide.read_text(encoding="utf-8") + f"# edit {n}\n", encoding="utf-8")
        results.append(timed([str(BIN / "offer-guide"), "build", "--content", str(content), "-d", str(work / "edited")]))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--edited-runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        plain = plain_project(work)
        ours_cmd = [str(BIN / "offer-guide"), "build", "-d", str(work / "ours")]
        plain_cmd = [str(BIN / "mkdocs"), "build", "-q", "-f", str(plain), "-d", str(work / "plain")]
        timed(ours_cmd), timed(plain_cmd)  # warm the file cache for both
        ours, base = [], []
        for _ in range(args.runs):
            ours.append(timed(ours_cmd))
            base.append(timed(plain_cmd))
        pages = sum(1 for _ in (work / "ours").rglob("index.html"))
        edited = edited_builds(args.edited_runs, work)
        cold = cold_builds(ours_cmd, args.cold_runs, work)
    (o, o_cpu), (b, b_cpu), (e, e_cpu), (c, c_cpu) = (medians(runs) for runs in (ours, base, edited, cold))
    print(f"pages built:              {pages}")
    print(f"plain mkdocs build:       median {b * 1000:7.0f} ms  (baseline, {args.runs} runs; CPU {b_cpu * 1000:.0f} ms)")
    print(f"offer-guide build:        median {o * 1000:7.0f} ms  (CPU {o_cpu * 1000:.0f} ms)")
    print(f"ratio offer-guide/plain:  {o / b:.2f}x   (target <= 1.15x; CPU time {o_cpu / b_cpu:.2f}x)")
    print(f"edited content:           median {e * 1000:7.0f} ms  ({args.edited_runs} runs; {e / b:.2f}x plain, CPU {e_cpu / b_cpu:.2f}x;"
          " a content file changed before each build)")
    print(f"cold caches:              median {c * 1000:7.0f} ms  ({args.cold_runs} runs; {c / b:.1f}x plain, CPU {c_cpu / b_cpu:.1f}x;"
          " once per engine and Pyodide version)")


def medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(wall for wall, _ in runs), statistics.median(cpu for _, cpu in runs)


if __name__ == "__main__":
    main()
