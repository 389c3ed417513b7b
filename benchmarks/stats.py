"""Statistics speed: ``project_stats`` (what ``biaozhu stats`` and the statistics window read) against the same
grouped aggregates run with bare sqlite3, on a project of 100,000 documents (issue 18: well under a second).

Builds the project once through sqlite3 (4 annotators, 10 spans a document over 30 days, statuses for half the
documents), then times both, medians of ``--repeat`` runs with min–max.

    python benchmarks/stats.py [--documents 100000] [--spans-per-document 10] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
from pathlib import Path

from runs import timed

from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.project import initialise
from biaozhu.db.stats import project_stats

ANNOTATORS = ("alice", "bob", "carol", "dave")
FLOOR = (
    "SELECT count(id), coalesce(sum(length), 0) FROM documents",
    "SELECT name FROM labels ORDER BY position, id",
    "SELECT name, role FROM annotators ORDER BY name",
    "SELECT a.name, s.status, count(*) FROM document_status s JOIN annotators a ON a.id = s.annotator_id "
    "GROUP BY a.name, s.status",
    "SELECT a.name, l.name, count(s.id) FROM spans s JOIN annotators a ON a.id = s.annotator_id "
    "JOIN labels l ON l.id = s.label_id GROUP BY a.name, l.name",
    "SELECT a.name, date(s.created_at), count(s.id) FROM spans s JOIN annotators a ON a.id = s.annotator_id "
    "GROUP BY a.name, date(s.created_at)",
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
                           "'2026-01-01')", list(enumerate(ANNOTATORS, start=1)))
    text = "泸州市委统战部" * (per_document * 2)
    documents_rows, spans, statuses = [], [], []
    for doc_id in range(1, documents + 1):
        documents_rows.append((doc_id, f"doc{doc_id}.txt", text, len(text), f"{doc_id:064x}"))
        for k in range(per_document):
            who = rng.randrange(1, len(ANNOTATORS) + 1)
            day = f"2026-11-{rng.randrange(1, 31):02d} 10:00:00"
            spans.append((doc_id, who, rng.choice(labels), k * 14, k * 14 + 7, "泸州市委统战部", day, day))
        if doc_id % 2:
            statuses.append((doc_id, rng.randrange(1, len(ANNOTATORS) + 1), rng.choice(["in_progress", "done"])))
    connection.executemany("INSERT INTO documents (id, name, source, text, length, sha256, normalisation, meta, "
                           "created_at) VALUES (?, ?, '', ?, ?, ?, '{}', '{}', '2026-01-01')", documents_rows)
    connection.executemany('INSERT INTO spans (document_id, annotator_id, label_id, start, "end", text, note, '
                           "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)", spans)
    connection.executemany("INSERT OR IGNORE INTO document_status (document_id, annotator_id, status, updated_at) "
                           "VALUES (?, ?, ?, '2026-01-01')", statuses)
    connection.commit()
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--spans-per-document", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stats.sqlite"
        build(path, args.documents, args.spans_per_document)
        engine = create_project_engine(str(path))
        sessions = session_factory(engine)
        raw = sqlite3.connect(path)

        def ours() -> object:
            with sessions() as session:
                return project_stats(session)

        def floor() -> object:
            return [raw.execute(query).fetchall() for query in FLOOR]

        ours()  # both warm: the file in the page cache, the statements compiled
        floor()
        mine, bare = timed(ours, args.repeat), timed(floor, args.repeat)
        engine.dispose()
        raw.close()
    print(f"{args.documents:,} documents, {args.documents * args.spans_per_document:,} spans, "
          f"{len(ANNOTATORS)} annotators; median of {args.repeat} (min–max):")
    print(f"  floor (sqlite3, the same aggregates)  {bare[0]:.3f} s ({bare[1]:.3f}–{bare[2]:.3f})")
    print(f"  project_stats                          {mine[0]:.3f} s ({mine[1]:.3f}–{mine[2]:.3f})  "
          f"{mine[0] / bare[0]:.2f}× the floor")


if __name__ == "__main__":
    main()
