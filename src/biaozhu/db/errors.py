"""Storage failures a user can understand and act on, told apart from bugs.

Known failures (locked, read-only, disk full, corrupt, a newer schema, an unreachable server) become a
:class:`StorageError` with a sentence for the user; everything else stays an exception, a bug to report.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, OperationalError


class StorageError(Exception):
    """A known storage failure, worded for the user."""


_KNOWN = (
    ("database is locked", "the project database is busy (locked by another program) — try again in a moment"),
    ("database table is locked", "the project database is busy (locked by another program) — try again in a moment"),
    ("readonly database", "the project database is read-only: check the file's permissions"),
    ("unable to open database file", "cannot open the project database file: check the folder exists and is writable"),
    ("database or disk is full", "the disk is full: free some space; nothing was saved from this action"),
    ("disk i/o error", "the disk reported an I/O error; nothing was saved from this action"),
    ("file is not a database", "this file is not a biaozhu project (or it is corrupt)"),
    ("database disk image is malformed", "the project database is corrupt: restore it from a backup"),
    ("connection refused", "cannot reach the database server (connection refused)"),
    ("could not translate host name", "cannot reach the database server (unknown host)"),
    ("password authentication failed", "the database server refused the user name or password"),
    ("does not exist", "the database server says the database does not exist"),
)


def known_storage_error(exc: BaseException, where: str = "") -> StorageError | None:
    """The user's sentence for a known database failure, or None when ``exc`` is a bug."""
    if not isinstance(exc, (OperationalError, DBAPIError)):
        return None
    text = str(getattr(exc, "orig", exc)).lower()
    for needle, message in _KNOWN:
        if needle in text:
            return StorageError(f"{where}: {message}" if where else message)
    return None
