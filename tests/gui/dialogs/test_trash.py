"""The trash in the app: a deleted span or document is listed, Enter brings it back (into the open document
at once), and emptying asks first and then deletes for good."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.models import Span, TrashItem
from biaozhu.db.spans import add_span
from biaozhu.db.trash import trash_document
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.dialogs.trash import TrashDialog

ME = "张三"
TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”，发放贷款377.178亿元。"
OTHER = "吉林省委统战部开展“万企兴万村”行动，帮扶1007户。"


@pytest.fixture
def window(sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> MainWindow:
    with sessions.begin() as session:
        first, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
        add_document(session, SourceDocument(name="吉林.txt", text=OTHER, source=""))
        labels = label_ids(session)
        me = ensure_annotator(session, ME).id
        add_span(session, first.id, me, labels["ORGANIZATION"], 0, 7, "泸州市委统战部")
        add_span(session, first.id, me, labels["ORGANIZATION"], 8, 12, "泸州银行")
    return open_annotation(sessions, ME, first.id)


def open_trash(window: MainWindow) -> TrashDialog:
    [edit_menu] = [action.menu() for action in window.menuBar().actions() if action.text() == "&Edit"]
    assert "trash" in [action.objectName() for action in edit_menu.actions()]
    window.actions_.by_name["trash"].trigger()
    assert isinstance(window.trash_dialog, TrashDialog) and window.trash_dialog.isVisible()
    return window.trash_dialog


def rows(dialog: TrashDialog) -> list[list[str]]:
    table = dialog.findChild(QTableWidget, "trash")
    return [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]


def texts(window: MainWindow) -> list[str]:
    return [span.text for span in window.layer.index]


def answer_next_box(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.button(button).click()
    QTimer.singleShot(0, answer)


def delete_first_span(qtbot: QtBot, window: MainWindow) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert window.selected_span() is not None and window.selected_span().text == "泸州市委统战部"
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert texts(window) == ["泸州银行"]


def test_a_deleted_span_comes_back_into_the_open_document_with_enter(
        qtbot: QtBot, window: MainWindow, sessions: sessionmaker[Session]) -> None:
    delete_first_span(qtbot, window)
    dialog = open_trash(window)
    assert rows(dialog) == [["span", "机构 泸州市委统战部", "泸州.txt"]]
    qtbot.keyClick(dialog.findChild(QTableWidget, "trash"), Qt.Key.Key_Return)
    assert texts(window) == ["泸州市委统战部", "泸州银行"]  # at once, no poll needed
    assert rows(dialog) == []
    assert dialog.findChild(QLabel, "trash-message").text() == "1 restored."
    # Undoing the deletion now finds nothing to restore: refused with a message, the span is there once.
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert texts(window) == ["泸州市委统战部", "泸州银行"]
    with sessions() as session:
        assert session.scalar(select(func.count(Span.id)).where(Span.text == "泸州市委统战部")) == 1
    dialog.close()
    window.close()


def test_a_deleted_document_comes_back_into_the_list(
        qtbot: QtBot, window: MainWindow, sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        trash_document(session, 2, ME)
    window.project.poller.poll()  # another program deleted it: the next poll shows it
    qtbot.waitUntil(lambda: [d.name for d in window.documents] == ["泸州.txt"], timeout=2000)
    dialog = open_trash(window)
    assert rows(dialog) == [["document", "吉林.txt (0 spans)", ""]]
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: [d.name for d in window.documents] == ["泸州.txt", "吉林.txt"], timeout=2000)
    dialog.close()
    window.close()


@pytest.mark.parametrize(("answer", "left"), [(QMessageBox.StandardButton.Cancel, 1),
                                              (QMessageBox.StandardButton.Yes, 0)])
def test_emptying_the_trash_asks_first(qtbot: QtBot, window: MainWindow, sessions: sessionmaker[Session],
                                       answer: QMessageBox.StandardButton, left: int) -> None:
    delete_first_span(qtbot, window)
    dialog = open_trash(window)
    seen: list[str] = []
    answer_next_box(answer, seen)
    dialog.empty_button.click()
    assert seen == ["Delete the 1 items in the trash for good? This cannot be undone."]
    assert len(rows(dialog)) == left
    with sessions() as session:
        assert session.scalar(select(func.count(TrashItem.id))) == left
    dialog.close()
    window.close()


def test_several_items_are_restored_at_once_and_a_refusal_is_named(
        qtbot: QtBot, window: MainWindow, sessions: sessionmaker[Session]) -> None:
    delete_first_span(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert texts(window) == []
    with sessions.begin() as session:  # meanwhile the place of the first span is taken by a crossing one
        add_span(session, 1, ensure_annotator(session, ME).id, label_ids(session)["PROGRAM"], 5, 8, TEXT[5:8])
    dialog = open_trash(window)
    dialog.findChild(QTableWidget, "trash").selectAll()
    dialog.restore_selected()
    message = dialog.findChild(QLabel, "trash-message").text()
    assert message.startswith("1 restored.\n机构 泸州市委统战部: ") and "cross" in message
    assert rows(dialog) == [["span", "机构 泸州市委统战部", "泸州.txt"]]
    assert sorted(texts(window)) == sorted([TEXT[5:8], "泸州银行"])
    dialog.close()
    window.close()

