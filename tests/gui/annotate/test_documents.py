"""Documents renamed and deleted from the document list, as a user does it: F2 and Delete in the list (the
right-click menu holds both); a deleted document goes to the trash and comes back from it. After this window's own
change of a document (marked done, renamed, deleted) its row is changed in memory: where the list is sorted it
moves to where it sorts now, the selection stays, and the list shows what a fresh read of the database shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QInputDialog, QMessageBox, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document, list_documents
from biaozhu.db.labels import label_ids
from biaozhu.db.permissions import ensure_person
from biaozhu.db.spans import add_span
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.widgets.document_list import LENGTH, NAME, STATUS

ME = "张三"


def project(sessions: sessionmaker[Session]) -> list[int]:
    with sessions.begin() as session:
        ids = [add_document(session, SourceDocument(name=name, text=text, source=""))[0].id
               for name, text in (("2022年泸州.txt", "泸州银行贷款。"), ("2022年吉林.txt", "吉林省委统战部。"))]
        for who in (ME, "李四"):
            add_span(session, ids[0], ensure_annotator(session, who).id, label_ids(session)["ORGANIZATION"], 0, 4,
                     "泸州银行")
        return ids


def in_list(qtbot: QtBot, window: MainWindow, document_id: int) -> QTableView:
    """The list focused on the document, in an active window (after a modal dialog it is not)."""
    table = window.document_list.findChild(QTableView)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.document_list.select_document(document_id)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    return table


def test_f2_renames_the_document_in_the_list_and_the_title(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow],
        when_modal: Callable[..., None]) -> None:
    first, _ = project(sessions)
    window = open_annotation(sessions, ME, first)
    table = in_list(qtbot, window, first)
    seen: list[str] = []

    def rename(dialog: QInputDialog) -> None:
        seen.append(dialog.textValue())
        dialog.setTextValue("2022年泸州市报告")
        dialog.accept()

    when_modal(rename)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert seen == ["2022年泸州.txt"]
    assert [d.name for d in window.documents][0] == "2022年泸州市报告"
    assert window.windowTitle().startswith("2022年泸州市报告")
    with sessions() as session:
        assert [d.name for d in list_documents(session)] == ["2022年泸州市报告", "2022年吉林.txt"]
    assert "rename-document" in [a.objectName() for a in table.actions()]  # also on right-click


def test_delete_moves_the_open_document_to_the_trash_and_opens_the_next(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow],
        when_modal: Callable[..., None]) -> None:
    first, second = project(sessions)
    window = open_annotation(sessions, ME, first)
    table = in_list(qtbot, window, first)
    seen: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Callable[[QMessageBox], None]:
        def click(box: QMessageBox) -> None:
            seen.append(box.text())
            box.button(button).click()
        return click

    when_modal(answer(QMessageBox.StandardButton.Cancel))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert len(window.documents) == 2
    table = in_list(qtbot, window, first)
    when_modal(answer(QMessageBox.StandardButton.Yes))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert "2022年泸州.txt and its 2 spans" in seen[0]
    assert [d.name for d in window.documents] == ["2022年吉林.txt"]
    assert window.layer.document_id == second and window.layer.text == "吉林省委统战部。"

    window.open_trash()
    trash = window.trash_dialog
    trash_table = trash.findChild(QTableView, "trash")
    qtbot.keyClick(trash_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [d.name for d in window.documents] == ["2022年泸州.txt", "2022年吉林.txt"])
    window.open_document(first)
    assert [span.text for span in window.layer.index] == ["泸州银行"]


def test_deleting_the_last_document_leaves_an_empty_window(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow],
        when_modal: Callable[..., None]) -> None:
    with sessions.begin() as session:
        only = add_document(session, SourceDocument(name="唯一.txt", text="泸州银行。", source=""))[0].id
    window = open_annotation(sessions, ME, only)
    table = in_list(qtbot, window, only)
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert window.documents == [] and window.layer.document_id is None and window.view.toPlainText() == ""


def test_only_a_reviewer_deletes_or_renames_a_document(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow],
        when_modal: Callable[..., None]) -> None:
    with sessions.begin() as session:
        ensure_person(session, "王五")  # the project's reviewer
    first, _ = project(sessions)
    window = open_annotation(sessions, ME, first)
    table = in_list(qtbot, window, first)
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert "only a reviewer may delete documents" in window.statusBar().currentMessage()
    assert len(window.documents) == 2
    table = in_list(qtbot, window, first)
    when_modal(lambda dialog: (dialog.setTextValue("改名"), dialog.accept()))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert "only a reviewer may rename documents" in window.statusBar().currentMessage()
    assert [d.name for d in window.documents] == ["2022年泸州.txt", "2022年吉林.txt"]


TEXTS = {"丙.txt": "泸州银行贷款。", "甲.txt": "吉林省委统战部工作。", "乙.txt": "四川。"}  # by length: 乙 丙 甲


def sorted_project(sessions: sessionmaker[Session]) -> dict[str, int]:
    with sessions.begin() as session:
        return {name: add_document(session, SourceDocument(name=name, text=text, source=""))[0].id
                for name, text in TEXTS.items()}


def list_table(window: MainWindow) -> QTableView:
    view = window.document_list.findChild(QTableView)
    assert view is not None
    return view


def shown(window: MainWindow, column: int = NAME) -> list[str]:
    model = list_table(window).model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def rows(window: MainWindow) -> list[tuple[str, ...]]:
    model = list_table(window).model()
    return [tuple(model.index(row, c).data() for c in range(4)) for row in range(model.rowCount())]


def as_read_again(qtbot: QtBot, window: MainWindow) -> list[tuple[str, ...]]:
    """What the list shows (once the refreshes the window asked for are in), checked against a list read from
    the database."""
    qtbot.waitUntil(lambda: not window._refresh_timer.isActive() and not window.lists.reading)
    before = rows(window)
    window.refresh_lists()
    assert rows(window) == before
    return before


def test_marked_done_while_sorted_by_status_the_row_moves_and_undo_moves_it_back(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    ids = sorted_project(sessions)
    window = open_annotation(sessions, ME, ids["甲.txt"])
    list_table(window).sortByColumn(STATUS, Qt.SortOrder.DescendingOrder)
    resets: list[int] = []
    list_table(window).model().modelReset.connect(lambda: resets.append(1))
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
    ids = sorted_project(sessions)
    window = open_annotation(sessions, ME, ids["乙.txt"])
    list_table(window).sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
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
    ids = sorted_project(sessions)
    window = open_annotation(sessions, ME, ids["乙.txt"])
    list_table(window).sortByColumn(LENGTH, Qt.SortOrder.DescendingOrder)
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
