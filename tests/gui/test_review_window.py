"""Review mode driven by keys as a reviewer drives it, checked against the gold layer in a real SQLite file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument, Span
from biaozhu.db.annotators import set_role
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.importing import store_documents
from biaozhu.db.models import GOLD, Annotator, Document, DocumentStatus
from biaozhu.db.project import initialise
from biaozhu.db.gold import gold_spans
from biaozhu.gui.review_legend import AUTO_GOLD_SETTING
from biaozhu.gui.review_model import DECISION
from biaozhu.gui.review_window import ReviewWindow, open_review_window

TEXT = "泸州银行发放酒城同心金融速贷377亿元，市工商联参与。"
REVIEWER = "王五"


def span(surface: str, label: str) -> Span:
    start = TEXT.index(surface)
    return Span(start, start + len(surface), label, surface)


BANK = span("泸州银行", "ORGANIZATION")
LOAN = span("酒城同心金融速贷", "PROGRAM")
SHORT = span("酒城同心", "PROGRAM")
MONEY = span("377亿元", "METRIC")
MONEY_AS_PROGRAM = span("377亿元", "PROGRAM")
LIANHE = span("市工商联", "ORGANIZATION")
Gold = set[tuple[Span, str | None, str | None]]


@pytest.fixture
def settings(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """QSettings under tmp_path, so the auto-gold switch starts on and the user's settings stay untouched."""
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName("biaozhu-test")
    QCoreApplication.setApplicationName("biaozhu-review-test")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield
    QCoreApplication.setOrganizationName(names[0])
    QCoreApplication.setApplicationName(names[1])


@pytest.fixture
def project(sqlite_path: Path, settings: None) -> Iterator[sessionmaker[Session]]:
    """Two annotators who agree on 泸州银行 and disagree three ways: boundary, label, missing."""
    engine = create_project_engine(str(sqlite_path))
    sessions = session_factory(engine)
    with sessions.begin() as session:
        initialise(session, with_seeds=False)
        for annotator, spans in (("张三", [BANK, LOAN, MONEY, LIANHE]), ("李四", [BANK, SHORT, MONEY_AS_PROGRAM])):
            store_documents(session, f"{annotator}.jsonl", [SourceDocument(name="泸州报告", text=TEXT, source="",
                                                                           spans=spans, annotator=annotator)])
        set_role(session, REVIEWER, "reviewer")
    yield sessions
    engine.dispose()


@pytest.fixture
def open_window(qtbot: QtBot, project: sessionmaker[Session]) -> Callable[..., ReviewWindow]:
    def open_(reviewer: str = REVIEWER) -> ReviewWindow:
        window = open_review_window(project, reviewer)
        assert isinstance(window, ReviewWindow)
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.view.setFocus()
        return window
    return open_


def gold(sessions: sessionmaker[Session]) -> Gold:
    with sessions() as session:
        document = session.scalar(select(Document.id))
        return {(g.span, g.origin, g.decided_by) for g in gold_spans(session, document)}


def press(qtbot: QtBot, window: ReviewWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.view, key, modifiers)


def current_kind(window: ReviewWindow) -> str:
    assert window.document is not None and window.view.current is not None
    return window.document.disagreements[window.view.current].kind


AGREED = (BANK, None, REVIEWER)


def test_agreed_spans_go_into_gold_and_the_keys_walk_every_disagreement_in_order(
        open_window: Callable[..., ReviewWindow], project: sessionmaker[Session], qtbot: QtBot) -> None:
    window = open_window()
    assert gold(project) == {AGREED}
    assert [w.text() for w in window.legend.findChildren(QLabel) if w.objectName().startswith("lane-")] == \
        ["[1] 张三", "[2] 李四"]
    assert window.model.rowCount() == 3 and current_kind(window) == "boundary"
    seen = [current_kind(window)]
    for key, modifiers in ((Qt.Key.Key_N, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier)):
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
        open_window: Callable[..., ReviewWindow], project: sessionmaker[Session], qtbot: QtBot) -> None:
    window = open_window()
    press(qtbot, window, Qt.Key.Key_2)  # boundary: 李四's 酒城同心; then on to the next open one
    assert gold(project) == {AGREED, (SHORT, "李四", REVIEWER)}
    assert current_kind(window) == "label"
    press(qtbot, window, Qt.Key.Key_1)  # label: 张三's METRIC
    press(qtbot, window, Qt.Key.Key_X)  # missing: rejected, nothing in gold
    assert gold(project) == {AGREED, (SHORT, "李四", REVIEWER), (MONEY, "张三", REVIEWER)}
    assert window.document is not None and window.document.open_count() == 0  # the rejection is a decision
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # so it is the step undone first
    assert window.document.open_count() == 1
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold(project) == {AGREED, (SHORT, "李四", REVIEWER)}
    assert current_kind(window) == "label"  # undo shows what it undid
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert gold(project) == {AGREED, (SHORT, "李四", REVIEWER), (MONEY, "张三", REVIEWER)}
    window.go_to_disagreement(0)
    press(qtbot, window, Qt.Key.Key_B)  # accept both: the long and the short programme, nested
    assert gold(project) == {AGREED, (LOAN, "张三", REVIEWER), (SHORT, "李四", REVIEWER), (MONEY, "张三", REVIEWER)}
    window.go_to_disagreement(0)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert gold(project) == {AGREED, (MONEY, "张三", REVIEWER)}
    assert window.document is not None and not window.document.is_open(0)  # rejected is decided
    assert window.model.index(0, DECISION).data() == "rejected"
    reopened = open_window()  # and stays so: the rejection is in the database, not only in this window
    assert reopened.document is not None and not reopened.document.is_open(0)
    reopened.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold(project) == {AGREED, (LOAN, "张三", REVIEWER), (SHORT, "李四", REVIEWER), (MONEY, "张三", REVIEWER)}
    tooltip = "\n".join(window.view.describe_at(SHORT.start))
    assert "李四" in tooltip and REVIEWER in tooltip and "酒城同心" in tooltip
    window.close()


def test_editing_the_boundary_by_keys_and_by_selection(open_window: Callable[..., ReviewWindow],
                                                       project: sessionmaker[Session], qtbot: QtBot) -> None:
    window = open_window()
    assert current_kind(window) == "boundary"
    # No version in gold yet: Alt+Shift+Left shortens the longest version, 酒城同心金融速贷.
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    edited = Span(LOAN.start, LOAN.end - 1, "PROGRAM", "酒城同心金融速")
    assert gold(project) == {AGREED, (edited, REVIEWER, REVIEWER)}
    window.go_to_disagreement(0)
    press(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert gold(project) == {AGREED, (Span(LOAN.start + 1, LOAN.end - 1, "PROGRAM", "城同心金融速"), REVIEWER, REVIEWER)}
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold(project) == {AGREED}
    window.view.select_range(LOAN.start, LOAN.start + 6)  # select 酒城同心金融 and press Enter
    press(qtbot, window, Qt.Key.Key_Return)
    assert gold(project) == {AGREED, (Span(LOAN.start, LOAN.start + 6, "PROGRAM", "酒城同心金融"), REVIEWER, REVIEWER)}
    window.close()


def test_adjudicated_shows_in_the_document_list_and_undoes(open_window: Callable[..., ReviewWindow],
                                                           project: sessionmaker[Session], qtbot: QtBot) -> None:
    window = open_window()
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def status() -> str | None:
        with project() as session:
            return session.scalar(select(DocumentStatus.status).join(Annotator).where(Annotator.name == GOLD))

    assert status() == "adjudicated"
    assert "3 disagreements left open" in window.statusBar().currentMessage()
    model = window.document_list.findChild(QTableView).model()  # what the reviewer reads in the list
    qtbot.waitUntil(lambda: model.index(0, 2).data() == "adjudicated")
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status() == "in_progress"
    window.close()


def test_a_non_reviewer_sees_everything_and_changes_nothing(open_window: Callable[..., ReviewWindow],
                                                           project: sessionmaker[Session], qtbot: QtBot) -> None:
    window = open_window("张三")
    assert window.banner.isVisibleTo(window) and "not a reviewer" in window.banner.text()
    assert window.model.rowCount() == 3  # the comparison is there to read
    for key in (Qt.Key.Key_1, Qt.Key.Key_B, Qt.Key.Key_X):
        press(qtbot, window, key)
        assert "not a reviewer" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert gold(project) == set() and window.undo_stack.count() == 0
    window.close()


def test_the_automatic_gold_can_be_switched_off_and_stays_off(open_window: Callable[..., ReviewWindow],
                                                             project: sessionmaker[Session], qtbot: QtBot) -> None:
    QSettings().setValue(AUTO_GOLD_SETTING, False)
    window = open_window()
    assert not window.legend.auto_gold.isChecked() and gold(project) == set()
    press(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert gold(project) == {AGREED}
    window.legend.auto_gold.setChecked(True)
    assert QSettings().value(AUTO_GOLD_SETTING, type=bool) is True
    window.close()


def test_a_refused_decision_says_why_and_stays(open_window: Callable[..., ReviewWindow],
                                              project: sessionmaker[Session], qtbot: QtBot) -> None:
    crossing = "泸州银行发放酒城同心"
    with project.begin() as session:
        for annotator, surface in (("张三", "银行发放"), ("李四", "发放酒城")):
            start = crossing.index(surface)
            store_documents(session, annotator, [SourceDocument(
                name="交叉", text=crossing, source="", annotator=annotator,
                spans=[Span(start, start + 4, "PROGRAM", surface)])])
        second = session.scalar(select(Document.id).where(Document.name == "交叉"))
    window = open_window()
    window.open_document(second)
    assert current_kind(window) == "boundary"
    press(qtbot, window, Qt.Key.Key_B)  # both versions would cross: refused, nothing half-done
    assert "cross" in window.statusBar().currentMessage()
    assert window.view.current == 0 and window.undo_stack.count() == 1  # only the first document's agreed spans
    with project() as session:
        assert gold_spans(session, second) == []
    window.close()
