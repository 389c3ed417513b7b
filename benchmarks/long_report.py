"""How the annotation window copes with long reports, next to the floor measured in the same run.

Documents are built in a fresh SQLite project (sizes are UTF-8, as the report's file would weigh):
- a 5 MB report in paragraphs, with 20,000 spans (nested ones among them);
- a 1 MB report with no line break at all (text extracted from PDFs often looks like this), 5,000 spans;
- and, to see how it grows, the same at 15 MB (20,000 spans) and 3 MB without a line break (10,000 spans).
For each: the time to open it in the window (constructed, shown and painted), the time until its whole layer
is in (a long report's spans past its first screen are read on a worker, then the span table fills), and to add,
relabel and delete a span (the command, its database commit, and the repaint it schedules, events processed), with
the longest UI-thread block in the 150 ms after each edit (the span table following it, 20,000 rows here).
The floors: the same text in a bare read-only QPlainTextEdit (set, shown, painted), a repaint of one line
of that bare editor (and of its whole view), and one INSERT + COMMIT through bare sqlite3 on a copy of the
project. An edit repaints only the lines it touched, so a line's repaint is its floor. Without line breaks
the bare editor lays out and paints the whole paragraph at once; the window shows such text in display
blocks (gui/positions.py), which is why it beats that floor.

Each report is opened ``--runs`` times (a new window each time), as is the floor; medians with min–max. With
``--documents N`` (default 10,000) the same reports are also measured inside a project of N documents of 100
spans each (``export.py``'s builder: 1M spans), where the window must not read the whole project to open one.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/long_report.py [--runs 5] [--documents 10000] [--only 5]
[--edits 20] [--folder DIR] (the goals of issue 14: open ≤ 2× the bare widget, edits < 16 ms at p95). ``--edits``:
how many of each edit (median, p95 and min–max of them); ``--folder`` keeps the projects there and uses them again
on the next run (building 10,000 documents takes a while; the edits leave the layers as they found them).
"""

from __future__ import annotations

import argparse
import os
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from biaozhu.corpus.model import SourceDocument  # noqa: E402
from biaozhu.db.annotators import ensure_annotator  # noqa: E402
from biaozhu.db.documents import add_document, document_text  # noqa: E402
from biaozhu.db.engine import create_project_engine, session_factory  # noqa: E402
from biaozhu.db.labels import label_ids  # noqa: E402
from biaozhu.db.models import Document, Span  # noqa: E402
from biaozhu.db.project import initialise  # noqa: E402
from biaozhu.gui.annotate.window import MainWindow  # noqa: E402
from biaozhu.gui.common.project import OpenProject  # noqa: E402

ANNOTATOR = "bench"
WORDS = ["泸州市委统战部", "377.178亿元", "万企兴万村", "行动", "民营经济", "同心", "发展", "金融速贷", "7306人次",
         "吉林省", "工商联", "𠮷", "😀", "，", "。", "推进", "坚持", "全面", "工作", "会议"]
REPEATS = 15
AFTER_MS = 150


def report_text(megabytes: float, paragraph: int | None, rng: random.Random) -> str:
    """About ``megabytes`` of UTF-8 (as the report's file would weigh), in paragraphs or in one line."""
    parts: list[str] = []
    size = 0
    since_break = 0
    while size < megabytes * 1_000_000:
        word = rng.choice(WORDS)
        parts.append(word)
        size += len(word.encode())
        since_break += len(word)
        if paragraph and since_break >= paragraph:
            parts.append("\n")
            size += 1
            since_break = 0
    return "".join(parts)


def span_rows(text: str, count: int, rng: random.Random) -> list[tuple[int, int]]:
    """``count`` non-crossing ranges: evenly spread, every tenth with a span nested inside."""
    step = len(text) // count
    ranges: list[tuple[int, int]] = []
    for i in range(count):
        start = i * step + 1
        end = start + min(step - 2, rng.randint(3, 12))
        if "\n" in text[start:end]:
            end = start + text[start:end].index("\n")
        if end <= start:
            continue
        ranges.append((start, end))
        if i % 10 == 0 and end - start > 3:
            ranges.append((start + 1, end - 1))
    return ranges[:count]


REPORTS = (("5 MB in paragraphs", 5, 240, 20_000), ("1 MB without a line break", 1, None, 5_000),
           ("15 MB in paragraphs", 15, 240, 20_000), ("3 MB without a line break", 3, None, 10_000))


def build(path: Path, only: int) -> dict[str, int]:
    """The long reports, with this benchmark's annotator's spans, added to the project at ``path`` (made if
    there is none) unless they are there from an earlier run; ``only``: the first so many reports."""
    rng = random.Random(7)
    engine = create_project_engine(path)
    sessions = session_factory(engine)
    documents: dict[str, int] = {}
    with sessions.begin() as session:
        initialise(session, with_seeds=False)
        annotator = ensure_annotator(session, ANNOTATOR).id
        labels = list(label_ids(session).values())
        for name, megabytes, paragraph, spans in REPORTS[:only]:
            found = session.scalar(select(Document.id).where(Document.name == name))
            if found is not None:
                documents[name] = found
                continue
            text = report_text(megabytes, paragraph, rng)
            document, _ = add_document(session, SourceDocument(name=name, text=text, source=name))
            rows = [{"document_id": document.id, "annotator_id": annotator, "label_id": rng.choice(labels),
                     "start": s, "end": e, "text": text[s:e]} for s, e in span_rows(text, spans, rng)]
            session.execute(insert(Span), rows)
            documents[name] = document.id
    engine.dispose()
    return documents


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):8.1f} ms ({min(values):.0f}–{max(values):.0f})"


def floor_open(app: QApplication, text: str) -> tuple[float, float, float, float]:
    """Opening ``text`` in a new bare editor, a repaint of its view and of one line (ms); the opening's CPU ms."""
    editor = QPlainTextEdit()
    editor.setReadOnly(True)
    editor.resize(1400, 900)

    def open_() -> None:
        editor.setPlainText(text)
        editor.show()
        editor.viewport().repaint()
        app.processEvents()

    cpu = time.thread_time()
    opened = timed(open_)
    cpu = (time.thread_time() - cpu) * 1000
    viewport = editor.viewport()
    line = editor.cursorRect().adjusted(-viewport.width(), -2, viewport.width(), 2)

    def repaint_line() -> None:
        viewport.update(line)
        app.processEvents()

    full = statistics.median(timed(viewport.repaint) for _ in range(REPEATS))
    one_line = statistics.median(timed(repaint_line) for _ in range(REPEATS))
    editor.close()
    editor.deleteLater()
    return opened, full, one_line, cpu


def floor_commit_times(path: Path, document_id: int, count: int, runs: int = 1) -> list[list[float]]:
    """The floor of an edit's write: ``count`` INSERT + COMMITs through bare sqlite3 (WAL, synchronous NORMAL, as
    the app's connections), ``runs`` times, on a copy of the project; milliseconds each."""
    copy = path.with_name("floor.sqlite")
    shutil.copy(path, copy)
    connection = sqlite3.connect(copy)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    results = []
    for run in range(runs):
        times = []
        for i in range(count):
            offset = 10_000_000 + 2 * (run * count + i)
            start = time.perf_counter()
            connection.execute('INSERT INTO spans (document_id, annotator_id, label_id, start, "end", text, note, '
                               "created_at, updated_at) VALUES (?, 1, 1, ?, ?, 'x', '', '2026-01-01', '2026-01-01')",
                               (document_id, offset, offset + 1))
            connection.commit()
            times.append((time.perf_counter() - start) * 1000)
        results.append(times)
    connection.close()
    copy.unlink()
    return results


def floor_commit(path: Path, document_id: int) -> float:
    return statistics.median(floor_commit_times(path, document_id, REPEATS)[0])


def free_ranges(window: MainWindow, count: int) -> list[tuple[int, int]]:
    """Places on screen where a new span would cross nothing."""
    view = window.view
    start = view.positions.to_cp(view.firstVisibleBlock().position())
    found: list[tuple[int, int]] = []
    text = window.layer.text
    while len(found) < count and start < len(text) - 4:
        if not window.layer.index.overlapping(start, start + 2) and "\n" not in text[start:start + 2]:
            found.append((start, start + 2))
            start += 3
        start += 1
    return found


def wait_for_everything(app: QApplication, window: MainWindow) -> None:
    """Events processed until the whole layer is in and the span table lists it (read after the first paint)."""
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline and not (
            getattr(window.layer, "complete", True) and window.span_table._model.rowCount() == len(window.layer.index)):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.002)


def longest_event_after(app: QApplication, after_ms: float = AFTER_MS) -> tuple[float, float]:
    """The longest single ``processEvents`` call in the next ``after_ms`` ms, wall and the UI thread's CPU ms: how
    long the UI thread blocks on what an edit leaves behind (timers, queued results, the span table's rows)."""
    longest = (0.0, 0.0)
    until = time.perf_counter() + after_ms / 1000
    while time.perf_counter() < until:
        cpu = time.thread_time()
        wall = timed(app.processEvents)
        longest = max(longest, (wall, (time.thread_time() - cpu) * 1000))
        time.sleep(0.001)
    return longest


def p95(values: list[float]) -> float:
    """The 95th percentile, nearest rank: of 20 values, the 19th."""
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]


def measure_window(app: QApplication, window: MainWindow, count: int) -> dict[str, list[float]]:
    """Each of ``count`` edits of each kind: the command, its commit, and the repaint it schedules (events
    processed), wall and the UI thread's CPU; and the longest UI-thread block in the ``AFTER_MS`` ms after it."""
    window.snapping.enabled = False  # the add is timed on what it stores, not on jieba
    figures: dict[str, list[float]] = {}

    def edit(name: str, action: Callable[[], object]) -> None:
        cpu = time.thread_time()
        figures.setdefault(name, []).append(timed(lambda: (action(), app.processEvents())))
        figures.setdefault(f"{name} cpu", []).append((time.thread_time() - cpu) * 1000)
        after, after_cpu = longest_event_after(app)
        figures.setdefault("after", []).append(after)
        figures.setdefault("after cpu", []).append(after_cpu)

    labels = [label.id for label in window.labels]
    for i, (start, end) in enumerate(free_ranges(window, count)):
        window.view.select_range(start, end)
        edit("add", lambda: window.editing.apply_label(labels[0]))
        edit("relabel", lambda label=labels[1 + i % 2]: window.editing.apply_label(label))  # type: ignore[misc]
        edit("delete", window.editing.delete_selected)
    return figures


def measure_project(app: QApplication, path: Path, documents: dict[str, int], runs: int, count: int) -> None:
    engine = create_project_engine(path)
    sessions = session_factory(engine)
    project = OpenProject(sessions)
    for name, document_id in documents.items():
        with sessions() as session:
            text = document_text(session, document_id)
        opens: list[float] = []
        opens_cpu: list[float] = []  # the UI thread's CPU time: steadier than wall time on a busy machine
        floors: list[tuple[float, float, float, float]] = []
        whole: list[tuple[float, float]] = []  # until every span is in and the span table filled: wall, CPU
        for run in range(runs):
            floors.append(floor_open(app, text))
            holder: list[MainWindow] = []

            def open_window(document_id: int = document_id, holder: list[MainWindow] = holder) -> None:
                window = MainWindow(project, ANNOTATOR, document_id)
                window.show()
                window.view.viewport().repaint()
                app.processEvents()
                holder.append(window)

            cpu, wall = time.thread_time(), time.perf_counter()
            opens.append(timed(open_window))
            opens_cpu.append((time.thread_time() - cpu) * 1000)
            window = holder[0]
            wait_for_everything(app, window)
            whole.append(((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))
            spans = len(window.layer.index)
            if run == runs - 1:  # the edits, once: ``count`` of each
                window.snapping.wait()
                app.processEvents()
                edits = measure_window(app, window, count)
                commit = floor_commit(path, document_id)
            window.close()
            window.deleteLater()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # gone, not following the project's changes
            app.processEvents()
        bare_open = [f[0] for f in floors]
        bare_full, bare_line = statistics.median(f[1] for f in floors), statistics.median(f[2] for f in floors)
        print(f"\n{name}: {len(text):,} characters, {text.count(chr(10)) + 1:,} lines, {spans:,} spans; "
              f"medians of {runs} (min–max)")
        print(f"  open (window shown and painted)  {spread(opens)}   floor: bare QPlainTextEdit {spread(bare_open)}"
              f"   ratio {statistics.median(opens) / statistics.median(bare_open):.2f}")
        print(f"  open, UI thread's CPU time        {spread(opens_cpu)}   floor {spread([f[3] for f in floors])}"
              f"   ratio {statistics.median(opens_cpu) / statistics.median(f[3] for f in floors):.2f}")
        print(f"  until the whole layer is in       {spread([w for w, _ in whole])}   UI thread's CPU time "
              f"{spread([c for _, c in whole])}  (the spans past the first screen and the span table, after the open)")
        for what in ("add", "relabel", "delete"):
            wall, cpu = edits[what], edits[what + " cpu"]
            print(f"  {what:<8} + commit + repaint      UI thread's CPU {statistics.median(cpu):6.2f} ms, p95 "
                  f"{p95(cpu):6.2f} ({min(cpu):.2f}–{max(cpu):.2f}); wall {statistics.median(wall):6.2f} ms, p95 "
                  f"{p95(wall):6.2f} ({min(wall):.2f}–{max(wall):.2f})")
        print(f"    ({len(edits['add'])} of each; floor: sqlite3 insert+commit {commit:.2f} ms + bare repaint of a "
              f"line {bare_line:.2f} ms (of the view {bare_full:.2f} ms))")
        after, after_cpu = edits["after"], edits["after cpu"]
        print(f"  longest UI-thread block in the {AFTER_MS} ms after an edit (the span table following it): "
              f"{statistics.median(after):.2f} ms (CPU {statistics.median(after_cpu):.2f}, p95 {p95(after_cpu):.2f}), "
              f"medians of {len(after)}")
    project.close()
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--documents", type=int, default=10_000, help="the big project (0: only the reports)")
    parser.add_argument("--only", type=int, default=len(REPORTS), help="measure the first so many reports")
    parser.add_argument("--edits", type=int, default=20, help="edits of each kind in each report")
    parser.add_argument("--folder", type=Path, help="keep the projects here, and use them again when they are there")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.folder or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        projects = [("a project of the reports alone", folder / "bench.sqlite")]
        if args.documents:
            big = folder / f"big-{args.documents}.sqlite"
            if not big.exists():
                subprocess.run([sys.executable, str(Path(__file__).parent / "export.py"), "--build", str(big),
                                "--documents", str(args.documents), "--spans-per-document", "100"], check=True)
            projects.append((f"a project of {args.documents:,} more documents, {args.documents * 100:,} spans", big))
        for title, path in projects:
            print(f"\n== {title}: building…", flush=True)
            measure_project(app, path, build(path, args.only), args.runs, args.edits)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
