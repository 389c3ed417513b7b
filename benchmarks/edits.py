"""Edits in a big project: add, relabel and delete with word snapping on, next to their floors.

A project of ``--documents`` documents of 100 spans each (default 10,000: 1M spans) is built with bulk sqlite3
inserts (``export.py``'s builder, in a child process). The annotation window opens on the first document and
snapping is loaded (jieba and the project's 1M span texts) before anything is timed. Each edit is timed with its
commit and the repaint it schedules (events processed); then the events that follow it for 150 ms (the deferred
panel refresh, the change token read after our own change, snapping following the counts) are processed one
call at a time and the longest call is kept: the UI thread must not block there either. The floors, measured in
the same run: one INSERT + COMMIT through bare sqlite3 on a copy of the project, and the repaint of one line of
a bare QPlainTextEdit holding the same text. Medians, p95 and min–max of ``--repeats`` edits of each kind.

    QT_QPA_PLATFORM=offscreen python benchmarks/edits.py [--documents 10000] [--repeats 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from long_report import floor_commit, floor_open, free_ranges, timed  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from biaozhu.db.engine import create_project_engine, session_factory  # noqa: E402
from biaozhu.gui.annotate.window import MainWindow  # noqa: E402
from biaozhu.gui.common.project import OpenProject  # noqa: E402

ANNOTATOR = "alice"  # the builder's annotator: the open layer holds the document's 100 spans
AFTER_MS = 150


def longest_event_after(app: QApplication) -> float:
    """The longest single ``processEvents`` call in the next ``AFTER_MS`` ms: how long the UI thread blocks on
    what an edit leaves behind (timers, queued results)."""
    longest = 0.0
    until = time.perf_counter() + AFTER_MS / 1000
    while time.perf_counter() < until:
        longest = max(longest, timed(app.processEvents))
        time.sleep(0.001)
    return longest


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(values):6.2f}  p95 {p95:6.2f}  ({ordered[0]:.2f}–{ordered[-1]:.2f}) ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "edits.sqlite"
        began = time.perf_counter()
        subprocess.run([sys.executable, str(Path(__file__).parent / "export.py"), "--build", str(path),
                        "--documents", str(args.documents), "--spans-per-document", "100"], check=True)
        print(f"{args.documents:,} documents, {args.documents * 100:,} spans, built in "
              f"{time.perf_counter() - began:.0f} s", flush=True)
        engine = create_project_engine(path)
        project = OpenProject(session_factory(engine))
        began = time.perf_counter()
        window = MainWindow(project, ANNOTATOR, 1)
        window.show()
        app.processEvents()
        while window.snapping.segmenter is None:
            app.processEvents()
            time.sleep(0.005)
        print(f"window open and snapping loaded in {time.perf_counter() - began:.1f} s "
              f"({len(window.snapping.segmenter.learned):,} span texts learned)", flush=True)
        longest_event_after(app)
        assert window.snapping.active
        figures: dict[str, list[float]] = {"add": [], "relabel": [], "delete": [], "after": []}
        labels = [label.id for label in window.labels]
        for i, (start, end) in enumerate(free_ranges(window, args.repeats)):
            window.view.select_range(start, end)
            for name, edit in (("add", lambda: window.editing.apply_label(labels[0])),
                               ("relabel", lambda i=i: window.editing.apply_label(labels[1 + i % 2])),  # type: ignore[misc]
                               ("delete", window.editing.delete_selected)):
                figures[name].append(timed(lambda edit=edit: (edit(), app.processEvents())))  # type: ignore[misc]
                figures["after"].append(longest_event_after(app))
        text = window.layer.text
        window.close()
        project.close()
        engine.dispose()
        _, bare_full, bare_line = floor_open(app, text)
        commit = floor_commit(path, 1)
    print(f"\nedits with word snapping on, {args.repeats} of each:")
    for name in ("add", "relabel", "delete"):
        print(f"  {name:<8} + commit + repaint   {summary(figures[name])}")
    print(f"  longest UI-thread block in the {AFTER_MS} ms after an edit   {summary(figures['after'])}")
    print(f"  floors: sqlite3 insert + commit {commit:.2f} ms; bare repaint of a line {bare_line:.2f} ms "
          f"(of the view {bare_full:.2f} ms); goal: < 16 ms at p95")


if __name__ == "__main__":
    main()
