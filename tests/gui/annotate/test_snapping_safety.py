"""Word snapping learns safely and follows the spans as they are (issue 11, items 1 and 2): the window asks before
tagging a passage; a span over a whole report is never learned; a moved span teaches its new text and a deleted one
stops teaching its old one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.models import Span
from biaozhu.db.spans import add_span
from biaozhu.gui.annotate.editing import LONG_SELECTION_DIALOG
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.common.project import OpenProject

ME = "张三"
PROGRAM = "酒城同心·金融速贷"
TEXT = f"泸州市委统战部联合推出{PROGRAM}产品。" + "各级统战部门持续推进民营经济发展。" * 30


def add_text(sessions: sessionmaker[Session], text: str) -> int:
    with sessions.begin() as session:
        return add_document(session, SourceDocument(name="r.txt", text=text, source="r.txt"))[0].id



def stored(sessions: sessionmaker[Session]) -> list[tuple[int, int]]:
    with sessions() as session:
        return sorted((start, end) for start, end in session.execute(select(Span.start, Span.end)))


def answer(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == LONG_SELECTION_DIALOG
        seen.append(box.text())
        box.button(button).click()
    QTimer.singleShot(0, click)


def test_the_window_asks_before_tagging_a_long_selection(sessions: sessionmaker[Session], qtbot: QtBot,
                                                         open_annotation: Callable[..., MainWindow],
                                                         activate: Callable[[MainWindow], None]) -> None:
    add_text(sessions, TEXT)
    window = open_annotation(sessions, ME)
    seen: list[str] = []
    window.view.select_range(0, len(TEXT) - 1)
    answer(QMessageBox.StandardButton.Cancel, seen)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert seen and f"{len(TEXT) - 1} characters" in seen[0]
    assert stored(sessions) == []
    assert "too long" in window.statusBar().currentMessage()
    activate(window)
    window.view.select_range(0, len(TEXT) - 1)
    answer(QMessageBox.StandardButton.Yes, seen)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert stored(sessions) == [(0, len(TEXT) - 1)]
    activate(window)
    window.view.select_range(0, 7)  # a short one is tagged without a question
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    assert len(seen) == 2 and stored(sessions) == [(0, 7), (0, len(TEXT) - 1)]


def test_a_span_over_a_whole_report_is_not_learned_and_the_window_opens(
        sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    report = "泸州市委统战部联合泸州银行推出产品。" * 20_000
    document = add_text(sessions, report)
    with sessions.begin() as session:
        other = ensure_annotator(session, "李四").id
        add_span(session, document, other, label_ids(session)["PROGRAM"], 0, len(report), report)
    window = open_annotation(sessions, ME, snapping=True)
    assert window.snapping.segmenter is not None and window.snapping.segmenter.learned == frozenset()


def test_snapping_follows_moved_and_deleted_spans(sessions: sessionmaker[Session], qtbot: QtBot,
                                                  open_annotation: Callable[..., MainWindow]) -> None:
    add_text(sessions, TEXT)
    window = open_annotation(sessions, ME, snapping=True)

    def learned() -> frozenset[str]:
        assert window.snapping.segmenter is not None
        return window.snapping.segmenter.learned

    start = TEXT.index(PROGRAM)
    window.view.select_range(start, start + len(PROGRAM))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert stored(sessions) == [(start, start + len(PROGRAM))]
    qtbot.waitUntil(lambda: learned() == {PROGRAM})
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)  # select the span, then move its start one to the right
    qtbot.keyClick(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert stored(sessions) == [(start + 1, start + len(PROGRAM))]
    qtbot.waitUntil(lambda: learned() == {PROGRAM[1:]})
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert stored(sessions) == []
    qtbot.waitUntil(lambda: learned() == frozenset())
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo: the span is back
    qtbot.waitUntil(lambda: learned() == {PROGRAM[1:]})


def test_a_window_deleted_while_snapping_loads_takes_its_answer_quietly(
        sessions: sessionmaker[Session], qtbot: QtBot, open_project: Callable[..., OpenProject]) -> None:
    """Closed and deleted while jieba loads (the user closed it at once): the load's answer, which the project's
    runner hands over after the window is gone, is dropped without an error."""
    add_text(sessions, TEXT)
    project = open_project(sessions)
    window = MainWindow(project, ME)
    window.snapping.load()
    window.close()  # waits for the load
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    qtbot.wait(50)  # the load's answer arrives here: pytest-qt fails the test on an exception in it
