"""One annotator on several desktops (issue 11, item 6): eight processes under one name adding and resizing spans on
the same 40 characters never make two crossing spans, not even for a moment, on SQLite or on the PostgreSQL server."""

from __future__ import annotations

import subprocess
import sys
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
