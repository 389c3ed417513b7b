"""Merging relations (issue 16): theirs follow their spans into our layers with the span ids remapped, their
relation types come along, a layer kept as ours takes none, merging twice adds nothing; SQLite or PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Relation, SourceDocument, Span
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.exporting import relations_by_layer
from biaozhu.db.gold import gold_relations
from biaozhu.db.importing import store_documents
from biaozhu.db.merge import merge_project
from biaozhu.db.models import Annotator, Document, RelationType
from biaozhu.db.models import Relation as RelationRow
from biaozhu.db.permissions import change_role
from biaozhu.db.project import initialise
from biaozhu.db.relation_types import add_relation_type
from biaozhu.db.review import accept_agreed, adopt_layer
from luzhou_sample import BANK, LIANHE, LOAN, MONEY, TEXT

TO_LOAN, LOAN_BY_BANK = Relation(MONEY, LOAN, "所属项目"), Relation(LOAN, BANK, "责任机构")
PARTNERS = Relation(BANK, LIANHE, "合作")
OTHER = "市工商联参与“万企兴万村”行动"


@pytest.fixture
def theirs(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    engine = create_project_engine(tmp_path / "theirs.sqlite")
    factory = session_factory(engine)
    with factory.begin() as session:
        initialise(session, with_seeds=False)
        add_relation_type(session, "合作", ["ORGANIZATION"], ["ORGANIZATION"], title="合作")
    yield factory
    engine.dispose()


def store(session: Session, annotator: str, spans: list[Span], relations: list[Relation], text: str = TEXT) -> None:
    store_documents(session, f"{annotator}.jsonl", [SourceDocument(
        name="report", text=text, source="", spans=spans, annotator=annotator, relations=relations)])


def merge(ours: sessionmaker[Session], theirs: sessionmaker[Session], prefer: str = "ours"):
    with ours.begin() as mine, theirs() as other:
        return merge_project(mine, other, prefer=prefer, source="theirs.sqlite")


def relations(sessions: sessionmaker[Session], layer: str) -> set[Relation]:
    with sessions() as session:
        who = session.scalar(select(Annotator.id).where(Annotator.name == layer))
        document = session.scalar(select(Document.id).where(Document.text == TEXT))
        return set(relations_by_layer(session.connection(), RelationRow.document_id == document)
                   .get((document, who), []))


def test_their_relations_come_with_their_spans_and_types_and_merging_twice_adds_nothing(sessions, theirs) -> None:
    with sessions.begin() as session:  # our ids are not theirs: an earlier document with spans of its own
        store(session, "张三", [Span(0, 4, "ORGANIZATION", "市工商联")], [], text=OTHER)
    with theirs.begin() as session:
        store(session, "李四", [BANK, LOAN, MONEY, LIANHE], [TO_LOAN, LOAN_BY_BANK, PARTNERS])
    result = merge(sessions, theirs)
    assert (result.relations_added, result.relation_types_created) == (3, ["合作"])
    assert relations(sessions, "李四") == {TO_LOAN, LOAN_BY_BANK, PARTNERS}
    with sessions() as session:
        kind = session.scalar(select(RelationType).where(RelationType.name == "合作"))
        assert kind is not None and (kind.from_labels, kind.to_labels) == (["ORGANIZATION"], ["ORGANIZATION"])
    assert merge(sessions, theirs).relations_added == 0
    by_lianhe = Relation(MONEY, LIANHE, "责任机构")
    with theirs.begin() as session:  # they link later, spans we have already: a layer we know takes it
        store(session, "李四", [MONEY, LIANHE], [by_lianhe])
    assert merge(sessions, theirs).relations_added == 1
    assert relations(sessions, "李四") == {TO_LOAN, LOAN_BY_BANK, PARTNERS, by_lianhe}


def test_a_layer_kept_as_ours_takes_none_and_theirs_takes_all(sessions, theirs) -> None:
    with sessions.begin() as session:
        store(session, "李四", [BANK, MONEY], [])
    with theirs.begin() as session:
        store(session, "李四", [BANK, LOAN, MONEY], [TO_LOAN, LOAN_BY_BANK])
    assert merge(sessions, theirs).relations_added == 0
    assert relations(sessions, "李四") == set()
    assert merge(sessions, theirs, prefer="theirs").relations_added == 2
    assert relations(sessions, "李四") == {TO_LOAN, LOAN_BY_BANK}


def test_their_gold_relations_come_as_their_gold_layer_and_are_adopted(sessions, theirs) -> None:
    with theirs.begin() as session:
        for name in ("张三", "李四"):
            store(session, name, [BANK, LOAN, MONEY], [TO_LOAN])
        change_role(session, "王五", "王五", "reviewer")
        accept_agreed(session, session.scalar(select(Document.id)), "王五")
    merge(sessions, theirs)
    assert relations(sessions, "gold@theirs") == {TO_LOAN}
    with sessions.begin() as session:
        change_role(session, "赵六", "赵六", "reviewer")
        adopt_layer(session, "赵六", "gold@theirs")
    with sessions() as session:
        document = session.scalar(select(Document.id).where(Document.text == TEXT))
        assert [(g.relation, g.origin) for g in gold_relations(session, document)] == [(TO_LOAN, "gold@theirs")]
