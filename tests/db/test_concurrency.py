"""Several annotators at once on one project (SQLite file, PostgreSQL server): each process's committed edits
are in the database exactly, none lost, none doubled, and nobody is told the database is locked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import ModuleType

import orjson
from sqlalchemy.orm import Session, sessionmaker

PROCESSES, EDITS = 4, 300


def test_concurrent_annotators_lose_and_double_nothing(db_url: str, sessions: sessionmaker[Session], tmp_path: Path,
                                                       annotator_worker: ModuleType) -> None:
    annotator_worker.add_documents(sessions)
    logs = {f"annotator{n}": tmp_path / f"annotator{n}.log" for n in range(PROCESSES)}
    workers = [annotator_worker.start(db_url, name, EDITS, log, seed)
               for seed, (name, log) in enumerate(logs.items())]
    outcomes = [worker.communicate(timeout=600) for worker in workers]
    for worker, (out, err) in zip(workers, outcomes):
        assert worker.returncode == 0, err.decode()
        assert b"locked" not in err
    summaries = [orjson.loads(out.splitlines()[-1]) for out, _ in outcomes]
    assert all(s["committed"] > EDITS // 2 for s in summaries), summaries  # mostly real edits, few refusals
    with sessions.begin() as session:
        problems = [p for name, log in logs.items() for p in annotator_worker.differences(session, name, log)]
    assert problems == []


def test_two_processes_creating_a_new_project_at_once_both_succeed(db_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    """The first start of a shared project by several desktops: one sets it up, the others wait and find it."""
    starts = [subprocess.Popen([sys.executable, "-m", "biaozhu", "--db", db_url, "labels"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    for start in starts:
        out, err = start.communicate(timeout=300)
        assert start.returncode == 0, err.decode()
        assert out.decode().count("PROGRAM") == 1
    labels = cli("--db", db_url, "labels", check=True).stdout
    assert [line.split("\t")[1] for line in labels.splitlines()] == ["PROGRAM", "METRIC", "ORGANIZATION"]
