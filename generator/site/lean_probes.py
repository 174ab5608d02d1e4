"""Which modules of the lean runtime are only *probed for*: imported solely inside a ``try`` that
carries on without them, such as shutil's ``import bz2`` under ``except ImportError``, or only by
such modules.

Pyodide's start-up imports shutil, tempfile and zipfile (its package loader), and they probe for
bz2, lzma and compression.zstd; asyncio probes for ssl. A run imports every module it finds, so
the module list derived from running the engine holds them all, and each costs the reader its
bytes and its import at every cold start, slowest in WebKit, where Python starts about three times
slower than in Chromium. A module that nothing imports outside such a ``try`` can stay out of the
zip: each place that asks for it carries on as Python does when it is not installed.

Found from the sources alone (their syntax trees), so no list is written by hand. Imports the code
makes another way (C code, ``importlib.import_module``) are not seen: a module so imported is never
reported, unless it is also probed for in Python, and then the build's check, which boots the zip
without these modules and compares every answer with the stock runtime's, keeps them all
(lean_build.mjs). The file runs inside Pyodide during that build, so it uses the standard library only.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping

# A handler naming one of these lets the code carry on when the import fails.
TOLERANT = frozenset({"ImportError", "ModuleNotFoundError", "Exception", "BaseException"})


def module_name(path: str) -> str:
    """``compression/zstd/__init__.py`` → ``compression.zstd``; ``bz2.py`` → ``bz2``."""
    parts = path.removesuffix(".py").split("/")
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def probed_only(sources: Mapping[str, bytes]) -> list[str]:
    """Names of the modules among ``sources`` (zip path → source) that no needed module imports
    outside a tolerant ``try``, sorted.

    Needed: a module no source imports at all (the runtime loads it another way: Python's start-up,
    Pyodide's C and JavaScript code, the widget's ``pyimport`` of the engine), a module that a needed
    module imports outside a tolerant ``try``, and the packages a needed module sits in. So a module
    imported only by probed-for modules (compression.zstd's own parts) is left out with them.
    """
    names = {module_name(path): path for path in sources}
    plain: dict[str, set[str]] = {name: set() for name in names}  # module → what it imports outright
    imported: set[str] = set()  # every module some source imports, in a try or not
    for name, path in names.items():
        for target, in_try in _imports(ast.parse(sources[path], path), name, path.endswith("__init__.py")):
            for each in _with_parents(target):
                if each != name:
                    imported.add(each)
                    if not in_try:
                        plain[name].add(each)
    needed: set[str] = set()
    todo = [name for name in names if name not in imported]
    while todo:
        name = todo.pop()
        if name in needed or name not in names:
            continue
        needed.add(name)
        todo.extend(plain[name])
        todo.extend(_with_parents(name))
    return sorted(set(names) - needed)


def _imports(tree: ast.AST, here: str, is_package: bool) -> Iterator[tuple[str, bool]]:
    """Every module an import statement in ``tree`` may load, and whether it sits in a tolerant ``try``."""

    def visit(node: ast.AST, in_try: bool) -> Iterator[tuple[str, bool]]:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            in_try = False  # its body runs when called, outside the try it was defined in
        if isinstance(node, (ast.Try, ast.TryStar)):
            tolerant = in_try or any(_tolerates(handler) for handler in node.handlers)
            for statement in node.body:
                yield from visit(statement, tolerant)
            rest: list[ast.AST] = [*node.handlers, *node.orelse, *node.finalbody]
            for other in rest:
                yield from visit(other, in_try)
            return
        if isinstance(node, ast.Import):
            yield from ((alias.name, in_try) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module, node.level, here, is_package)
            yield base, in_try
            # `from package import name` loads package.name when that is a submodule.
            yield from ((f"{base}.{alias.name}", in_try) for alias in node.names if alias.name != "*")
        for child in ast.iter_child_nodes(node):
            yield from visit(child, in_try)

    return visit(tree, False)


def _tolerates(handler: ast.ExceptHandler) -> bool:
    """Catches an ImportError and raises nothing (a handler that raises another error does not carry on)."""
    if any(isinstance(node, ast.Raise) for node in ast.walk(handler)):
        return False
    if handler.type is None:  # a bare `except:`
        return True
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(
        (kind.id if isinstance(kind, ast.Name) else kind.attr if isinstance(kind, ast.Attribute) else None) in TOLERANT
        for kind in kinds
    )


def _absolute(module: str | None, level: int, here: str, is_package: bool) -> str:
    """The absolute name of ``from <level dots><module> import …`` written in module ``here``."""
    if level == 0:
        return module or ""
    package = here.split(".") if is_package else here.split(".")[:-1]
    if level - 1 >= len(package):
        return ""  # above the top package: Python refuses it, so it loads nothing
    base = package[: len(package) - (level - 1)]
    return ".".join([*base, module] if module else base)


def _with_parents(name: str) -> Iterator[str]:
    """Importing ``a.b.c`` imports ``a`` and ``a.b`` first."""
    parts = name.split(".")
    return (".".join(parts[:i]) for i in range(1, len(parts) + 1))
