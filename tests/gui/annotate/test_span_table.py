"""The span table as a user sees it: 20,000 spans load at once, a click names the span to jump to,
header clicks sort by position as numbers, and a refresh keeps the selected span."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from biaozhu.db.spans import SpanRow
from biaozhu.gui.annotate.span_table import SpanTablePanel
from biaozhu.gui.common.wording import as_tooltip

LABELS = {1: ("PROGRAM", "项目", "#e53935"), 2: ("METRIC", "指标", "#1e88e5"), 3: ("ORGANIZATION", "机构", "#43a047")}
SPANS = [
    SpanRow(7, 2, 12, 1, "酒城同心·金融速贷", 1),
    SpanRow(8, 20, 28, 2, "377.178亿元", 1),
    SpanRow(9, 100, 107, 3, "泸州市委统战部", 1),
    SpanRow(10, 100, 102, 3, "泸州", 1),  # nested in 9
    SpanRow(11, 9, 11, 2, "第一\n行", 1),
]


@pytest.fixture
def panel(qtbot: QtBot) -> SpanTablePanel:
    widget = SpanTablePanel()
    qtbot.addWidget(widget)
    widget.resize(600, 300)
    widget.show()
    widget.set_spans(SPANS, LABELS)
    return widget


def view_of(panel: SpanTablePanel) -> QTableView:
    view = panel.findChild(QTableView)
    assert view is not None
    return view


def column(panel: SpanTablePanel, col: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> list[object]:
    model = view_of(panel).model()
    return [model.index(row, col).data(role) for row in range(model.rowCount())]


def swatches(panel: SpanTablePanel) -> list[str]:
    """The colour in the middle of each row's label swatch, as drawn on a selected row too."""
    icons = column(panel, 1, Qt.ItemDataRole.DecorationRole)
    assert all(isinstance(icon, QIcon) for icon in icons)
    colours = [icon.pixmap(12, mode=QIcon.Mode.Normal).toImage().pixelColor(6, 6).name() for icon in icons]
    assert colours == [icon.pixmap(12, mode=QIcon.Mode.Selected).toImage().pixelColor(6, 6).name() for icon in icons]
    return colours


def click_header(qtbot: QtBot, view: QTableView, section: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_rows_show_text_label_with_its_colour_and_offsets_in_position_order(panel: SpanTablePanel) -> None:
    assert column(panel, 0) == ["酒城同心·金融速贷", "第一↵行", "377.178亿元", "泸州市委统战部", "泸州"]
    assert column(panel, 1) == ["项目", "指标", "指标", "机构", "机构"]
    assert column(panel, 1, Qt.ItemDataRole.ToolTipRole)[0] == as_tooltip(["PROGRAM 项目"])
    assert swatches(panel) == ["#e53935", "#1e88e5", "#1e88e5", "#43a047", "#43a047"]
    assert column(panel, 2) == ["2", "9", "20", "100", "100"]
    assert column(panel, 3) == ["12", "11", "28", "107", "102"]


def test_a_label_deleted_meanwhile_shows_as_a_grey_question_mark(panel: SpanTablePanel) -> None:
    panel.set_spans([SpanRow(1, 0, 2, 99, "泸州", 1)], LABELS)
    assert column(panel, 1) == ["?"]
    assert swatches(panel) == ["#9e9e9e"]


def test_header_clicks_sort_positions_as_numbers(qtbot: QtBot, panel: SpanTablePanel) -> None:
    view = view_of(panel)
    click_header(qtbot, view, 3)
    assert column(panel, 3) == ["11", "12", "28", "102", "107"]
    click_header(qtbot, view, 2)  # ascending by start, the outer span first
    assert column(panel, 2) == ["2", "9", "20", "100", "100"]
    assert column(panel, 0)[-2:] == ["泸州市委统战部", "泸州"]
    click_header(qtbot, view, 2)
    assert column(panel, 2) == ["100", "100", "20", "9", "2"]
    click_header(qtbot, view, 1)
    assert column(panel, 1)[0] == "指标"  # METRIC, by the label's name


def test_a_click_names_the_span_to_jump_to(qtbot: QtBot, panel: SpanTablePanel) -> None:
    view = view_of(panel)
    rect = view.visualRect(view.model().index(3, 1))
    with qtbot.waitSignal(panel.span_activated, timeout=1000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [9]


def test_enter_names_the_current_span(qtbot: QtBot, panel: SpanTablePanel) -> None:
    view = view_of(panel)
    panel.select_span(8)
    view.setFocus()
    with qtbot.waitSignal(panel.span_activated, timeout=1000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Down)
        qtbot.keyClick(view, Qt.Key.Key_Up)
        qtbot.keyClick(view, Qt.Key.Key_Enter)
    assert blocker.args == [8]


def test_select_span_follows_the_document_view_silently(qtbot: QtBot, panel: SpanTablePanel) -> None:
    with qtbot.assertNotEmitted(panel.span_activated):
        panel.select_span(8)
        assert panel.selected_span() == 8
        panel.select_span(None)
    assert panel.selected_span() is None
    assert not view_of(panel).selectionModel().hasSelection()


def test_twenty_thousand_spans_load_sorted_and_a_refresh_keeps_the_selection(
        qtbot: QtBot, panel: SpanTablePanel) -> None:
    spans = [SpanRow(i, 3 * i, 3 * i + 2, i % 3 + 1, "万企", 1) for i in range(1, 20_001)]
    panel.set_spans(spans[::-1], LABELS)
    assert view_of(panel).model().rowCount() == 20_000
    assert column(panel, 2)[:3] == ["3", "6", "9"]
    panel.select_span(15_000)
    bar = view_of(panel).verticalScrollBar()
    scroll = bar.value()
    assert scroll > 0
    bar.setValue(scroll - 100)  # the user scrolls away from the selected span
    scroll = bar.value()
    del spans[0]  # the window refreshes after a deletion, and selects the span again
    panel.set_spans(spans, LABELS)
    panel.select_span(15_000)
    assert panel.selected_span() == 15_000
    assert bar.value() == scroll
    index = view_of(panel).currentIndex()
    assert index.siblingAtColumn(2).data() == "45000"
    panel.set_spans([s for s in spans if s.id != 15_000], LABELS)
    assert panel.selected_span() is None
