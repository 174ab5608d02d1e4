"""The one exception type for bad content, and the problem lines it carries."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one content file, at one place."""

    path: str
    line: int  # 1-based, as editors count
    column: int  # 1-based
    key: str  # key path such as ``criteria[2].weight``; empty for file-level problems
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class ContentError(Exception):
    """Raised when a content set has one or more problems; carries all of them.

    Raised deep inside loading and validation, and converted only at the edges:
    to ``PluginError`` in the MkDocs plugin and to exit status 1 in the CLI.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [str(p) for p in self.problems]
        return "\n".join([*lines, f"{count} {noun} in the content."])
