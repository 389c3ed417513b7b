"""Opening a project, and its first start: default labels, and the seed reports in the default project."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

import biaozhu
from biaozhu.corpus.formats.plaintext import read_txt
from biaozhu.db.engine import create_project_engine, lock_project, session_factory
from biaozhu.db.errors import storage_errors
from biaozhu.db.importing import store_documents
from biaozhu.db.labels import add_default_labels
from biaozhu.db.models import Document, Label


def seeds_dir() -> Path:
    """The two seed reports: packaged inside the wheel, or at the top of a source checkout."""
    packaged = resources.files("biaozhu").joinpath("seeds")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(biaozhu.__file__).resolve().parents[2] / "seeds"


def is_new(session: Session) -> bool:
    return not session.scalar(select(func.count(Label.id))) and not session.scalar(select(func.count(Document.id)))


def initialise(session: Session, *, with_seeds: bool) -> bool:
    """Give a brand-new project its labels (and the seed reports); returns whether anything was done."""
    lock_project(session.connection())  # two desktops starting on a new server project: one sets it up
    if not is_new(session):
        return False
    add_default_labels(session)
    if with_seeds:
        for path in sorted(seeds_dir().glob("*.txt")):
            store_documents(session, str(path), read_txt(path))
    return True


def open_project(db: str | None) -> tuple[Engine, sessionmaker[Session]]:
    """Engine and sessions on ``db``; a new project gets labels, the default one also the seeds."""
    engine = create_project_engine(db)
    sessions = session_factory(engine)
    with storage_errors(), sessions.begin() as session:
        initialise(session, with_seeds=not db and not os.environ.get("BIAOZHU_DB"))
    return engine, sessions
