"""第 n 页 and the section in the status bar, and the outline panel (issue 17), on a real window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QTreeWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.spans import add_span
from biaozhu.gui.annotate.window import MainWindow

TEXT = "关于2023年工作的报告\n一、总体情况\n全年完成目标。\n（一）主要做法\n加强学习。\n二、下一步打算\n继续努力。"
PAGES = [0, TEXT.index("（一）"), TEXT.index("二、")]


def _add(sessions: sessionmaker[Session], meta: dict[str, object]) -> int:
    with sessions.begin() as session:
        document, _ = add_document(session, SourceDocument(name="报告.pdf", text=TEXT, source="报告.pdf", meta=meta))
        return document.id


def _move(window: MainWindow, offset: int) -> None:
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.positions.to_qt(offset))
    window.view.setTextCursor(cursor)


def test_the_status_bar_shows_the_page_and_section_of_the_cursor(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    document_id = _add(sessions, {"pages": PAGES})
    window = open_annotation(sessions, "张三", document_id)
    label = window.places.label
    qtbot.waitUntil(lambda: window.places.headings != [])
    _move(window, TEXT.index("加强学习"))
    assert label.isVisible() and label.text() == "page 2  ·  （一）主要做法"
    _move(window, TEXT.index("继续"))
    assert label.text() == "page 3  ·  二、下一步打算"
    _move(window, 0)
    assert label.text().startswith("page 1")


def test_without_a_page_map_only_the_section_shows(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    window = open_annotation(sessions, "张三", _add(sessions, {}))
    qtbot.waitUntil(lambda: window.places.headings != [])
    _move(window, TEXT.index("全年"))
    assert window.places.label.text() == "一、总体情况"


def test_clicking_a_heading_in_the_outline_goes_to_it(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    window = open_annotation(sessions, "张三", _add(sessions, {"pages": PAGES}))
    tree = window.findChild(QTreeWidget)
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 1)
    title = tree.topLevelItem(0)
    assert title.text(0) == "关于2023年工作的报告" and [title.child(i).text(0) for i in range(title.childCount())] \
        == ["一、总体情况", "二、下一步打算"]
    target = title.child(1)
    tree.scrollToItem(target)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(target).center())
    start = TEXT.index("二、下一步打算")
    assert window.view.selection() == (start, start + len("二、下一步打算"))
    assert window.view.textCursor().hasSelection() and window.view.textCursor().selectedText() == "二、下一步打算"


def test_the_span_table_can_show_only_the_chosen_section(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    document_id = _add(sessions, {})
    with sessions.begin() as session:
        annotator = ensure_annotator(session, "张三").id
        labels = label_ids(session)
        for word in ("全年完成目标", "加强学习", "继续努力"):
            start = TEXT.index(word)
            add_span(session, document_id, annotator, labels["METRIC"], start, start + len(word), word)
    window = open_annotation(sessions, "张三", document_id)
    tree = window.findChild(QTreeWidget)
    table = window.span_table.findChild(QTableView)
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 1 and table.model().rowCount() == 3)
    window.places.filter.setChecked(True)
    first = tree.topLevelItem(0).child(0)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(first).center())
    shown = [table.model().index(row, 0).data() for row in range(table.model().rowCount())]
    assert shown == ["全年完成目标", "加强学习"]  # 一、总体情况 holds （一）主要做法
    window.places.filter.setChecked(False)
    assert table.model().rowCount() == 3


def test_an_outline_found_after_another_document_opened_is_not_shown_for_it(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    first = _add(sessions, {})
    with sessions.begin() as session:
        plain, _ = add_document(session, SourceDocument(name="无标题.txt", text="全年完成目标，继续努力。",
                                                        source="无标题.txt"))
    window = open_annotation(sessions, "张三", plain.id)
    tree = window.findChild(QTreeWidget)
    window.open_document(first)
    window.open_document(plain.id)  # before the first report's outline comes back from the worker
    qtbot.wait(300)
    assert window.places.headings == [] and tree.topLevelItemCount() == 0
    window.open_document(first)
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 1)
