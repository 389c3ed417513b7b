"""A long report opens with its first screen's spans and the rest follow from a worker: what the user sees
before and after they arrive, and an edit made before they arrive."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.models import Span
from biaozhu.db.spans import add_span
from biaozhu.gui.annotate.layer import FIRST_PART
from biaozhu.gui.annotate.window import MainWindow

ME = "张三"
SENTENCE = "泸州银行向民营企业发放贷款𠮷。\n"  # 16 code points, one of them astral


def long_report(sessions: sessionmaker[Session]) -> tuple[int, int, list[int]]:
    """A short report, then a report three times :data:`FIRST_PART` long with a 泸州银行 span on every 50th
    sentence; returns both ids and the long one's span starts."""
    text = SENTENCE * (3 * FIRST_PART // len(SENTENCE))
    with sessions.begin() as session:
        short, _ = add_document(session, SourceDocument(name="short.txt", text="泸州银行。", source="short.txt"))
        long, _ = add_document(session, SourceDocument(name="long.txt", text=text, source="long.txt"))
        me = ensure_annotator(session, ME).id
        bank = label_ids(session)["ORGANIZATION"]
        starts = list(range(0, len(text), 50 * len(SENTENCE)))
        for start in starts:
            add_span(session, long.id, me, bank, start, start + 4, "泸州银行")
        return short.id, long.id, starts


def stored_count(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(Span)) or 0


def table_rows(window: MainWindow) -> int:
    return window.span_table._model.rowCount()


def test_a_long_report_shows_its_first_spans_at_once_and_the_rest_when_read(
        sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow], qtbot: QtBot) -> None:
    short, long, starts = long_report(sessions)
    window = open_annotation(sessions, ME, short)
    window.open_document(long)
    first = [s for s in starts if s < FIRST_PART]
    assert not window.layer.complete  # the rest is being read on the worker
    assert [span.start for span in window.view.index] == first  # the first screen is painted with its spans
    with qtbot.waitSignal(window.layer.loaded, timeout=10_000):
        pass
    assert [span.start for span in window.view.index] == starts
    qtbot.waitUntil(lambda: table_rows(window) == len(starts))
    bank = next(label.id for label in window.labels if label.name == "ORGANIZATION")
    assert window.label_bar.buttons[bank].text().endswith(f"  {len(starts)}")


def test_an_edit_made_before_the_rest_of_the_spans_arrive_sees_the_whole_layer(
        sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow], qtbot: QtBot) -> None:
    short, long, starts = long_report(sessions)
    window = open_annotation(sessions, ME, short)
    window.open_document(long)
    last = window.layer.index.at(starts[-1])  # waits for the worker's read rather than miss the far spans
    assert [span.start for span in last] == [starts[-1]] and window.layer.complete
    window.select_span(last[0])
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert stored_count(sessions) == len(starts) - 1
    qtbot.wait(200)  # the worker's answer, arriving after the edit, changes nothing
    assert [span.start for span in window.layer.index] == starts[:-1]
    assert [span.start for span in window.view.index] == starts[:-1]
    qtbot.waitUntil(lambda: table_rows(window) == len(starts) - 1)
