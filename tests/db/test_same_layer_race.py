"""One annotator on several desktops (issue 11, item 6): eight processes under one name adding and resizing spans on
the same 40 characters never make two crossing spans, not even for a moment, on SQLite or on the PostgreSQL server."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path
from types import ModuleType

import orjson
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Span as DomainSpan
from biaozhu.corpus.spans import find_crossings
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import lock_layer
from biaozhu.db.errors import StorageError, storage_errors
from biaozhu.db.models import Span

PROCESSES, EDITS = 8, 300
WORKER = Path(__file__).with_name("same_layer_worker.py")


@pytest.mark.slow  # processes racing: run with the full suite, skipped by the fast subset
def test_eight_desktops_of_one_annotator_never_make_crossing_spans(db_url: str, sessions: sessionmaker[Session],
                                                                    annotator_worker: ModuleType) -> None:
    annotator_worker.add_documents(sessions, 1)
    with sessions.begin() as session:
        ensure_annotator(session, "张三")
    start_at = time.time() + 8  # every process started and connected: they begin at once
    workers = [subprocess.Popen([sys.executable, str(WORKER), db_url, "张三", str(EDITS), str(seed), str(start_at)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE) for seed in range(PROCESSES)]
    reports = []
    for worker in workers:
        out, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err.decode()
        reports.append(orjson.loads(out.splitlines()[-1]))
    assert sum(report["added"] for report in reports) > PROCESSES * 10, reports  # they did race
    assert [report["crossings_seen"] for report in reports] == [0] * PROCESSES
    with sessions() as session:
        layer = [DomainSpan(start, end, "L", text) for start, end, text in
                 session.execute(select(Span.start, Span.end, Span.text))]
    assert layer, "the desktops stored nothing"
    assert find_crossings(layer) == []


def test_two_actions_waiting_for_each_others_layers_get_a_sentence(sessions: sessionmaker[Session], db_url: str,
                                                                   annotator_worker: ModuleType) -> None:
    """Two imports by one annotator of the same texts in opposite orders lock the same layers in opposite orders:
    PostgreSQL stops one of them, which is told so in a sentence and stores nothing (SQLite serialises them)."""
    if "://" not in db_url:
        pytest.skip("SQLite's write lock serialises whole transactions: no two wait for each other")
    annotator_worker.add_documents(sessions, 2)
    with sessions.begin() as session:
        who = ensure_annotator(session, "张三").id
    failures: list[BaseException] = []
    first_locked = threading.Event()

    def other_desktop() -> None:
        try:
            with storage_errors(), sessions.begin() as session:
                lock_layer(session, 2, who)
                first_locked.set()
                lock_layer(session, 1, who)
        except StorageError as exc:
            failures.append(exc)

    try:
        with storage_errors(), sessions.begin() as session:
            lock_layer(session, 1, who)
            racer = threading.Thread(target=other_desktop)
            racer.start()
            first_locked.wait(10)
            time.sleep(0.2)  # the other desktop now waits for layer 1
            lock_layer(session, 2, who)
    except StorageError as exc:
        failures.append(exc)
    racer.join(30)
    assert len(failures) == 1 and "at the same moment" in str(failures[0])
