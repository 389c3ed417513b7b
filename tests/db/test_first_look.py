"""The first look (stdlib sqlite3, before SQLAlchemy loads) opens the window on what the ORM path opens: the
document the annotator last worked on (else the first), its name and text, the labels in their order."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from biaozhu.db.documents import first_document, named_text
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.first_look import read_first_look
from biaozhu.db.labels import add_label, list_labels, move_label
from biaozhu.db.models import Document
from biaozhu.db.permissions import ensure_person
from biaozhu.db.project import initialise
from biaozhu.db.status import last_worked_on, set_status, touch
from biaozhu.db.trash import trash_document


def seeded(path: Path) -> Engine:
    engine = create_project_engine(str(path))
    with session_factory(engine).begin() as session:
        initialise(session, with_seeds=True)
    return engine


def orm_answer(session: Session, annotator: str) -> tuple[int, str, str, tuple[tuple[object, ...], ...]]:
    person = ensure_person(session, annotator)
    document_id = first_document(session, last_worked_on(session, person.id))
    assert document_id is not None
    name, text = named_text(session, document_id)
    labels = tuple((label.id, label.name, label.title, label.color, label.hotkey, label.definition)
                   for label in list_labels(session))
    return document_id, name, text, labels


def test_the_first_look_opens_what_the_orm_opens(sqlite_path: Path) -> None:
    engine = seeded(sqlite_path)
    sessions = session_factory(engine)
    with sessions.begin() as session:  # 张三 worked on the second document last, 李四 on none
        zhang = ensure_person(session, "张三").id
        documents = list(session.scalars(select(Document.id).order_by(Document.id)))
        touch(session, documents[0], zhang)
        add_label(session, "POLICY", "政策")
        move_label(session, "POLICY", -10)  # first in the bar: the order is the labels' positions, not their ids
    with sessions.begin() as session:
        set_status(session, documents[1], zhang, "done")  # later than the touch above: the last worked on
    for annotator in ("张三", "李四", " 张三 "):
        look = read_first_look(sqlite_path, annotator)
        with sessions.begin() as session:
            expected = orm_answer(session, annotator.strip())
        assert look is not None
        assert (look.document_id, look.name, look.text, look.labels) == expected
    assert read_first_look(sqlite_path, "张三").document_id == documents[1]  # type: ignore[union-attr]
    assert read_first_look(sqlite_path, "李四").document_id == documents[0]  # type: ignore[union-attr]
    assert read_first_look(sqlite_path, "张三").labels[0][1] == "POLICY"  # type: ignore[union-attr]
    with sessions.begin() as session:  # the document last worked on went to the trash: the first one opens
        trash_document(session, documents[1], "张三")
    assert read_first_look(sqlite_path, "张三").document_id == documents[0]  # type: ignore[union-attr]
    engine.dispose()


def test_a_project_the_first_look_cannot_read_opens_the_usual_way(tmp_path: Path, sqlite_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    assert read_first_look(missing, "张三") is None
    assert not missing.exists()  # read only: nothing created
    not_a_project = tmp_path / "notes.sqlite"
    not_a_project.write_text("not a database")
    assert read_first_look(not_a_project, "张三") is None
    empty = tmp_path / "empty.sqlite"
    engine = create_project_engine(str(empty))
    with session_factory(engine).begin() as session:
        initialise(session, with_seeds=False)
    engine.dispose()
    assert read_first_look(empty, "张三") is None  # no document: the window says how to import
    seeded(sqlite_path).dispose()
    assert read_first_look(sqlite_path, "张三") is not None
    with closing(sqlite3.connect(sqlite_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0007'")  # an older project: migrated first
    assert read_first_look(sqlite_path, "张三") is None
