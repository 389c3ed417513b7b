"""Throughput of concurrent annotators: N processes (1, 2, 4, 8) each making edits through the real db/
functions, one transaction per edit, on a SQLite file and on a PostgreSQL server; the floor is raw sqlite3
inserts, one commit each, measured in the same run. Every run is also checked: the database must hold
exactly the edits each process logged.

    .venv/bin/python benchmarks/concurrent_annotators.py [--edits 1000] [--processes 1 2 4 8] [--repeat 5]

Each figure is the median of ``--repeat`` runs (min–max), each on a new project holding only the few documents the
annotators edit: the database's write path under contention; then, on SQLite, the same with those documents added
to a copy of a generated project of ``--documents`` documents (default 10,000 of 100 spans: 1M spans; ``--cache DIR``
builds it once). A PostgreSQL project of 1M spans has no builder yet: the server runs the small project only. About
12 minutes with PostgreSQL at load 7 on 2 cores.

PostgreSQL: BIAOZHU_TEST_PG_URL names a server, else a throwaway one is started as the tests do
(Debian's postgresql package); without either, only SQLite is measured.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from pathlib import Path

import orjson

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
    parser.add_argument("--documents", type=int, default=10_000, help="the big SQLite project (0: none)")
    parser.add_argument("--cache", type=Path, help="build the big project here once and copy it on later runs")
    args = parser.parse_args()
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="biaozhu-bench-")))
        backends: dict[str, str | None] = {"sqlite": None, "postgresql": os.environ.get("BIAOZHU_TEST_PG_URL")}
        if args.documents:
            backends[f"sqlite {args.documents // 1000}k"] = None
        if backends["postgresql"] is None and (bin_dir := pg_server.find_bin_dir()) is not None:
            backends["postgresql"] = stack.enter_context(pg_server.throwaway_server(bin_dir))
        floors = [sqlite_floor(folder, 5000) for _ in range(args.repeat)]
        print(f"load {load()}; medians of {args.repeat} runs (min–max)")
        print(f"floor: raw sqlite3 insert + commit, one process: {spread(floors, '/s')}")
        print(f"{'backend':<11}{'N':>3}{'edits':>8}{'edits/s':>30}  check   (sqlite 10k: in a project of "
              f"{args.documents:,} documents, {args.documents * 100:,} spans)")
        for backend, admin in backends.items():
            if backend == "postgresql" and admin is None:
                print("postgresql: no server (set BIAOZHU_TEST_PG_URL or install PostgreSQL)")
                continue
            for processes in args.processes:
                rates, problems = [], 0
                for _ in range(args.repeat):
                    with ExitStack() as database:
                        if backend.startswith("sqlite"):
                            url = str(folder / f"{uuid.uuid4().hex}.sqlite")
                            if backend != "sqlite":  # the annotators' documents added to a 1M-span project
                                generated_project(Path(url), args.documents, 100, args.cache)
                        else:
                            url = database.enter_context(pg_server.fresh_database(admin or "", "biaozhu_bench"))
                        rate, total, found = run(url, processes, args.edits, folder)
                    rates.append(rate)
                    problems += found
                verdict = "exact" if problems == 0 else f"{problems} DIFFERENCES"
                print(f"{backend:<11}{processes:>3}{total:>8}{spread(rates, '/s'):>30}  {verdict}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
