"""Comments in the annotation window (issue 18) as a user makes them: C on a span opens the comments panel
ready to type, Ctrl+Enter posts; the span gets a dot in the text and a count in the span table; a thread is
replied to, resolved, reopened and filtered; every step undoes in the database; a deleted span takes its comments
to the trash and undo brings them back."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.comments import add_comment, threads
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.permissions import ensure_person
from biaozhu.db.relations import add_relation
from biaozhu.db.spans import add_span
from biaozhu.gui.annotate.span_table import COMMENTS
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.dialogs.guide import on_screen

TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”，发放贷款377.178亿元。"


def window_on(sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow], qtbot: QtBot) -> MainWindow:
    with sessions.begin() as session:
        document, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
        add_document(session, SourceDocument(name="吉林.txt", text="吉林银行。", source=""))
        labels, me = label_ids(session), ensure_person(session, "张三").id
        add_span(session, document.id, me, labels["ORGANIZATION"], 8, 12, "泸州银行")
        add_span(session, document.id, me, labels["METRIC"], 30, 39, "377.178亿元")
    window = open_annotation(sessions, "张三", document.id)
    qtbot.waitUntil(lambda: len(window.layer.index) == 2)
    return window


def stored(sessions: sessionmaker[Session], **where: object) -> list[tuple[str, bool, list[str]]]:
    with sessions() as session:
        return [(thread.about(), thread.resolved, [c.text for c in thread.comments])
                for thread in threads(session, **where)]  # type: ignore[arg-type]


def comment_cell(window: MainWindow, span_text: str) -> str:
    model = window.span_table.findChild(QTableView).model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == span_text)
    return str(model.index(row, COMMENTS).data())


def post(qtbot: QtBot, window: MainWindow, text: str) -> None:
    editor = window.comments.panel.editor
    assert editor.hasFocus() or window.comments.dock.isVisible()
    editor.setPlainText(text)  # QTest types ASCII only
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_c_comments_on_the_span_which_shows_a_mark_and_undo_takes_it_back(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    window = window_on(sessions, open_annotation, qtbot)
    bank = next(s for s in window.layer.index if s.text == "泸州银行")
    window.view.select_span(bank)
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    panel = window.comments.panel
    assert window.comments.dock.isVisible() and panel.on_label.text() == "New comment on “泸州银行”:"
    post(qtbot, window, "是全称吗？")
    assert stored(sessions) == [("ORGANIZATION 泸州银行 [8, 12)", False, ["是全称吗？"])]
    assert panel.editor.toPlainText() == ""
    assert window.view.painter.comment_marks == {bank.id: (1, 1)}  # the dot in the text
    assert comment_cell(window, "泸州银行") == "● 1" and comment_cell(window, "377.178亿元") == ""
    thread = panel.tree.topLevelItem(0)
    assert (thread.text(0), thread.text(1)) == ("[“泸州银行”] 是全称吗？", "张三")

    window.view.select_span(next(s for s in window.layer.index if s.text == "377.178亿元"))
    window.view.select_span(bank)  # selecting a commented span chooses its thread
    assert panel.chosen() is not None and panel.chosen().span_id == bank.id

    window.undo_stack.undo()
    assert stored(sessions) == [] and window.view.painter.comment_marks == {}
    assert panel.tree.topLevelItemCount() == 0
    window.undo_stack.redo()
    assert stored(sessions) == [("ORGANIZATION 泸州银行 [8, 12)", False, ["是全称吗？"])]


def test_a_thread_is_replied_to_resolved_reopened_and_filtered(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    window = window_on(sessions, open_annotation, qtbot)
    window.view.select_span(next(s for s in window.layer.index if s.text == "泸州银行"))
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    post(qtbot, window, "是全称吗？")
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    panel = window.comments.panel
    assert panel.on_label.text() == "New comment on the document:"
    post(qtbot, window, "第二段没标完")
    panel.choose(panel.threads[0].id)
    qtbot.mouseClick(panel.reply_button, Qt.MouseButton.LeftButton)
    post(qtbot, window, "是")
    assert stored(sessions) == [("ORGANIZATION 泸州银行 [8, 12)", False, ["是全称吗？", "是"]),
                                ("document", False, ["第二段没标完"])]
    panel.choose(panel.threads[0].id)
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    assert [resolved for _, resolved, _ in stored(sessions)] == [True, False]
    assert panel.resolve_button.text() == "Reopen" and comment_cell(window, "泸州银行") == "1"
    panel.unresolved.setChecked(True)  # a reviewer's filter: only what is still open
    assert [thread.about() for thread in panel.threads] == ["document"]
    panel.unresolved.setChecked(False)
    panel.choose(panel.threads[0].id)
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)  # reopened
    assert [resolved for _, resolved, _ in stored(sessions)] == [False, False]
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert [resolved for _, resolved, _ in stored(sessions)] == [False, False]  # resolved, then reopened: undone
    panel.scope.setCurrentIndex(1)  # the whole project
    assert [thread.document for thread in panel.threads] == ["泸州.txt", "泸州.txt"]


def test_a_deleted_span_takes_its_comments_to_the_trash_and_undo_brings_them_back(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    window = window_on(sessions, open_annotation, qtbot)
    window.view.select_span(next(s for s in window.layer.index if s.text == "泸州银行"))
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    post(qtbot, window, "是全称吗？")
    window.view.setFocus()
    window.view.select_span(next(s for s in window.layer.index if s.text == "泸州银行"))
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert stored(sessions) == [] and window.comments.panel.threads == [] and window.view.painter.comment_marks == {}
    window.undo_stack.undo()
    assert stored(sessions) == [("ORGANIZATION 泸州银行 [8, 12)", False, ["是全称吗？"])]
    bank = next(s for s in window.layer.index if s.text == "泸州银行")
    assert window.view.painter.comment_marks == {bank.id: (1, 1)}
    panel = window.comments.panel
    panel.choose(panel.threads[0].id)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)  # the thread alone, into the trash
    assert stored(sessions) == [] and window.view.painter.comment_marks == {}
    window.undo_stack.undo()
    assert stored(sessions) == [("ORGANIZATION 泸州银行 [8, 12)", False, ["是全称吗？"])]


def test_c_without_a_span_says_what_to_do(qtbot: QtBot, sessions: sessionmaker[Session],
                                          open_annotation: Callable[..., MainWindow]) -> None:
    window = window_on(sessions, open_annotation, qtbot)
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    assert "Select a span to comment on it" in window.statusBar().currentMessage()


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # a popup menu, offscreen
def test_alt_c_comments_on_a_link_of_the_span_chosen_by_digit(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    with sessions.begin() as session:
        document, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
        labels, me = label_ids(session), ensure_person(session, "张三").id
        bank = add_span(session, document.id, me, labels["ORGANIZATION"], 8, 12, "泸州银行")
        program = add_span(session, document.id, me, labels["PROGRAM"], 15, 24, "酒城同心·金融速贷")
        figure = add_span(session, document.id, me, labels["METRIC"], 30, 39, "377.178亿元")
        add_relation(session, figure, bank, "责任机构")
        add_relation(session, figure, program, "所属项目")
    window = open_annotation(sessions, "张三", document.id)
    qtbot.waitUntil(lambda: len(window.layer.index) == 3)
    window.view.setFocus()
    window.view.select_span(window.layer.index.get(figure))
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    menu = next(m for m in window.findChildren(QMenu) if m.isVisible())
    assert [action.text() for action in menu.actions()] == ["&1 → 责任机构 “泸州银行”",
                                                            "&2 → 所属项目 “酒城同心·金融速贷”"]
    menu.actions()[1].trigger()  # what its digit does (offscreen menus get no keys)
    panel = window.comments.panel
    assert panel.on_label.text() == "New comment on the link “377.178亿元” → 所属项目 “酒城同心·金融速贷”:"
    post(qtbot, window, "是这个项目吗？")
    assert stored(sessions) == [("377.178亿元 →所属项目 酒城同心·金融速贷", False, ["是这个项目吗？"])]
    assert panel.tree.topLevelItem(0).text(0) == "[“377.178…” →所属项目 “酒城同心·金融…”] 是这个项目吗？"
    window.undo_stack.undo()
    assert stored(sessions) == [] and panel.tree.topLevelItemCount() == 0
    window.undo_stack.redo()
    assert [about for about, _, _ in stored(sessions)] == ["377.178亿元 →所属项目 酒城同心·金融速贷"]
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.positions.to_qt(9))  # 泸州银行, one link: no menu, the panel at once
    menu = window.context_menu.build(window.view.cursorRect(cursor).center())
    next(a for a in menu.actions() if a.text().startswith("Comment on a link…")).trigger()
    assert panel.on_label.text() == "New comment on the link “377.178亿元” → 责任机构 “泸州银行”:"


def test_the_hidden_comments_tab_reads_its_threads_when_it_is_chosen(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    """Behind the span table's tab the threads are not read at start (nobody sees them); choosing the tab lists
    the document's threads, the selected span's chosen."""
    with sessions.begin() as session:
        document, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
        labels, me = label_ids(session), ensure_person(session, "张三").id
        bank = add_span(session, document.id, me, labels["ORGANIZATION"], 8, 12, "泸州银行")
        add_comment(session, document.id, "张三", "是全称吗？", span_id=bank)
    window = open_annotation(sessions, "张三", document.id)
    panel = window.comments.panel
    assert not on_screen(panel) and panel.threads == [] and panel.tree.topLevelItemCount() == 0
    assert window.view.painter.comment_marks == {bank: (1, 1)}  # the dot shows all the same
    window.view.select_span(window.layer.index.get(bank))
    window.comments.show()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1)
    assert [thread.about() for thread in panel.threads] == ["ORGANIZATION 泸州银行 [8, 12)"]
    assert panel.chosen() is not None and panel.chosen().span_id == bank


def test_a_hidden_comments_panel_shows_the_open_documents_threads_when_it_is_shown(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    window = window_on(sessions, open_annotation, qtbot)
    first = window.layer.document_id
    with sessions.begin() as session:
        add_comment(session, first, "张三", "整篇再核对一遍")
        other = add_document(session, SourceDocument(name="第三篇.txt", text="第三篇。", source=""))[0].id
        add_comment(session, other, "张三", "第三篇的问题")
    window.comments.dock.hide()
    window.open_document(other)  # read when the panel is next on screen, not while the report opens
    window.open_document(first)
    window.comments.show()
    panel = window.comments.panel
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1)
    assert panel.tree.topLevelItem(0).text(0).endswith("整篇再核对一遍")
