"""The review decisions on their own, without a window: given the gold layer, an undo history, the view and the
document under review, the decision keys write gold (and undo it) and report what happened."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Span
from biaozhu.db import review
from biaozhu.db.documents import document_text
from biaozhu.db.gold import gold_spans
from biaozhu.gui.common.label_infos import label_set
from biaozhu.gui.common.project import OpenProject
from biaozhu.gui.common.undo import History
from biaozhu.gui.review.commands import GoldLayer
from biaozhu.gui.review.decisions import Decisions
from biaozhu.gui.review.model import ReviewedDocument
from biaozhu.gui.review.view import ReviewView
from luzhou_sample import BANK, LOAN, MONEY, MONEY_AS_PROGRAM, REVIEWER, SHORT, store_review


class Reviewing:
    def __init__(self, sessions: sessionmaker[Session], project: OpenProject, qtbot: QtBot, reviewer: str) -> None:
        with sessions.begin() as session:
            self.document_id = store_review(session, {"张三": [BANK, LOAN, MONEY], "李四": [BANK, SHORT,
                                                                                           MONEY_AS_PROGRAM]})
            labels = label_set(session)
            self.document = ReviewedDocument(self.document_id, "report", document_text(session, self.document_id),
                                             review.review_document(session, self.document_id))
        self.sessions = sessions
        self.view = ReviewView()
        qtbot.addWidget(self.view)
        self.view.show_document(self.document, labels.colours(), {label.name: label.id for label in labels})
        self.gold = GoldLayer(project.runner, reviewer)
        self.history = History()
        self.said: list[str] = []
        self.decided: list[int] = []
        self.decisions = Decisions(self.gold, self.history, self.view, lambda: self.document, lambda: "Ctrl+1",
                                   self.said.append)
        self.decisions.decided.connect(self.decided.append)

    def gold_now(self) -> set[Span]:
        with self.sessions() as session:
            return {g.span for g in gold_spans(session, self.document_id)}


@pytest.fixture
def reviewing(sessions: sessionmaker[Session], open_project: Callable[..., OpenProject],
              qtbot: QtBot) -> Callable[[str], Reviewing]:
    return lambda reviewer: Reviewing(sessions, open_project(sessions), qtbot, reviewer)


def test_a_version_accepted_by_its_number_goes_into_gold_and_undo_takes_it_out(
        reviewing: Callable[[str], Reviewing]) -> None:
    r = reviewing(REVIEWER)
    kinds = [item.kind for item in r.document.disagreements]
    boundary = kinds.index("boundary")
    r.view.show_disagreement(boundary)
    r.decisions.accept_annotator(2)  # 李四's 酒城同心
    assert r.gold_now() == {SHORT} and r.decided == [boundary]
    r.history.stack.undo()
    assert r.gold_now() == set()
    r.history.stack.redo()
    assert r.gold_now() == {SHORT}


def test_reject_and_the_agreed_spans(reviewing: Callable[[str], Reviewing]) -> None:
    r = reviewing(REVIEWER)
    r.decisions.accept_agreed()
    assert r.gold_now() == {BANK}
    label = [item.kind for item in r.document.disagreements].index("label")
    r.view.show_disagreement(label)
    r.decisions.reject()
    assert r.gold_now() == {BANK} and r.decided == [label] and r.history.stack.count() == 2


def test_b_on_a_pure_label_disagreement_is_refused_with_a_message(reviewing: Callable[[str], Reviewing]) -> None:
    r = reviewing(REVIEWER)
    label = [item.kind for item in r.document.disagreements].index("label")
    r.view.show_disagreement(label)
    r.decisions.accept_all()  # 377亿元 as METRIC and as PROGRAM: gold would hold the range twice
    assert r.gold_now() == set() and r.history.stack.count() == 0 and r.decided == []
    assert len(r.said) == 1 and "differ only in label" in r.said[0]
    r.view.show_disagreement([item.kind for item in r.document.disagreements].index("boundary"))
    r.decisions.accept_all()  # different ranges: both go in
    assert r.gold_now() == {LOAN, SHORT}


def test_someone_who_is_not_a_reviewer_is_told_and_nothing_is_written(reviewing: Callable[[str], Reviewing]) -> None:
    r = reviewing("赵六")
    r.view.show_disagreement(0)
    r.decisions.accept_annotator(1)
    r.decisions.accept_agreed()
    assert r.gold_now() == set() and r.history.stack.count() == 0 and r.decided == []
    assert r.said == ["Read-only: 赵六 is not a reviewer, so the gold layer cannot be changed here."] * 2


def test_with_no_disagreement_chosen_the_keys_say_how_to_choose_one(reviewing: Callable[[str], Reviewing]) -> None:
    r = reviewing(REVIEWER)
    r.decisions.reject()
    assert r.said == ["No disagreement chosen: press N for the next one."] and r.gold_now() == set()
