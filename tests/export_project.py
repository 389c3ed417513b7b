"""A small project for export tests: the documents of
tests/data/nested_spans.jsonl (𠮷, emoji, a full-width space, nested spans) with alice's and bob's
layers; alice is done with document 1."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from biaozhu.corpus.formats import read_file
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.importing import store_documents
from biaozhu.db.project import initialise
from biaozhu.db.status import set_status

SOURCE = Path(__file__).parent / "data" / "nested_spans.jsonl"
DOCUMENTS = 3
Where = TypeVar("Where", Path, str)
NESTED = 3  # alice's 泸州 in 泸州银行, 同心 in “同心”活动, 万企兴万村 in “万企兴万村”行动


def build_project(db: Where) -> Where:
    """The project at ``db``: a SQLite file's path or a server database's URL."""
    engine = create_project_engine(str(db))
    sessions = session_factory(engine)
    with sessions.begin() as session:
        initialise(session, with_seeds=False)
        store_documents(session, str(SOURCE), read_file(SOURCE))
    with sessions.begin() as session:
        set_status(session, 1, ensure_annotator(session, "alice").id, "done")
    engine.dispose()
    return db
