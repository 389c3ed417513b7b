"""The right-click menu of the text: on a selection, 标注为 ▸ each label; on a span, change label ▸, delete,
tag all occurrences, copy text, next span with this label. Each entry does what the user then sees and the
database holds, and undoes like its key."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.models import Label, Span
from biaozhu.db.spans import add_span
from biaozhu.gui.annotate.tag_all import TagAllDialog
from biaozhu.gui.annotate.window import MainWindow

ME = "张三"
TEXT = "泸州银行与吉林银行合作，泸州银行发放贷款377.178亿元，市工商联参与。"


def stored(sessions: sessionmaker[Session]) -> list[tuple[int, int, str]]:
    with sessions() as session:
        return sorted(session.execute(select(Span.start, Span.end, Label.name).join(Label)).all())


def point_at(window: MainWindow, offset: int) -> QPoint:
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.positions.to_qt(offset))
    return window.view.cursorRect(cursor).center()


def entries(menu: QMenu) -> dict[str, object]:
    """The menu's entries by their text, without the key shown beside them."""
    return {action.text().split("\t")[0]: action.menu() or action for action in menu.actions() if action.text()}


def open_window(sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow],
                qtbot: QtBot) -> MainWindow:
    with sessions.begin() as session:
        document = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))[0].id
        labels, me = label_ids(session), ensure_annotator(session, ME).id
        for start, end, label in ((0, 4, "ORGANIZATION"), (5, 9, "ORGANIZATION"), (20, 29, "METRIC"),
                                  (30, 34, "ORGANIZATION")):
            add_span(session, document, me, labels[label], start, end, TEXT[start:end])
    window = open_annotation(sessions, ME, document)
    qtbot.waitUntil(lambda: len(window.layer.index) == 4)
    return window


def test_a_selection_is_tagged_from_the_menu(qtbot: QtBot, sessions: sessionmaker[Session],
                                             open_annotation: Callable[..., MainWindow]) -> None:
    window = open_window(sessions, open_annotation, qtbot)
    window.view.select_range(12, 16)  # 泸州银行, the second time
    menu = window.context_menu.build(point_at(window, 13))
    tag = entries(menu)["Tag as"]
    assert list(entries(tag)) == ["项目 PROGRAM", "指标 METRIC", "机构 ORGANIZATION"]
    assert [action.text().split("\t")[1] for action in tag.actions()] == ["1", "2", "3"]  # each label's key
    entries(tag)["机构 ORGANIZATION"].trigger()
    assert (12, 16, "ORGANIZATION") in stored(sessions)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (12, 16, "ORGANIZATION") not in stored(sessions)


def test_a_span_is_relabelled_copied_walked_and_deleted_from_the_menu(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    window = open_window(sessions, open_annotation, qtbot)
    menu = window.context_menu.build(point_at(window, 6))  # 吉林银行
    assert window.selected_span().text == "吉林银行"
    assert list(entries(menu)) == ["Change label", "Delete span", "Tag all occurrences…", "Copy text",
                                   "Next span with this label", "Comment…", "Pin as a good example",
                                   "Pin as a bad example", "Guide for this label"]
    entries(menu)["Copy text"].trigger()
    assert QGuiApplication.clipboard().text() == "吉林银行"
    entries(menu)["Next span with this label"].trigger()
    assert window.selected_span().text == "市工商联"  # skips the METRIC span
    entries(window.context_menu.build(point_at(window, 31)))["Next span with this label"].trigger()
    assert (window.selected_span().start, window.selected_span().end) == (0, 4)  # wraps round

    relabel = entries(window.context_menu.build(point_at(window, 6)))["Change label"]
    assert list(entries(relabel)) == ["项目 PROGRAM", "指标 METRIC"]
    entries(relabel)["项目 PROGRAM"].trigger()
    assert (5, 9, "PROGRAM") in stored(sessions)
    entries(window.context_menu.build(point_at(window, 6)))["Delete span"].trigger()
    assert [(start, end) for start, end, _ in stored(sessions)] == [(0, 4), (20, 29), (30, 34)]
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (5, 9, "PROGRAM") in stored(sessions)


def test_tag_all_occurrences_from_the_menu(qtbot: QtBot, sessions: sessionmaker[Session],
                                           open_annotation: Callable[..., MainWindow]) -> None:
    window = open_window(sessions, open_annotation, qtbot)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TagAllDialog)
        dialog.scope.setCurrentIndex(0)  # this document
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, answer)
    entries(window.context_menu.build(point_at(window, 1)))["Tag all occurrences…"].trigger()
    assert (12, 16, "ORGANIZATION") in stored(sessions)
