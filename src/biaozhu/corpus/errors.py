"""Errors in user input, worded for the user: they name the file and, where there is one, the line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Refusal(Exception):
    """An action the project's rules refuse (a crossing span, a file that cannot be imported, a role that may
    not do this): not a bug. Its ``str()`` is the sentence the user reads."""


class InputError(Refusal):
    """A file that cannot be imported as it is; nothing of it may be stored."""

    def __init__(self, path: str | Path, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class Refused(Refusal, ValueError):
    """A value the project's rules refuse (a label name, a colour, a name too long): a ValueError for the
    callers that check values, a sentence for the user wherever it surfaces."""


MAX_LISTED = 20  # errors listed per file: enough to fix a file in one go, short enough to read


class InputErrors(InputError):
    """Every error found in one file, the first :data:`MAX_LISTED` with their lines, so that the file can be
    fixed in one go; nothing of it is stored."""

    def __init__(self, path: str | Path, errors: list[InputError], total: int) -> None:
        self.errors = errors
        self.total = total
        super().__init__(path, f"{total} errors")

    def __str__(self) -> str:
        more = self.total - len(self.errors)
        tail = [f"  … and {more} more (the first {len(self.errors)} are listed)"] if more else []
        return "\n".join([f"{self.path}: {self.total} errors:", *(f"  {error}" for error in self.errors), *tail])


class Errors:
    """Collects the errors of one file while it is read to its end."""

    def __init__(self, path: str | Path) -> None:
        self.path = path
        self.listed: list[InputError] = []
        self.total = 0

    def add(self, error: InputError) -> None:
        for one in error.errors if isinstance(error, InputErrors) else [error]:
            self.total += 1
            if len(self.listed) < MAX_LISTED:
                self.listed.append(one)
        if isinstance(error, InputErrors):
            self.total += error.total - len(error.errors)

    @contextmanager
    def each(self) -> Iterator[None]:
        """Read one record: its InputError is collected and reading goes on with the next."""
        try:
            yield
        except InputError as exc:
            self.add(exc)

    def check(self) -> None:
        """Raise what was found: the error itself when there is one, else all of them."""
        if self.total == 1:
            raise self.listed[0]
        if self.total:
            raise InputErrors(self.path, self.listed, self.total)
