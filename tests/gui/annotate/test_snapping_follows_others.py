"""Word snapping follows another program's changes to spans (a teammate, the CLI; issue 14): a span added elsewhere
is learned, one moved elsewhere teaches its new text instead of its old one, a relabelled one is still learned,
and a deleted one is forgotten. Only the ranges of span ids that changed are read again."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.labels import label_ids
from biaozhu.db.spans import add_span, relabel_span, resize_span, trash_span
from biaozhu.db.status import set_status
from biaozhu.gui.annotate.window import MainWindow

ME, TEAMMATE = "张三", "李四"
PROGRAM = "酒城同心·金融速贷"
TEXT = f"泸州市委统战部与泸州银行推出“{PROGRAM}”，发放贷款377.178亿元。"


@pytest.fixture
def theirs(engine: Engine) -> Iterator[sessionmaker[Session]]:
    """Another program's connection to the window's project."""
    other = create_project_engine(engine.url.render_as_string(hide_password=False))
    yield session_factory(other)
    other.dispose()


def test_snapping_learns_and_forgets_what_another_program_changed(
        sessions: sessionmaker[Session], theirs: sessionmaker[Session], qtbot: QtBot,
        open_annotation: Callable[..., MainWindow]) -> None:
    with sessions.begin() as session:
        document = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source="泸州.txt"))[0].id
    window = open_annotation(sessions, ME, snapping=True, poll_ms=50)

    def learned() -> frozenset[str]:
        assert window.snapping.segmenter is not None
        return window.snapping.segmenter.learned

    start = TEXT.index(PROGRAM)
    with theirs.begin() as session:  # a teammate tags the programme
        teammate, labels = ensure_annotator(session, TEAMMATE).id, label_ids(session)
        span = add_span(session, document, teammate, labels["PROGRAM"], start, start + len(PROGRAM), PROGRAM)
    qtbot.waitUntil(lambda: learned() == {PROGRAM}, timeout=5000)
    with theirs.begin() as session:  # then moves its end in and finishes the document
        resize_span(session, span, start, start + 4, PROGRAM[:4])
        set_status(session, document, teammate, "done")
    qtbot.waitUntil(lambda: learned() == {PROGRAM[:4]}, timeout=5000)
    with theirs.begin() as session:  # relabels it, and tags the bank
        relabel_span(session, span, labels["ORGANIZATION"])
        add_span(session, document, teammate, labels["ORGANIZATION"], 8, 12, "泸州银行")
    qtbot.waitUntil(lambda: "泸州银行" in learned(), timeout=5000)
    assert learned() == {PROGRAM[:4], "泸州银行"}
    assert window.snapping.snap(TEXT, start + 1, start + 3) == (start, start + 4)  # grown over the learned text
    with theirs.begin() as session:  # and deletes the programme
        trash_span(session, span)
    qtbot.waitUntil(lambda: learned() == {"泸州银行"}, timeout=5000)
    assert window.snapping.snap(TEXT, start + 1, start + 3) != (start, start + 4)  # no longer
