"""Fixtures of the storage tests: the other project a merge reads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.project import initialise


@pytest.fixture
def theirs(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """Another project, a SQLite file beside ours, with the default labels and relation types."""
    engine = create_project_engine(tmp_path / "theirs.sqlite")
    factory = session_factory(engine)
    with factory.begin() as session:
        initialise(session, with_seeds=False)
    yield factory
    engine.dispose()
