"""Relabelling a gold span in review mode, by Ctrl + the label's hotkey and by the context menu, checked
against the gold layer in a real SQLite file through undo and redo."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument, Span
from biaozhu.db.annotators import set_role
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.gold import gold_spans
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Document
from biaozhu.db.project import initialise
from biaozhu.gui.i18n import install_translator
from biaozhu.gui.review_window import ReviewWindow

TEXT = "泸州银行发放酒城同心金融速贷377亿元，市工商联参与。"
REVIEWER = "王五"
CTRL = Qt.KeyboardModifier.ControlModifier


def span(surface: str, label: str) -> Span:
    start = TEXT.index(surface)
    return Span(start, start + len(surface), label, surface)


BANK = span("泸州银行", "ORGANIZATION")
LOAN = span("酒城同心金融速贷", "PROGRAM")
Gold = set[tuple[Span, str | None, str | None]]


@pytest.fixture
def project(sqlite_path: Path, settings_in: Path) -> Iterator[sessionmaker[Session]]:
    """Two annotators who agree on the bank and the loan (both go into gold on opening) and a reviewer."""
    engine = create_project_engine(str(sqlite_path))
    sessions = session_factory(engine)
    with sessions.begin() as session:
        initialise(session, with_seeds=False)
        for annotator in ("张三", "李四"):
            store_documents(session, annotator, [SourceDocument(name="泸州报告", text=TEXT, source="",
                                                                spans=[BANK, LOAN], annotator=annotator)])
        set_role(session, REVIEWER, "reviewer")
    yield sessions
    engine.dispose()


@pytest.fixture
def open_window(open_review: Callable[[sessionmaker[Session], str], ReviewWindow],
                project: sessionmaker[Session]) -> Callable[..., ReviewWindow]:
    return lambda reviewer=REVIEWER: open_review(project, reviewer)


def gold(sessions: sessionmaker[Session]) -> Gold:
    with sessions() as session:
        return {(g.span, g.origin, g.decided_by) for g in gold_spans(session, session.scalar(select(Document.id)))}


def click_on(qtbot: QtBot, window: ReviewWindow, offset: int) -> None:
    """A click on the right half of the character at ``offset`` (Qt puts the cursor after it)."""
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.positions.to_qt(offset))
    left = window.view.cursorRect(cursor)
    cursor.setPosition(window.view.positions.to_qt(offset + 1))
    right = window.view.cursorRect(cursor)
    point = left.center()
    point.setX(left.x() + (right.x() - left.x()) * 3 // 4)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


AGREED = {(BANK, None, REVIEWER), (LOAN, None, REVIEWER)}


def test_ctrl_and_a_label_hotkey_relabel_the_gold_span_at_the_cursor_with_undo_in_the_database(
        open_window: Callable[..., ReviewWindow], project: sessionmaker[Session], qtbot: QtBot) -> None:
    window = open_window()
    assert gold(project) == AGREED
    click_on(qtbot, window, BANK.end - 1)  # on the bank's last character
    qtbot.keyClick(window.view, Qt.Key.Key_2, CTRL)  # 2 is METRIC's hotkey
    as_metric = (Span(BANK.start, BANK.end, "METRIC", BANK.text), REVIEWER, REVIEWER)  # the reviewer's own version
    assert gold(project) == {as_metric, (LOAN, None, REVIEWER)}
    assert any("METRIC" in line for line in window.view.describe_at(BANK.start))  # what the tooltip says
    assert window.undo_stack.undoText() == "relabel “泸州银行” as 指标 METRIC"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert gold(project) == AGREED  # provenance back as it was: agreed, nobody's in particular
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert gold(project) == {as_metric, (LOAN, None, REVIEWER)}
    qtbot.keyClick(window.view, Qt.Key.Key_2, CTRL)  # the same label again: nothing to do, and it says so
    assert "already" in window.statusBar().currentMessage() and window.undo_stack.index() == 2
    window.view.select_range(LOAN.start, LOAN.end)  # a selection chooses the span it covers
    qtbot.keyClick(window.view, Qt.Key.Key_3, CTRL)
    assert (Span(LOAN.start, LOAN.end, "ORGANIZATION", LOAN.text), REVIEWER, REVIEWER) in gold(project)
    window.close()


def test_the_context_menu_offers_the_labels_for_the_span_under_the_mouse(
        open_window: Callable[..., ReviewWindow], project: sessionmaker[Session]) -> None:
    window = open_window()
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.positions.to_qt(LOAN.start + 2))
    menu = window.relabelling.context_menu(window.view.cursorRect(cursor).center())
    submenu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert submenu.title() == "Relabel gold span"
    entries = {a.objectName(): a for a in submenu.actions()}
    assert [a.text() for a in entries.values()] == ["Relabel gold span as 项目 PROGRAM",
                                                    "Relabel gold span as 指标 METRIC",
                                                    "Relabel gold span as 机构 ORGANIZATION"]
    assert entries["relabel-METRIC"].shortcut().toString() == "Ctrl+2"
    entries["relabel-METRIC"].trigger()
    assert gold(project) == {(BANK, None, REVIEWER), (Span(LOAN.start, LOAN.end, "METRIC", LOAN.text), REVIEWER,
                                                      REVIEWER)}
    menu.deleteLater()
    window.close()


def test_relabelling_is_refused_for_a_non_reviewer_and_where_gold_has_no_span(
        open_window: Callable[..., ReviewWindow], project: sessionmaker[Session], qtbot: QtBot) -> None:
    window = open_window()
    click_on(qtbot, window, TEXT.index("发放"))
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)
    assert "No gold span at the cursor" in window.statusBar().currentMessage()
    window.close()
    reader = open_window("张三")
    click_on(qtbot, reader, BANK.start + 1)
    qtbot.keyClick(reader.view, Qt.Key.Key_2, CTRL)
    assert "not a reviewer" in reader.statusBar().currentMessage()
    assert gold(project) == AGREED and reader.undo_stack.count() == 0
    reader.close()


def test_the_relabel_entries_speak_chinese(open_window: Callable[..., ReviewWindow], qapp: QApplication) -> None:
    install_translator(qapp, "zh")
    try:
        window = open_window()
        action = window.findChild(QAction, "relabel-METRIC")
        assert action is not None and action.text() == "改标签为 指标 METRIC"
        assert window.relabelling.menu(window).title() == "改标签"
        window.close()
    finally:
        install_translator(qapp, "en")
