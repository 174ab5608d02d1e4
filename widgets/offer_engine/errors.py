"""The one problem type for every input (content files, offer files, engine data), and the exception that carries them."""

from __future__ import annotations

from .record import record


@record
class Problem:
    """One mistake in the input, at one field, in the one message style "expected X, got Y".

    ``field`` is a key path such as ``offers[0].scores.compensation``; it is
    ``"top level"`` when the input as a whole has the wrong shape, and empty for a
    problem with a whole file. ``path``, ``line`` and ``column`` (1-based) say where
    it is written, once a reader of files knows; the engine itself leaves them empty.
    """

    field: str
    message: str
    path: str = ""
    line: int = 0
    column: int = 0
    at_key: bool = False
    """The key itself is the mistake (an unknown key): a file reader points at the key, not its value."""

    def __str__(self) -> str:
        said = f"{self.field}: {self.message}" if self.field else self.message
        if not self.path:
            return said
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        return f"{where}: {said}"

    def order(self) -> tuple[str, int, int, str, str]:
        """Sort key: file order, then field and message."""
        return (self.path, self.line, self.column, self.field, self.message)


class InputError(Exception):
    """Raised when a rubric or a reader's request has problems; carries all of them.

    Parsing checks the whole input and reports every problem at once, in the order
    the fields were read, so a reader can fix everything in one pass.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
