"""Killed at random moments (SIGKILL) while annotating and importing: at most the action in flight is lost,
never a committed one, and an imported file is in the project wholly or not at all."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import orjson
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.models import Document, Span
from biaozhu.db.project import seeds_dir

KILLS = int(os.environ.get("BIAOZHU_CRASH_KILLS", "15"))  # benchmarks/crash_soak.py asks for many more
DOCUMENTS_PER_FILE, SPANS_PER_DOCUMENT = 400, 4


def write_import_file(path: Path, number: int) -> None:
    """A doccano file of many documents (each text unique to this file) with non-crossing spans."""
    seed = seeds_dir().joinpath(sorted(p.name for p in seeds_dir().glob("*.txt"))[0]).read_text(encoding="utf-8")
    rng = random.Random(number)
    with path.open("wb") as handle:
        for line in range(DOCUMENTS_PER_FILE):
            start = rng.randrange(len(seed) - 300)
            text = f"第{number}号文件第{line}篇：{seed[start:start + 300]}"
            labels = [[20 + 60 * k, 20 + 60 * k + rng.randint(2, 30), rng.choice(["PROGRAM", "METRIC"])]
                      for k in range(SPANS_PER_DOCUMENT)]
            handle.write(orjson.dumps({"text": text, "label": labels}) + b"\n")


def imported(session: Session, path: Path) -> tuple[int, int]:
    """Documents and spans in the project that came from ``path``."""
    documents = session.scalar(select(func.count(Document.id)).where(Document.source == str(path)))
    spans = session.scalar(select(func.count(Span.id)).join(Document).where(Document.source == str(path)))
    return documents or 0, spans or 0


@pytest.mark.slow  # processes killed or racing: run with the full suite, skipped by the fast subset
def test_killed_annotator_and_import_lose_only_the_action_in_flight(db_url: str, sessions: sessionmaker[Session],
                                                                    tmp_path: Path, cli,
                                                                    annotator_worker: ModuleType) -> None:
    annotator_worker.add_documents(sessions)
    log = tmp_path / "annotator.log"
    rng = random.Random(6)
    files = []
    for number in range(KILLS):
        files.append(tmp_path / f"import-{number}.jsonl")
        write_import_file(files[-1], number)
    for number, path in enumerate(files):
        victims = [annotator_worker.start(db_url, "crashy", 1_000_000, log, number, fsync=True),
                   subprocess.Popen([sys.executable, "-m", "biaozhu", "--db", db_url, "import", str(path),
                                     "--annotator", "importer"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)]
        assert victims[0].stdout and victims[0].stdout.readline() == b"ready\n"  # started: now the clock runs
        time.sleep(rng.uniform(0.0, 2.0))
        for victim in victims:
            victim.kill()
            _, err = victim.communicate(timeout=60)
            assert b"Traceback" not in err, err.decode()  # it was killed, not failing on its own
        with sessions() as session:
            assert imported(session, path) in {(0, 0), (DOCUMENTS_PER_FILE, DOCUMENTS_PER_FILE * SPANS_PER_DOCUMENT)}

    with sessions.begin() as session:
        assert annotator_worker.differences(session, "crashy", log) == []
        outcomes = [imported(session, path)[0] > 0 for path in files]
    done, _ = annotator_worker.read_log(log)
    assert len(done) >= KILLS, "the annotator hardly worked between kills"
    kept = sum(edit["result"] is not None for edit in done)
    print(f"{KILLS} kills: {kept} edits committed and kept, {len(done) - kept} refused; "
          f"{sum(outcomes)} of {KILLS} imports finished, the rest left no trace")
    checked = cli("--db", db_url, "check")
    assert checked.returncode == 0, checked.stderr
    if "://" not in db_url:
        with sqlite3.connect(db_url) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
