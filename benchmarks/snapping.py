"""Word snapping in a project of 10,000 documents and 1,000,000 spans (nearly every span text distinct): its load
(read the project's span texts and learn them) next to its floor, raw sqlite3 reading the same span texts into a
set; one snap there (a selection grown over jieba's words and the learned texts near it); and following another
program's change (a teammate, the CLI) of 1 span and of 1,000 spans: the snapping worker's CPU (reading what
changed; of it, the fingerprints query, SQLite's own work without the GIL) and the UI thread's (learning and
forgetting the texts that moved), against a full re-read of every span text (what following a change cost before)
and next to its floor, raw sqlite3 reading the changed spans' texts by their ids (which it is given).

    python benchmarks/snapping.py [--documents 10000] [--repeat 5] [--folder /tmp/snapping-bench]
    python benchmarks/snapping.py --documents 4 --folder /tmp/snapping-bench/small   # the small project

jieba's own dictionary is loaded once before timing (once per process, whatever the project's size). Prints the
one-minute load with each run: on 2 shared cores wall times follow it, CPU seconds are the figures to compare.
The changes are made on a copy of the generated project (``follow.sqlite`` in the folder), by another connection.

Measured 2026-12-03 (2 cores, load 2.5–4.1), 997,375 distinct texts, medians of 5 (min–max), CPU:

    floor, sqlite3 texts into a set     0.80 s (0.78–0.88)
    snapping ready (read + learn)       1.36 s (1.26–1.39), 1.69x the floor (old code, same session: 1.32 s, 1.60x)
      then its fingerprints             0.46 s (0.46–0.50), mostly SQLite without the GIL
    one snap, all texts learned         0.2 ms (0.1–8.5)
    another program's change of         worker (of it the query)   UI thread   full re-read   floor
      1 span moved                      421 ms (399 ms)            0.0 ms      1.78 s         0.1 ms
      1,000 spans moved, scattered      511 ms (398 ms)            3.3 ms      1.67 s         2.7 ms
      1,000 spans added (an import)     424 ms (407 ms)            1.5 ms      1.67 s         0.8 ms
      1,000 spans deleted, scattered    508 ms (402 ms)            1.5 ms      1.70 s         2.9 ms
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from runs import both, generated_project, load, seconds

FLOOR_SQL = "SELECT text FROM spans"
Change = Callable[[sqlite3.Connection, random.Random, int], list[int]]  # (connection, random, how many) -> span ids


def floor(db: Path) -> None:
    """Every span text into a set, with nothing else: what any way of learning them must at least read."""
    connection = sqlite3.connect(db)
    assert len({text for text, in connection.execute(FLOOR_SQL)}) > 0
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each: median (min–max)")
    parser.add_argument("--folder", type=Path, default=Path("/tmp/snapping-bench"),
                        help="the generated project is built here once and used again")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    db = args.folder / f"project-{args.documents}x100.sqlite"
    if not db.exists():
        generated_project(db, args.documents)

    from biaozhu.corpus.segment import Segmenter, base_dictionary
    from biaozhu.db.engine import create_project_engine, session_factory
    from biaozhu.gui.annotate.snapping import _Counts

    started = time.perf_counter()
    base_dictionary()
    print(f"load {load()}; jieba's dictionary (once per process, not timed below): "
          f"{time.perf_counter() - started:.2f} s")
    sessions = session_factory(create_project_engine(str(db)))
    learned: list[Segmenter] = []
    ready: list[tuple[float, float]] = []  # wall, CPU when the segmenter was handed over
    marks: list[float] = []  # CPU of the fingerprints read after it

    def snapping_load() -> None:
        def handed(segmenter: Segmenter) -> None:
            learned[:] = [segmenter]
            ready.append((time.perf_counter() - wall, time.process_time() - cpu))

        wall, cpu = time.perf_counter(), time.process_time()
        with sessions() as session:
            _Counts().segmenter(session, handed)
        marks.append(time.process_time() - cpu - ready[-1][1])

    floor_wall, floor_cpu = both(lambda: floor(db), args.repeat)
    print(f"load {load()}; floor, sqlite3 texts into a set: {seconds(floor_wall)} wall, {seconds(floor_cpu)} CPU")
    for _ in range(args.repeat):
        snapping_load()
    walls, cpus = [wall for wall, _ in ready], [cpu for _, cpu in ready]
    print(f"load {load()}; snapping ready (read + learn):   {seconds(walls)} wall, {seconds(cpus)} CPU, "
          f"{statistics.median(cpus) / statistics.median(floor_cpu):.2f}x the floor's CPU; then its fingerprints "
          f"(read on, mostly without the GIL): {seconds(marks)} CPU")
    segmenter = learned[0]
    with sqlite3.connect(db) as connection:
        text = connection.execute("SELECT text FROM documents WHERE id = 1").fetchone()[0]
    snaps: list[float] = []
    for at in range(0, 1000, 10):
        started = time.perf_counter()
        segmenter.snap(text, at, at + 2)
        snaps.append(time.perf_counter() - started)
    print(f"one snap, {len(segmenter.learned):,} texts learned: {seconds(snaps)}")
    follow_changes(args.folder / "follow.sqlite", db, args.repeat)


def shorten(connection: sqlite3.Connection, ids: list[int]) -> list[int]:
    """Spans' ends moved one character in (their texts lose their last character, as the document says)."""
    connection.executemany('UPDATE spans SET "end" = "end" - 1, text = substr(text, 1, length(text) - 1) '
                           'WHERE id = ? AND "end" - start > 1', [(span,) for span in ids])
    return ids


def some_spans(connection: sqlite3.Connection, pick: random.Random, count: int) -> list[int]:
    """``count`` span ids scattered over the whole project (each in a range of its own, mostly)."""
    top = connection.execute("SELECT max(id) FROM spans").fetchone()[0]
    ids = ",".join(map(str, pick.sample(range(1, top + 1), min(top, count * 2))))
    return [span for span, in connection.execute(f"SELECT id FROM spans WHERE id IN ({ids})")][:count]


def moved(connection: sqlite3.Connection, pick: random.Random, count: int) -> list[int]:
    return shorten(connection, some_spans(connection, pick, count))


def added(connection: sqlite3.Connection, pick: random.Random, count: int) -> list[int]:
    """Spans of a new annotator's (a CLI import): copies of scattered spans, with new ids at the end."""
    annotator = connection.execute("INSERT INTO annotators (name, role, created_at) VALUES (?, 'annotator', "
                                   "'2026-12-03') RETURNING id", (f"bench {pick.random()}",)).fetchone()[0]
    top = connection.execute("SELECT max(id) FROM spans").fetchone()[0]
    sources = some_spans(connection, pick, count)
    connection.execute(f"INSERT INTO spans (document_id, annotator_id, label_id, start, \"end\", text, note, "
                       f"created_at, updated_at, value_by_hand) SELECT document_id, {annotator}, label_id, start, "
                       f"\"end\", text, note, created_at, updated_at, value_by_hand FROM spans "
                       f"WHERE id IN ({','.join(map(str, sources))})")
    return [span for span, in connection.execute("SELECT id FROM spans WHERE id > ?", (top,))]


def deleted(connection: sqlite3.Connection, pick: random.Random, count: int) -> list[int]:
    ids = some_spans(connection, pick, count)
    connection.execute(f"DELETE FROM spans WHERE id IN ({','.join(map(str, ids))})")
    return ids


# (what, the change, whether of 1,000 spans: of a twentieth of them in a small project; else of one)
CHANGES: list[tuple[str, Change, bool]] = [
    ("1 span moved", moved, False), ("{} spans moved, scattered", moved, True),
    ("{} spans added (an import)", added, True), ("{} spans deleted, scattered", deleted, True)]


def full_reread(connection: sqlite3.Connection, last: Counter[str]) -> tuple[Counter[str], set[str]]:
    """What following a change cost before: every short span text counted again, compared with the last count."""
    from biaozhu.corpus.segment import MAX_WORD

    counts = Counter(text for text, in connection.execute(f"SELECT text FROM spans WHERE length(text) <= {MAX_WORD}"))
    return counts, {word for word, count in counts.items() if last.get(word) != count} | (last.keys() - counts)


def follow_changes(db: Path, original: Path, repeat: int) -> None:
    """Each change made ``repeat`` times by another connection, then followed as the window follows it."""
    from biaozhu.corpus.segment import Segmenter
    from biaozhu.db import span_texts
    from biaozhu.db.engine import create_project_engine, session_factory
    from biaozhu.gui.annotate.snapping import _Counts

    shutil.copy(original, db)
    sessions = session_factory(create_project_engine(str(db)))
    worker = _Counts()
    learned: list[Segmenter] = []
    with sessions() as session:
        worker.segmenter(session, learned.append)
    segmenter = learned[0]
    other = sqlite3.connect(db)
    last = full_reread(other, Counter())[0]
    pick = random.Random(14)
    many = min(1000, other.execute("SELECT count(*) FROM spans").fetchone()[0] // 20)
    for name, change, of_many in CHANGES:
        floors: list[float] = []
        workers: list[float] = []
        in_query: list[float] = []
        uis: list[float] = []
        walls: list[float] = []
        fulls: list[float] = []
        for _ in range(repeat):
            with other:
                ids = change(other, pick, many if of_many else 1)
            started = time.thread_time()
            assert other.execute(f"SELECT count(text) FROM spans WHERE id IN ({','.join(map(str, ids))})").fetchone()
            floors.append(time.thread_time() - started)
            wall, started = time.perf_counter(), time.thread_time()
            with sessions() as session:
                counts, moved = worker.moved(session)
            workers.append(time.thread_time() - started)
            started = time.thread_time()
            segmenter.follow(counts, moved)
            uis.append(time.thread_time() - started)
            walls.append(time.perf_counter() - wall)
            with sessions() as session:  # the part of the worker's CPU that SQLite spends without the GIL
                started = time.thread_time()
                span_texts.fingerprints(session)
                in_query.append(time.thread_time() - started)
            started = time.thread_time()
            last, moved_before = full_reread(other, last)
            fulls.append(time.thread_time() - started)
            assert moved == moved_before and all(worker.texts.counts[word] == last[word] for word in moved)
        print(f"load {load()}; {name.format(f'{many:,}')}: worker {seconds(workers)} CPU (of it the fingerprints "
              f"query, without the GIL: {seconds(in_query)}), UI thread {seconds(uis)} CPU, {seconds(walls)} wall; "
              f"full re-read {seconds(fulls)} CPU ({statistics.median(fulls) / statistics.median(workers):.1f}x); "
              f"floor {seconds(floors)} CPU, worker {statistics.median(workers) / statistics.median(floors):.0f}x it")
    other.close()


if __name__ == "__main__":
    main()
