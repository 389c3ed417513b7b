"""Statistics speed: ``biaozhu stats`` (the same figures as the statistics window) against the bare SQL of the
queries it runs, on a project of 1,000 documents and on one of 100,000 documents and 1,000,000 spans (issue 18:
well under a second).

Builds the project once through sqlite3 (4 annotators, 10 spans a document over 30 days, one in 20 of them
accepted from a suggestion, two suggestions a document left open or rejected, statuses for half the documents,
time spent on a third), then times, medians of ``--repeat`` runs with min–max, wall and CPU seconds:

- ``biaozhu stats --format json`` run in-process (opening the project, the queries, the JSON) and
  ``project_stats`` alone;
- the floor: the same grouped queries with bare sqlite3;
- the old query shapes' floor, for comparison: spans per label and per day in two scans by name, and the
  suggestions counted in one query reading every span's note;
- the suggestions' counts alone, new and old.

    python benchmarks/stats.py [--documents 1000 100000] [--spans-per-document 10] [--repeat 5]

(about 2 minutes on 2 idle cores, most of it building the big project).
"""

from __future__ import annotations

import argparse
import io
import random
import sqlite3
import sys
import tempfile
from pathlib import Path

from runs import both, load, seconds

from biaozhu.cli import main as cli_main
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.project import initialise
from biaozhu.db.stats import project_stats, suggestion_queries

ANNOTATORS = ("alice", "bob", "carol", "dave")
ROBOT = len(ANNOTATORS) + 1  # the suggestions layer's id
COMMON = (
    "SELECT count(id), coalesce(sum(length), 0) FROM documents",
    "SELECT id, name FROM labels ORDER BY position, id",
    "SELECT id, name, role FROM annotators WHERE name != 'suggestions' ORDER BY name",
)
FLOOR = (  # what project_stats runs, with SUGGESTED
    *COMMON,
    "SELECT annotator_id, status, count(*) FROM document_status GROUP BY annotator_id, status",
    "SELECT annotator_id, substr(spans.created_at, 1, 10), label_id, count(*) FROM spans "
    "GROUP BY annotator_id, substr(spans.created_at, 1, 10), label_id",
    "SELECT annotator_id, day, sum(seconds) FROM time_spent GROUP BY annotator_id, day",
    "SELECT * FROM agreement_history ORDER BY at, id",
)
SUGGESTED = tuple(str(query.compile(compile_kwargs={"literal_binds": True})) for query in suggestion_queries())
OLD_FLOOR = (  # the shape before: by name, spans scanned twice
    *COMMON,
    "SELECT a.name, s.status, count(*) FROM document_status s JOIN annotators a ON a.id = s.annotator_id "
    "GROUP BY a.name, s.status",
    "SELECT a.name, l.name, count(s.id) FROM spans s JOIN annotators a ON a.id = s.annotator_id "
    "JOIN labels l ON l.id = s.label_id GROUP BY a.name, l.name",
    "SELECT a.name, date(s.created_at), count(s.id) FROM spans s JOIN annotators a ON a.id = s.annotator_id "
    "GROUP BY a.name, date(s.created_at)",
)
OLD_SUGGESTED = (  # the suggestions before: one query reading every span's note
    "SELECT CASE WHEN note LIKE '%rules %' THEN 'rules' WHEN note LIKE '%model %' THEN 'model' ELSE 'other' END, "
    "CASE WHEN note LIKE 'from suggestion %' THEN 'accepted' WHEN note LIKE 'rejected %' THEN 'rejected' "
    "ELSE 'open' END, count(s.id) FROM spans s JOIN annotators a ON a.id = s.annotator_id "
    "WHERE a.name = 'suggestions' OR (s.note LIKE 'from suggestion %' AND a.name != 'gold') GROUP BY 1, 2",
)


def build(path: Path, documents: int, per_document: int, seed: int = 1) -> None:
    engine = create_project_engine(str(path))
    with session_factory(engine).begin() as session:
        initialise(session, with_seeds=False)
    engine.dispose()
    rng = random.Random(seed)
    connection = sqlite3.connect(path)
    labels = [row[0] for row in connection.execute("SELECT id FROM labels")]
    connection.executemany("INSERT INTO annotators (id, name, role, created_at) VALUES (?, ?, 'annotator', "
                           "'2026-01-01')", [*enumerate(ANNOTATORS, start=1), (ROBOT, "suggestions")])
    text = "泸州市委统战部" * (per_document * 2)
    documents_rows, spans, statuses, times = [], [], [], []
    for doc_id in range(1, documents + 1):
        documents_rows.append((doc_id, f"doc{doc_id}.txt", text, len(text), f"{doc_id:064x}"))
        for k in range(per_document):
            who = rng.randrange(1, len(ANNOTATORS) + 1)
            day = f"2026-11-{rng.randrange(1, 31):02d} 10:00:00"
            note = "from suggestion rules 0.9" if rng.random() < 0.05 else ""
            spans.append((doc_id, who, rng.choice(labels), k * 14, k * 14 + 7, "泸州市委统战部", note, day, day))
        for k, note in enumerate(("rules 0.5", "rejected model 0.4" if doc_id % 4 == 0 else "model 0.7")):
            spans.append((doc_id, ROBOT, labels[0], k * 14, k * 14 + 7, "泸州市委统战部", note, day, day))
        if doc_id % 2:
            statuses.append((doc_id, rng.randrange(1, len(ANNOTATORS) + 1), rng.choice(["in_progress", "done"])))
        if doc_id % 3 == 0:
            times.append((doc_id, rng.randrange(1, len(ANNOTATORS) + 1), f"2026-11-{rng.randrange(1, 31):02d}",
                          rng.randrange(30, 900)))
    connection.executemany("INSERT INTO documents (id, name, source, text, length, sha256, normalisation, meta, "
                           "created_at) VALUES (?, ?, '', ?, ?, ?, '{}', '{}', '2026-01-01')", documents_rows)
    connection.executemany('INSERT INTO spans (document_id, annotator_id, label_id, start, "end", text, note, '
                           "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", spans)
    connection.executemany("INSERT OR IGNORE INTO document_status (document_id, annotator_id, status, updated_at) "
                           "VALUES (?, ?, ?, '2026-01-01')", statuses)
    connection.executemany("INSERT OR IGNORE INTO time_spent (document_id, annotator_id, day, seconds) "
                           "VALUES (?, ?, ?, ?)", times)
    connection.commit()
    connection.close()


def quietly(argv: list[str]) -> int:
    """``biaozhu ARGV`` in this process, its output thrown away."""
    saved = sys.stdout
    sys.stdout = io.StringIO()
    try:
        return cli_main(argv)
    finally:
        sys.stdout = saved


def measure(path: Path, repeat: int) -> dict[str, tuple[list[float], list[float]]]:
    """Wall and CPU seconds of each way of getting the figures, ``repeat`` runs each."""
    engine = create_project_engine(str(path))
    sessions = session_factory(engine)
    raw = sqlite3.connect(path)

    def ours() -> object:
        with sessions() as session:
            return project_stats(session)

    works = {"biaozhu stats --format json": lambda: quietly(["--db", str(path), "stats", "--format", "json"]),
             "project_stats": ours,
             "floor (sqlite3, the same queries)": lambda: [raw.execute(q).fetchall() for q in FLOOR + SUGGESTED],
             "  of it, the suggestions' counts": lambda: [raw.execute(q).fetchall() for q in SUGGESTED],
             "old shape's floor (sqlite3)": lambda: [raw.execute(q).fetchall() for q in OLD_FLOOR + OLD_SUGGESTED],
             "  of it, the suggestions' (every note)": lambda: [raw.execute(q).fetchall() for q in OLD_SUGGESTED]}
    for work in works.values():
        work()  # warm: the file in the page cache, the statements compiled
    times = {name: both(work, repeat) for name, work in works.items()}
    engine.dispose()
    raw.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, nargs="+", default=[1_000, 100_000],
                        help="the projects' sizes: a small one and 1,000,000 spans")
    parser.add_argument("--spans-per-document", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for documents in args.documents:
        print(f"{documents:,} documents, {documents * args.spans_per_document:,} spans, {len(ANNOTATORS)} annotators; "
              f"median of {args.repeat} (min–max), wall and CPU, load {load()}:", flush=True)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "stats.sqlite"
            build(path, documents, args.spans_per_document)
            for name, (wall, cpu) in measure(path, args.repeat).items():
                print(f"  {name:<40} {seconds(wall):>22}   CPU {seconds(cpu):>22}", flush=True)


if __name__ == "__main__":
    main()
