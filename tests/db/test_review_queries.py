"""Agreed spans go into gold in bulk and come out again by undo; the review window's queries; on SQLite and
PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.gold import gold_spans
from biaozhu.db.permissions import NotAReviewer, is_reviewer
from biaozhu.db.review import (
    accept_agreed,
    edit_boundary,
    rejudged,
    review_document,
    undo,
)
from biaozhu.db.review_queries import set_review_status
from biaozhu.db.spans import SpanRefused
from luzhou_sample import BANK, LIANHE, LOAN, MONEY, TEXT, store_review


@pytest.fixture
def document(sessions: sessionmaker[Session]) -> int:
    with sessions.begin() as session:
        return store_review(session, {"张三": [BANK, LOAN, MONEY], "李四": [BANK, LOAN, LIANHE]})


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
