"""How review mode copes with a long report, next to the floor measured in the same run.

A 1 MB report (the seed reports repeated) annotated by two annotators with ~4,500 spans each, ~15% of them
disagreeing (missing, boundary, label), in a fresh SQLite project, and with ``--documents`` (default 10,000) in
a project of that many documents of 100 spans each (1M spans: ``export.py``'s builder, in a child process).
Measured: opening it in the review window (comparison, the agreed spans put into gold in bulk, the view shown and
painted), a repaint of the view (gold, two lanes, the disagreements), decisions one by one (accept annotator 1:
its transaction, applied to the gold in memory, the list's row, the repaint, the step to the next open one), and
one step to the next disagreement. Each decision's CPU time on the UI thread (``time.thread_time``: steadier
than wall time on a busy machine; the change token the app re-reads after it runs on a worker) and wall time,
median with min–max.
The floors: the same text in a bare read-only QPlainTextEdit (set, shown, painted) and its repaint; for a
decision, one gold span inserted and committed by bare sqlite3 on a copy of the project.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/review_window.py [--documents 10000] [--decisions 20]
(goals: open < 3 s, repaint < 16 ms, a decision < 30 ms: issue 14)
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from sqlalchemy import select

from biaozhu.corpus.model import SourceDocument, Span
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Document
from biaozhu.db.permissions import change_role
from biaozhu.db.project import initialise
from biaozhu.gui.common.project import OpenProject
from biaozhu.gui.review.window import ReviewWindow

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
LABELS = ["METRIC", "PROGRAM", "ORGANIZATION"]


def layers(text: str) -> tuple[list[Span], list[Span]]:
    """Annotator A's spans every 100–300 characters; B has the same, except 5% missing, 5% one character
    longer and 5% with the next label."""
    random.seed(1)
    a: list[Span] = []
    b: list[Span] = []
    at = 0
    while at < len(text) - 400:
        at += random.randint(100, 300)
        length = random.randint(2, 8)
        if "\n" in text[at:at + length + 1]:
            continue
        label = random.choice(LABELS)
        span = Span(at, at + length, label, text[at:at + length])
        a.append(span)
        roll = random.random()
        if roll < 0.05:
            pass
        elif roll < 0.10:
            b.append(Span(at, at + length + 1, label, text[at:at + length + 1]))
        elif roll < 0.15:
            b.append(Span(at, at + length, LABELS[(LABELS.index(label) + 1) % 3], span.text))
        else:
            b.append(span)
        at += length + 1
    return a, b


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):6.1f} ms ({min(values):.1f}–{max(values):.1f})"


def floor_commits(path: Path, document_id: int, decisions: int) -> tuple[list[float], list[float]]:
    """What a decision must write, at its least: one gold span inserted and committed by bare sqlite3, on a copy
    (CPU and wall ms of each)."""
    copy = path.with_name("floor.sqlite")
    shutil.copy(path, copy)
    connection = sqlite3.connect(copy)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    gold = connection.execute("SELECT id FROM annotators WHERE name = 'gold'").fetchone()
    times: tuple[list[float], list[float]] = ([], [])
    for i in range(decisions):
        cpu, wall = time.thread_time(), time.perf_counter()
        connection.execute('INSERT INTO spans (document_id, annotator_id, label_id, start, "end", text, note, '
                           "created_at, updated_at) VALUES (?, ?, 1, ?, ?, 'x', '', '2026-01-01', '2026-01-01')",
                           (document_id, gold[0] if gold else 1, 10_000_000 + i, 10_000_001 + i))
        connection.commit()
        times[0].append((time.thread_time() - cpu) * 1000)
        times[1].append((time.perf_counter() - wall) * 1000)
    connection.close()
    copy.unlink()
    return times


def timed(step: Callable[[], object], repeat: int = 1) -> tuple[float, float]:
    """CPU and wall milliseconds per call."""
    cpu, wall = time.thread_time(), time.perf_counter()
    for _ in range(repeat):
        step()
    return (time.thread_time() - cpu) / repeat * 1000, (time.perf_counter() - wall) / repeat * 1000


def shown(figures: tuple[float, float]) -> str:
    return f"CPU {figures[0]:8.1f} ms, wall {figures[1]:8.1f} ms"


def measure(app: QApplication, path: Path, text: str, decisions: int) -> None:
    """The long report stored into the project at ``path`` (made when missing), then everything timed."""
    spans_a, spans_b = layers(text)
    fresh = not path.exists()
    engine = create_project_engine(str(path))
    sessions = session_factory(engine)
    with sessions.begin() as session:
        if fresh:
            initialise(session, with_seeds=False)
        for name, spans in (("张三", spans_a), ("李四", spans_b)):
            store_documents(session, name, [SourceDocument(name="long", text=text, source="", spans=spans,
                                                           annotator=name)])
        change_role(session, "王五", "王五", "reviewer")
        long_id = session.scalar(select(Document.id).where(Document.name == "long"))
    print(f"1 MB report, {len(spans_a)} and {len(spans_b)} spans", flush=True)

    bare = QPlainTextEdit()
    bare.resize(900, 860)

    def show_bare() -> None:
        bare.setPlainText(text)
        bare.show()
        app.processEvents()

    print(f"floor: bare QPlainTextEdit set + shown + painted     {shown(timed(show_bare))}")
    print(f"floor: bare QPlainTextEdit repaint                  {shown(timed(bare.viewport().repaint, 20))}")
    bare.close()

    window: list[ReviewWindow] = []
    project = OpenProject(sessions)  # kept: the window does not own it

    def open_window() -> None:
        window.append(ReviewWindow(project, "王五"))
        window[0].resize(1500, 900)
        window[0].show()
        if window[0].document is None or window[0].document.id != long_id:
            window[0].open_document(long_id)
        app.processEvents()

    print(f"review window opened (agreed spans into gold)       {shown(timed(open_window))}", flush=True)
    review = window[0]
    assert review.document is not None
    print(f"  {len(review.document.disagreements)} disagreements, {len(review.document.review.gold)} gold spans")
    print(f"review view repaint                                 {shown(timed(review.view.viewport().repaint, 20))}")

    def decide() -> None:
        review.decisions.accept_annotator(1)
        app.processEvents()

    def step() -> None:
        review.step(True)
        app.processEvents()

    times = [timed(decide) for _ in range(decisions)]
    cpu, wall = floor_commits(path, review.document.id, decisions)
    print(f"decision (accept 1: commit, gold applied, paint), {decisions} one by one, median (min–max):")
    print(f"  CPU  {spread([t[0] for t in times])}   floor: sqlite3 insert + commit {spread(cpu)}"
          " + the view's repaint (above)")
    print(f"  wall {spread([t[1] for t in times])}   floor: sqlite3 insert + commit {spread(wall)}")
    print(f"step to the next disagreement                       {shown(timed(step, 20))}")
    review.close()
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000, help="the big project (0: only the small one)")
    parser.add_argument("--decisions", type=int, default=20, help="decisions timed one by one")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("biaozhu-benchmark")
    QCoreApplication.setApplicationName("review")
    seed = "".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    text = (seed * (1_000_000 // len(seed) + 1))[:1_000_000]
    with open("/proc/loadavg", encoding="ascii") as load:
        print(f"load average: {load.read().split()[0]}")
    with tempfile.TemporaryDirectory() as folder:
        for documents in [0] + ([args.documents] if args.documents else []):
            path = Path(folder) / f"review-{documents}.sqlite"
            if documents:
                subprocess.run([sys.executable, str(Path(__file__).parent / "export.py"), "--build", str(path),
                                "--documents", str(documents), "--spans-per-document", "100"], check=True)
            print("\nthe report alone" if not documents else
                  f"\nthe report in a project of {documents:,} documents, {documents * 100:,} spans", flush=True)
            measure(app, path, text, args.decisions)


if __name__ == "__main__":
    main()
