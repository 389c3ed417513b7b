"""``biaozhu backup FILE``: a consistent copy of a SQLite project taken while an annotator keeps writing."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.engine import create_project_engine, session_factory


@pytest.mark.slow  # processes killed or racing: run with the full suite, skipped by the fast subset
def test_a_backup_taken_while_annotating_is_one_consistent_moment(db_url: str, sessions: sessionmaker[Session],
                                                                  tmp_path: Path, cli,
                                                                  annotator_worker: ModuleType) -> None:
    if "://" in db_url:
        refused = cli("--db", db_url, "backup", tmp_path / "copy.sqlite")
        assert refused.returncode == 2 and "pg_dump" in refused.stderr and "Traceback" not in refused.stderr
        return
    annotator_worker.add_documents(sessions)
    log = tmp_path / "annotator.log"
    worker = annotator_worker.start(db_url, "writer", 100_000, log, 1)
    assert worker.stdout and worker.stdout.readline() == b"ready\n"
    try:
        copies = [tmp_path / f"copy{n}.sqlite" for n in range(2)]
        for copy in copies:  # the annotator writes before, between and after the copies
            _wait_for_more_edits(annotator_worker, log)
            result = cli("--db", db_url, "backup", copy)
            assert result.returncode == 0, result.stderr
            assert "backed up 6 documents" in result.stdout
        _wait_for_more_edits(annotator_worker, log)
    finally:
        worker.kill()
        worker.communicate()
    assert {p.name for p in tmp_path.iterdir() if p.name.startswith(("copy", ".copy"))} == {c.name for c in copies}
    done, _ = annotator_worker.read_log(log)
    moments = []
    for copy in copies:
        with sqlite3.connect(copy) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert cli("--db", copy, "check").returncode == 0
        engine = create_project_engine(copy)
        with session_factory(engine).begin() as session:
            copied = annotator_worker.database_layer(session, ensure_annotator(session, "writer").id)
        engine.dispose()
        replayed = annotator_worker.Layer()  # the copy must equal the project after some number of edits
        states = [(0, dict(replayed.spans))]
        for number, edit in enumerate(done, start=1):
            replayed.apply(edit)
            states.append((number, dict(replayed.spans)))
        matches = [number for number, spans in states if spans == copied.spans]
        assert matches, f"{copy.name} matches no moment of the annotator's work"
        moments.append(matches[-1])
    assert 0 < moments[0] < moments[1] < len(done), "the copies were taken while the annotator was writing"


def _wait_for_more_edits(annotator_worker: ModuleType, log: Path) -> None:
    """Until the annotator has committed another edit: a slow machine must not make the copies coincide."""
    before = len(annotator_worker.read_log(log)[0])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if len(annotator_worker.read_log(log)[0]) > before:
            return
        time.sleep(0.02)
    raise AssertionError("the annotator wrote nothing for 30 s")


def test_backup_refuses_to_overwrite_or_to_copy_onto_the_project(sqlite_path: Path, tmp_path: Path,
                                                                 cli) -> None:
    cli("--db", sqlite_path, "labels", "set", "PROGRAM", check=True)  # creates the project
    existing = tmp_path / "existing.sqlite"
    existing.write_bytes(b"my other project")
    refused = cli("--db", sqlite_path, "backup", existing)
    assert refused.returncode == 2 and "exists already" in refused.stderr
    assert existing.read_bytes() == b"my other project"
    assert cli("--db", sqlite_path, "backup", existing, "--force", check=True).returncode == 0
    onto_itself = cli("--db", sqlite_path, "backup", sqlite_path)
    assert onto_itself.returncode == 2 and "is the project itself" in onto_itself.stderr
    nowhere = cli("--db", sqlite_path, "backup", tmp_path / "missing" / "copy.sqlite")
    assert nowhere.returncode == 2 and "there is no folder" in nowhere.stderr
