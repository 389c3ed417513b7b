"""Storage failures a user can understand and act on, told apart from bugs.

Known failures (locked, read-only, disk full, corrupt, a newer schema, an unreachable server, the same
edit made elsewhere at the same moment) become a :class:`StorageError` with one sentence for the user;
everything else stays an exception, a bug to report. Each sentence says whether anything was saved.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager


class StorageError(Exception):
    """A known storage failure, worded for the user."""


def QT_TRANSLATE_NOOP(context: str, sentence: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks a sentence for the app's translation catalogue: lupdate reads this file as well as gui/
    (README, "Language"), and the app translates a sentence when it shows it. db/ itself stays free of Qt."""
    return sentence


LOCKED = QT_TRANSLATE_NOOP("StorageError", "the project database stayed busy (locked by another program) too long; "
                                           "nothing was saved — try again")
DISK_FULL = QT_TRANSLATE_NOOP("StorageError", "the disk is full: free some space; nothing was saved from this action")
SAME_CHANGE = QT_TRANSLATE_NOOP("StorageError", "someone else made the same change at the same moment; "
                                                "nothing was changed")
NO_DATABASE = QT_TRANSLATE_NOOP("StorageError", "the database server says the database does not exist: create it "
                                                "first (createdb)")
NOT_YOUR_ROLE = QT_TRANSLATE_NOOP("StorageError", "the database server does not let your role change this (your own "
                                                  "layer only; gold, labels, roles and deletions are for reviewers); "
                                                  "nothing was saved")
NOT_THERE_FOR_YOU = QT_TRANSLATE_NOOP("StorageError", "a row this action changes was not there for you: someone "
                                                      "deleted it meanwhile, or the database server does not let "
                                                      "your role change it; nothing was saved")
UPGRADE_BROKE_A_FOREIGN_KEY = QT_TRANSLATE_NOOP("StorageError", "the project's data broke a foreign key while "
                                                                "upgrading; nothing was changed")
NOT_A_PROJECT = QT_TRANSLATE_NOOP("StorageError", "this database is not a biaozhu project (it holds another "
                                                  "program's tables); nothing was changed")
READ_ONLY_AND_OLD = QT_TRANSLATE_NOOP("StorageError", "this project file is read-only and was saved by an older "
                                                      "biaozhu: open it once where it can be written (that upgrades "
                                                      "it); nothing was changed")
NOT_A_DATABASE = QT_TRANSLATE_NOOP("StorageError", "this file is not a biaozhu project, or it is corrupt: restore "
                                                   "it from a backup")
CORRUPT = QT_TRANSLATE_NOOP("StorageError", "the project database is corrupt: restore it from a backup")
# A merge source said to be damaged is the other file, not this project: ours is untouched, no backup needed.
OTHER_DAMAGED = ("the other project's file is damaged (or not a SQLite database at all); nothing was read from it, "
                 "and this project was not changed")

# (text the driver says, lower case) → the user's sentence; first match wins.
SERVER_GONE = QT_TRANSLATE_NOOP("StorageError", "the database server closed the connection; nothing was saved — "
                                              "try again")
_KNOWN = (
    ("database is locked", LOCKED),
    ("database table is locked", LOCKED),
    ("lock timeout", LOCKED),
    ("readonly database", QT_TRANSLATE_NOOP("StorageError", "the project database is read-only (file, folder or "
                                                            "disk); nothing was saved")),
    ("read-only file system", QT_TRANSLATE_NOOP("StorageError", "the project database is on a read-only disk; "
                                                                "nothing was saved")),
    ("read-only transaction", QT_TRANSLATE_NOOP("StorageError", "the database server only allows reading here; "
                                                                "nothing was saved")),
    ("unable to open database file", QT_TRANSLATE_NOOP("StorageError", "cannot open the project database file: "
                                                                       "check the folder exists and is writable")),
    ("database or disk is full", DISK_FULL),
    ("no space left on device", DISK_FULL),
    ("could not extend file", QT_TRANSLATE_NOOP("StorageError", "the database server's disk is full; nothing was "
                                                                "saved from this action")),
    ("disk i/o error", QT_TRANSLATE_NOOP("StorageError", "the disk reported an I/O error; nothing was saved from "
                                                         "this action")),
    ("file is not a database", NOT_A_DATABASE),
    ("database disk image is malformed", CORRUPT),
    ("terminating connection", SERVER_GONE),  # the server was stopped or restarted
    ("connection refused", QT_TRANSLATE_NOOP("StorageError", "cannot reach the database server (connection "
                                                             "refused)")),
    ("timeout expired", QT_TRANSLATE_NOOP("StorageError", "cannot reach the database server (no answer in time): "
                                                          "check the address and the network")),
    ("could not translate host name", QT_TRANSLATE_NOOP("StorageError", "cannot reach the database server "
                                                                        "(unknown host)")),
    ("server closed the connection", SERVER_GONE),
    ("password authentication failed", QT_TRANSLATE_NOOP("StorageError", "the database server refused the user "
                                                                         "name or password")),
    ("no password supplied", QT_TRANSLATE_NOOP("StorageError", "the database server wants a password: put it in "
                                                               "the URL or in ~/.pgpass")),
    ("violates row-level security policy", NOT_YOUR_ROLE),  # biaozhu server setup: each role its own layer
    ("permission denied for", NOT_YOUR_ROLE),
    ("unique constraint failed: spans", SAME_CHANGE),
    # Two imports by one annotator of the same texts in different orders wait for each other's layer locks.
    ("deadlock detected", SAME_CHANGE),
    ("could not serialize access", SAME_CHANGE),
    ('unique constraint "uq_spans_', SAME_CHANGE),
)
SENTENCES = (*dict.fromkeys(sentence for _, sentence in _KNOWN), NO_DATABASE, UPGRADE_BROKE_A_FOREIGN_KEY,
             NOT_A_PROJECT, NOT_THERE_FOR_YOU, READ_ONLY_AND_OLD)
_MISSING_DATABASE = ("database \"", "\" does not exist")


def _sqlalchemy(exceptions: str, name: str) -> type[Exception] | None:
    """One of SQLAlchemy's exception classes once SQLAlchemy is loaded; before, none of them can have been raised.
    This module does not import it: the command line and the app's start import this one first (SQLAlchemy is a
    third of the app's start)."""
    module = sys.modules.get(exceptions)
    return None if module is None else getattr(module, name)


def known_storage_error(exc: BaseException, where: str = "") -> StorageError | None:
    """The user's sentence for a known database failure, or None when ``exc`` is a bug."""
    stale = _sqlalchemy("sqlalchemy.orm.exc", "StaleDataError")
    if stale is not None and isinstance(exc, stale):  # an UPDATE matched no row: gone, or hidden by row-level security
        return StorageError(f"{where}: {NOT_THERE_FOR_YOU}" if where else NOT_THERE_FOR_YOU)
    dbapi = _sqlalchemy("sqlalchemy.exc", "DBAPIError")
    if not isinstance(exc, sqlite3.Error) and (dbapi is None or not isinstance(exc, dbapi)):
        return None
    text = str(getattr(exc, "orig", None) or exc).lower()
    message = next((sentence for needle, sentence in _KNOWN if needle in text), None)
    if message is None and all(part in text for part in _MISSING_DATABASE):
        message = NO_DATABASE
    if message is None:
        return None
    return StorageError(f"{where}: {message}" if where else message)


@contextmanager
def storage_errors(where: str = "") -> Iterator[None]:
    """Turn known database failures into a StorageError with the user's sentence; bugs pass through."""
    try:
        yield
    except Exception as exc:
        sqlalchemy_error = _sqlalchemy("sqlalchemy.exc", "SQLAlchemyError")
        known = known_storage_error(exc, where) if sqlalchemy_error and isinstance(exc, sqlalchemy_error) else None
        if known is None:
            raise
        raise known from None
