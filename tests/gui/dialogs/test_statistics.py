"""The statistics window: its figures are `biaozhu stats`'s, its charts draw them and save as PNG, and a cell of
the progress matrix opens its document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from PySide6.QtGui import QImage
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.spans import add_span
from biaozhu.db.status import set_status
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.dialogs.statistics import StatisticsDialog

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
    return open_annotation(sessions, ME, second.id)


def open_statistics(window: MainWindow) -> StatisticsDialog:
    window.actions_.by_name["statistics"].trigger()
    dialog = window.statistics_dialog
    assert isinstance(dialog, StatisticsDialog)
    assert dialog.isVisible(), dialog.summary.text()
    return dialog


def test_the_window_shows_what_biaozhu_stats_prints(window: MainWindow, db_url: str, cli) -> None:
    dialog = open_statistics(window)
    printed = orjson.loads(cli("--db", db_url, "stats", "--format", "json", check=True).stdout)
    assert dialog.figures is not None and dialog.figures.stats.as_dict() == printed
    mine = next(layer for layer in printed["layers"] if layer["name"] == ME)
    assert mine["documents"] == {"not_started": 0, "in_progress": 1, "done": 1, "adjudicated": 0}  # 吉林 is open
    assert mine["by_label"] == {"ORGANIZATION": 2} and sum(mine["by_day"].values()) == 2
    assert dialog.summary.text().startswith("2 documents")
    bars = {series.name: list(series.values) for series in dialog.by_label.series}
    assert dialog.by_label.categories == ["项目", "指标", "机构"]  # titles, short enough under a bar
    assert bars == {ME: [0, 0, 2], OTHER: [0, 1, 0]}


def test_the_matrix_opens_a_document_and_charts_save_as_png(window: MainWindow, tmp_path: Path) -> None:
    dialog = open_statistics(window)
    matrix = dialog.matrix
    headers = [matrix.horizontalHeaderItem(c).text() for c in range(matrix.columnCount())]
    assert headers == [ME, OTHER]
    assert matrix.verticalHeaderItem(0).text() == "泸州.txt"
    assert matrix.item(0, 0).text() == "done · 2 spans" and matrix.item(1, 0).text() == "in progress · 0 spans"
    assert matrix.item(0, 1).text() == "not started · 1 spans"
    matrix.cellDoubleClicked.emit(0, 0)
    assert window.layer.text == TEXT
    target = tmp_path / "labels.png"
    assert dialog.by_label.save_png(target)
    image = QImage(str(target))
    assert not image.isNull() and image.width() > 100
    assert len({image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}) > 3
