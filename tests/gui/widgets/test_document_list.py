"""The document list as a user drives it: filter, sort by a header click, status texts, next unfinished,
opening a document by click, double-click or Enter, and a refresh that leaves selection and scroll alone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from biaozhu.db.documents import DocumentSummary
from biaozhu.gui.widgets.document_list import UNSURE, DocumentListPanel
from biaozhu.gui.widgets.document_rows import prepare_rows

ME = "lin"


def summary(doc_id: int, name: str, length: int = 100, spans: int = 0, status: str | None = None,
            other: dict[str, int] | None = None) -> DocumentSummary:
    counts = {ME: spans} if spans else {}
    counts.update(other or {})
    return DocumentSummary(doc_id, name, length, counts, {ME: status} if status else {})


ROWS = [
    summary(1, "泸州 2022 年工作总结.txt", 5200, spans=12, status="done"),
    summary(2, "吉林统战工作报告.txt", 8100, spans=3, status="in_progress"),
    summary(3, "report10.txt", 90, other={"wang": 7}),
    summary(4, "Report2.txt", 300, spans=1, status="done"),
]


@pytest.fixture
def panel(qtbot: QtBot) -> DocumentListPanel:
    widget = DocumentListPanel()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    widget.set_documents(ROWS, ME)
    return widget


def view_of(panel: DocumentListPanel) -> QTableView:
    view = panel.findChild(QTableView)
    assert view is not None
    return view


def column(panel: DocumentListPanel, col: int) -> list[str]:
    model = view_of(panel).model()
    return [model.index(row, col).data() for row in range(model.rowCount())]


def click_row(qtbot: QtBot, view: QTableView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_columns_show_name_length_status_and_this_annotators_span_count(panel: DocumentListPanel) -> None:
    assert column(panel, 0) == [r.name for r in ROWS]
    assert column(panel, 1) == ["5,200", "8,100", "90", "300"]
    # Another annotator's spans don't count, and spans imported without a status mean work in progress.
    assert column(panel, 2) == ["done", "in progress", "not started", "done"]
    assert column(panel, 3) == ["12", "3", "0", "1"]
    header = view_of(panel).model()
    assert [header.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Document", "Length", "Status", "Spans"]


def test_filter_by_name_is_case_insensitive_and_combines_with_the_status_filter(
        qtbot: QtBot, panel: DocumentListPanel) -> None:
    line = panel.findChild(QLineEdit)
    qtbot.keyClicks(line, "REPORT")
    assert column(panel, 0) == ["report10.txt", "Report2.txt"]
    combo = panel.findChild(QComboBox)
    combo.setCurrentIndex(1)  # unfinished
    assert column(panel, 0) == ["report10.txt"]
    line.clear()
    assert column(panel, 0) == ["吉林统战工作报告.txt", "report10.txt"]
    combo.setCurrentIndex(2)  # done
    assert column(panel, 0) == ["泸州 2022 年工作总结.txt", "Report2.txt"]
    commit = QInputMethodEvent()  # Chinese arrives through the input method
    commit.setCommitString("泸州")
    QApplication.sendEvent(line, commit)
    assert column(panel, 0) == ["泸州 2022 年工作总结.txt"]


def test_header_clicks_sort_numbers_as_numbers_and_names_naturally(qtbot: QtBot, panel: DocumentListPanel) -> None:
    view = view_of(panel)
    header = view.horizontalHeader()

    def click_header(section: int) -> None:
        x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    click_header(1)
    assert column(panel, 1) == ["90", "300", "5,200", "8,100"]
    click_header(1)
    assert column(panel, 1) == ["8,100", "5,200", "300", "90"]
    click_header(3)
    assert column(panel, 3) == ["0", "1", "3", "12"]
    click_header(0)
    assert column(panel, 0) == ["吉林统战工作报告.txt", "泸州 2022 年工作总结.txt", "Report2.txt", "report10.txt"]


def test_chinese_names_sort_by_pinyin_and_numbers_as_numbers(qtbot: QtBot) -> None:
    panel = DocumentListPanel()
    qtbot.addWidget(panel)
    names = ["上海报告", "泸州报告10", "北京报告", "泸州报告2", "吉林报告"]
    panel.set_documents([summary(i, name) for i, name in enumerate(names, 1)], "张三")
    view_of(panel).sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert column(panel, 0) == ["北京报告", "吉林报告", "泸州报告2", "泸州报告10", "上海报告"]


def test_next_unfinished_follows_the_visible_order_and_wraps_around(panel: DocumentListPanel) -> None:
    assert panel.next_unfinished(None) == 2
    assert panel.next_unfinished(2) == 3
    assert panel.next_unfinished(3) == 2  # wraps past the finished 4 and 1
    view_of(panel).sortByColumn(1, Qt.SortOrder.DescendingOrder)  # 2, 1, 4, 3 by length
    assert panel.next_unfinished(2) == 3
    assert panel.next_unfinished(3) == 2
    done = [summary(r.id, r.name, r.length, spans=1, status="done") for r in ROWS]
    panel.set_documents(done, ME)
    assert panel.next_unfinished(1) is None


def test_sorted_by_how_unsure_the_model_is_next_unfinished_is_the_most_unsure_one(
        qtbot: QtBot, panel: DocumentListPanel) -> None:
    more = [*ROWS, summary(5, "新报告.txt", 400), summary(6, "另一份.txt", 500)]
    panel.set_documents(more, ME)
    assert column(panel, UNSURE) == [""] * 6  # not rated before the model is trained
    panel.set_uncertainty({1: 0.02, 2: 0.10, 3: 0.05, 4: 0.01, 5: 0.31, 6: 0.20})
    assert column(panel, UNSURE) == ["0.02", "0.10", "0.05", "0.01", "0.31", "0.20"]
    assert panel.next_unfinished(2) == 3  # the list's own order: the one after
    header = view_of(panel).horizontalHeader()
    x = header.sectionViewportPosition(UNSURE) + header.sectionSize(UNSURE) // 2
    for _ in range(2):  # the second click: most unsure first
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert column(panel, UNSURE) == ["0.31", "0.20", "0.10", "0.05", "0.02", "0.01"]
    assert panel.next_unfinished(2) == 5  # the most unsure unfinished one, not the one after 2
    assert panel.next_unfinished(5) == 6
    panel.set_uncertainty({5: 0.01, 6: 0.02, 2: 0.5, 3: 0.4})  # trained again: the order follows
    assert column(panel, UNSURE)[:2] == ["0.50", "0.40"]
    assert panel.next_unfinished(2) == 3


def test_next_unfinished_prefers_what_the_filters_show(qtbot: QtBot, panel: DocumentListPanel) -> None:
    qtbot.keyClicks(panel.findChild(QLineEdit), "report")
    assert panel.next_unfinished(None) == 3
    assert panel.next_unfinished(3) == 3  # the only one shown
    panel.findChild(QComboBox).setCurrentIndex(2)  # done only: the hidden ones are still found
    assert panel.next_unfinished(1) == 2
    assert panel.next_unfinished(2) == 3


def test_select_document_leaves_the_users_filters_alone(qtbot: QtBot, panel: DocumentListPanel) -> None:
    combo = panel.findChild(QComboBox)
    combo.setCurrentIndex(1)  # unfinished
    panel.select_document(2)
    assert panel.selected_document() == 2
    panel.select_document(1)  # done: hidden, open with no row selected
    assert combo.currentIndex() == 1
    assert panel.selected_document() is None


def test_a_click_opens_a_document(qtbot: QtBot, panel: DocumentListPanel) -> None:
    with qtbot.waitSignal(panel.document_activated, timeout=1000) as blocker:
        click_row(qtbot, view_of(panel), 1)
    assert blocker.args == [2]


def test_enter_opens_the_current_document(qtbot: QtBot, panel: DocumentListPanel) -> None:
    view = view_of(panel)
    panel.select_document(3)
    view.setFocus()
    with qtbot.waitSignal(panel.document_activated, timeout=1000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [3]


def test_a_double_click_opens_a_document_once(qtbot: QtBot, panel: DocumentListPanel,
                                              double_click: Callable[..., None]) -> None:
    opened: list[int] = []
    panel.document_activated.connect(opened.append)
    view = view_of(panel)
    double_click(view.viewport(), view.visualRect(view.model().index(3, 0)).center())
    assert opened == [4]
    double_click(view.viewport(), view.visualRect(view.model().index(2, 0)).center())
    assert opened == [4, 3]


def test_type_a_name_then_enter_opens_the_first_match(qtbot: QtBot, panel: DocumentListPanel) -> None:
    line = panel.findChild(QLineEdit)
    qtbot.keyClicks(line, "report")
    with qtbot.waitSignal(panel.document_activated, timeout=1000) as blocker:
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert blocker.args == [3]


def test_down_from_the_filter_walks_the_list(qtbot: QtBot, panel: DocumentListPanel) -> None:
    line = panel.findChild(QLineEdit)
    qtbot.keyClicks(line, "report")
    qtbot.keyClick(line, Qt.Key.Key_Down)
    view = view_of(panel)
    assert view.hasFocus() and panel.selected_document() == 3
    qtbot.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.document_activated, timeout=1000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [4]


def test_select_document_does_not_emit(qtbot: QtBot, panel: DocumentListPanel) -> None:
    with qtbot.assertNotEmitted(panel.document_activated):
        panel.select_document(4)
    assert panel.selected_document() == 4


def long_list(qtbot: QtBot) -> tuple[DocumentListPanel, list[DocumentSummary]]:
    """A panel listing 300 documents, more than it shows at once."""
    panel = DocumentListPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 300)
    panel.show()
    rows = [summary(i, f"报告{i}.txt", 1000 + i) for i in range(1, 301)]
    panel.set_documents(rows, ME)
    return panel, rows


def test_refresh_keeps_the_selection_and_the_scroll_position(qtbot: QtBot) -> None:
    panel, rows = long_list(qtbot)
    view = view_of(panel)
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    panel.select_document(150)
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + 7)
    scroll = bar.value()
    # The core refreshes after an edit: the open document gains a span, another one is marked done.
    rows[149] = summary(150, "报告150.txt", 1150, spans=1, status="in_progress")
    rows[10] = summary(11, "报告11.txt", 1011, spans=4, status="done")
    panel.set_documents(rows, ME)
    assert panel.selected_document() == 150
    assert bar.value() == scroll
    assert column(panel, 1)[0] == "1,300"  # still sorted
    index = view.currentIndex()
    assert view.model().index(index.row(), 3).data() == "1"
    # A document deleted elsewhere: the model resets, the selection and scroll survive it.
    del rows[0]
    panel.set_documents(rows, ME)
    assert panel.selected_document() == 150
    assert bar.value() == scroll
    assert len(column(panel, 0)) == 299


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_the_open_documents_row_moves_to_where_its_new_count_sorts(qtbot: QtBot, order: Qt.SortOrder) -> None:
    """The window's own edit replaces one row: sorted by span count, the row moves to its place and stays
    selected; the model is not reset."""
    panel = DocumentListPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_documents([summary(i, f"报告{i}.txt", spans=i % 5) for i in range(1, 51)], ME)
    view = view_of(panel)
    view.sortByColumn(3, order)
    panel.select_document(12)  # 2 spans
    resets: list[object] = []
    view.model().modelReset.connect(lambda: resets.append(1))
    for spans in (3, 7, 0, 2):
        panel.replace_document(summary(12, "报告12.txt", spans=spans))
        counts = [int(n) for n in column(panel, 3)]
        assert counts == sorted(counts, reverse=order == Qt.SortOrder.DescendingOrder)
        assert panel.selected_document() == 12
        assert view.model().index(view.currentIndex().row(), 3).data() == str(spans)
    panel.replace_document(summary(7, "报告7.txt", spans=9))
    assert panel.selected_document() == 12 and resets == []


def test_an_empty_project_shows_an_empty_list(qtbot: QtBot, panel: DocumentListPanel) -> None:
    panel.set_documents([], ME)
    assert column(panel, 0) == []
    assert panel.next_unfinished(None) is None
    assert panel.selected_document() is None
    assert view_of(panel).currentIndex() == QModelIndex()


def test_the_open_document_is_highlighted_again_when_a_filter_is_cleared(qtbot: QtBot,
                                                                        panel: DocumentListPanel) -> None:
    panel.set_documents([summary(1, "2022年吉林市统一战线工作综述.txt"), summary(2, "2022年泸州市统一战线工作综述.txt"),
                         summary(3, "2022年泸州市统战部总结.txt")], "张三")
    panel.select_document(1)
    filter_box = panel.findChild(QLineEdit)
    filter_box.setText("泸州")  # the open document is hidden: the view highlights another row meanwhile
    filter_box.clear()
    assert panel.selected_document() == 1
    filter_box.setText("吉林")
    qtbot.keyClick(filter_box, Qt.Key.Key_Backspace)
    qtbot.keyClick(filter_box, Qt.Key.Key_Backspace)
    assert panel.selected_document() == 1


def test_names_that_share_a_beginning_are_elided_in_the_middle_with_the_full_name_on_hover(
        panel: DocumentListPanel) -> None:
    name = "2022年<b>吉林市</b>统一战线工作综述.txt"
    panel.set_documents([summary(1, name)], "张三")
    view = view_of(panel)
    assert view.textElideMode() == Qt.TextElideMode.ElideMiddle
    tooltip = view.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;吉林市&lt;/b&gt;" in tooltip  # shown as written, never as markup


def test_a_narrow_list_keeps_the_part_where_names_sharing_a_beginning_differ(panel: DocumentListPanel) -> None:
    names = {1: "2022年吉林市统一战线工作综述.txt", 2: "2022年泸州市统一战线工作综述.txt", 3: "总结.txt"}
    panel.set_documents([summary(number, name) for number, name in names.items()], "张三")
    view = view_of(panel)
    delegate = view.itemDelegateForColumn(0)
    for row, place in ((0, "吉林"), (1, "泸州")):
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = QRect(0, 0, 110, 24)  # the name column of a narrow documents panel
        delegate.initStyleOption(option, view.model().index(row, 0))
        assert place in option.text and option.text.startswith("…"), option.text
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, 400, 24)
    delegate.initStyleOption(option, view.model().index(2, 0))
    assert option.text == "总结.txt"  # what fits stays whole


def watch_model(panel: DocumentListPanel) -> list[str]:
    """What the view was told, beyond repainting rows: resets, new layouts, rows inserted and removed."""
    model, told = view_of(panel).model(), []
    model.modelReset.connect(lambda: told.append("reset"))
    model.layoutChanged.connect(lambda *_: told.append("layout"))
    model.rowsInserted.connect(lambda _, first, last: told.append(f"inserted {first}-{last}"))
    model.rowsRemoved.connect(lambda _, first, last: told.append(f"removed {first}-{last}"))
    return told


def test_a_refresh_prepared_on_a_worker_inserts_removes_and_repaints_only_what_changed(qtbot: QtBot) -> None:
    """After another program's change the rows are prepared off the UI thread (``snapshot`` there,
    ``prepare_rows`` on the worker) and applied: a new document is one inserted row, a deleted one a removed
    row, a recounted one a repainted row; the selection and scroll position stay."""
    panel, rows = long_list(qtbot)
    panel.select_document(150)
    bar = view_of(panel).verticalScrollBar()
    bar.setValue(bar.value() + 7)
    scroll = bar.value()
    told, repainted = watch_model(panel), []
    view_of(panel).model().dataChanged.connect(lambda first, last: repainted.append((first.row(), last.row())))
    state = panel.snapshot()
    rows = [*rows[:9], *rows[10:], summary(301, "新报告.txt")]  # 10 deleted, 301 imported
    rows[199] = summary(201, "报告201.txt", 1201, spans=3, status="in_progress")  # counted elsewhere
    assert panel.apply(prepare_rows(rows, state))
    assert told == ["removed 9-9", "inserted 299-299"]
    assert repainted == [(199, 199)]
    assert column(panel, 3)[199] == "3" and column(panel, 0)[-1] == "新报告.txt" and len(column(panel, 0)) == 300
    assert panel.selected_document() == 150 and bar.value() == scroll


def test_sorted_by_span_count_a_recounted_document_moves_without_a_new_layout(qtbot: QtBot) -> None:
    panel = DocumentListPanel()
    qtbot.addWidget(panel)
    panel.show()
    rows = [summary(i, f"报告{i}.txt", spans=i) for i in range(1, 51)]
    panel.set_documents(rows, ME)
    view_of(panel).sortByColumn(3, Qt.SortOrder.DescendingOrder)
    panel.select_document(20)
    told = watch_model(panel)
    rows[4] = summary(5, "报告5.txt", spans=99)  # another desktop tagged document 5: it sorts first now
    assert panel.apply(prepare_rows(rows, panel.snapshot()))
    assert told == ["removed 45-45", "inserted 0-0"]
    assert [int(n) for n in column(panel, 3)] == sorted((r.span_counts[ME] for r in rows), reverse=True)
    assert panel.selected_document() == 20


def test_rows_prepared_for_an_order_the_list_no_longer_shows_are_refused(
        qtbot: QtBot, panel: DocumentListPanel) -> None:
    state = panel.snapshot()  # asked for, then the user sorts before the worker answers
    view_of(panel).sortByColumn(1, Qt.SortOrder.AscendingOrder)
    shown = column(panel, 0)
    assert not panel.apply(prepare_rows([*ROWS, summary(5, "新.txt")], state))
    assert column(panel, 0) == shown
    assert panel.apply(prepare_rows([*ROWS, summary(5, "新.txt")], panel.snapshot()))
    assert column(panel, 0)[0] == "report10.txt" and len(column(panel, 0)) == 5


def test_a_filter_with_brackets_and_dots_matches_them_literally(qtbot: QtBot, panel: DocumentListPanel) -> None:
    panel.set_documents([*ROWS, summary(5, "报告(2).txt"), summary(6, "报告22txt")], ME)
    line = panel.findChild(QLineEdit)
    qtbot.keyClicks(line, "(2).")
    assert column(panel, 0) == ["报告(2).txt"]
    panel.findChild(QComboBox).setCurrentIndex(2)  # done: it is not
    assert column(panel, 0) == []
    line.clear()
    assert column(panel, 0) == ["泸州 2022 年工作总结.txt", "Report2.txt"]


def test_the_model_rating_again_repaints_only_the_rows_whose_value_changed(qtbot: QtBot) -> None:
    panel, _ = long_list(qtbot)
    panel.set_uncertainty({i: 0.5 for i in range(1, 301)})
    repainted: list[tuple[int, int]] = []
    view_of(panel).model().dataChanged.connect(lambda first, last: repainted.append((first.row(), last.row())))
    panel.set_uncertainty({**{i: 0.5 for i in range(1, 301)}, 7: 0.9, 8: 0.8, 200: 0.1})
    assert repainted == [(6, 7), (199, 199)]
    assert column(panel, UNSURE)[6:8] == ["0.90", "0.80"] and column(panel, UNSURE)[199] == "0.10"


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
@pytest.mark.parametrize("sorted_by", [-1, 0, 1, 2, 3, UNSURE])
def test_sorted_by_any_column_a_changed_row_sorts_where_it_belongs_and_stays_selected(
        qtbot: QtBot, sorted_by: int, order: Qt.SortOrder) -> None:
    """Rows found and moved by a binary search for their key: every column, both directions, ties on the key
    (the id breaks them) and a renamed, recounted, re-marked document."""
    panel = DocumentListPanel()
    qtbot.addWidget(panel)
    panel.show()
    statuses = [None, "in_progress", "done", None]
    rows = [summary(i, f"报告{i % 7}.txt", 100 * (i % 3), spans=i % 4, status=statuses[i % 4]) for i in range(1, 41)]
    panel.set_documents(rows, ME)
    panel.set_uncertainty({i: (i % 5) / 10 for i in range(1, 41, 2)})
    view = view_of(panel)
    view.sortByColumn(sorted_by, order)
    expected = column(panel, 0), column(panel, 1), column(panel, 2), column(panel, 3)
    for changed in (summary(7, "报告0.txt", 200, spans=3, status="done"), summary(8, "啊.txt", 5, spans=0),
                    summary(33, "报告9.txt", 100, spans=9, status="in_progress")):
        panel.select_document(changed.id)
        panel.replace_document(changed)
        assert panel.selected_document() == changed.id
        rows[changed.id - 1] = changed
        fresh = DocumentListPanel()
        qtbot.addWidget(fresh)
        fresh.set_documents(rows, ME)
        fresh.set_uncertainty({i: (i % 5) / 10 for i in range(1, 41, 2)})
        view_of(fresh).sortByColumn(sorted_by, order)
        expected = column(fresh, 0), column(fresh, 1), column(fresh, 2), column(fresh, 3)
        assert (column(panel, 0), column(panel, 1), column(panel, 2), column(panel, 3)) == expected


def test_while_filtered_changed_rows_follow_the_filter_and_clearing_it_keeps_the_selection(qtbot: QtBot) -> None:
    panel, rows = long_list(qtbot)
    view = view_of(panel)
    view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    combo = panel.findChild(QComboBox)
    combo.setCurrentIndex(1)  # unfinished: all 300
    panel.findChild(QLineEdit).setText("报告1")  # 1, 10-19, 100-199: 111 documents
    assert len(column(panel, 0)) == 111
    panel.select_document(150)
    panel.replace_document(summary(150, "报告150.txt", 1150, spans=5, status="in_progress"))
    assert column(panel, 0)[0] == "报告150.txt" and panel.selected_document() == 150
    panel.replace_document(summary(120, "报告120.txt", 1120, spans=2, status="done"))  # hidden now
    assert "报告120.txt" not in column(panel, 0) and len(column(panel, 0)) == 110
    rows[149] = summary(150, "报告150.txt", 1150, spans=5, status="in_progress")
    rows[119] = summary(120, "报告120.txt", 1120, spans=2, status="done")
    rows[9] = summary(10, "报告10.txt", 1010, spans=9, status="in_progress")  # another program's change
    assert panel.apply(prepare_rows([*rows, summary(301, "报告1新.txt")], panel.snapshot()))
    assert column(panel, 0)[:2] == ["报告10.txt", "报告150.txt"] and "报告1新.txt" in column(panel, 0)
    assert panel.selected_document() == 150
    panel.findChild(QLineEdit).clear()
    combo.setCurrentIndex(0)
    assert len(column(panel, 0)) == 301 and column(panel, 0)[:3] == ["报告10.txt", "报告150.txt", "报告120.txt"]
    assert panel.selected_document() == 150


def test_a_refresh_repaints_a_document_whose_name_length_count_or_status_changed(
        qtbot: QtBot, panel: DocumentListPanel) -> None:
    """Whatever another program changed of a document (any field of its summary but the id) repaints its row,
    in the same order and when other rows came meanwhile."""
    changes = {"name": "改名.txt", "length": 1, "span_counts": {ME: 3, "wang": 1}, "statuses": {ME: "done"}}
    assert set(changes) == {field.name for field in fields(DocumentSummary)} - {"id"}
    model, repainted = view_of(panel).model(), []
    model.dataChanged.connect(lambda first, last: repainted.extend(range(first.row(), last.row() + 1)))
    for field, value in changes.items():
        for came in ([], [summary(5, "新.txt")]):
            rows = [ROWS[0], replace(ROWS[1], **{field: value}), *ROWS[2:], *came]
            repainted.clear()
            assert panel.apply(prepare_rows(rows, panel.snapshot()))
            assert repainted == [1], (field, came)
            assert panel.apply(prepare_rows(ROWS, panel.snapshot()))  # as it was for the next change
