"""The engine's one exception type, and the problem lines it carries."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One mistake in the input, at one field.

    ``field`` is a key path such as ``offers[0].scores.compensation``; it is
    ``"top level"`` when the input as a whole has the wrong shape.
    """

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class InputError(Exception):
    """Raised when a rubric or a reader's request has problems; carries all of them.

    Parsing checks the whole input and reports every problem at once, in the order
    the fields were read, so a reader can fix everything in one pass.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
