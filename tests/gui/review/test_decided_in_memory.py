"""A decision is applied to the window's gold in memory instead of the document's review being read again (issue
14): after every kind of decision, its undo and redo, what the window shows equals what the database holds."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Relation, SourceDocument
from biaozhu.db import review
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Label
from biaozhu.db.models import Span as SpanRow
from biaozhu.db.permissions import change_role
from biaozhu.db.values import set_value
from biaozhu.gui.review.window import ReviewWindow
from luzhou_sample import BANK, LIANHE, LOAN, MONEY, MONEY_AS_PROGRAM, REVIEWER, SHORT, TEXT


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

    def same_as_stored() -> None:
        document = window.document
        assert document is not None
        with sessions() as session:
            stored = review.rejudged(session, document.id, document.review.comparison)
        assert document.review == stored

    same_as_stored()
    for number in range(len(window.document.disagreements) if window.document else 0):
        for decide in (lambda: window.decisions.accept_annotator(1), lambda: window.decisions.accept_annotator(2),
                       window.decisions.reject, lambda: window.decisions.accept_annotator(1)):
            window.go_to_disagreement(number)
            decide()
            same_as_stored()
    window.decisions.toggle_adjudicated()
    same_as_stored()
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
        same_as_stored()
    while window.undo_stack.canRedo():
        window.undo_stack.redo()
        same_as_stored()
