"""Closing the window while word snapping still learns the project's span texts gives the learning up: at a million
spans it is half a minute of CPU, and the closed window waited for all of it (issue 14: jieba never blocks the UI
thread)."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot
from sqlalchemy import insert
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.models import Span
from biaozhu.gui.annotate.snapping import Snapping
from biaozhu.gui.common.project import OpenProject

WORDS = 20_000  # distinct span texts: far more than a worker learns before the window closes


def distinct_words(count: int) -> list[str]:
    """``count`` different three-character words."""
    return [chr(0x4E00 + i // 400) + chr(0x4E00 + i % 400 // 20) + chr(0x5000 + i % 20) for i in range(count)]


def store_many_span_texts(sessions: sessionmaker[Session]) -> None:
    words = distinct_words(WORDS)
    with sessions.begin() as session:
        document = add_document(session, SourceDocument(name="r.txt", text="".join(words), source="r.txt"))[0]
        annotator = ensure_annotator(session, "张三").id
        label = next(iter(label_ids(session).values()))
        session.execute(insert(Span), [{"document_id": document.id, "annotator_id": annotator, "label_id": label,
                                        "start": 3 * i, "end": 3 * i + 3, "text": word}
                                       for i, word in enumerate(words)])


OpenProjectFixture = Callable[[sessionmaker[Session]], OpenProject]


def test_snapping_given_up_when_closed_while_loading(sessions: sessionmaker[Session], qtbot: QtBot,
                                                   open_project: OpenProjectFixture) -> None:
    store_many_span_texts(sessions)
    snapping = Snapping(open_project(sessions).runner)
    failures: list[str] = []
    snapping.failed.connect(failures.append)
    snapping.load()
    snapping.wait()  # as the window's closeEvent does
    qtbot.wait(100)  # the worker's answer, if any, arrives
    assert snapping.segmenter is None  # not learned to the end, nor handed over to a closed window
    assert failures == []  # giving up is no failure to tell


def test_snapping_loaded_when_left_to_load(sessions: sessionmaker[Session], qtbot: QtBot,
                                         open_project: OpenProjectFixture) -> None:
    store_many_span_texts(sessions)
    snapping = Snapping(open_project(sessions).runner)
    snapping.load()
    qtbot.waitUntil(lambda: snapping.segmenter is not None, timeout=60_000)
    assert snapping.segmenter is not None and snapping.segmenter.learned == set(distinct_words(WORDS))
    snapping.wait()
