"""The MkDocs plugin: validate content when the config loads, hand MkDocs the generated pages."""

from __future__ import annotations

import copy
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.build_cache import file_sha256
from generator.content.errors import ContentError
from generator.guide import Guide, made_guide
from generator.hosting.csp import PagePolicy
from generator.hosting.headers import IMMUTABLE_PREFIXES, robots_txt, write_headers
from generator.hosting.offline import sri_of, write_retiring_worker, write_service_worker
from generator.site.assets import early_files, engine_files
from generator.site.bundle import widget_bundle
from generator.site.markup import fix_chrome
from generator.site.theme import WIDGET_URI, add_theme

# The browser side (widget, worker, ticks, storage) ships from the offer_widget package
# (widgets/offer_widget), the one place it lives; read as package data, so a wheel works too.
WEB_PACKAGE = "offer_widget"
WEB_SUFFIXES = (".mjs", ".css", ".js")


class GuideConfig(Config):  # type: ignore[no-untyped-call]  # mkdocs' Config.__init_subclass__ is untyped
    content = opt.Dir(exists=True, default="content")
    """The content directory, relative to mkdocs.yml; MkDocs refuses a missing one in one line naming it."""


class GuidePlugin(BasePlugin[GuideConfig]):  # type: ignore[no-untyped-call]  # as above
    """Wires load → validate → render into MkDocs; each step lives in its own module."""

    def __init__(self) -> None:
        self.guide: Guide | None = None
        self.csp = PagePolicy()
        self.serving = False
        self.copied: dict[str, Path] = {}
        """Site path → source of the runtime files MkDocs copies unchanged (their digests are kept)."""
        self.early_files = ""
        """What the scoring page's head tells its engine worker to ask for first (assets.early_files)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def content_dir(self, config: MkDocsConfig) -> Path:
        return Path(self.config.content)  # made absolute by the Dir option

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Everything is loaded and checked here, before MkDocs writes a single file.
        try:
            self.guide = made_guide(self.content_dir(config))
        except ContentError as exc:
            raise PluginError(f"The guide's content has problems:\n{exc.report()}") from exc
        self.csp = PagePolicy()  # fresh per build: `serve` rebuilds with the same plugin
        config.site_name = self.guide.site_name
        config.site_description = self.guide.site_description
        config.nav = copy.deepcopy(self.guide.nav)  # MkDocs' config is its own to change; the guide may be reused
        add_theme(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.guide is not None
        for path, markdown in self.guide.pages.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"docs/{path} would hide a generated page; rename or remove it")
            files.append(File.generated(config, path, content=markdown))
        bundle = widget_bundle()  # the scoring page's one script, whose modules need not be served too
        for source in sorted(resources.files(WEB_PACKAGE).iterdir(), key=lambda p: p.name):
            if source.is_file() and source.name.endswith(WEB_SUFFIXES) and source.name not in bundle.bundled_only:
                files.append(File.generated(config, f"{WIDGET_URI}/{source.name}", content=source.read_bytes()))
        self.copied = {}
        generated_files, assets = engine_files(config, self.guide.rubric, self.guide.contract, bundle)
        self.early_files = early_files(assets)
        for generated in generated_files:
            files.append(generated)
            if generated.abs_src_path is not None:  # copied as is: the Pyodide files and the lean zip
                self.copied[generated.dest_uri] = Path(generated.abs_src_path)
        files.append(File.generated(config, "robots.txt", content=robots_txt(config.site_url)))
        return files

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["engine_early_files"] = self.early_files  # main.html, on the page that boots the engine
        return env

    def on_page_content(self, html: str, **kwargs: Any) -> str:
        self.csp.collect(html)  # before any page is written: instant navigation runs other pages' scripts
        return html

    def on_post_page(self, output: str, **kwargs: Any) -> str:
        return self.csp.apply(fix_chrome(output))

    def on_post_template(self, output_content: str, **kwargs: Any) -> str:
        return self.csp.apply(fix_chrome(output_content))  # 404.html; sitemap.xml has no <head> and passes through

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Not a File from on_files: MkDocs copies those before it renders the pages whose hashes go in.
        write_headers(config.site_dir, self.csp.applied_hashes)
        # Last: the service worker's version is a hash of every other built file. The runtime
        # folders are the immutable ones: kept offline only once /score/ has used them.
        if self.serving:
            write_retiring_worker(config.site_dir)
        else:
            # The copied runtime files' digests are kept between builds: their 14 MB are not read again.
            known = {path: sri_of(bytes.fromhex(file_sha256(source))) for path, source in self.copied.items()}
            write_service_worker(config.site_dir, IMMUTABLE_PREFIXES, known)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        # Editors change content/, not docs/: rebuild when a content file changes.
        server.watch(str(self.content_dir(config)))
        return server
