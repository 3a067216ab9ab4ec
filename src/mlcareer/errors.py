"""Errors a user can cause, each with the exit code the CLI ends with.

The CLI prints ``str(error)`` as one line on stderr; nothing here knows about terminals.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Every exit code the CLI ends with; the only definition (README's "Exit codes" table is
    tested against it)."""

    OK = 0
    NOT_FOUND = 1
    USAGE = 2
    DATA = 3
    SOURCE = 4  # verify: a source file that cannot be read or parsed
    UNVERIFIED = 5  # verify: a quote, heading or figure that does not hold against its source
    INTERRUPTED = 130  # Ctrl-C
    BROKEN_PIPE = 141  # the reader of a pipe went away (128 + SIGPIPE)


class MlcareerError(Exception):
    """Base class: a message for the user, optional suggestions, and an exit code."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()) -> None:
        self.suggestions = suggestions
        if suggestions:
            message += " Did you mean: " + ", ".join(suggestions) + "?"
        super().__init__(message)


class NotFoundError(MlcareerError):
    """Nothing matched a role, title or question."""

    exit_code = ExitCode.NOT_FOUND


class UsageError(MlcareerError):
    """An argument that parses but names nothing valid (a section, a format)."""

    exit_code = ExitCode.USAGE


# What ``str.splitlines`` breaks at, shown escaped in a field's name so an error stays one line.
ESCAPED = {ord(c): repr(c)[1:-1] for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


class DataError(MlcareerError):
    """A role data file that cannot be used: ``file:line: field: message``."""

    exit_code = ExitCode.DATA

    def __init__(self, path: str, message: str, line: int | None = None, field: str = "") -> None:
        message = " ".join(str(message).split())  # always one line, whatever a parser said
        field = field.translate(ESCAPED)  # a key may hold a line break ("a\nb:" in the file)
        self.path = path
        self.line = line
        self.field = field
        self.message = message
        self.suggestions: tuple[str, ...] = ()
        where = f"{path}:{line}" if line else path
        Exception.__init__(self, f"{where}: {field}: {message}" if field else f"{where}: {message}")


class DataErrors(DataError):
    """Every problem found in one file, for ``mlcareer validate``; ``str`` is the first."""

    def __init__(self, problems: list[DataError]) -> None:
        first = problems[0]
        super().__init__(first.path, first.message, first.line, first.field)
        self.problems = problems


class SourceError(MlcareerError):
    """A saved source (page, post, Markdown, text) that ``verify`` cannot read: ``file: message``."""

    exit_code = ExitCode.SOURCE

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = " ".join(str(message).split())
        super().__init__(f"{path}: {self.message}")
