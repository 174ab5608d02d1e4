"""The one exception type for bad content; its problems are the engine's ``Problem``, placed in a file."""

from __future__ import annotations

from offer_engine import Problem


def located(path: str, line: int, column: int, key: str, message: str) -> Problem:
    """A problem at ``path:line:column`` (1-based, as editors count), on ``key`` (empty for the whole file)."""
    return Problem(key, message, path, line, column)


class ContentError(Exception):
    """Raised when a content set has one or more problems; carries all of them.

    Raised deep inside loading and validation, and converted only at the edges:
    to ``PluginError`` in the MkDocs plugin and to exit status 1 in the CLI.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=Problem.order)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [str(p) for p in self.problems]
        return "\n".join([*lines, f"{count} {noun} in the content."])
