"""Edits in a small and a big project: add, relabel and delete with word snapping on, next to their floors.

Two projects of 100 spans per document are built with bulk sqlite3 inserts (``export.py``'s builder, in a child
process): 4 documents, and ``--documents`` (default 10,000: 1M spans). The app opens each as it does for a user
(``Windows``: the annotation window on the first document, the change poller watching its layer) and snapping is
loaded (jieba and the project's span texts) before anything is timed. Each edit is timed with its commit and the
repaint it schedules (events processed); then the events that follow it for 150 ms (the deferred panel refresh,
anything read after it) are processed one call at a time and the longest call is kept: the UI thread must not
block there either. ``--runs`` runs of ``--repeats`` edits of each kind; each run's median and p95 are taken, and
the medians of those are printed with their min–max, in wall time and in the UI thread's CPU time (which other
programs on a loaded machine inflate less); the load average is printed before each project. The floors,
measured in the same run: one INSERT + COMMIT through bare sqlite3 on a copy of the project, and the repaint of
one line of a bare QPlainTextEdit holding the same text (medians of 15 each). ``--cache DIR`` keeps the built
projects there and times a fresh copy of them (comparing two versions of the code on the same projects).

    QT_QPA_PLATFORM=offscreen python benchmarks/edits.py [--documents 10000] [--runs 5] [--repeats 20] [--cache DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from long_report import (  # noqa: E402
    AFTER_MS,
    REPEATS,
    floor_commit_times,
    floor_open,
    free_ranges,
    longest_event_after,
    timed,
)
from PySide6.QtWidgets import QApplication  # noqa: E402

from biaozhu.db.engine import create_project_engine, session_factory  # noqa: E402
from biaozhu.gui.windows import Windows  # noqa: E402

ANNOTATOR = "alice"  # the builder's annotator: the open layer holds the document's 100 spans
KINDS = ("add", "relabel", "delete", "after")
CPU = ("add cpu", "relabel cpu", "delete cpu", "after cpu")


def timed_cpu(action: Callable[[], object]) -> tuple[float, float]:
    """Wall and UI-thread CPU ms of ``action``."""
    cpu = time.thread_time()
    wall = timed(action)
    return wall, (time.thread_time() - cpu) * 1000


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f} ({min(values):.2f}–{max(values):.2f})"


def floor_commits(path: Path, runs: int) -> list[float]:
    """Per run, the median of ``REPEATS`` INSERT + COMMITs through bare sqlite3 on a copy of the project."""
    return [statistics.median(times) for times in floor_commit_times(path, 1, REPEATS, runs)]


def measure(app: QApplication, path: Path, runs: int, repeats: int) -> None:
    engine = create_project_engine(path)
    windows = Windows(session_factory(engine), ANNOTATOR)
    began = time.perf_counter()
    window = windows.annotate(1)
    app.processEvents()
    while window.snapping.segmenter is None or windows.project.poller.token is None:
        app.processEvents()
        time.sleep(0.005)
    learned = len(window.snapping.segmenter.learned)
    print(f"  window open and snapping loaded in {time.perf_counter() - began:.1f} s ({learned:,} span texts "
          "learned)", flush=True)
    longest_event_after(app)
    assert window.snapping.active
    labels = [label.id for label in window.labels]
    ranges = free_ranges(window, repeats)
    per_run: dict[str, list[tuple[float, float]]] = {kind: [] for kind in (*KINDS, *CPU)}
    for _ in range(runs):
        figures: dict[str, list[float]] = {kind: [] for kind in (*KINDS, *CPU)}
        for i, (start, end) in enumerate(ranges):  # each span is deleted again: the ranges stay free
            window.view.select_range(start, end)
            for name, edit in (("add", lambda: window.editing.apply_label(labels[0])),
                               ("relabel", lambda i=i: window.editing.apply_label(labels[1 + i % 2])),  # type: ignore[misc]
                               ("delete", window.editing.delete_selected)):
                wall, cpu = timed_cpu(lambda edit=edit: (edit(), app.processEvents()))  # type: ignore[misc]
                figures[name].append(wall)
                figures[f"{name} cpu"].append(cpu)
                after, after_cpu = longest_event_after(app)
                figures["after"].append(after)
                figures["after cpu"].append(after_cpu)
        for kind in per_run:
            per_run[kind].append((statistics.median(figures[kind]), p95(figures[kind])))
    text = window.layer.text
    windows.close()
    engine.dispose()
    bare = [floor_open(app, text) for _ in range(runs)]
    commits = floor_commits(path, runs)
    print(f"  {runs} runs of {repeats} edits of each kind; medians of the runs' figures (min–max), ms:")
    for kind in (*KINDS, *CPU):
        name = f"longest UI-thread block in the {AFTER_MS} ms after" if kind == "after" else \
            f"{kind} + commit + repaint" if kind in KINDS else f"  {kind} (UI thread)"
        print(f"    {name:<45} median {spread([m for m, _ in per_run[kind]])}   "
              f"p95 {spread([p for _, p in per_run[kind]])}")
    print(f"    floors: sqlite3 insert + commit {spread(commits)}; bare repaint of a line "
          f"{spread([line for _, _, line, _ in bare])} (of the view {spread([full for _, full, _, _ in bare])}); "
          "goal: < 16 ms at p95", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000, help="the big project (0: only the small one)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--cache", type=Path, help="keep the built projects here; each run times a copy")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        for documents in [4] + ([args.documents] if args.documents else []):
            path = Path(folder) / f"edits-{documents}.sqlite"
            built = (args.cache or Path(folder)) / f"built-{documents}.sqlite"
            if not built.exists():
                subprocess.run([sys.executable, str(Path(__file__).parent / "export.py"), "--build", str(built),
                                "--documents", str(documents), "--spans-per-document", "100"], check=True)
            shutil.copy(built, path)
            load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else ["?"]
            print(f"\n{documents:,} documents, {documents * 100:,} spans, word snapping on (load {' '.join(load)})",
                  flush=True)
            measure(app, path, args.runs, args.repeats)


if __name__ == "__main__":
    main()
