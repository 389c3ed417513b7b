"""What becomes a user's sentence and what stays a bug: ``db/errors.py`` recognises SQLAlchemy's exceptions without
importing SQLAlchemy itself (the command line loads it first), so each kind is checked here on real failures."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.errors import NOT_THERE_FOR_YOU, StorageError, known_storage_error, storage_errors
from biaozhu.db.models import Label


def test_a_database_file_that_cannot_be_opened_is_told(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'no folder' / 'p.sqlite'}")
    with pytest.raises(StorageError, match="cannot open the project database file"), storage_errors():
        engine.connect()
    engine.dispose()


def test_a_row_gone_under_the_orm_is_told(sessions: sessionmaker[Session]) -> None:
    """An UPDATE that matches no row (someone deleted it meanwhile) is the ORM's StaleDataError."""
    with sessions.begin() as session:
        label = session.query(Label).first()
        assert label is not None
        session.execute(text("DELETE FROM labels WHERE id = :id"), {"id": label.id})
        label.name = "gone"
        with pytest.raises(StorageError, match=NOT_THERE_FOR_YOU), storage_errors():
            session.flush()


def test_a_bug_passes_through() -> None:
    with pytest.raises(ZeroDivisionError), storage_errors():
        print(1 / 0)
    with pytest.raises(Exception, match="no such table"), storage_errors():  # SQLAlchemy's, not a known failure
        engine = create_engine("sqlite://")
        with engine.connect() as connection:
            connection.execute(text("SELECT * FROM nothing_here"))


def test_a_bare_sqlite3_failure_is_recognised() -> None:
    told = known_storage_error(sqlite3.OperationalError("database or disk is full"))
    assert told is not None and "disk is full" in str(told)
    assert known_storage_error(ValueError("database or disk is full")) is None
