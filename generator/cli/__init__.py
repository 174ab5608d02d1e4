"""The ``offer-guide`` command: new, check, build, serve, schema and score.

Problems in content end here as one line each and exit status 1; never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from generator.content.errors import ContentError

CONFIG = Path("mkdocs.yml")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    command: Callable[[argparse.Namespace], int] = args.run
    return command(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="offer-guide", description="Build and check the offer guide, and score offers.")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    def content_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--content", type=Path, default=Path("content"), metavar="DIR", help="content directory (default: content)")

    p = sub.add_parser("new", help="start a new guide in DIR: content, mkdocs.yml and a README")
    p.add_argument("dir", type=Path, metavar="DIR")
    p.set_defaults(run=_new)

    p = sub.add_parser("check", help="validate the content and report every problem")
    content_arg(p)
    p.set_defaults(run=_check)

    p = sub.add_parser("build", help="build the site; a failed build leaves the old site untouched")
    content_arg(p)
    p.add_argument("-d", "--site-dir", type=Path, default=Path("site"), metavar="SITE_DIR")
    p.add_argument("-f", "--config-file", type=Path, default=CONFIG)
    p.set_defaults(run=_build)

    p = sub.add_parser("serve", help="serve the guide with live reload, rebuilding when content changes")
    content_arg(p)
    p.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT")
    p.add_argument("-f", "--config-file", type=Path, default=CONFIG)
    p.set_defaults(run=_serve)

    p = sub.add_parser("schema", help="write a JSON Schema per content file, for editors")
    p.add_argument("-o", "--out", type=Path, default=Path("schema"), metavar="DIR")
    p.set_defaults(run=_schema)

    p = sub.add_parser("score", help="score the offers in an offer file (YAML or JSON)")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    content_arg(p)
    p.set_defaults(run=_score)
    return parser


def _new(args: argparse.Namespace) -> int:
    from generator.cli.new import run_new

    return run_new(args.dir)


def _check(args: argparse.Namespace) -> int:
    from generator.content.load import load_content

    try:
        content = load_content(args.content)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    from generator.site.pages import render_pages

    pages = render_pages(content)
    print(f"{args.content}: the content is valid ({len(pages)} pages).")
    return 0


def _mkdocs_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    root = logging.getLogger("mkdocs")
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _build(args: argparse.Namespace) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    from generator.guide import made_guide

    try:
        made_guide(args.content)  # report content problems plainly, before MkDocs starts (the plugin reuses it)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    os.environ["OFFER_GUIDE_CONTENT"] = str(args.content.resolve())
    _mkdocs_logging()
    site_dir: Path = args.site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # Build beside the target, then swap: any failure leaves the previous site as it was.
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        config = load_config(config_file=str(args.config_file), site_dir=str(fresh))
        build(config)
    except (MkDocsException, Abort) as exc:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"Build failed: {exc}", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    _swap(fresh, site_dir)
    print(f"Built the guide into {args.site_dir}")
    return 0


def _swap(fresh: Path, site_dir: Path) -> None:
    old = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    fresh.chmod(0o755)  # mkdtemp makes it private; a site is for serving
    fresh.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    os.environ["OFFER_GUIDE_CONTENT"] = str(args.content.resolve())
    _mkdocs_logging()
    try:
        serve(config_file=str(args.config_file), dev_addr=args.dev_addr, livereload=True)
    except MkDocsException as exc:
        cause = exc.__cause__
        print(cause.report() if isinstance(cause, ContentError) else str(exc), file=sys.stderr)
        return 1
    return 0


def _schema(args: argparse.Namespace) -> int:
    from generator.content.schema import write_schemas

    for path in write_schemas(args.out):
        print(f"wrote {path}")
    return 0


def _score(args: argparse.Namespace) -> int:
    from generator.cli.score import run_score

    return run_score(args.file, args.content, args.json)

