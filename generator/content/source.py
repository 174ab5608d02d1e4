"""Read one YAML file into plain Python data, keeping the line and column of every key and value."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from offer_engine import Problem
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.content.errors import located

Loc = tuple[str | int, ...]


@dataclass
class Positions:
    """Where each value (and each mapping key) starts, by key path; 1-based."""

    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    styles: dict[Loc, str | None] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def of_value(self, loc: Loc) -> tuple[int, int]:
        """The position of the value at ``loc``, or of its nearest ancestor that exists."""
        while loc and loc not in self.values:
            loc = loc[:-1]
        return self.values.get(loc, (1, 1))

    def of_key(self, loc: Loc) -> tuple[int, int]:
        return self.keys.get(loc) or self.of_value(loc)

    def inside(self, loc: Loc, text: str, offset: int) -> tuple[int, int]:
        """The position of ``text[offset]`` in the file, for plain and literal (``|``) text.

        Other styles fold or escape their text, so they point at the value's start instead.
        """
        line, col = self.of_value(loc)
        style = self.styles.get(loc, "?")
        before = text[:offset]
        if style is None and "\n" not in before:
            return line, col + offset
        if style == "|":
            line += 1 + before.count("\n")
            source = self.lines[line - 1] if line - 1 < len(self.lines) else ""
            indent = len(source) - len(source.lstrip(" "))
            return line, indent + len(before) - (before.rfind("\n") + 1) + 1
        return line, col


@dataclass
class Source:
    """A content file as data, with its positions and the problems met while reading it."""

    path: str
    data: Any = None
    positions: Positions = field(default_factory=Positions)
    problems: list[Problem] = field(default_factory=list)


def format_loc(loc: Loc) -> str:
    """``('criteria', 2, 'weight')`` → ``criteria[2].weight``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# libyaml (through PyYAML, which MkDocs already needs) only composes: it builds the node
# tree with every mark and every duplicate key. We then read plain scalars by the YAML 1.2
# core schema ourselves, so `no`, `yes` and `on` stay text, and so does `12O000`.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL = re.compile(r"~|null|Null|NULL|")
_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}


def read_source(path: Path, shown_as: str) -> Source:
    """Read ``path``; problems are collected on the result, never raised."""
    src = Source(shown_as)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        src.problems.append(located(shown_as, 1, 1, "", f"cannot read the file: {_reason(exc)}"))
        return src
    tabs = [
        located(shown_as, n, line.index("\t") + 1, "", "tab character; indent and align with spaces")
        for n, line in enumerate(text.splitlines(), 1)
        if "\t" in line
    ]
    if tabs:
        # A tab makes YAML's own error point somewhere confusing, so stop at the tabs.
        src.problems.extend(tabs)
        return src
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or exc.context or "not valid YAML"
        src.problems.append(located(shown_as, line, col, "", f"YAML syntax error: {what}"))
        return src
    except yaml.YAMLError as exc:
        src.problems.append(located(shown_as, 1, 1, "", f"YAML syntax error: {exc}"))
        return src
    if node is None:
        src.problems.append(located(shown_as, 1, 1, "", "the file is empty; expected a mapping of keys"))
        return src
    src.positions.lines = text.splitlines()
    src.data = _build(node, (), src)
    return src


def _reason(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "it is not UTF-8 text"
    return getattr(exc, "strerror", None) or str(exc)


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(node: Node, loc: Loc, src: Source) -> Any:
    src.positions.values[loc] = _mark(node)
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        first: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                line, col = _mark(key_node)
                src.problems.append(
                    located(src.path, line, col, format_loc(loc), f"expected a text key, got {key_node.value!r}")
                )
                continue
            if key in first:
                line, col = _mark(key_node)
                was = first[key]
                src.problems.append(
                    located(
                        src.path, line, col, format_loc((*loc, key)),
                        f"duplicate key '{key}'; it is already set on line {was[0]}",
                    )
                )
                continue
            first[key] = _mark(key_node)
            src.positions.keys[(*loc, key)] = first[key]
            out[key] = _build(value_node, (*loc, key), src)
        return out
    if isinstance(node, SequenceNode):
        return [_build(item, (*loc, i), src) for i, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)  # composing gives only mappings, sequences and scalars
    src.positions.styles[loc] = node.style or None  # libyaml gives "" for plain scalars
    return _scalar(node)


def _scalar(node: ScalarNode) -> Any:
    """A scalar by the YAML 1.2 core schema: only plain (unquoted) scalars can be non-text."""
    value: str = node.value
    if node.style:
        return value
    if _NULL.fullmatch(value):
        return None
    if _BOOL.fullmatch(value):
        return value.lower() == "true"
    if _INT.fullmatch(value):
        if value.startswith("0x"):
            return int(value, 16)
        return int(value[2:], 8) if value.startswith("0o") else int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return _SPECIAL.get(value.lower(), value)
