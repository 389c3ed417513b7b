"""The statistics window: its figures are `biaozhu stats`'s, its charts draw them and save as PNG, and a cell of
the progress matrix opens its document."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import orjson
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document, list_documents
from biaozhu.db.labels import label_ids
from biaozhu.db.spans import add_span
from biaozhu.db.status import set_status
from biaozhu.db.time_spent import add_time
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.dialogs.statistics import StatisticsDialog
from biaozhu.gui.review.window import ReviewWindow

ME, OTHER = "张三", "李四"
TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”，发放贷款377.178亿元。"


@pytest.fixture
def window(sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> MainWindow:
    with sessions.begin() as session:
        first, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source=""))
        second, _ = add_document(session, SourceDocument(name="吉林.txt", text="吉林省委统战部帮扶1007户。", source=""))
        labels = label_ids(session)
        me, other = ensure_annotator(session, ME).id, ensure_annotator(session, OTHER).id
        add_span(session, first.id, me, labels["ORGANIZATION"], 0, 7, "泸州市委统战部")
        add_span(session, first.id, me, labels["ORGANIZATION"], 8, 12, "泸州银行")
        start = TEXT.index("377.178亿元")
        add_span(session, first.id, other, labels["METRIC"], start, start + 9, "377.178亿元")
        set_status(session, first.id, me, "done")
        add_time(session, first.id, me, 3725, date(2026, 12, 1))
        add_time(session, first.id, me, 30, date(2026, 12, 2))
    return open_annotation(sessions, ME, second.id)


def open_statistics(qtbot: QtBot, window: MainWindow) -> StatisticsDialog:
    """Review → Statistics…; its figures are read on a worker thread and shown when they come."""
    window.actions_.by_name["statistics"].trigger()
    dialog = window.statistics_dialog
    assert isinstance(dialog, StatisticsDialog)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.figures is not None)
    return dialog


def test_the_window_shows_what_biaozhu_stats_prints(qtbot: QtBot, window: MainWindow, db_url: str, cli) -> None:
    dialog = open_statistics(qtbot, window)
    printed = orjson.loads(cli("--db", db_url, "stats", "--format", "json", "--documents", check=True).stdout)
    matrix = printed.pop("matrix")
    assert dialog.figures is not None and dialog.figures.stats.as_dict() == printed
    assert [row.as_dict() for row in dialog.figures.matrix.rows] == matrix["rows"] and matrix["total"] == 2
    mine = next(layer for layer in printed["layers"] if layer["name"] == ME)
    assert mine["documents"] == {"not_started": 0, "in_progress": 1, "done": 1, "adjudicated": 0}  # 吉林 is open
    assert mine["by_label"] == {"ORGANIZATION": 2} and sum(mine["by_day"].values()) == 2
    assert dialog.summary.text().startswith("2 documents")
    bars = {series.name: list(series.values) for series in dialog.by_label.series}
    assert dialog.by_label.categories == ["PROGRAM", "METRIC", "ORGANIZATION"]
    assert bars == {ME: [0, 0, 2], OTHER: [0, 1, 0]}
    assert mine["seconds"] == 3755 and mine["seconds_by_day"] == {"2026-12-01": 3725, "2026-12-02": 30}
    assert dialog.time_by_day.categories == ["2026-12-01", "2026-12-02"]
    assert [list(series.values) for series in dialog.time_by_day.series] == [[1.03, 0.01], [0, 0]]


def click_cell(qtbot: QtBot, dialog: StatisticsDialog, row: int, column: int) -> None:
    matrix = dialog.matrix
    centre = matrix.visualItemRect(matrix.item(row, column)).center()
    qtbot.mouseClick(matrix.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_a_click_in_the_matrix_opens_the_document_for_that_layer(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_statistics(qtbot, window)
    matrix = dialog.matrix
    headers = [matrix.horizontalHeaderItem(c).text() for c in range(matrix.columnCount())]
    assert headers == [ME, OTHER]
    assert matrix.verticalHeaderItem(0).text() == "泸州.txt"
    assert matrix.item(0, 0).text() == "done · 2 spans · 1:02:35"
    assert matrix.item(1, 0).text() == "in progress · 0 spans"
    assert matrix.item(0, 1).text() == "not started · 1 spans"
    assert dialog.page_label.text() == "documents 1–2 of 2" and not dialog.next_page.isEnabled()
    click_cell(qtbot, dialog, 0, 0)  # my own layer: here, to work on
    assert window.layer.text == TEXT
    click_cell(qtbot, dialog, 1, 1)  # 李四's layer, which only 李四 changes: review mode, every layer shown
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReviewWindow) and w.isVisible()]
    assert len(windows) == 1 and windows[0].document is not None
    assert windows[0].document.name == "吉林.txt"


def test_charts_save_as_png(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    dialog = open_statistics(qtbot, window)
    target = tmp_path / "labels.png"
    assert dialog.by_label.save_png(target)
    image = QImage(str(target))
    assert not image.isNull() and image.width() > 100
    assert len({image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}) > 3


def test_agreement_over_time_from_the_agreement_dialog_and_the_measure_button(
        qtbot: QtBot, window: MainWindow, sessions: sessionmaker[Session], db_url: str, cli) -> None:
    window.open_agreement()  # computing the agreement stores a snapshot
    dialog = open_statistics(qtbot, window)
    assert dialog.figures is not None and len(dialog.figures.stats.agreement) == 1
    assert [s.name for s in dialog.agreement.series] == ["F1", "κ"] and len(dialog.agreement.categories) == 1
    qtbot.mouseClick(dialog.measure_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.measure_button.isEnabled)
    printed = orjson.loads(cli("--db", db_url, "stats", "--format", "json", check=True).stdout)
    assert len(printed["agreement"]) == 1  # the same figures within the hour: no new point
    with sessions.begin() as session:  # 李四 tags the bank too: agreement rises
        other = ensure_annotator(session, OTHER).id
        first = next(d for d in list_documents(session) if d.name == "泸州.txt").id
        add_span(session, first, other, label_ids(session)["ORGANIZATION"], 0, 7, "泸州市委统战部")
    qtbot.mouseClick(dialog.measure_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.agreement.categories) == 2)
    before, after = dialog.figures.stats.agreement
    assert before.f1 is not None and after.f1 is not None and after.f1 > before.f1
    assert list(dialog.agreement.series[0].values) == [before.f1, after.f1]
    printed = orjson.loads(cli("--db", db_url, "stats", "--format", "json", check=True).stdout)
    assert dialog.figures.stats.as_dict() == printed


def test_the_matrix_goes_page_by_page_and_colours_the_status(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_statistics(qtbot, window)
    assert dialog.matrix.item(0, 0).background().color().name() == "#d3f9d8"  # done, besides the word
    dialog.page_size = 1  # 500 documents a page in the app
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.matrix.rowCount() == 1)
    assert dialog.page_label.text() == "documents 1–1 of 2"
    assert not dialog.previous_page.isEnabled()
    qtbot.mouseClick(dialog.next_page, Qt.MouseButton.LeftButton)
    assert dialog.matrix.verticalHeaderItem(0).text() == "吉林.txt"
    assert dialog.matrix.item(0, 0).text() == "in progress · 0 spans"
    assert dialog.page_label.text() == "documents 2–2 of 2" and not dialog.next_page.isEnabled()
    qtbot.mouseClick(dialog.previous_page, Qt.MouseButton.LeftButton)
    assert dialog.matrix.verticalHeaderItem(0).text() == "泸州.txt"
