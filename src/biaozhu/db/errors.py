"""Storage failures a user can understand and act on, told apart from bugs.

Known failures (locked, read-only, disk full, corrupt, a newer schema, an unreachable server, the same
edit made elsewhere at the same moment) become a :class:`StorageError` with one sentence for the user;
everything else stays an exception, a bug to report. Each sentence says whether anything was saved.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, SQLAlchemyError


class StorageError(Exception):
    """A known storage failure, worded for the user."""


LOCKED = "the project database stayed busy (locked by another program) too long; nothing was saved — try again"

# (text the driver says, lower case) → the user's sentence; first match wins.
_KNOWN = (
    ("database is locked", LOCKED),
    ("database table is locked", LOCKED),
    ("lock timeout", LOCKED),
    ("readonly database", "the project database is read-only (file, folder or disk); nothing was saved"),
    ("read-only file system", "the project database is on a read-only disk; nothing was saved"),
    ("read-only transaction", "the database server only allows reading here; nothing was saved"),
    ("unable to open database file", "cannot open the project database file: check the folder exists and is writable"),
    ("database or disk is full", "the disk is full: free some space; nothing was saved from this action"),
    ("no space left on device", "the disk is full: free some space; nothing was saved from this action"),
    ("could not extend file", "the database server's disk is full; nothing was saved from this action"),
    ("disk i/o error", "the disk reported an I/O error; nothing was saved from this action"),
    ("file is not a database", "this file is not a biaozhu project, or it is corrupt: restore it from a backup"),
    ("database disk image is malformed", "the project database is corrupt: restore it from a backup"),
    ("connection refused", "cannot reach the database server (connection refused)"),
    ("could not translate host name", "cannot reach the database server (unknown host)"),
    ("server closed the connection", "the database server closed the connection; nothing was saved — try again"),
    ("password authentication failed", "the database server refused the user name or password"),
    ("no password supplied", "the database server wants a password: put it in the URL or in ~/.pgpass"),
    ("unique constraint failed: spans", "someone else made the same change at the same moment; nothing was changed"),
    ('unique constraint "uq_spans_', "someone else made the same change at the same moment; nothing was changed"),
)
_MISSING_DATABASE = ("database \"", "\" does not exist")


def known_storage_error(exc: BaseException, where: str = "") -> StorageError | None:
    """The user's sentence for a known database failure, or None when ``exc`` is a bug."""
    if not isinstance(exc, (DBAPIError, sqlite3.Error)):
        return None
    text = str(getattr(exc, "orig", None) or exc).lower()
    message = next((sentence for needle, sentence in _KNOWN if needle in text), None)
    if message is None and all(part in text for part in _MISSING_DATABASE):
        message = "the database server says the database does not exist: create it first (createdb)"
    if message is None:
        return None
    return StorageError(f"{where}: {message}" if where else message)


@contextmanager
def storage_errors(where: str = "") -> Iterator[None]:
    """Turn known database failures into a StorageError with the user's sentence; bugs pass through."""
    try:
        yield
    except SQLAlchemyError as exc:
        known = known_storage_error(exc, where)
        if known is None:
            raise
        raise known from None
