"""The change poller's token follows the window's own edits in memory in a long report too (issue 14): after every
kind of edit, its undo and its redo, the token is what the database says, and no edit reads an aggregate of the
open layer (a pass over a 20,000-span layer cost each edit 10 ms); a teammate's edit of the same layer committed
just before one of ours still reaches the window."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, event, insert
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.changes import change_token
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.models import Span
from biaozhu.db.spans import SpanRow, add_span, relabel_span
from biaozhu.gui.annotate import commands
from biaozhu.gui.annotate.layer import FIRST_PART
from biaozhu.gui.annotate.window import MainWindow

ME = "张三"
SENTENCE = "泸州银行发放贷款377.178亿元。\n"  # 19 code points
BANK, LOAN, FIGURE = 0, SENTENCE.index("贷款"), SENTENCE.index("377.178亿元")
SENTENCES = 2 * FIRST_PART // len(SENTENCE)  # a report twice as long as its first part: its layer read in two


def long_report(sessions: sessionmaker[Session]) -> int:
    """A long report with 泸州银行 tagged in every sentence and one figure tagged METRIC."""
    with sessions.begin() as session:
        document, _ = add_document(session, SourceDocument(name="long.txt", text=SENTENCE * SENTENCES, source=""))
        me, labels = ensure_annotator(session, ME).id, label_ids(session)
        session.execute(insert(Span), [
            {"document_id": document.id, "annotator_id": me, "label_id": labels["ORGANIZATION"],
             "start": i * len(SENTENCE) + BANK, "end": i * len(SENTENCE) + BANK + 4, "text": "泸州银行"}
            for i in range(SENTENCES)])
        add_span(session, document.id, me, labels["METRIC"], FIGURE, FIGURE + 9, "377.178亿元")
        return document.id


@pytest.fixture
def ui_statements(engine: Engine) -> Iterator[list[str]]:
    """The statements the UI thread runs (the poller's reads run on its worker)."""
    ui, seen = threading.get_ident(), list[str]()

    def note(_connection: object, _cursor: object, statement: str, *_: object) -> None:
        if threading.get_ident() == ui:
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    yield seen
    event.remove(engine, "before_cursor_execute", note)


def test_every_edit_undo_and_redo_in_a_long_report_keeps_the_token_as_stored_without_a_pass_over_the_layer(
        sessions: sessionmaker[Session], qtbot: QtBot, open_annotation: Callable[..., MainWindow],
        ui_statements: list[str]) -> None:
    document_id = long_report(sessions)
    window = open_annotation(sessions, ME, document_id, poll_ms=3_600_000)  # no poll during the test
    qtbot.waitUntil(lambda: window.layer.complete and window.project.poller.token is not None, timeout=10_000)
    layer, history = window.layer, window.editing.history
    labels = {label.name: label.id for label in window.labels}

    def token_is_stored() -> bool:
        with sessions() as session:
            return window.project.poller.token == change_token(session, (document_id, layer.annotator_id))

    qtbot.waitUntil(token_is_stored)

    def span_at(start: int) -> SpanRow:
        return next(span for span in layer.index if span.start == start)

    def checked(what: str, edit: Callable[[], object]) -> None:
        ui_statements.clear()
        edit()
        aggregates = [s for s in ui_statements if "sum(" in s.lower() or "count(" in s.lower()]
        assert aggregates == [], f"{what} read an aggregate: {aggregates}"
        assert token_is_stored(), what

    loan = 3 * len(SENTENCE) + LOAN  # in the first part
    late = (SENTENCES - 3) * len(SENTENCE)  # far past it
    edits: list[tuple[str, Callable[[], object]]] = [
        ("add", lambda: (window.view.select_range(loan, loan + 2), qtbot.keyClick(window.view, Qt.Key.Key_1))),
        ("relabel", lambda: qtbot.keyClick(window.view, Qt.Key.Key_2)),  # the new span is selected
        ("resize", lambda: window.editing.resize_selected(-1, 0)),
        ("delete", lambda: qtbot.keyClick(window.view, Qt.Key.Key_Delete)),  # into the trash
        ("set a value", lambda: history.push(commands.SetValue(layer, history, document_id, span_at(FIGURE), "12",
                                                               None, "家", "about"))),
        ("tag all", lambda: history.push(commands.TagAll(
            layer, history, document_id, labels["PROGRAM"], "贷款",
            [(document_id, start + LOAN, start + LOAN + 2) for start in (late, late + len(SENTENCE))]))),
        ("relabel far away", lambda: history.push(commands.RelabelSpan(layer, history, document_id, span_at(late),
                                                                       labels["PROGRAM"], "PROGRAM"))),
    ]
    for what, edit in edits:
        checked(what, edit)
    for what, _ in reversed(edits):
        checked(f"undo {what}", lambda: qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier))
    for what, _ in edits:
        checked(f"redo {what}", lambda: qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier))
    assert len(layer.index) == SENTENCES + 1 + 2  # the bank names, the figure, the two tagged by tag-all
    window.close()


def test_a_teammates_edit_of_the_open_layer_just_before_one_of_ours_still_shows(
        sessions: sessionmaker[Session], qtbot: QtBot, open_annotation: Callable[..., MainWindow]) -> None:
    """The same annotator on another desktop relabels a span; before a poll could see it, the window makes an edit
    of its own, which moves the token in memory by what it did and nothing else: the next poll still sees the
    relabelling (reading the layer's state inside our edit would have taken it in unseen)."""
    document_id = long_report(sessions)
    window = open_annotation(sessions, ME, document_id, poll_ms=3_600_000)  # polled by hand below
    poller = window.project.poller
    qtbot.waitUntil(lambda: window.layer.complete and poller.token is not None, timeout=10_000)

    def token_is_stored() -> bool:
        with sessions() as session:
            return poller.token == change_token(session, (document_id, window.layer.annotator_id))

    qtbot.waitUntil(token_is_stored)
    qtbot.wait(100)  # nothing of ours left to note
    assert token_is_stored()
    bank = next(span for span in window.layer.index if span.start == len(SENTENCE))
    with sessions.begin() as session:  # the other desktop
        program = label_ids(session)["PROGRAM"]
        relabel_span(session, bank.id, program)
    window.view.select_range(LOAN, LOAN + 2)
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # ours

    def shown() -> int | None:
        span = window.layer.index.get(bank.id)
        return None if span is None else span.label_id

    assert shown() == bank.label_id  # not seen yet
    poller.poll()
    qtbot.waitUntil(lambda: shown() == program, timeout=5000)
    window.close()
