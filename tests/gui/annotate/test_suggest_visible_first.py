"""Suggest on a long report (issue 15): the model's suggestions for what is on screen come first, stored and shown
while the rest of the document is still being computed on a worker thread; the window answers keys meanwhile, and
in the end the parts hold exactly what the whole text's computation would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.crf import Model, train
from biaozhu.corpus.formats.doccano import read_doccano
from biaozhu.corpus.model import SourceDocument
from biaozhu.corpus.suggestions import ENGINES, Example
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Document, Label
from biaozhu.db.project import initialise
from biaozhu.db.suggestions import Planner, open_suggestions
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.operations.model import segmenter
from biaozhu.operations.model_files import model_path, write_atomically

REFERENCE = Path(__file__).resolve().parents[3] / "benchmarks" / "reference"
ME = "张三"


@pytest.fixture
def project(sqlite_path: Path) -> sessionmaker[Session]:
    """A long report (the seed reports again and again, 120,000 characters) and a model trained on their spans."""
    engine = create_project_engine(sqlite_path)
    sessions = session_factory(engine)
    seeds = [read_doccano(path, "reference")[0] for path in sorted(REFERENCE.glob("*.jsonl"))]
    text = ""
    while len(text) < 120_000:
        text += "".join(seed.text + "\n" for seed in seeds)
    with sessions.begin() as session:
        initialise(session, with_seeds=False)
        store_documents(session, "long.txt", [SourceDocument(name="long.txt", text=text, source="")])
        labels = list(session.scalars(select(Label.name).order_by(Label.position)))
    examples = [Example(seed.text, seed.spans) for seed in seeds]
    write_atomically(model_path(engine.url), train(examples, labels, segmenter())[0])
    return sessions


def whole_text(sessions: sessionmaker[Session], url: object) -> set[tuple[int, int, int, str]]:
    """What computing the whole text at once proposes, with the same model (as ``biaozhu suggest`` does)."""
    model = Model.load(model_path(url))  # type: ignore[arg-type]
    assert model is not None
    with sessions() as session:
        planner = Planner(session, ENGINES, model=lambda text, found: model.suggest(text, segmenter(), None, found))
        text = session.scalar(select(Document.text))
        ids = dict(session.execute(select(Label.name, Label.id)).all())
    assert text is not None
    planned = planner.plan(1, text)
    return {(s.start, s.end, ids[s.label], f"{s.engine} {s.score}") for s in planned.suggestions}


@pytest.mark.slow  # the model tags 120,000 characters
def test_the_visible_part_is_suggested_first_and_the_rest_in_the_background_while_keys_are_answered(
        project: sessionmaker[Session], open_annotation: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_annotation(project, ME, 1)
    view, board = window.view, window.suggestions
    cursor = view.textCursor()
    cursor.setPosition(view.positions.to_qt(60_000))  # the middle of the report on screen
    view.setTextCursor(cursor)
    view.centerCursor()
    first, last = view.visible_range()
    assert 50_000 < first < last < 70_000
    events: list[tuple[object, ...]] = []
    ticks: list[int] = []  # the window's own thread at work while the worker computes

    def part_shown(document_id: int, start: int, end: int) -> None:
        rows = board.rows.ordered
        events.append(("part", start, end, len(rows), {s.engine for s in rows},
                       all(start <= s.start < end for s in rows), board.computer.run is not None))
        if len(events) == 1:  # a key while the rest is computed: the window answers it at once
            qtbot.keyClick(view, Qt.Key.Key_N)
            current = board.current
            events.append(("key", current is not None and start <= current.start < end, board.computer.run is not None))

    board.computer.part_shown.connect(part_shown)
    board.computer.finished.connect(lambda document_id: events.append(("finished", len(ticks))))
    clock = QTimer(window, interval=10)
    clock.timeout.connect(lambda: ticks.append(len(events)))
    clock.start()
    window.actions_.by_name["suggest"].trigger()
    qtbot.waitUntil(lambda: bool(events) and events[-1][0] == "finished", timeout=600_000)
    clock.stop()

    kind, start, end, shown, engines, inside, running = events[0]
    assert kind == "part" and start <= first and last <= end < start + 10_000  # the lines on screen, first
    assert shown > 0 and "model" in engines and inside and running  # shown before the rest is computed
    assert events[1] == ("key", True, True)  # N went to one of them while the worker went on
    parts = [event for event in events if event[0] == "part"]
    assert len(parts) > 2 and events[-1][0] == "finished"
    assert any(tick >= 2 for tick in ticks)  # the window's timer kept ticking after the first part was shown
    with project() as session:
        stored = {(s.start, s.end, s.label_id, s.note) for s in open_suggestions(session, 1)}
    assert len(board.rows) == len(stored)  # every part shown
    assert stored == whole_text(project, window.model_training.url)  # the parts hold what the whole text would
