"""What the guide adds to any MkDocs Material config: its theme overrides, stylesheets, scripts and Markdown extensions.

A guide's mkdocs.yml then needs only the plugin and its own theme settings: the pages are
rendered from our templates, so the extensions they rely on, and the CSS and scripts they are
styled and driven by, come with the package, not with each guide.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig

WIDGET_URI = "assets/widgets"
"""Where the offer_widget package's modules and CSS are served (the plugin adds them as files)."""

# Theme files: main.html and partials/ override Material's templates; assets/css/ is copied into
# the site by MkDocs as the theme's static files, under the same paths.
STYLESHEETS = ("assets/css/guide.css", "assets/css/print.css", f"{WIDGET_URI}/ticks.css", f"{WIDGET_URI}/widget.css")
MODULES = (
    f"{WIDGET_URI}/same-page.mjs",  # keeps Material's instant navigation from fetching the page the reader is on
    f"{WIDGET_URI}/ticks.mjs",
    f"{WIDGET_URI}/print.mjs",
    f"{WIDGET_URI}/widget-loader.mjs",
    f"{WIDGET_URI}/offline.mjs",  # registers the service worker (generator/hosting/offline.py)
)

# The syntax our templates write (admonitions, tabs, attribute lists, Markdown in HTML, anchors).
MARKDOWN_EXTENSIONS: dict[str, dict[str, Any]] = {
    "abbr": {},
    "admonition": {},
    "attr_list": {},
    "md_in_html": {},
    "tables": {},
    "toc": {"permalink": True},
    "pymdownx.details": {},
    "pymdownx.superfences": {},
    "pymdownx.tabbed": {"alternate_style": True},
    "pymdownx.blocks.tab": {"alternate_style": True},  # tabs whose content is raw HTML (the scripts)
}


def theme_dir() -> Path:
    """The package's theme folder, a real directory: Jinja's loader and MkDocs' file copy need one."""
    return Path(str(resources.files("generator.site") / "theme"))


def add_theme(config: MkDocsConfig) -> None:
    """Put the guide's templates, styles, scripts and extensions into ``config``; what a guide sets itself wins."""
    dirs: list[str] = config.theme.dirs
    # After a guide's own custom_dir (its overrides win), before Material's templates (ours win over those).
    dirs.insert(1 if config.theme.custom_dir else 0, str(theme_dir()))
    for sheet in STYLESHEETS:
        if sheet not in config.extra_css:
            config.extra_css.append(sheet)
    listed = {str(script) for script in config.extra_javascript}
    for module in MODULES:
        if module not in listed:
            script = ExtraScriptValue(module)
            script.type = "module"
            config.extra_javascript.append(script)
    for name, options in MARKDOWN_EXTENSIONS.items():
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
        config.mdx_configs.setdefault(name, dict(options))
