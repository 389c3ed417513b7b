"""The reviewer's decisions in the gold layer, each in its own transaction, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument, Span
from biaozhu.db.documents import list_documents
from biaozhu.db.gold import GoldEdit, Rejected, gold_spans, rejections
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Annotator, Document
from biaozhu.db.permissions import NotAReviewer
from biaozhu.db.review import (
    accept,
    accept_agreed,
    draw,
    edit_boundary,
    iter_annotated,
    reject,
    relabel,
    review_document,
    set_adjudicated,
    take_out,
    undo,
)
from biaozhu.db.spans import SpanRefused
from biaozhu.db.status import set_status
from luzhou_sample import (
    BANK,
    LOAN,
    MONEY,
    MONEY_AS_PROGRAM,
    SHORT,
    TEXT,
    span,
    store_layer,
    store_review,
)


@pytest.fixture
def document(sessions: sessionmaker[Session]) -> int:
    with sessions.begin() as session:
        return store_review(session, {"张三": [BANK, LOAN, MONEY], "李四": [BANK, SHORT, MONEY_AS_PROGRAM]})


def test_only_a_reviewer_writes_gold(sessions: sessionmaker[Session], document: int) -> None:
    with sessions.begin() as session:
        with pytest.raises(NotAReviewer, match="张三 is not a reviewer"):
            accept_agreed(session, document, "张三")
        with pytest.raises(PermissionError, match="nobody is not a reviewer"):
            reject(session, document, "nobody", review_document(session, document).comparison.disagreements[0])
    with sessions() as session:
        assert gold_spans(session, document) == []


def test_agreed_spans_then_decisions_record_who_and_whose(sessions: sessionmaker[Session], document: int) -> None:
    with sessions.begin() as session:
        assert accept_agreed(session, document, "王五").added == [BANK]
    with sessions.begin() as session:
        review = review_document(session, document)
        boundary, label = review.open
        assert (boundary.kind, label.kind) == ("boundary", "label")
        accept(session, document, "王五", boundary, ["李四"])
        accept(session, document, "王五", label, ["张三"])
    with sessions.begin() as session:
        gold = {(g.span, g.origin, g.decided_by) for g in gold_spans(session, document)}
        assert gold == {(BANK, None, "王五"), (SHORT, "李四", "王五"), (MONEY, "张三", "王五")}
        assert review_document(session, document).open == []
        assert accept_agreed(session, document, "王五").added == []  # already there: nothing doubled


def test_accept_both_reject_edit_and_undo(sessions: sessionmaker[Session], document: int) -> None:
    with sessions.begin() as session:
        boundary = review_document(session, document).open[0]
        both = accept(session, document, "王五", boundary, ["张三", "李四"])  # nested: both fit
        assert both.added == [LOAN, SHORT]
    with sessions.begin() as session:
        rejected = reject(session, document, "王五", boundary)
        assert {g.span for g in rejected.removed} == {LOAN, SHORT} and gold_spans(session, document) == []
    with sessions.begin() as session:
        restored = undo(session, "王五", rejected)
        assert {(g.span, g.origin) for g in gold_spans(session, document)} == {(LOAN, "张三"), (SHORT, "李四")}
    with sessions.begin() as session:
        undo(session, "王五", restored)  # redo the rejection
        assert gold_spans(session, document) == []
        undo(session, "王五", rejected)
    with sessions.begin() as session:
        edited = edit_boundary(session, document, "王五", boundary, LOAN.start, LOAN.end - 2, "PROGRAM")
        [gold] = gold_spans(session, document)
        assert (gold.span.text, gold.origin, gold.decided_by) == ("酒城同心金融", "王五", "王五")
        assert [item.kind for item in review_document(session, document).open] == ["label"]  # boundary decided
    with sessions.begin() as session:
        undo(session, "王五", edited)
        assert {g.span for g in gold_spans(session, document)} == {LOAN, SHORT}
    with sessions.begin() as session:
        edit_boundary(session, document, "王五", boundary, LOAN.start, LOAN.end - 2, "PROGRAM")
        accept(session, document, "王五", boundary, ["张三"])  # replaces the reviewer's own version too
        assert [(g.span, g.origin) for g in gold_spans(session, document)] == [(LOAN, "张三")]


def test_a_rejection_stays_decided_until_it_is_undone_or_replaced(sessions: sessionmaker[Session],
                                                                   document: int) -> None:
    with sessions.begin() as session:
        boundary, label = review_document(session, document).open
        rejected = reject(session, document, "王五", boundary)
        assert gold_spans(session, document) == []
    with sessions() as session:  # reopened: still decided, and by whom
        review = review_document(session, document)
        assert review.open == [label]
        assert review.verdicts[0].rejection is not None and review.verdicts[0].rejection.decided_by == "王五"
    with sessions.begin() as session:
        undo(session, "王五", rejected)
    with sessions.begin() as session:
        assert review_document(session, document).open == [boundary, label]
        reject(session, document, "王五", boundary)
        accept(session, document, "王五", boundary, ["李四"])  # a new decision replaces the rejection
    with sessions() as session:
        review = review_document(session, document)
        assert review.verdicts[0].rejection is None and [g.span for g in review.verdicts[0].gold] == [SHORT]


def test_a_rejected_disagreement_opens_again_when_a_version_changes(sessions: sessionmaker[Session],
                                                                    document: int) -> None:
    with sessions.begin() as session:
        reject(session, document, "王五", review_document(session, document).open[0])
        assert [item.kind for item in review_document(session, document).open] == ["label"]
    with sessions.begin() as session:
        store_layer(session, "李四", [span("酒城", "PROGRAM")], text=TEXT)
    with sessions() as session:
        assert [item.kind for item in review_document(session, document).open] == ["boundary", "label"]


def test_relabelling_a_gold_span_makes_it_the_reviewers_own(sessions: sessionmaker[Session], document: int) -> None:
    with sessions.begin() as session:
        label = review_document(session, document).open[1]
        accept(session, document, "王五", label, ["李四"])
    with sessions.begin() as session:
        changed = relabel(session, document, "王五", MONEY_AS_PROGRAM, "METRIC")
        assert [(g.span, g.origin, g.decided_by) for g in gold_spans(session, document)] == [(MONEY, "王五", "王五")]
        assert [item.kind for item in review_document(session, document).open] == ["boundary"]
    with sessions.begin() as session:
        undo(session, "王五", changed)
        assert [(g.span, g.origin) for g in gold_spans(session, document)] == [(MONEY_AS_PROGRAM, "李四")]
    with pytest.raises(SpanRefused, match="not in gold"), sessions.begin() as session:
        relabel(session, document, "王五", BANK, "PROGRAM")


def test_an_agreed_span_taken_out_or_relabelled_stays_so_when_agreed_spans_go_in_again(
        sessions: sessionmaker[Session], document: int) -> None:
    with sessions.begin() as session:
        accept_agreed(session, document, "王五")
        relabel(session, document, "王五", BANK, "PROGRAM")
        taken = take_out(session, document, "王五", Span(BANK.start, BANK.end, "PROGRAM", BANK.text))
        assert taken.removed and not taken.rejected  # the reviewer's own span: nothing to remember
    with sessions.begin() as session:
        assert not accept_agreed(session, document, "王五").changed  # BANK stays out
        assert gold_spans(session, document) == []
        drawn = draw(session, document, "王五", BANK.start, BANK.end, "ORGANIZATION")
        assert drawn.unrejected and [(g.span, g.origin) for g in gold_spans(session, document)] == [(BANK, "王五")]
    with sessions.begin() as session:
        undo(session, "王五", drawn)
        assert gold_spans(session, document) == [] and not accept_agreed(session, document, "王五").changed
    with sessions.begin() as session:
        draw(session, document, "王五", TEXT.index("市"), TEXT.index("。"), "ORGANIZATION")  # what all missed
        assert [g.span.text for g in gold_spans(session, document)] == ["市工商联参与"]
    with pytest.raises(SpanRefused, match="cross"), sessions.begin() as session:
        draw(session, document, "王五", TEXT.index("工商"), TEXT.index("。") + 1, "ORGANIZATION")


def test_gold_never_holds_one_range_twice(sessions: sessionmaker[Session], document: int) -> None:
    with sessions.begin() as session:
        label = [item for item in review_document(session, document).open if item.kind == "label"][0]
        with pytest.raises(SpanRefused, match="one range different labels"):
            accept(session, document, "王五", label, ["张三", "李四"])
    with sessions.begin() as session:
        accept(session, document, "王五", label, ["张三"])
    with pytest.raises(SpanRefused, match="gold holds a range once"), sessions.begin() as session:
        draw(session, document, "王五", MONEY.start, MONEY.end, "PROGRAM")  # a second label on a gold range
    with sessions() as session:
        assert [g.span for g in gold_spans(session, document)] == [MONEY]


def test_versions_that_cross_cannot_both_be_accepted(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        document = store_review(session, {"张三": [span("银行发放", "PROGRAM")], "李四": [span("发放酒城", "PROGRAM")]})
    with pytest.raises(SpanRefused, match="cross"), sessions.begin() as session:
        [item] = review_document(session, document).open
        accept(session, document, "王五", item, ["张三", "李四"])
    with sessions() as session:
        assert gold_spans(session, document) == []  # the failed decision left nothing half-done


def test_a_boundary_crossing_gold_that_begins_before_it_is_refused(sessions: sessionmaker[Session],
                                                                   document: int) -> None:
    """A decision reads only the gold around it (issue 14): a gold span starting before the new boundary but
    reaching into it is read too, so the crossing is refused, and nothing is half-done."""
    with sessions.begin() as session:
        accept_agreed(session, document, "王五")
    with pytest.raises(SpanRefused, match="would cross"), sessions.begin() as session:
        item = next(item for item in review_document(session, document).open if item.kind == "boundary")
        edit_boundary(session, document, "王五", item, BANK.start + 2, LOAN.end, "PROGRAM")
    with sessions() as session:
        assert [g.span for g in gold_spans(session, document)] == [BANK]


def test_review_status_shows_in_the_document_list(sessions: sessionmaker[Session], document: int) -> None:
    with sessions.begin() as session:
        assert set_adjudicated(session, document, "王五") is None
    with sessions.begin() as session:
        [row] = list_documents(session)
        assert row.statuses["gold"] == "adjudicated" and review_document(session, document).status == "adjudicated"
        assert set_adjudicated(session, document, "王五", False) == "adjudicated"


def test_annotated_means_a_span_or_a_status(sessions: sessionmaker[Session], document: int) -> None:
    with sessions.begin() as session:
        other = store_documents(session, "x.txt", [SourceDocument(name="other", text="另一份报告", source="")])
        assert other.documents_added == 1
        nobody = session.scalar(select(Document.id).where(Document.name == "other"))
        set_status(session, nobody, session.scalar(select(Annotator.id).where(Annotator.name == "李四")), "done")
    with sessions() as session:
        found = {doc.name: sorted(doc.layers) for doc in iter_annotated(session)}
        assert found == {"report": ["张三", "李四"], "other": ["李四"]}
        assert {doc.name: dict(doc.layers) for doc in iter_annotated(session)}["other"] == {"李四": []}


def test_an_edit_that_rejects_and_takes_the_rejection_back_writes_nothing(sessions: sessionmaker[Session],
                                                                          document: int) -> None:
    with sessions.begin() as session:
        edit = GoldEdit(session, document, "王五")
        edit.reject(Rejected("x" * 64, 0, 4, "王五"))
        edit.unreject("x" * 64)
        assert not edit.done().changed
    with sessions() as session:
        assert rejections(session, document) == {}


def test_a_span_taken_out_is_remembered_only_when_every_annotator_has_it(sessions: sessionmaker[Session]) -> None:
    """赵六 annotated the document (LOAN) but has no BANK: taking BANK out of gold records no rejection (it is not
    agreed, so the agreed spans going in again could not bring it back)."""
    with sessions.begin() as session:
        document = store_review(session, {"张三": [BANK, LOAN], "李四": [BANK, SHORT], "赵六": [LOAN]})
        item = next(d for d in review_document(session, document).comparison.disagreements if BANK in d.spans())
        accept(session, document, "王五", item, ["张三"])
        taken = take_out(session, document, "王五", BANK)
        assert taken.removed and not taken.rejected
    with sessions.begin() as session:
        assert accept(session, document, "王五", item, ["李四"]).added == [BANK]
