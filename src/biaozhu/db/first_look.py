"""What the annotation window shows first, read with the standard library's sqlite3 before SQLAlchemy is loaded.

Importing SQLAlchemy, its ORM and the models costs about 0.26 s of CPU, twice a bare PySide6 window's whole
start; the first window paints the document from this read, then a worker reads the document list here and opens
the project through SQLAlchemy (:mod:`biaozhu.gui.app`). Only an existing SQLite project at this code's schema
revision is read here; anything else (a server, a new or older project) opens the usual way. The queries say in
SQL what :func:`biaozhu.db.status.last_worked_on`, :func:`biaozhu.db.documents.first_document`,
:func:`~biaozhu.db.documents.named_text` and :func:`biaozhu.db.labels.list_labels` say through the ORM;
tests/db/test_first_look.py holds the two to the same answers.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from biaozhu.db.listing import listed
from biaozhu.db.names import SCHEMA_REVISION
from biaozhu.db.rows import DocumentSummary

LAST_WORKED_ON = """SELECT document_status.document_id FROM document_status JOIN annotators
                    ON annotators.id = document_status.annotator_id WHERE annotators.name = ?
                    ORDER BY document_status.updated_at DESC LIMIT 1"""
LABELS = "SELECT id, name, title, color, hotkey, definition FROM labels ORDER BY position, id"


@dataclass(frozen=True, slots=True)
class FirstLook:
    """The document a window opens on (the one the person last worked on, else the first) and the labels."""

    document_id: int
    name: str
    text: str
    labels: tuple[tuple[int, str, str, str, str | None, str], ...]  # id, name, title, color, hotkey, definition


def read_first_look(path: Path, annotator: str) -> FirstLook | None:
    """The first look at the SQLite project ``path`` for ``annotator``; None when it must open the usual way (no
    such file, another schema revision, no document, or it cannot be read now: the usual way says why)."""
    if not path.is_file():
        return None
    try:
        with closing(_reader(path)) as connection:
            return _read(connection, annotator)
    except sqlite3.Error:
        return None


def read_first_list(path: Path) -> list[DocumentSummary] | None:
    """The document list of the project a first look was read from (in a project of 100,000 documents the window
    shows it before SQLAlchemy has loaded); None when it cannot be read now (the window reads it again anyway)."""
    try:
        with closing(_reader(path)) as connection:
            cursor = connection.cursor()
            return listed(cursor)
    except sqlite3.Error:
        return None


def _reader(path: Path) -> sqlite3.Connection:
    """A read-only connection: a first look writes nothing, and creates no file where there was none."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)


def _read(connection: sqlite3.Connection, annotator: str) -> FirstLook | None:
    if [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")] != [SCHEMA_REVISION]:
        return None
    last = connection.execute(LAST_WORKED_ON, (annotator.strip(),)).fetchone()
    row = None
    if last is not None:
        row = connection.execute("SELECT id, name, text FROM documents WHERE id = ?", last).fetchone()
    if row is None:
        row = connection.execute("SELECT id, name, text FROM documents ORDER BY id LIMIT 1").fetchone()
    if row is None:
        return None
    return FirstLook(row[0], row[1], row[2], tuple(connection.execute(LABELS)))
