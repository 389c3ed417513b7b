"""Background reads outlive their window: a read still running when its window (and runner) is deleted ends
quietly instead of raising "Signal source has been deleted" in a worker thread (pytest-qt reports that as an
error of whichever test runs next; it failed a test's setup once the previous test's database was dropped)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.errors import StorageError
from biaozhu.gui.common.changes import ChangeBus
from biaozhu.gui.common.runner import ActionRunner


def test_a_read_that_ends_after_its_runner_is_deleted_ends_quietly(sessions: sessionmaker[Session]) -> None:
    pool, started, release = QThreadPool(), threading.Event(), threading.Event()
    runner = ActionRunner(sessions, ChangeBus())

    def slow_failure(session: Session) -> None:
        started.set()
        release.wait(10)
        raise StorageError("the database server says the database does not exist")

    answers: list[object] = []
    runner.in_background(pool, slow_failure, answers.append, answers.append)
    assert started.wait(10)
    runner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the window closed, its runner gone
    release.set()
    assert pool.waitForDone(10_000)
    assert answers == []  # and nothing raised in the worker (pytest-qt would fail this test)
