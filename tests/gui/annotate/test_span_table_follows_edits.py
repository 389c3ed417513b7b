"""The span table follows each edit by its rows (issue 14): after an add, a relabelling, a deletion, an undo or a
redo it lists exactly the layer's spans as the database holds them, in the order the user chose, with the edited
span selected and without a reset of the whole table; a relabelled span moves to its new place, a filtered-out one
leaves. The header's titles follow a language change."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.models import Label
from biaozhu.db.spans import SpanRow, add_span, layer_spans
from biaozhu.gui.annotate.span_table import DOCUMENT, END, LABEL, START, TEXT, SpanTablePanel
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.common.i18n import install_translator

ME = "张三"
TEXT_ = "泸州市委统战部联合推出酒城同心·金融速贷产品，发放贷款377.178亿元，服务民营企业7306人次。"
LABELS = {1: ("PROGRAM", "项目", "#e53935"), 2: ("METRIC", "指标", "#1e88e5"), 3: ("ORGANIZATION", "机构", "#43a047")}
SPANS = [SpanRow(7, 2, 12, 1, "酒城同心·金融速贷", 1), SpanRow(8, 20, 28, 2, "377.178亿元", 1),
         SpanRow(9, 100, 107, 3, "泸州市委统战部", 1), SpanRow(10, 100, 102, 3, "泸州", 1),
         SpanRow(11, 9, 11, 2, "第一", 1)]


def table_of(panel: SpanTablePanel) -> QTableView:
    view = panel.findChild(QTableView)
    assert view is not None
    return view


def listed(panel: SpanTablePanel) -> list[tuple[str, str, str]]:
    """Each row as shown: text, start, end."""
    model = table_of(panel).model()
    return [tuple(str(model.index(row, column).data()) for column in (TEXT, START, END))  # type: ignore[misc]
            for row in range(model.rowCount())]


def fresh(qtbot: QtBot, spans: list[SpanRow], column: int, order: Qt.SortOrder, needle: str = "") -> SpanTablePanel:
    panel = SpanTablePanel()
    qtbot.addWidget(panel)
    panel.filter.text.setText(needle)
    table_of(panel).sortByColumn(column, order)
    panel.set_spans(spans, LABELS)
    return panel


EDITS = [  # (removed, added): an add, a deletion, a relabelling that moves the span, a move of its end
    ([], [SpanRow(12, 50, 53, 1, "377", 1)]),
    ([SPANS[0]], []),
    ([SPANS[1]], [SpanRow(8, 20, 28, 3, "377.178亿元", 1)]),
    ([SPANS[3]], [SpanRow(10, 100, 103, 3, "泸州市", 1)]),
]


@pytest.mark.parametrize("column", [TEXT, LABEL, START, END])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_rows_follow_an_edit_in_the_chosen_order_and_keep_the_selection(
        qtbot: QtBot, column: int, order: Qt.SortOrder) -> None:
    for removed, added in EDITS:
        panel = fresh(qtbot, SPANS, column, order)
        panel.select_span(9)
        resets: list[object] = []
        table_of(panel).model().modelReset.connect(partial(resets.append, 1))
        panel.follow(removed, added)
        after = [s for s in SPANS if s.id not in {r.id for r in removed}] + added
        assert listed(panel) == listed(fresh(qtbot, after, column, order))
        assert panel.selected_span() == 9 and resets == []


def test_the_filter_keeps_out_an_added_span_and_lets_a_relabelled_one_leave(qtbot: QtBot) -> None:
    panel = fresh(qtbot, SPANS, START, Qt.SortOrder.AscendingOrder, needle="泸州")
    panel.follow([], [SpanRow(12, 40, 43, 1, "民营企", 1), SpanRow(13, 0, 2, 3, "泸州", 1)])
    assert [row[0] for row in listed(panel)] == ["泸州", "泸州市委统战部", "泸州"]
    panel.filter.label.setCurrentIndex(panel.filter.label.findData(3))
    panel.follow([SpanRow(13, 0, 2, 3, "泸州", 1)], [SpanRow(13, 0, 2, 1, "泸州", 1)])
    assert listed(panel) == [("泸州市委统战部", "100", "107"), ("泸州", "100", "102")]


def test_header_titles_follow_a_language_change(qtbot: QtBot, qapp: QApplication) -> None:
    panel = fresh(qtbot, SPANS, START, Qt.SortOrder.AscendingOrder)
    model = table_of(panel).model()

    def titles() -> list[str]:
        return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(DOCUMENT)]

    assert titles()[:3] == ["Text", "Label", "Start"]
    install_translator(qapp, "zh")
    try:
        qtbot.waitUntil(lambda: titles()[:2] == ["文字", "标签"])
    finally:
        install_translator(qapp, "en")
    qtbot.waitUntil(lambda: titles()[0] == "Text")



def test_the_windows_table_follows_add_relabel_delete_undo_redo_by_rows(
        sessions: sessionmaker[Session], qtbot: QtBot, open_annotation: Callable[..., MainWindow]) -> None:
    with sessions.begin() as session:
        document, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT_, source="泸州.txt"))
        me = ensure_annotator(session, ME).id
        ids = label_ids(session)
        for text in ("泸州市委统战部", "377.178亿元", "7306人次"):
            start = TEXT_.index(text)
            add_span(session, document.id, me, ids["METRIC" if text[0].isdigit() else "ORGANIZATION"], start,
                     start + len(text), text)
        names = {label.id: label.name for label in session.query(Label)}
    window = open_annotation(sessions, ME, document.id)
    qtbot.waitUntil(lambda: window.span_table._model.rowCount() == 3)
    table = table_of(window.span_table)
    table.sortByColumn(LABEL, Qt.SortOrder.DescendingOrder)  # the user's order: by label, Z to A
    model = table.model()
    resets: list[object] = []
    model.modelReset.connect(lambda: resets.append(1))

    def expected() -> list[tuple[str, str, str]]:
        with sessions() as session:
            rows = layer_spans(session, document.id, [me])
        rows.sort(key=lambda s: (names[s.label_id], s.start, s.end, s.id), reverse=True)
        return [(s.text, str(s.start), str(s.end)) for s in rows]

    def check(selected_text: str | None) -> None:
        rows = expected()
        qtbot.waitUntil(lambda: listed(window.span_table) == rows, timeout=1000)  # once the text has repainted
        current = table.selectionModel().currentIndex()
        shown = model.index(current.row(), TEXT).data() if current.isValid() else None
        span = window.selected_span()
        assert shown == selected_text == (span.text if span is not None else None)
        assert table.selectionModel().isRowSelected(current.row(), QModelIndex()) or selected_text is None

    start = TEXT_.index("酒城同心·金融速贷")
    window.view.select_range(start, start + len("酒城同心·金融速贷"))
    hotkey = {label.name: label.hotkey or "" for label in window.labels}
    qtbot.keyClicks(window.view, hotkey["PROGRAM"])  # add
    check("酒城同心·金融速贷")
    qtbot.keyClicks(window.view, hotkey["ORGANIZATION"])  # relabel: the row moves to its label's place
    check("酒城同心·金融速贷")
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    check(None)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # back from the trash
    check("酒城同心·金融速贷")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the relabelling undone
    check("酒城同心·金融速贷")
    qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # and redone
    check("酒城同心·金融速贷")
    assert resets == []
    qtbot.wait(100)  # the deferred refresh, if any, finds nothing to change
    check("酒城同心·金融速贷")
    window.close()
