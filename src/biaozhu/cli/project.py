"""Opening the project a command works on, with the first-start set-up."""

from __future__ import annotations

import os
from contextlib import contextmanager
from collections.abc import Iterator

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.errors import known_storage_error
from biaozhu.db.project import initialise


def open_project(db: str | None) -> tuple[Engine, sessionmaker[Session]]:
    """Engine and sessions on ``db``; a new project gets labels, the default one also the seeds."""
    engine = create_project_engine(db)
    sessions = session_factory(engine)
    with storage_errors(), sessions.begin() as session:
        initialise(session, with_seeds=not db and not os.environ.get("BIAOZHU_DB"))
    return engine, sessions


@contextmanager
def storage_errors(where: str = "") -> Iterator[None]:
    """Turn known database failures into a StorageError with the user's sentence."""
    try:
        yield
    except SQLAlchemyError as exc:
        known = known_storage_error(exc, where)
        if known is None:
            raise
        raise known from None
