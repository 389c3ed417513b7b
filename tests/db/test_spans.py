"""Span edits as the window makes them, each in its own transaction, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.model import SourceDocument
from biaozhu.corpus.model import Span as DomainSpan
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.importing import store_documents
from biaozhu.db.labels import label_ids
from biaozhu.db.models import Span, TrashItem
from biaozhu.db.spans import (
    SpanRefused,
    add_span,
    layer_spans,
    relabel_span,
    remove_span,
    resize_span,
    restore_span,
    trash_span,
)

TEXT = "𠮷野家😀泸州市委统战部与泸州银行"


@pytest.fixture
def layer(sessions: sessionmaker[Session]) -> tuple[int, int, dict[str, int]]:
    with sessions.begin() as session:
        document, _ = add_document(session, SourceDocument(name="r", text=TEXT, source=""))
        return document.id, ensure_annotator(session, "张三").id, label_ids(session)


def test_add_relabel_resize_trash_restore(sessions: sessionmaker[Session], layer) -> None:
    doc, who, labels = layer
    start = TEXT.index("泸州市委统战部")
    with sessions.begin() as session:
        span_id = add_span(session, doc, who, labels["PROGRAM"], start, start + 7, "泸州市委统战部")
    with sessions.begin() as session:
        assert relabel_span(session, span_id, labels["ORGANIZATION"]) == labels["PROGRAM"]
    with sessions.begin() as session:
        old = resize_span(session, span_id, start, start + 4, "泸州市委")
        assert (old.start, old.end) == (start, start + 7)
    with sessions.begin() as session:
        [row] = layer_spans(session, doc, [who])
        assert (row.start, row.end, row.text, row.label_id) == (start, start + 4, "泸州市委", labels["ORGANIZATION"])
        trash_id = trash_span(session, span_id)
    with sessions.begin() as session:
        assert layer_spans(session, doc) == []
        assert session.scalar(select(TrashItem.summary)) == "ORGANIZATION 泸州市委"
        new_id = restore_span(session, trash_id)
    with sessions.begin() as session:
        assert [r.text for r in layer_spans(session, doc)] == ["泸州市委"] and new_id > span_id  # ids are never reused
        assert session.scalar(select(func.count(TrashItem.id))) == 0
        remove_span(session, new_id)
    with sessions.begin() as session:
        assert layer_spans(session, doc) == []


def test_offsets_count_code_points_on_every_backend(sessions: sessionmaker[Session], layer) -> None:
    doc, who, labels = layer
    with sessions.begin() as session:
        add_span(session, doc, who, labels["ORGANIZATION"], 4, 11, "泸州市委统战部")
        with pytest.raises(SpanRefused, match="disagrees"):
            add_span(session, doc, who, labels["ORGANIZATION"], 5, 12, "泸州市委统战部")


def test_refusals(sessions: sessionmaker[Session], layer) -> None:
    doc, who, labels = layer
    org = labels["ORGANIZATION"]
    with sessions.begin() as session:
        add_span(session, doc, who, org, 4, 11, "泸州市委统战部")
        add_span(session, doc, who, org, 4, 6, "泸州")  # nested: fine
        with pytest.raises(SpanRefused, match="cross"):
            add_span(session, doc, who, org, 8, 12, "统战部与")
        with pytest.raises(SpanRefused, match="there already"):
            add_span(session, doc, who, org, 4, 6, "泸州")
        with pytest.raises(SpanRefused, match="past the end"):
            add_span(session, doc, who, org, 12, 99, "x")
        other = ensure_annotator(session, "李四").id
        add_span(session, doc, other, org, 8, 12, "统战部与")  # another layer may cross ours


def test_the_database_itself_refuses_bad_ranges(sessions: sessionmaker[Session], layer) -> None:
    doc, who, labels = layer
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(Span(document_id=doc, annotator_id=who, label_id=labels["METRIC"], start=5, end=5, text=""))
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(Span(document_id=doc + 100, annotator_id=who, label_id=labels["METRIC"], start=0, end=1, text="x"))


def test_storing_refuses_a_span_that_disagrees_with_its_text(sessions: sessionmaker[Session]) -> None:
    bad = SourceDocument(name="r", text="1007户", source="", annotator="a", spans=[DomainSpan(10, 12, "METRIC", "")])
    with pytest.raises(InputError, match="outside the text"), sessions.begin() as session:
        store_documents(session, "f.jsonl", [bad])
    with sessions.begin() as session:
        assert layer_spans(session, 1) == []
