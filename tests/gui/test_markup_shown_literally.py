"""Markup in documents, labels and names is shown as written, wherever the window shows them: Qt guesses rich
text in tooltips and labels, and would load ``<img src="file:///…">`` from a label's definition."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtGui
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QToolTip
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import get_label, update_label
from biaozhu.db.spans import add_span
from biaozhu.gui.annotate.window import MainWindow

PERSON = "<i>李四</i>"
NAME = "<img src='file:///etc/hosts'>.txt"
TEXT = "前言 <b>泸州银行</b> &amp; 后记"
SPAN = "<b>泸州银行</b>"
TITLE = "<u>机构</u>"
DEFINITION = "<img src='file:///etc/hosts'> & <a href='x'>链接</a>"


def shown(text: str, plain: bool = False) -> str:
    """What a user reads: Qt renders text it takes for rich text, unless the widget is told it is plain."""
    return text if plain or not QtGui.Qt.mightBeRichText(text) else QTextDocumentFragment.fromHtml(text).toPlainText()


def label_shows(label: QLabel) -> str:
    return shown(label.text(), label.textFormat() == Qt.TextFormat.PlainText)


def tooltip(table: QTableView, row: int, column: int) -> str:
    return shown(table.model().index(row, column).data(Qt.ItemDataRole.ToolTipRole))


def test_markup_from_data_is_shown_as_text_everywhere(sessions: sessionmaker[Session], qtbot: QtBot,
                                                      open_annotation: Callable[..., MainWindow],
                                                      activate: Callable[[MainWindow], None]) -> None:
    start = TEXT.index(SPAN)
    with sessions.begin() as session:
        document, _ = add_document(session, SourceDocument(name=NAME, text=TEXT, source=NAME))
        update_label(session, "ORGANIZATION", title=TITLE, definition=DEFINITION)
        organization = get_label(session, "ORGANIZATION")
        assert organization is not None
        add_span(session, document.id, ensure_annotator(session, PERSON).id, organization.id, start,
                 start + len(SPAN), SPAN)
    window = open_annotation(sessions, PERSON, document.id)
    assert label_shows(window.annotator_label).endswith(PERSON)

    documents = window.document_list.findChild(QTableView)
    assert tooltip(documents, 0, 0) == NAME
    spans = window.span_table.findChild(QTableView)
    qtbot.waitUntil(lambda: spans.model().rowCount() == 1)
    assert tooltip(spans, 0, 0) == SPAN
    assert tooltip(spans, 0, 1) == f"ORGANIZATION {TITLE}"

    button = window.label_bar.buttons[organization.id]
    assert shown(button.toolTip()).splitlines() == [f"{TITLE} ORGANIZATION", DEFINITION]

    view = window.view
    cursor = view.textCursor()
    cursor.setPosition(view.positions.to_qt(start + 4))
    where = view.cursorRect(cursor).center()
    assert view.span_at(where) is not None
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, where, view.viewport().mapToGlobal(where)))
    assert shown(QToolTip.text()) == f"{TITLE} ORGANIZATION  [{start}, {start + len(SPAN)})  {PERSON}"
    QToolTip.hideText()

    seen: list[str] = []

    def read_and_cancel() -> None:
        box = QApplication.activeModalWidget()
        if box is not None:  # the tag-all preview: its question quotes the span and the label
            seen.append(label_shows(box.findChild(QLabel)))
            box.close()

    qtbot.keyClick(view, Qt.Key.Key_Tab)  # selects the span
    QTimer.singleShot(0, read_and_cancel)
    qtbot.keyClick(view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert SPAN in seen[0] and TITLE in seen[0]

    activate(window)
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    search = window.project_search
    assert search is not None
    with qtbot.waitSignal(search.searched, timeout=5000):
        search.search("泸州银行")
    hits = search.findChild(QTableView)
    assert hits.model().rowCount() == 1
    assert hits.model().index(0, 0).data() == NAME
    assert tooltip(hits, 0, 0) == f"{NAME}, characters {start + 3} to {start + 7}"
    assert label_shows(search.findChild(QLabel)) == "1 hit(s) in 1 document(s)"
    search.close()
