"""Export speed and memory: ``biaozhu export`` (jsonl) against the floor, raw sqlite3 rows serialised with orjson.

Builds projects of N/5 and N documents with 100 spans each (bulk insert through sqlite3, in a child process so
that this one stays small: a child's peak RSS counts what it inherits at fork), then runs, each in its own
process, ``--repeat`` times (medians with min–max): the floor without and with span texts, and the real command
line. The goal (issue 14): within 1.5x of the floor with span texts, which reads the same rows, and memory that
does not grow with the corpus (compare the two sizes).

    python benchmarks/export.py [--documents 10000] [--spans-per-document 100] [--repeat 5] [--folder DIR]
                                [--before SRC]

``--folder`` keeps the projects there and uses them again on the next run (building 10,000 documents takes a while).
``--before`` runs another checkout's ``biaozhu export`` too (its ``src`` folder, e.g. of ``git worktree add
/tmp/before main``), each of its runs right after one of ours, so that both see the same load.

Measured on a 2-core machine shared by other work (2026-12-03, load 3-4: CPU seconds, user + system, are the
figures to compare), medians of 5 (min–max), ``--before`` the code before this round, in the same run:

    documents / spans    floor + texts        biaozhu export                        before this round
    2,000 / 200,000      0.34 s (0.33–0.36)   0.74 s (0.70–0.78), 2.18x, 56 MB      0.91 s (0.87–0.93), 2.65x, 87 MB
    10,000 / 1,000,000   1.47 s (1.45–1.71)   2.09 s (2.03–2.11), 1.43x, 57 MB      2.59 s (2.54–2.70), 1.77x, 89 MB
    (the floors: 20 MB; the bare floor, without span texts: 0.28 s and 1.11 s, 1.89x at 10,000 documents;
    in four runs at load 3-6: 1.40-1.49x at 10,000 documents, before 1.76-1.84x)

This round SQLite reads a layer with a query per document on the driver's cursor, compiled once with the labels'
names as literals (no document id per span and no grouping: 0.3-0.4 s a million spans, and a third less memory), the
figures' queries are skipped in a project without figures, and a command's imports run without collections. What
is left above the floor with texts: the start, 0.33 s of CPU to the first query (SQLAlchemy and the models; the
floor starts in 0.05 s), which is most of the gap at 2,000 documents; per span, making it a Span, the text check and
the sort (0.25 s a million); and the look for a first figure (0.08 s where there is none: no index holds them).
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import importlib.util
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from runs import child

# The floor reads the rows with sqlite3 and writes the same lines with orjson, nothing else. With "text" it also
# reads each span's stored text, as the export must (it checks text[start:end] against it): that read leaves the
# covering index for the table, which is most of the difference between the two floors.
FLOOR = r"""
import sqlite3, sys, orjson
db, out, with_text = sys.argv[1], sys.argv[2], sys.argv[3] == "text"
connection = sqlite3.connect(db)
labels = dict(connection.execute("SELECT id, name FROM labels"))
columns = 'document_id, start, "end", label_id' + (", text" if with_text else "")
spans = connection.execute(f'SELECT {columns} FROM spans ORDER BY document_id, start, "end"')
pending = next(spans, None)
with open(out, "wb") as handle:
    for doc_id, text in connection.execute("SELECT id, text FROM documents ORDER BY id"):
        label = []
        while pending is not None and pending[0] == doc_id:
            label.append([pending[1], pending[2], labels[pending[3]]])
            pending = next(spans, None)
        handle.write(orjson.dumps({"id": doc_id, "text": text, "label": label}) + b"\n")
"""
CHARS = "泸州市委统战部银行发放金融速贷亿元万企兴村行动工商联同心服务户人次项目指标机构组织开展全年累计"


def build(path: Path, documents: int, per_document: int, seed: int = 1) -> None:
    """A real project (migrated schema, default labels) filled through sqlite3 in one transaction."""
    from biaozhu.db.engine import create_project_engine, session_factory
    from biaozhu.db.project import initialise

    engine = create_project_engine(str(path))
    with session_factory(engine).begin() as session:
        initialise(session, with_seeds=False)
    engine.dispose()
    rng = random.Random(seed)
    connection = sqlite3.connect(path)
    label_ids = [row[0] for row in connection.execute("SELECT id FROM labels")]
    connection.execute("INSERT INTO annotators (name, role, created_at) VALUES ('alice', 'annotator', '2026-01-01')")
    now = "2026-01-01 00:00:00"
    for doc_id in range(1, documents + 1):
        text = "".join(rng.choice(CHARS) for _ in range(per_document * 10))
        connection.execute("INSERT INTO documents (id, name, source, text, length, sha256, normalisation, meta, "
                           "created_at) VALUES (?, ?, '', ?, ?, ?, '{}', '{}', ?)",
                           (doc_id, f"doc{doc_id}.txt", text, len(text), hashlib.sha256(text.encode()).hexdigest(),
                            now))
        connection.executemany(
            'INSERT INTO spans (document_id, annotator_id, label_id, start, "end", text, note, created_at, updated_at) '
            "VALUES (?, 1, ?, ?, ?, ?, '', ?, ?)",
            [(doc_id, rng.choice(label_ids), s, s + 5, text[s:s + 5], now, now)
             for s in range(0, per_document * 10, 10)])
    connection.commit()
    connection.close()


def measure(command: list[str], repeat: int) -> list[tuple[float, float, float]]:
    """Wall time (s), CPU time (s, user + system: steadier on a busy machine) and peak RSS (MB) of each of
    ``repeat`` runs of one child."""
    return [child(command) for _ in range(repeat)]


def interleaved(command: list[str], before: Path | None, repeat: int
                ) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """``measure`` of ``command``, and of the same command on the code in ``before`` (a checkout's src folder),
    run in turns."""
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(child(command))
        if before is not None:
            theirs.append(child(["env", f"PYTHONPATH={before}", *command]))
    return ours, theirs


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f} s ({min(values):.2f}–{max(values):.2f})"


def run(documents: int, per_document: int, folder: Path, repeat: int, before: Path | None) -> None:
    db = folder / f"bench-{documents}x{per_document}.sqlite"
    started = time.perf_counter()
    if not db.exists():
        subprocess.run([sys.executable, __file__, "--build", str(db), "--documents", str(documents),
                        "--spans-per-document", str(per_document)], check=True)
    print(f"{documents} documents, {documents * per_document} spans ({db.stat().st_size / 1e6:.0f} MB) "
          f"built in {time.perf_counter() - started:.1f} s")
    out = folder / "out.jsonl"
    floor = measure([sys.executable, "-c", FLOOR, str(db), str(out), "no-text"], repeat)
    floor_text = measure([sys.executable, "-c", FLOOR, str(db), str(out), "text"], repeat)
    ours, theirs = interleaved([sys.executable, "-m", "biaozhu", "--db", str(db), "export", "--layer", "alice", "-o",
                                str(out)], before, repeat)
    print(f"  medians of {repeat} runs (min–max), load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    for name, runs in (("floor (sqlite3 + orjson)", floor), ("floor + span texts", floor_text),
                       ("biaozhu export jsonl", ours), ("  before", theirs)):
        if not runs:
            continue
        print(f"  {name:25} {spread([r[0] for r in runs])} wall  {spread([r[1] for r in runs])} CPU  "
              f"{max(r[2] for r in runs):6.0f} MB peak RSS")

    def ratio(a: list[tuple[float, float, float]], b: list[tuple[float, float, float]], k: int) -> float:
        return statistics.median(r[k] for r in a) / statistics.median(r[k] for r in b)

    print(f"  ratio to the floor: {ratio(ours, floor, 0):.2f}x wall, {ratio(ours, floor, 1):.2f}x CPU; to the floor "
          f"with span texts: {ratio(ours, floor_text, 0):.2f}x wall, {ratio(ours, floor_text, 1):.2f}x CPU")
    if theirs:
        print(f"  before: {ratio(theirs, floor_text, 1):.2f}x CPU the floor with span texts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--spans-per-document", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command: median (min–max)")
    parser.add_argument("--folder", type=Path, help="keep the projects here, and use them again when they are there")
    parser.add_argument("--before", type=Path, metavar="SRC", help="also run the code of this src folder, in turns")
    parser.add_argument("--build", metavar="DB", help=argparse.SUPPRESS)  # the child that fills one project
    args = parser.parse_args()
    if args.build:
        build(Path(args.build), args.documents, args.spans_per_document)
        return
    # An installed package has its bytecode; without it (PYTHONDONTWRITEBYTECODE) every run would compile biaozhu.
    package = importlib.util.find_spec("biaozhu")
    assert package is not None and package.submodule_search_locations, "biaozhu is not installed"
    compileall.compile_dir(package.submodule_search_locations[0], quiet=1)
    if args.before:
        compileall.compile_dir(args.before, quiet=1)
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.folder or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        for documents in (args.documents // 5, args.documents):  # two sizes: memory must not grow with the corpus
            run(documents, args.spans_per_document, folder, args.repeat, args.before)


if __name__ == "__main__":
    main()
