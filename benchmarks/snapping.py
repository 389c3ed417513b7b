"""Word snapping's load in a project of 10,000 documents and 1,000,000 spans (nearly every span text distinct):
what the window's snapping worker does before snapping is ready (read the project's span texts and learn them), next
to its floor, raw sqlite3 reading the same span texts into a set. Also one snap there (a selection grown over jieba's
words and the learned texts near it).

    python benchmarks/snapping.py [--documents 10000] [--repeat 5] [--folder /tmp/snapping-bench]

jieba's own dictionary is loaded once before timing (once per process, whatever the project's size). Prints the
one-minute load with each run: on 2 shared cores wall times follow it, CPU seconds are the figures to compare.

Measured 2026-12-03 (2 cores, load 6.2–7.2), 997,375 distinct texts, medians of 7 (min–max):

    floor, sqlite3 texts into a set   1.30 s (1.15–1.62) wall   0.77 s (0.76–0.80) CPU
    snapping ready (read + learn)     2.50 s (2.26–2.81) wall   1.29 s (1.23–1.33) CPU   1.66x the floor's CPU
    before (jieba add_word per text)  77.3 s (67.1–86.1) wall   22.7 s (22.0–23.0) CPU   29.8x (medians of 5)
    one snap, all texts learned       0.2 ms (0.1–4.4)
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from pathlib import Path

from runs import both, generated_project, load, seconds

FLOOR_SQL = "SELECT text FROM spans"


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

    def snapping_load() -> None:
        with sessions() as session:
            learned[:] = [_Counts().segmenter(session)]

    floor_wall, floor_cpu = both(lambda: floor(db), args.repeat)
    print(f"load {load()}; floor, sqlite3 texts into a set: {seconds(floor_wall)} wall, {seconds(floor_cpu)} CPU")
    wall, cpu = both(snapping_load, args.repeat)
    print(f"load {load()}; snapping ready (read + learn):   {seconds(wall)} wall, {seconds(cpu)} CPU, "
          f"{statistics.median(cpu) / statistics.median(floor_cpu):.2f}x the floor's CPU")
    segmenter = learned[0]
    with sqlite3.connect(db) as connection:
        text = connection.execute("SELECT text FROM documents WHERE id = 1").fetchone()[0]
    snaps: list[float] = []
    for at in range(0, 1000, 10):
        started = time.perf_counter()
        segmenter.snap(text, at, at + 2)
        snaps.append(time.perf_counter() - started)
    print(f"one snap, {len(segmenter.learned):,} texts learned: {seconds(snaps)}")


if __name__ == "__main__":
    main()
