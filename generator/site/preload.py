"""The modules a page preloads: the static import closure of the widget module it mounts, read from the package."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

# `import … from "./name.mjs"` and `import "./name.mjs"`: the widget imports its siblings only.
# Not `import("./name.mjs")`: a dynamic import is loaded when it runs, so it is not preloaded.
_STATIC_IMPORT = re.compile(r'^\s*(?:import|export)\b(?!\s*\()[^;"]*?(?:\bfrom\s*)?"\./([\w.-]+\.mjs)"', re.MULTILINE)


@cache
def module_closure(entry: str) -> tuple[str, ...]:
    """``entry`` and every module it imports statically, directly or not, in breadth-first order.

    Chromium's ``<link rel=modulepreload>`` fetches only the module it names, and a module's
    imports are found only once it is parsed: without the whole list the widget's ~20 modules
    arrive in three round trips after the page has been parsed. Modules the build writes
    (the engine manifest and contract) are not in the package: they are listed, not read.
    """
    package = resources.files("offer_widget")
    order, queue = [], [entry]
    while queue:
        name = queue.pop(0)
        if name in order:
            continue
        order.append(name)
        source = package / name
        if source.is_file():
            queue += _STATIC_IMPORT.findall(source.read_text(encoding="utf-8"))
    return tuple(order)
