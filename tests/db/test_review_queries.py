"""Agreed spans go into gold in bulk and come out again by undo; the review window's queries; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument, Span
from biaozhu.db.annotators import set_role
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Document
from biaozhu.db.gold import gold_spans
from biaozhu.db.review import (
    NotAReviewer,
    accept_agreed,
    edit_boundary,
    review_document,
    undo,
)
from biaozhu.db.review_queries import is_reviewer, rejudged, set_review_status
from biaozhu.db.spans import SpanRefused

TEXT = "泸州银行发放酒城同心金融速贷377亿元，市工商联参与。"


def span(surface: str, label: str) -> Span:
    start = TEXT.index(surface)
    return Span(start, start + len(surface), label, surface)


BANK, LOAN, MONEY = span("泸州银行", "ORGANIZATION"), span("酒城同心金融速贷", "PROGRAM"), span("377亿元", "METRIC")


@pytest.fixture
def document(sessions: sessionmaker[Session]) -> int:
    with sessions.begin() as session:
        for annotator, spans in (("张三", [BANK, LOAN, MONEY]), ("李四", [BANK, LOAN, span("市工商联", "ORGANIZATION")])):
            store_documents(session, annotator, [SourceDocument(name="r", text=TEXT, source="", spans=spans,
                                                                annotator=annotator)])
        set_role(session, "王五", "reviewer")
        return session.scalar(select(Document.id))


def test_agreed_spans_go_into_gold_once_and_come_out_by_undo(sessions: sessionmaker[Session],
                                                              document: int) -> None:
    with sessions.begin() as session:
        assert is_reviewer(session, "王五") and not is_reviewer(session, "张三")
        taken = accept_agreed(session, document, "王五")
        assert taken.added == [BANK, LOAN]
        assert not accept_agreed(session, document, "王五").changed  # nothing doubled
    with sessions.begin() as session:
        assert {(g.span, g.origin, g.decided_by) for g in gold_spans(session, document)} == {
            (BANK, None, "王五"), (LOAN, None, "王五")}
        undo(session, "王五", taken)
    with sessions() as session:
        comparison = review_document(session, document).comparison
        again = rejudged(session, document, comparison)
        assert (again.gold, again.status) == ([], "in_progress")


def test_bulk_agreed_spans_refuse_a_crossing_and_a_non_reviewer(sessions: sessionmaker[Session],
                                                                document: int) -> None:
    with sessions.begin() as session:
        item = review_document(session, document).comparison.disagreements[0]
        edit_boundary(session, document, "王五", item, TEXT.index("速贷"), TEXT.index("亿元"), "PROGRAM")
    with pytest.raises(SpanRefused, match="cross"), sessions.begin() as session:
        accept_agreed(session, document, "王五")
    with pytest.raises(NotAReviewer), sessions.begin() as session:
        accept_agreed(session, document, "张三")
    with sessions.begin() as session:
        assert len(gold_spans(session, document)) == 1
        assert set_review_status(session, document, "王五", "adjudicated") == "in_progress"
        assert set_review_status(session, document, "王五", None) == "adjudicated"
        assert review_document(session, document).status is None
