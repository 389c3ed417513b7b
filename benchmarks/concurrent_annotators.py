"""Throughput of concurrent annotators: N processes (1, 2, 4, 8) each making edits through the real db/
functions, one transaction per edit, on a SQLite file and on a PostgreSQL server; the floor is raw sqlite3
inserts, one commit each, measured in the same run. Every run is also checked: the database must hold
exactly the edits each process logged.

    .venv/bin/python benchmarks/concurrent_annotators.py [--edits 1000] [--processes 1 2 4 8] [--repeat 5]

Each figure is the median of ``--repeat`` runs (min–max), each on a new project holding only the few documents the
annotators edit: the database's write path under contention; then the same with those documents added to a copy
of a generated project of ``--documents`` documents (default 10,000 of 100 spans: 1M spans; ``--cache DIR`` builds
it once), on both backends: the server's copy holds the same rows, copied from the SQLite project once per run into
a template database that each run clones (``CREATE DATABASE … TEMPLATE``). About 10 minutes on a quiet 2-core
machine.

PostgreSQL: BIAOZHU_TEST_PG_URL names a server, else a throwaway one is started as the tests do
(Debian's postgresql package); without either, only SQLite is measured.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import orjson
from sqlalchemy import make_url

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "tests" / "db"))

import annotator_worker  # noqa: E402  (tests/db: the same annotator the tests run)
from runs import generated_project, load, spread  # noqa: E402

import pg_server  # noqa: E402
from biaozhu.db.engine import create_project_engine, session_factory  # noqa: E402
from biaozhu.db.project import initialise  # noqa: E402


def sqlite_floor(folder: Path, rows: int) -> float:
    """Raw sqlite3, WAL + synchronous=NORMAL as biaozhu sets them: inserts per second, one commit each."""
    connection = sqlite3.connect(folder / f"floor-{uuid.uuid4().hex}.sqlite", isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("CREATE TABLE spans (id INTEGER PRIMARY KEY, document INT, start INT, end INT, label INT)")
    began = time.perf_counter()
    for row in range(rows):
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO spans (document, start, end, label) VALUES (1, ?, ?, 1)", (row, row + 1))
        connection.execute("COMMIT")
    seconds = time.perf_counter() - began
    connection.close()
    return rows / seconds


BIG_PROJECT_TABLES = {  # what the generated project's builder writes besides initialise(): copied as it is
    "annotators": "id, name, role, created_at",
    "documents": "id, name, source, text, length, sha256, normalisation, meta, created_at",
    "spans": 'id, document_id, annotator_id, label_id, start, "end", text, note, created_at, updated_at',
}


@contextmanager
def server_copy(admin: str, project: Path) -> Iterator[str]:
    """A database on ``admin``'s server holding the rows of the SQLite ``project`` (schema by the app's own
    set-up, rows by COPY), to be cloned; yields its name and drops it at the end."""
    with pg_server.fresh_database(admin, "biaozhu_big") as url:
        engine = create_project_engine(url)
        with session_factory(engine).begin() as session:
            initialise(session, with_seeds=False)
        source = sqlite3.connect(project)
        raw = engine.raw_connection()
        with raw.driver_connection.cursor() as cursor:
            labels = dict(cursor.execute("SELECT name, id FROM labels").fetchall())
            if labels != dict(source.execute("SELECT name, id FROM labels").fetchall()):
                raise SystemExit(f"{project}: its labels are not a new project's; delete it to build it again")
            for table, columns in BIG_PROJECT_TABLES.items():
                with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in source.execute(f"SELECT {columns} FROM {table} ORDER BY id"):
                        copy.write_row(row)
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}")
            spans = cursor.execute("SELECT count(*) FROM spans").fetchone()[0]
            print(f"big project copied to PostgreSQL: {spans:,} spans", flush=True)
            cursor.execute("ANALYZE")  # the planner's statistics, as a project that grew there would have them
        raw.commit()
        raw.close()
        source.close()
        engine.dispose()  # a template must have no connections
        yield make_url(url).database or ""


def run(url: str, processes: int, edits: int, folder: Path) -> tuple[float, int, int]:
    """(edits per second, edits made, differences found) for ``processes`` annotators on a new project."""
    engine = create_project_engine(url)
    sessions = session_factory(engine)
    with sessions.begin() as session:
        initialise(session, with_seeds=False)
    annotator_worker.add_documents(sessions)
    logs = {f"a{n}": folder / f"{uuid.uuid4().hex}.log" for n in range(processes)}
    workers = [annotator_worker.start(url, name, edits, log, seed) for seed, (name, log) in enumerate(logs.items())]
    results = []
    for worker in workers:
        out, err = worker.communicate()
        if worker.returncode:
            raise SystemExit(f"an annotator failed:\n{err.decode()}")
        results.append(orjson.loads(out.splitlines()[-1]))
    with sessions.begin() as session:
        problems = sum(len(annotator_worker.differences(session, name, log)) for name, log in logs.items())
    engine.dispose()
    attempts = sum(r["committed"] + r["refused"] for r in results)  # a refused edit is a transaction too
    return attempts / max(r["seconds"] for r in results), attempts, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=1000, help="edits per process")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each: median (min–max)")
    parser.add_argument("--documents", type=int, default=10_000, help="documents of the big project (0: none)")
    parser.add_argument("--cache", type=Path, help="build the big project here once and copy it on later runs")
    args = parser.parse_args()
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="biaozhu-bench-")))
        admin = os.environ.get("BIAOZHU_TEST_PG_URL")
        if admin is None and (bin_dir := pg_server.find_bin_dir()) is not None:
            admin = stack.enter_context(pg_server.throwaway_server(bin_dir))
        big = generated_project(folder / "big.sqlite", args.documents, 100, args.cache) if args.documents else None
        template = stack.enter_context(server_copy(admin, big)) if admin and big else None
        floors = [sqlite_floor(folder, 5000) for _ in range(args.repeat)]
        print(f"load {load()}; medians of {args.repeat} runs (min–max)")
        print(f"floor: raw sqlite3 insert + commit, one process: {spread(floors, '/s')}")
        print(f"{'backend':<15}{'N':>3}{'edits':>8}{'edits/s':>30}  check   (big: in a project of "
              f"{args.documents:,} documents, {args.documents * 100:,} spans)")
        for backend, in_big in [("sqlite", False), ("postgresql", False), ("sqlite", True), ("postgresql", True)]:
            if backend == "postgresql" and admin is None:
                if not in_big:
                    print("postgresql: no server (set BIAOZHU_TEST_PG_URL or install PostgreSQL)")
                continue
            if in_big and big is None:
                continue
            name = f"{backend} big" if in_big else backend
            for processes in args.processes:
                rates, problems = [], 0
                for _ in range(args.repeat):
                    with ExitStack() as database:
                        if backend == "sqlite":
                            url = str(folder / f"{uuid.uuid4().hex}.sqlite")
                            if big is not None and in_big:
                                shutil.copy(big, url)
                        else:
                            url = database.enter_context(pg_server.fresh_database(
                                admin or "", "biaozhu_bench", template if in_big else None))
                        rate, total, found = run(url, processes, args.edits, folder)
                    rates.append(rate)
                    problems += found
                verdict = "exact" if problems == 0 else f"{problems} DIFFERENCES"
                print(f"{name:<15}{processes:>3}{total:>8}{spread(rates, '/s'):>30}  {verdict}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
