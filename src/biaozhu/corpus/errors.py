"""Errors in user input, worded for the user: they name the file and, where there is one, the line."""

from __future__ import annotations

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
