"""The document list of a big project: start to a window showing it, and its refresh after an edit, next to the
floor measured in the same run.

Projects are built with bulk sqlite3 inserts (``export.py``'s builder): 4 documents, and ``--documents``
(default 100,000) of ``--spans-per-document`` spans (default 10: 1M spans). Each start is a fresh process, timed
as ``start.py`` times it (process start → the window answers input, then the UI thread's longest gap for 3 s):
- biaozhu: the real command (``biaozhu --db P --annotator alice``), its window open on the first document with
  every document listed;
- the floor: a minimal PySide6 program that reads the same rows through bare sqlite3 (name, length, this
  annotator's status and span count: three queries) into a bare QAbstractTableModel shown in a QTableView.
biaozhu's window shows before its list, which the app's worker reads with sqlite3 and prepares before it imports
SQLAlchemy (the first look, ``biaozhu.gui.app``): "window with the list" is when the list's rows are in the view and
painted, watched from the event loop's first turn (the floor reads them before it shows). The list's own part of
that is printed apart, in CPU time: the worker's read (``read_first_list``) and row making (``prepare_rows``), the
UI thread's ``apply`` and the first paint of the rows; next to the floor's read and its show (model and view made,
shown and painted). The floor counts spans on the layer index (document, annotator): by the annotator, SQLite
would take the statistics index and sort 1M spans by document, 0.47 s instead of 0.11 s, a floor slower than it
need be. After
the 3 s watch, in the same processes: the refresh after an edit (the window's own span added: the open document's
row, events processed; the floor: one row's dataChanged, events processed), and in biaozhu a whole-list refresh
after another program's change: the rows prepared as the worker prepares them (timed apart), then the UI thread's
part (the differences applied, events processed). Runs alternate; medians of ``--runs`` with min–max are printed.

    QT_QPA_PLATFORM=offscreen python benchmarks/document_list.py [--runs 5] [--documents 100000] [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from start import INSTRUMENT, environment, one, spread  # noqa: E402

# After the watch: the window's own edit (its row), then a whole-list refresh's UI-thread part.
APP = INSTRUMENT + r"""
began, db = float(sys.argv[1]), sys.argv[2]
import biaozhu.gui.app as app_module
from biaozhu.cli import main
# The list's own part of the start: the first look's read and row making on the app's worker (before SQLAlchemy
# loads), timed in that thread's CPU where the app calls them, and the UI thread's part (the rows applied, then
# painted), from the event loop's first turn: the rows may be in before the window is finished.
worker_times = {}
def on_worker(name, function):
    def timed_call(*args, **kwargs):
        started, at = time.thread_time(), time.time() - began
        try:
            return function(*args, **kwargs)
        finally:
            if name + "_cpu" not in worker_times:
                worker_times.update({name + "_cpu": time.thread_time() - started, name + "_at": at})
    return timed_call
app_module.read_first_list = on_worker("read", app_module.read_first_list)
app_module.prepare_rows = on_worker("prepare", app_module.prepare_rows)
listed = {}
def timed(work, clock=time.perf_counter):
    started = clock()
    work()
    return (clock() - started) * 1000
def watch_the_list():  # no polling: the rows are timed as they are applied (a 2 ms timer cost the start 20-40 ms)
    from biaozhu.gui.widgets.document_list import DocumentListPanel
    apply = DocumentListPanel.apply
    def applied(panel, prepared):  # the first rows in: applied to the model, then painted
        started = time.thread_time()
        result = apply(panel, prepared)
        if "at" not in listed and panel._view.model().rowCount():
            listed["apply_cpu"] = time.thread_time() - started
            painting = time.thread_time()
            panel._view.viewport().repaint()  # the rows painted: what the floor has shown when it answers input
            listed.update(paint_cpu=time.thread_time() - painting, at=time.time() - began, cpu=time.process_time(),
                          ui_cpu=time.thread_time())
        return result
    DocumentListPanel.apply = applied
made = app_module.make_application
def make_application(lang):
    application = made(lang)
    watch(began)
    watch_the_list()
    return application
app_module.make_application = make_application

def instrument(started):  # the window is finished: the edits after the 3 s watch
    from PySide6.QtWidgets import QApplication
    window = started.windows.annotation
    app = QApplication.instance()
    panel = window.document_list
    def edits():
        while "at" not in listed:  # a loaded machine: the list may come after the watch
            app.processEvents()
        window.snapping.enabled = False  # the list is timed here, not jieba (edits.py times snapping)
        view, labels, text = window.view, [label.id for label in window.labels], window.layer.text
        free = [start for start in range(len(text) - 3, 0, -3) if not window.layer.index.overlapping(start, start + 2)]
        edit, whole, whole_cpu, worker = [], [], [], []
        for start in free[:15]:
            view.select_range(start, start + 2)
            edit.append(timed(lambda: (window.editing.apply_label(labels[0]), app.processEvents())))
            window.undo_stack.undo()  # the project stays as it was for the next start
            app.processEvents()
        from biaozhu.db.documents import list_documents  # loaded by the app by now: imported earlier, it would not be
        rows = window.runner.read(list_documents)  # what the worker reads after another program's change
        changed = list(rows)  # that change: one more span of this annotator in the last document
        last = rows[-1]
        changed[-1] = replace(last, span_counts={**last.span_counts, "alice": 1 + last.span_counts.get("alice", 0)})
        for i in range(16):  # each apply one row's change: the last document's count goes up, then back down
            state = panel.snapshot(window.annotator)
            worker.append(timed(lambda: prepare_rows(changed if i % 2 else rows, state), time.thread_time))
            for read, times, clock in ((changed, whole, time.perf_counter), (rows, whole_cpu, time.thread_time)):
                prepared.append(prepare_rows(read, panel.snapshot(window.annotator)))
                times.append(timed(lambda: (window.lists.show_prepared(prepared.pop()), app.processEvents()), clock))
        figures = {"listed": panel._view.model().rowCount(), "listed_at": listed["at"], "listed_cpu": listed["cpu"],
                   "listed_ui_cpu": listed["ui_cpu"], "apply_cpu": listed["apply_cpu"],
                   "paint_cpu": listed["paint_cpu"], **worker_times,
                   "edit": statistics.median(edit), "whole": statistics.median(whole),
                   "whole_cpu": statistics.median(whole_cpu),
                   "worker": statistics.median(worker)}
        row = window.documents[0]
        for column, key in ((-1, "own"), (3, "sorted")):  # the open document's row, then sorted by span count
            panel._view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
            own, own_cpu = [], []
            for i in range(32):  # 16 in wall time, then 16 in the UI thread's CPU time
                counts = {"alice": row.span_counts.get("alice", 0) + i % 2}
                times, clock = (own, time.perf_counter) if i < 16 else (own_cpu, time.thread_time)
                times.append(timed(lambda: (panel.replace_document(replace(row, span_counts=counts)),
                                            app.processEvents()), clock))
            figures[key], figures[key + "_cpu"] = statistics.median(own), statistics.median(own_cpu)
        return figures

    prepared = []
    hooks.update(tags=lambda: True, close=started.windows.close, extra=edits)

import statistics
from dataclasses import replace
from PySide6.QtCore import Qt
from biaozhu.gui.widgets.document_rows import prepare_rows
app_module.close_when_asked = instrument
raise SystemExit(main(["--db", db, "--annotator", "alice"]))
"""

FLOOR = INSTRUMENT + r"""
began, db = float(sys.argv[1]), sys.argv[2]
import sqlite3, statistics
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView

read_from = time.thread_time()
connection = sqlite3.connect(db)
# "+annotator_id": counted on the layer index (document, annotator) in one pass; by the annotator, SQLite takes the
# statistics index and sorts 1M spans by document (0.47 s instead of 0.11 s).
counts = dict(connection.execute("SELECT document_id, count(*) FROM spans WHERE +annotator_id = 1 "
                                 "GROUP BY document_id"))
statuses = dict(connection.execute("SELECT document_id, status FROM document_status WHERE annotator_id = 1"))
rows = [[name, f"{length:,}", statuses.get(i, "in progress" if counts.get(i) else "not started"),
         str(counts.get(i, 0))] for i, name, length in connection.execute(
         "SELECT id, name, length FROM documents ORDER BY id")]
read_cpu = time.thread_time() - read_from

class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return len(rows)
    def columnCount(self, parent=QModelIndex()):
        return 4
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return rows[index.row()][index.column()] if role == Qt.ItemDataRole.DisplayRole else None

app = QApplication(sys.argv[:1])
watch(began)
shown_from = time.thread_time()  # the list's show: the model and view made, shown and painted (to "ready")
model = Model()
view = QTableView()
view.setModel(model)
view.resize(1400, 900)
view.show()

def timed(work):
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000

def edits():
    own = []
    for i in range(15):
        rows[0][3] = str(int(rows[0][3]) + 1)
        own.append(timed(lambda: (model.dataChanged.emit(model.index(0, 0), model.index(0, 3)), app.processEvents())))
    return {"listed": model.rowCount(), "own": statistics.median(own), "read_cpu": read_cpu,
            "shown_from": shown_from}

hooks.update(tags=lambda: True, close=view.close, extra=edits)
raise SystemExit(app.exec())
"""


def measure(name: str, db: Path, runs: int, home: Path, documents: int) -> None:
    env = environment(home)
    one(APP, db, env)  # warm: bytecode, the file cache, jieba's own cache
    apps, floors = [], []
    for _ in range(runs):
        apps.append(one(APP, db, env))
        floors.append(one(FLOOR, db, env))
    for figures in apps + floors:
        assert figures["listed"] == documents, figures

    def of(runs: list[dict[str, object]], key: str) -> list[float]:
        return [float(f[key]) for f in runs]  # type: ignore[arg-type]

    def sums(runs: list[dict[str, object]], *keys: str) -> list[float]:
        return [sum(values) for values in zip(*(of(runs, key) for key in keys), strict=True)]

    def ms(values: list[float], digits: int = 1) -> str:
        return spread(values, "ms", 1000, digits)

    def minus(a: list[float], b: list[float]) -> list[float]:
        return [x - y for x, y in zip(a, b, strict=True)]

    def ratio(mine: list[float], floor: list[float]) -> str:
        return f"ratio {statistics.median(mine) / statistics.median(floor):.2f}"

    ready, listed, floor = of(apps, "ready"), of(apps, "listed_at"), of(floors, "ready")
    listed_cpu, floor_cpu = of(apps, "listed_cpu"), of(floors, "ready_cpu")
    part = sums(apps, "read_cpu", "prepare_cpu", "apply_cpu", "paint_cpu")
    floor_read, floor_show = of(floors, "read_cpu"), minus(of(floors, "ready_ui_cpu"), of(floors, "shown_from"))
    floor_part = [read + show for read, show in zip(floor_read, floor_show, strict=True)]
    print(f"\n{name}: medians of {runs} starts (min–max)")
    print(f"  window with the list     {spread(listed)}   floor: bare model/view {spread(floor)}   "
          f"{ratio(listed, floor)} (goal ≤ 1.5)")
    print(f"  CPU time to that point   {spread(listed_cpu)}   floor {spread(floor_cpu)}   "
          f"{ratio(listed_cpu, floor_cpu)}")
    print(f"  window answers input     {spread(ready)}, CPU {spread(of(apps, 'ready_cpu'))} (the list comes after it)")
    print(f"  the list's own part, CPU {ms(part)}   floor: its read + show {ms(floor_part)}   "
          f"{ratio(part, floor_part)}")
    print(f"    worker: read {ms(of(apps, 'read_cpu'))}, rows made {ms(of(apps, 'prepare_cpu'))}; UI thread: rows "
          f"applied {ms(of(apps, 'apply_cpu'))}, their first paint {ms(of(apps, 'paint_cpu'))}")
    print(f"    floor: read (3 queries, display strings) {ms(floor_read)}; model and view made, shown and painted "
          f"{ms(floor_show)}")
    print(f"    from the window's first paint to the rows painted: wall {ms(minus(listed, ready), 0)}, every "
          f"thread's CPU {ms(minus(listed_cpu, of(apps, 'ready_cpu')), 0)}; the read began "
          f"{ms(minus(of(apps, 'read_at'), ready), 0)} after the first paint")
    print(f"  longest UI-thread gap in the first 3 s  {spread(of(apps, 'gap'), 'ms')}   floor "
          f"{spread(of(floors, 'gap'), 'ms')}")
    print(f"  the list after the window's own edit (its row, repainted)  {spread(of(apps, 'own'), 'ms', 1, 2)}; "
          f"sorted by span count {spread(of(apps, 'sorted'), 'ms', 1, 2)}   floor: one row's dataChanged "
          f"{spread(of(floors, 'own'), 'ms', 1, 2)}   (goal < 16 ms); in CPU time "
          f"{spread(of(apps, 'own_cpu'), 'ms', 1, 2)}, sorted {spread(of(apps, 'sorted_cpu'), 'ms', 1, 2)}")
    print(f"  the whole add (+ commit, repaint, the list)  {spread(of(apps, 'edit'), 'ms', 1, 2)}")
    print(f"  a whole-list refresh after another program's change: UI-thread part "
          f"{spread(of(apps, 'whole'), 'ms', 1, 2)} (goal < 16 ms), in CPU time "
          f"{spread(of(apps, 'whole_cpu'), 'ms', 1, 2)}; the worker's part (rows prepared, CPU) "
          f"{spread(of(apps, 'worker'), 'ms', 1, 2)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--documents", type=int, default=100_000, help="the big project (0: only the small one)")
    parser.add_argument("--spans-per-document", type=int, default=10)
    parser.add_argument("--keep", metavar="FOLDER", type=Path,
                        help="build the projects here once and reuse them (runs must leave them as they were)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for documents in [4] + ([args.documents] if args.documents else []):
            name = f"list-{documents}-{args.spans_per_document}.sqlite"
            db = (args.keep or root) / name
            if not db.exists():
                db.parent.mkdir(parents=True, exist_ok=True)
                subprocess.run([sys.executable, str(Path(__file__).parent / "export.py"), "--build", str(db),
                                "--documents", str(documents), "--spans-per-document",
                                str(args.spans_per_document)], check=True)
            measure(f"{documents:,} documents, {documents * args.spans_per_document:,} spans", db, args.runs, root,
                    documents)


if __name__ == "__main__":
    main()
