"""How review mode copes with a long report, next to the floor measured in the same run.

A fresh SQLite project holds a 1 MB report (the seed reports repeated) annotated by two annotators with
~4,500 spans each, ~15% of them disagreeing (missing, boundary, label). Measured: opening it in the
review window (comparison, the agreed spans put into gold in bulk, the view shown and painted), a
repaint of the view (gold, two lanes, the disagreements), one decision (accept annotator 1: its
transaction, applied to the gold in memory, the repaint), and one step to the next disagreement.
The floors: the same text in a bare read-only QPlainTextEdit (set, shown, painted) and its repaint; for a
decision, one gold span inserted and committed by bare sqlite3 on a copy of the project.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/review_window.py
(goals: open < 3 s, repaint < 16 ms, a decision < 30 ms: issue 14; decisions one by one, median with min–max)
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from biaozhu.corpus.model import SourceDocument, Span
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.importing import store_documents
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


DECISIONS = 20  # decisions timed one by one: median (min–max)


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):8.1f} ms ({min(values):.1f}–{max(values):.1f})"


def floor_commits(path: Path, document_id: int) -> list[float]:
    """What a decision must write, at its least: one gold span inserted and committed by bare sqlite3, on a copy."""
    copy = path.with_name("floor.sqlite")
    shutil.copy(path, copy)
    connection = sqlite3.connect(copy)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    gold = connection.execute("SELECT id FROM annotators WHERE name = 'gold'").fetchone()
    times = []
    for i in range(DECISIONS):
        started = time.perf_counter()
        connection.execute('INSERT INTO spans (document_id, annotator_id, label_id, start, "end", text, note, '
                           "created_at, updated_at) VALUES (?, ?, 1, ?, ?, 'x', '', '2026-01-01', '2026-01-01')",
                           (document_id, gold[0] if gold else 1, 10_000_000 + i, 10_000_001 + i))
        connection.commit()
        times.append((time.perf_counter() - started) * 1000)
    connection.close()
    return times


def timed(step: Callable[[], object], repeat: int = 1) -> float:
    """Milliseconds per call."""
    start = time.perf_counter()
    for _ in range(repeat):
        step()
    return (time.perf_counter() - start) / repeat * 1000


def main() -> None:
    app = QApplication([])
    QCoreApplication.setOrganizationName("biaozhu-benchmark")
    QCoreApplication.setApplicationName("review")
    seed = "".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    text = (seed * (1_000_000 // len(seed) + 1))[:1_000_000]
    spans_a, spans_b = layers(text)
    with tempfile.TemporaryDirectory() as folder:
        engine = create_project_engine(str(Path(folder) / "project.sqlite"))
        sessions = session_factory(engine)
        with sessions.begin() as session:
            initialise(session, with_seeds=False)
            for name, spans in (("张三", spans_a), ("李四", spans_b)):
                store_documents(session, name, [SourceDocument(name="long", text=text, source="", spans=spans,
                                                               annotator=name)])
            change_role(session, "王五", "王五", "reviewer")
        print(f"1 MB report, {len(spans_a)} and {len(spans_b)} spans")

        bare = QPlainTextEdit()
        bare.resize(900, 860)

        def show_bare() -> None:
            bare.setPlainText(text)
            bare.show()
            app.processEvents()

        print(f"floor: bare QPlainTextEdit set + shown + painted   {timed(show_bare):8.1f} ms")
        print(f"floor: bare QPlainTextEdit repaint                {timed(bare.viewport().repaint, 20):8.1f} ms")
        bare.close()

        window: list[ReviewWindow] = []
        project = OpenProject(sessions)  # kept: the window does not own it

        def open_window() -> None:
            window.append(ReviewWindow(project, "王五"))
            window[0].resize(1500, 900)
            window[0].show()
            app.processEvents()

        print(f"review window opened (agreed spans into gold)     {timed(open_window):8.1f} ms")
        review = window[0]
        assert review.document is not None
        print(f"  {len(review.document.disagreements)} disagreements, {len(review.document.review.gold)} gold spans")
        print(f"review view repaint                               {timed(review.view.viewport().repaint, 20):8.1f} ms")

        def decide() -> None:
            review.decisions.accept_annotator(1)
            app.processEvents()

        def step() -> None:
            review.step(True)
            app.processEvents()

        decisions = [timed(decide) for _ in range(DECISIONS)]
        commits = floor_commits(Path(folder) / "project.sqlite", review.document.id)
        print(f"decision (accept 1: commit, gold applied, paint) {spread(decisions)}   floor: sqlite3 insert + "
              f"commit {spread(commits)} + the view's repaint (above)")
        print(f"step to the next disagreement                     {timed(step, 20):8.1f} ms")
        review.close()
        engine.dispose()


if __name__ == "__main__":
    main()
