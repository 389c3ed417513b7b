"""The document list after this window's own changes of a document (marked done, renamed, deleted): its row is
changed in memory, where the list is sorted it moves to where it sorts now, the selection stays with the open
document, and what the list shows is what a fresh read of the database shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QInputDialog, QMessageBox, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.documents import add_document
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.widgets.document_list import LENGTH, NAME, STATUS

ME = "张三"
TEXTS = {"丙.txt": "泸州银行贷款。", "甲.txt": "吉林省委统战部工作。", "乙.txt": "四川。"}  # by length: 乙 丙 甲


def project(sessions: sessionmaker[Session]) -> dict[str, int]:
    with sessions.begin() as session:
        return {name: add_document(session, SourceDocument(name=name, text=text, source=""))[0].id
                for name, text in TEXTS.items()}


def table(window: MainWindow) -> QTableView:
    view = window.document_list.findChild(QTableView)
    assert view is not None
    return view


def shown(window: MainWindow, column: int = NAME) -> list[str]:
    model = table(window).model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def rows(window: MainWindow) -> list[tuple[str, ...]]:
    model = table(window).model()
    return [tuple(model.index(row, c).data() for c in range(4)) for row in range(model.rowCount())]


def as_read_again(qtbot: QtBot, window: MainWindow) -> list[tuple[str, ...]]:
    """What the list shows (once the refreshes the window asked for are in), checked against a list read from
    the database."""
    qtbot.waitUntil(lambda: not window._refresh_timer.isActive() and not window._reading_lists)
    before = rows(window)
    window.refresh_lists()
    assert rows(window) == before
    return before


def in_list(qtbot: QtBot, window: MainWindow, document_id: int) -> QTableView:
    view = table(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.document_list.select_document(document_id)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    return view


def test_marked_done_while_sorted_by_status_the_row_moves_and_undo_moves_it_back(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    ids = project(sessions)
    window = open_annotation(sessions, ME, ids["甲.txt"])
    table(window).sortByColumn(STATUS, Qt.SortOrder.DescendingOrder)
    resets: list[int] = []
    table(window).model().modelReset.connect(lambda: resets.append(1))
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert shown(window)[0] == "甲.txt" and shown(window, STATUS)[0] == "done"
    assert window.progress_label.text() == "1/3 done"
    assert window.document_list.selected_document() == window.layer.document_id != ids["甲.txt"]
    assert resets == []
    window.findChild(QComboBox).setCurrentIndex(1)  # unfinished only
    assert "甲.txt" not in shown(window) and len(shown(window)) == 2
    window.findChild(QComboBox).setCurrentIndex(0)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "done" not in shown(window, STATUS) and window.progress_label.text() == "0/3 done"
    assert window.document_list.selected_document() == window.layer.document_id
    as_read_again(qtbot, window)


def test_renamed_while_sorted_by_name_the_row_moves_and_stays_selected(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow],
        when_modal: Callable[..., None]) -> None:
    ids = project(sessions)
    window = open_annotation(sessions, ME, ids["乙.txt"])
    table(window).sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert shown(window) == ["丙.txt", "甲.txt", "乙.txt"]  # by pinyin: bing, jia, yi
    view = in_list(qtbot, window, ids["甲.txt"])

    def rename(dialog: QInputDialog) -> None:
        dialog.setTextValue("安.txt")  # an: first
        dialog.accept()

    when_modal(rename)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert shown(window) == ["安.txt", "丙.txt", "乙.txt"]
    assert window.document_list.selected_document() == ids["甲.txt"]
    assert as_read_again(qtbot, window)[0][0] == "安.txt"


def test_a_deleted_document_that_is_not_open_leaves_the_other_rows_and_the_open_one_selected(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow],
        when_modal: Callable[..., None]) -> None:
    ids = project(sessions)
    window = open_annotation(sessions, ME, ids["乙.txt"])
    table(window).sortByColumn(LENGTH, Qt.SortOrder.DescendingOrder)
    assert shown(window) == ["甲.txt", "丙.txt", "乙.txt"]
    view = in_list(qtbot, window, ids["甲.txt"])
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert shown(window) == ["丙.txt", "乙.txt"] and [d.id for d in window.documents] == [ids["丙.txt"], ids["乙.txt"]]
    assert window.layer.document_id == ids["乙.txt"]
    window.document_list.select_document(ids["乙.txt"])
    assert window.document_list.selected_document() == ids["乙.txt"]
    assert window.progress_label.text() == "0/2 done"
    as_read_again(qtbot, window)
