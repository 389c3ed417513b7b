"""Time spent per document (issue 18), measured on the real window: it runs while the document is open, the window
active and the person there; it is stored on a document switch, on leaving the window, every minute and on
closing. The clock's idle limit and store interval are shortened here so that seconds stand for minutes."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.time_spent import seconds_by_document
from biaozhu.db.trash import trash_document
from biaozhu.gui.annotate.window import MainWindow

ME = "张三"


@pytest.fixture
def documents(sessions: sessionmaker[Session]) -> tuple[int, int, int]:
    with sessions.begin() as session:
        first = add_document(session, SourceDocument(name="泸州.txt", text="泸州市委统战部。", source=""))[0].id
        second = add_document(session, SourceDocument(name="吉林.txt", text="吉林省委统战部。", source=""))[0].id
        return first, second, ensure_annotator(session, ME).id


def spent(sessions: sessionmaker[Session], document_id: int, annotator_id: int, window: MainWindow) -> int:
    """What the database holds, once the window's stores under way (on a worker thread) are done."""
    window.clock.wait()
    with sessions() as session:
        return seconds_by_document(session, [document_id]).get((document_id, annotator_id), 0)


def test_the_clock_stops_when_the_person_is_idle_and_a_switch_stores_it(
        qtbot: QtBot, sessions: sessionmaker[Session], documents: tuple[int, int, int],
        open_annotation: Callable[..., MainWindow], working: Callable[[MainWindow, float], float]) -> None:
    first, second, me = documents
    window = open_annotation(sessions, ME, second)
    window.clock.idle_s = 0.5
    window.open_document(first)
    started = time.monotonic()
    last = working(window, 1.6)
    qtbot.wait(2500)  # gone: after 0.5 s without input the clock stops
    window.open_document(second)
    counted = last + 0.5 - started
    assert abs(spent(sessions, first, me, window) - counted) <= 0.6, counted  # not the 4 s the document was open
    assert spent(sessions, second, me, window) == 0


def test_leaving_the_window_stores_at_once_and_stops_the_clock(
        qtbot: QtBot, sessions: sessionmaker[Session], documents: tuple[int, int, int],
        open_annotation: Callable[..., MainWindow], activate: Callable[[MainWindow], None],
        working: Callable[[MainWindow, float], float]) -> None:
    first, _, me = documents
    window = open_annotation(sessions, ME, first)
    window.clock.switch_to(first)  # counted from here
    working(window, 1.6)
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    stored = spent(sessions, first, me, window)
    assert 1 <= stored <= 3
    qtbot.keyClick(other, Qt.Key.Key_Shift)  # working elsewhere: not on this document
    qtbot.wait(2000)
    activate(window)
    window.close()  # the rest is stored on closing
    assert stored <= spent(sessions, first, me, window) <= stored + 1


def test_what_ran_is_stored_every_minute_without_a_switch(
        qtbot: QtBot, sessions: sessionmaker[Session], documents: tuple[int, int, int],
        open_annotation: Callable[..., MainWindow], working: Callable[[MainWindow, float], float]) -> None:
    """A killed app loses at most the last minute: the store does not wait for a switch or closing."""
    first, _, me = documents
    window = open_annotation(sessions, ME, first)
    window.clock.flush_timer.setInterval(300)
    working(window, 2.5)
    assert spent(sessions, first, me, window) >= 2


def test_a_document_deleted_while_open_loses_its_time_quietly(
        qtbot: QtBot, sessions: sessionmaker[Session], documents: tuple[int, int, int],
        open_annotation: Callable[..., MainWindow], working: Callable[[MainWindow, float], float]) -> None:
    """The document is deleted (by its reviewer, in another window) while open: the next store drops its
    seconds, no error."""
    first, second, me = documents
    window = open_annotation(sessions, ME, first)
    working(window, 1.2)
    with sessions.begin() as session:
        trash_document(session, first, ME)  # the first person to open the project: its reviewer
    window.clock.flush()
    window.open_document(second)
    assert window.layer.document_id == second and spent(sessions, first, me, window) == 0
    assert window.clock.pending < 1


def test_storing_never_waits_for_another_programs_write(
        qtbot: QtBot, sessions: sessionmaker[Session], documents: tuple[int, int, int],
        open_annotation: Callable[..., MainWindow], db_url: str, working: Callable[[MainWindow, float], float]) -> None:
    """An import in another process holds SQLite's write lock for a while: the minute's store waits for it on
    a worker thread, not in the window (which would freeze up to the 15 s busy timeout)."""
    if "postgresql" in db_url:
        pytest.skip("SQLite's whole-file write lock")
    first, _, me = documents
    window = open_annotation(sessions, ME, first)
    working(window, 1.2)
    other = sqlite3.connect(db_url, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    started = time.monotonic()
    window.clock.flush()
    assert time.monotonic() - started < 0.5
    qtbot.wait(500)
    other.execute("ROLLBACK")
    other.close()
    assert spent(sessions, first, me, window) >= 1  # stored once the lock was free
