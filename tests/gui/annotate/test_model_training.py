"""The suggestions' model in the window (issue 15): trained again in a process of its own while the window keeps
answering, rating every document, which the document list shows in a sortable column; sorted by it, Ctrl+N opens
the most unsure unfinished document (active learning), and Suggest proposes the model's spans."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.formats.doccano import read_doccano
from biaozhu.corpus.model import SourceDocument
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Annotator
from biaozhu.db.project import initialise
from biaozhu.db.status import set_status
from biaozhu.gui.annotate.model_training import ModelTrainer
from biaozhu.gui.widgets.document_list import UNSURE

REFERENCE = Path(__file__).resolve().parents[3] / "benchmarks" / "reference"
ME = "张三"
UNLIKE = "春风送暖入屠苏，千门万户曈曈日。总把新桃换旧符，爆竹声中一岁除。"
ALIKE = "2023年，绵阳市委统战部联合建设银行推出“同心贷”专项行动，发放贷款12.5亿元，服务企业860户，走访商会37家。"


@pytest.fixture
def project(sqlite_path: Path) -> sessionmaker[Session]:
    """The two seed reports with 张三's spans, the first marked done; a poem, and a report's sentence."""
    sessions = session_factory(create_project_engine(sqlite_path))
    with sessions.begin() as session:
        initialise(session, with_seeds=False)
        for path in sorted(REFERENCE.glob("*.jsonl")):
            store_documents(session, str(path), read_doccano(path, ME))
        store_documents(session, "poem.txt", [SourceDocument(name="poem.txt", text=UNLIKE, source="")])
        store_documents(session, "绵阳.txt", [SourceDocument(name="绵阳.txt", text=ALIKE, source="")])
        me = session.scalar(select(Annotator.id).where(Annotator.name == ME))
        assert me is not None
        set_status(session, 1, me, "done")
    return sessions


@pytest.mark.slow  # a training process
def test_the_window_trains_in_the_background_and_orders_documents_by_how_unsure_the_model_is(
        project: sessionmaker[Session], sqlite_path: Path, open_annotation, qtbot: QtBot) -> None:
    window = open_annotation(project, ME, 1)
    ticks: list[float] = []
    clock = QTimer(window, interval=20)
    clock.timeout.connect(lambda: ticks.append(time.perf_counter()))
    clock.start()
    window.actions_.by_name["train-model"].trigger()  # Suggest ▸ Train the model now
    qtbot.waitUntil(lambda: window.model_training.last is not None, timeout=120_000)
    clock.stop()
    assert window.model_training.last.trained and window.model_training.last.spans == 61
    assert sqlite_path.with_name("project.sqlite.model").is_file()
    assert max(b - a for a, b in zip(ticks, ticks[1:], strict=False)) < 1.0  # the window never waited on it
    assert "learned 61 spans" in window.statusBar().currentMessage()

    view = window.document_list.findChild(QTableView)
    assert view is not None
    model = view.model()
    assert model.headerData(UNSURE, Qt.Orientation.Horizontal) in ("Unsure", "不确定度")

    qtbot.waitUntil(lambda: all(model.index(row, UNSURE).data() for row in range(model.rowCount())))
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(UNSURE) + header.sectionSize(UNSURE) // 2
    for _ in range(2):  # ascending, then descending: the most unsure first
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    shown = [float(model.index(row, UNSURE).data()) for row in range(model.rowCount())]
    assert shown == sorted(shown, reverse=True) and len(set(shown)) == 4
    order = [window.document_list._model.summary(row).id for row in range(model.rowCount())]
    assert order.index(4) < order.index(3)  # a report's sentence with new names is less sure than a poem
    window.open_document(2)
    qtbot.keyClick(window.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.layer.document_id == 4  # the most unsure unfinished one, not document 3 after document 2

    window.open_document(2)
    window.actions_.by_name["suggest"].trigger()
    qtbot.waitUntil(lambda: len(window.suggestions.rows) > 0, timeout=60_000)
    engines = {s.engine for s in window.suggestions.rows.ordered}
    assert "model" in engines


@pytest.mark.slow  # two training processes
def test_a_span_tagged_in_a_done_document_trains_the_model_again_a_while_later(
        project: sessionmaker[Session], open_annotation, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ModelTrainer, "quiet_ms", 300)  # the while after the last change, shortened
    window = open_annotation(project, ME, 1)
    qtbot.waitUntil(lambda: window.model_training.last is not None, timeout=120_000)  # the run at the start
    assert window.model_training.last.spans == 61
    text = window.layer.text
    start = text.index("统一战线")
    window.view.select_range(start, start + 4)
    label = window.labels.named("PROGRAM")
    assert label is not None and label.hotkey
    qtbot.keyClick(window.view, Qt.Key(ord(label.hotkey)))  # a change to what the model learns from
    window.model_training.last = None
    qtbot.waitUntil(lambda: window.model_training.last is not None, timeout=120_000)
    assert window.model_training.last.trained and window.model_training.last.spans == 62
