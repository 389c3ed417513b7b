"""Review mode driven by keys as a reviewer drives it, checked against the gold layer in a real database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, QSettings, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Span
from biaozhu.db.documents import list_documents
from biaozhu.db.gold import gold_spans
from biaozhu.db.models import GOLD, Annotator, Document, DocumentStatus
from biaozhu.db.permissions import change_role
from biaozhu.gui.review.legend import AUTO_GOLD_SETTING
from biaozhu.gui.review.model import DECISION
from biaozhu.gui.review.window import ReviewWindow
from luzhou_sample import (
    BANK,
    LIANHE,
    LOAN,
    MONEY,
    MONEY_AS_PROGRAM,
    REVIEWER,
    SHORT,
    TEXT,
    span,
    store_layer,
)

Gold = set[tuple[Span, str | None, str | None]]
Open = Callable[[sessionmaker[Session], str], ReviewWindow]


@pytest.fixture
def gold(luzhou_review: Callable[[dict[str, list[Span]]], Callable[[], Gold]]) -> Callable[[], Gold]:
    """Two annotators who agree on 泸州银行 and disagree three ways: boundary, label, missing."""
    return luzhou_review({"张三": [BANK, LOAN, MONEY, LIANHE], "李四": [BANK, SHORT, MONEY_AS_PROGRAM]})


def press(qtbot: QtBot, window: ReviewWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.view, key, modifiers)


def current_kind(window: ReviewWindow) -> str:
    assert window.document is not None and window.view.current is not None
    return window.document.disagreements[window.view.current].kind


AGREED = (BANK, None, REVIEWER)


def test_agreed_spans_go_into_gold_and_the_keys_walk_every_disagreement_in_order(
        open_review: Open, sessions: sessionmaker[Session], gold: Callable[[], Gold], qtbot: QtBot) -> None:
    window = open_review(sessions, REVIEWER)
    assert gold() == {AGREED}
    assert [w.text() for w in window.legend.findChildren(QLabel) if w.objectName().startswith("lane-")] == \
        ["[1] 张三", "[2] 李四"]
    assert window.model.rowCount() == 3 and current_kind(window) == "boundary"
    seen = [current_kind(window)]
    for key, modifiers in ((Qt.Key.Key_N, Qt.KeyboardModifier.NoModifier),
                           (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier)):
        press(qtbot, window, key, modifiers)
        seen.append(current_kind(window))
    assert seen == ["boundary", "label", "missing"]
    press(qtbot, window, Qt.Key.Key_J)
    assert "last" in window.statusBar().currentMessage() and current_kind(window) == "missing"
    press(qtbot, window, Qt.Key.Key_P)
    press(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert current_kind(window) == "boundary"
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.positions.to_qt(MONEY.start + 1))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.cursorRect(cursor).center())
    assert current_kind(window) == "label"  # a click on a marked place chooses its disagreement
    window.close()


def test_accept_one_accept_both_and_reject_write_gold_with_provenance_and_undo_in_the_database(
        open_review: Open, sessions: sessionmaker[Session], gold: Callable[[], Gold], qtbot: QtBot) -> None:
    window = open_review(sessions, REVIEWER)
    press(qtbot, window, Qt.Key.Key_2)  # boundary: 李四's 酒城同心; then on to the next open one
    assert gold() == {AGREED, (SHORT, "李四", REVIEWER)}
    assert current_kind(window) == "label"
    press(qtbot, window, Qt.Key.Key_1)  # label: 张三's METRIC
    press(qtbot, window, Qt.Key.Key_X)  # missing: rejected, nothing in gold
    assert gold() == {AGREED, (SHORT, "李四", REVIEWER), (MONEY, "张三", REVIEWER)}
    assert window.document is not None and window.document.open_count() == 0  # the rejection is a decision
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # so it is the step undone first
    assert window.document.open_count() == 1
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold() == {AGREED, (SHORT, "李四", REVIEWER)}
    assert current_kind(window) == "label"  # undo shows what it undid
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert gold() == {AGREED, (SHORT, "李四", REVIEWER), (MONEY, "张三", REVIEWER)}
    window.go_to_disagreement(0)
    press(qtbot, window, Qt.Key.Key_B)  # accept both: the long and the short programme, nested
    assert gold() == {AGREED, (LOAN, "张三", REVIEWER), (SHORT, "李四", REVIEWER), (MONEY, "张三", REVIEWER)}
    window.go_to_disagreement(0)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert gold() == {AGREED, (MONEY, "张三", REVIEWER)}
    assert window.document is not None and not window.document.is_open(0)  # rejected is decided
    assert window.model.index(0, DECISION).data() == "rejected"
    reopened = open_review(sessions, REVIEWER)  # and stays so: the rejection is in the database, not in the window
    assert reopened.document is not None and not reopened.document.is_open(0)
    reopened.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold() == {AGREED, (LOAN, "张三", REVIEWER), (SHORT, "李四", REVIEWER), (MONEY, "张三", REVIEWER)}
    tooltip = "\n".join(window.view.describe_at(SHORT.start))
    assert "李四" in tooltip and REVIEWER in tooltip and "酒城同心" in tooltip
    window.close()


def test_editing_the_boundary_by_keys_and_by_selection(
        open_review: Open, sessions: sessionmaker[Session], gold: Callable[[], Gold], qtbot: QtBot) -> None:
    window = open_review(sessions, REVIEWER)
    assert current_kind(window) == "boundary"
    # No version in gold yet: Alt+Shift+Left shortens the longest version, 酒城同心金融速贷.
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    edited = Span(LOAN.start, LOAN.end - 1, "PROGRAM", "酒城同心金融速")
    assert gold() == {AGREED, (edited, REVIEWER, REVIEWER)}
    window.go_to_disagreement(0)
    press(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert gold() == {AGREED, (Span(LOAN.start + 1, LOAN.end - 1, "PROGRAM", "城同心金融速"), REVIEWER, REVIEWER)}
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold() == {AGREED}
    window.view.select_range(LOAN.start, LOAN.start + 6)  # select 酒城同心金融 and press Enter
    press(qtbot, window, Qt.Key.Key_Return)
    assert gold() == {AGREED, (Span(LOAN.start, LOAN.start + 6, "PROGRAM", "酒城同心金融"), REVIEWER, REVIEWER)}
    window.close()


def test_adjudicated_shows_in_the_document_list_and_undoes(
        open_review: Open, sessions: sessionmaker[Session], gold: Callable[[], Gold], qtbot: QtBot) -> None:
    window = open_review(sessions, REVIEWER)
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def status() -> str | None:
        with sessions() as session:
            return session.scalar(select(DocumentStatus.status).join(Annotator).where(Annotator.name == GOLD))

    assert status() == "adjudicated"
    assert "3 disagreements left open" in window.statusBar().currentMessage()
    model = window.document_list.findChild(QTableView).model()  # what the reviewer reads in the list
    qtbot.waitUntil(lambda: model.index(0, 2).data() == "adjudicated")
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status() == "in_progress"
    window.close()


def test_the_document_list_follows_each_decision_at_once_as_the_database_has_it(
        open_review: Open, sessions: sessionmaker[Session], gold: Callable[[], Gold], qtbot: QtBot) -> None:
    """A decision updates its document's row in memory (gold's count and status), not by reading the whole list
    again: the row is right before any deferred work runs, after the decision, its undo and its redo."""
    window = open_review(sessions, REVIEWER)
    model = window.document_list.findChild(QTableView).model()

    def shown() -> tuple[str, str]:  # gold's status and span count in the list, as the reviewer reads them
        return model.index(0, 2).data(), model.index(0, 3).data()

    def stored() -> tuple[str, str]:
        with sessions() as session:
            [row] = list_documents(session)
        status = row.statuses.get(GOLD, "not started")
        return status.replace("_", " "), str(row.span_counts.get(GOLD, 0))

    assert shown() == stored() == ("in progress", "1")
    for act in (lambda: press(qtbot, window, Qt.Key.Key_B),  # the boundary disagreement: both versions
                lambda: press(qtbot, window, Qt.Key.Key_1),  # the label one: 张三's
                window.undo_stack.undo, window.undo_stack.redo,
                lambda: press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
                window.undo_stack.undo):
        act()
        assert shown() == stored()
    assert shown() == ("in progress", "4")
    window.close()


class PaintSpy(QObject):
    """The rectangles a widget is asked to paint."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.painted: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.painted.append(event.region().boundingRect())
        return False


def test_a_decision_repaints_only_the_lines_it_changed(
        open_review: Open, sessions: sessionmaker[Session], gold: Callable[[], Gold], qtbot: QtBot) -> None:
    """Issue 14: deciding a disagreement (and framing the next one, on screen already) paints the block holding
    them again, not the whole view; undo does the same."""
    window = open_review(sessions, REVIEWER)
    qtbot.waitExposed(window)
    view = window.view
    spy = PaintSpy(view.viewport())
    line = view.blockBoundingGeometry(view.document().firstBlock()).translated(view.contentOffset()).toAlignedRect()
    assert line.height() * 3 < view.viewport().height()  # the sample is one line: room below it
    for act in (lambda: press(qtbot, window, Qt.Key.Key_1), window.undo_stack.undo):
        QApplication.processEvents()
        spy.painted.clear()
        act()
        qtbot.waitUntil(lambda: bool(spy.painted))
        QApplication.processEvents()
        assert all(line.adjusted(-1, -1, 1, 1).contains(rect) for rect in spy.painted), spy.painted
    assert gold() == {AGREED}
    window.close()


def test_a_non_reviewer_sees_everything_and_changes_nothing(
        open_review: Open, sessions: sessionmaker[Session], gold: Callable[[], Gold], qtbot: QtBot) -> None:
    window = open_review(sessions, "张三")
    assert window.banner.isVisibleTo(window) and "not a reviewer" in window.banner.text()
    assert window.model.rowCount() == 3  # the comparison is there to read
    for key in (Qt.Key.Key_1, Qt.Key.Key_B, Qt.Key.Key_X):
        press(qtbot, window, key)
        assert "not a reviewer" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert gold() == set() and window.undo_stack.count() == 0
    window.close()


def test_the_automatic_gold_can_be_switched_off_and_stays_off(
        open_review: Open, sessions: sessionmaker[Session], gold: Callable[[], Gold], qtbot: QtBot) -> None:
    QSettings().setValue(AUTO_GOLD_SETTING, False)
    window = open_review(sessions, REVIEWER)
    assert not window.legend.auto_gold.isChecked() and gold() == set()
    press(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert gold() == {AGREED}
    window.legend.auto_gold.setChecked(True)
    assert QSettings().value(AUTO_GOLD_SETTING, type=bool) is True
    window.close()


def test_a_refused_decision_says_why_and_stays(
        open_review: Open, sessions: sessionmaker[Session], gold: Callable[[], Gold], qtbot: QtBot) -> None:
    crossing = "泸州银行发放酒城同心"
    with sessions.begin() as session:
        for annotator, surface in (("张三", "银行发放"), ("李四", "发放酒城")):
            store_layer(session, annotator, [span(surface, "PROGRAM", crossing)], text=crossing, name="交叉")
        second = session.scalar(select(Document.id).where(Document.name == "交叉"))
    window = open_review(sessions, REVIEWER)
    window.open_document(second)
    assert current_kind(window) == "boundary"
    press(qtbot, window, Qt.Key.Key_B)  # both versions would cross: refused, nothing half-done
    assert "cross" in window.statusBar().currentMessage()
    assert window.view.current == 0 and window.undo_stack.count() == 1  # only the first document's agreed spans
    with sessions() as session:
        assert gold_spans(session, second) == []
    window.close()


def test_a_long_report_opens_on_its_first_disagreement_in_view(
        open_review: Open, sessions: sessionmaker[Session], settings_in: Path, qtbot: QtBot) -> None:
    report = "\n".join([TEXT] * 400)  # far taller than the window
    with sessions.begin() as session:
        store_layer(session, "张三", [BANK], text=report, name="长报告")
        store_layer(session, "李四", [span(BANK.text, "PROGRAM", report)], text=report, name="长报告")
        change_role(session, REVIEWER, REVIEWER, "reviewer")
    window = open_review(sessions, REVIEWER)
    assert window.view.current == 0 and current_kind(window) == "label"
    assert window.view.viewport().rect().contains(window.view.cursorRect())  # there, not scrolled away
    window.close()
