"""A decision is applied to the window's gold in memory instead of the document's review being read again (issue
14): after every kind of decision, its undo and redo, what the window shows equals what the database holds (the
verdicts worked out again only where the decision changed something, the gold read only around it)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Relation, SourceDocument, Span
from biaozhu.db import review
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Label
from biaozhu.db.models import Span as SpanRow
from biaozhu.db.permissions import change_role
from biaozhu.db.values import set_value
from biaozhu.gui.review.window import ReviewWindow
from luzhou_sample import BANK, LIANHE, LOAN, MONEY, MONEY_AS_PROGRAM, REVIEWER, SHORT, TEXT


def stored_check(window: ReviewWindow, sessions: sessionmaker[Session]) -> Callable[[], None]:
    def same_as_stored() -> None:
        document = window.document
        assert document is not None
        with sessions() as session:
            stored = review.rejudged(session, document.id, document.review.comparison)
        assert document.review == stored

    return same_as_stored


def undo_and_redo_all(window: ReviewWindow, same_as_stored: Callable[[], None]) -> None:
    """Every step undone, then redone, checked after each."""
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
        same_as_stored()
    while window.undo_stack.canRedo():
        window.undo_stack.redo()
        same_as_stored()


def test_the_review_in_memory_equals_the_database_after_every_decision_undo_and_redo(
        open_review: Callable[[sessionmaker[Session], str], ReviewWindow], sessions: sessionmaker[Session],
        settings_in: object) -> None:
    layers = {"张三": ([BANK, LOAN, MONEY], [Relation(MONEY, LOAN, "所属项目")]),
              "李四": ([BANK, SHORT, MONEY_AS_PROGRAM, LIANHE], [])}
    with sessions.begin() as session:
        for name, (spans, relations) in layers.items():
            store_documents(session, f"{name}.jsonl", [SourceDocument(
                name="report", text=TEXT, source="", spans=spans, annotator=name, relations=relations)])
        change_role(session, REVIEWER, REVIEWER, "reviewer")
        set_value(session, session.scalar(select(SpanRow.id).join(Label).where(Label.name == "METRIC")),
                  "37800000000")
    window = open_review(sessions, REVIEWER)
    same_as_stored = stored_check(window, sessions)
    same_as_stored()
    for number in range(len(window.document.disagreements) if window.document else 0):
        for decide in (lambda: window.decisions.accept_annotator(1), lambda: window.decisions.accept_annotator(2),
                       window.decisions.reject, lambda: window.decisions.accept_annotator(1)):
            window.go_to_disagreement(number)
            decide()
            same_as_stored()
    window.decisions.toggle_adjudicated()
    same_as_stored()
    undo_and_redo_all(window, same_as_stored)


def test_the_review_in_memory_equals_the_database_after_the_reviewer_s_own_spans_undo_and_redo(
        open_review: Callable[[sessionmaker[Session], str], ReviewWindow], sessions: sessionmaker[Session],
        settings_in: object) -> None:
    """Boundaries moved and set from a selection, spans drawn over a disagreement and where nobody annotated,
    relabelled and taken out: each changes the verdicts of the disagreements it overlaps, and no other."""
    with sessions.begin() as session:
        for name, spans in {"张三": [BANK, LOAN, MONEY], "李四": [BANK, SHORT, MONEY_AS_PROGRAM, LIANHE]}.items():
            store_documents(session, f"{name}.jsonl", [SourceDocument(
                name="report", text=TEXT, source="", spans=spans, annotator=name)])
        change_role(session, REVIEWER, REVIEWER, "reviewer")
    window = open_review(sessions, REVIEWER)
    same_as_stored = stored_check(window, sessions)
    document = window.document
    assert document is not None
    boundary = next(n for n, item in enumerate(document.disagreements) if item.kind == "boundary")
    window.go_to_disagreement(boundary)
    window.decisions.move_boundary(0, 1)  # Alt+Right on the end: the reviewer's own span over it
    same_as_stored()
    assert not document.is_open(boundary)
    window.view.select_range(SHORT.start, SHORT.end)
    window.decisions.selection_to_gold()  # Enter: the selection as its gold span
    same_as_stored()
    window.view.select_range(TEXT.index("市"), TEXT.index("。"))
    window.gold_edits.label_as("ORGANIZATION")  # over LIANHE's disagreement: decides it
    same_as_stored()
    window.view.select_range(TEXT.index("发放"), TEXT.index("发放") + 2)
    window.gold_edits.label_as("METRIC")  # where nobody annotated
    same_as_stored()
    drawn = Span(TEXT.index("发放"), TEXT.index("发放") + 2, "METRIC", "发放")
    assert drawn in {gold.span for gold in document.review.gold}
    window.view.select_range(drawn.start, drawn.end)
    window.gold_edits.label_as("PROGRAM")  # relabelled
    same_as_stored()
    window.view.select_range(BANK.start, BANK.end)
    window.gold_edits.take_out()  # an agreed span out: recorded as rejected
    same_as_stored()
    assert BANK not in {gold.span for gold in document.review.gold}
    undo_and_redo_all(window, same_as_stored)
