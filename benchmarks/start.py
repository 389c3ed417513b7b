"""Start-up: from process start to an annotation window that answers input, to one that takes an edit, whether
the UI thread is blocked afterwards and how long the process takes to end once closed, next to the floor
measured in the same run.

Each start is a fresh process running the real command (``biaozhu --db P --annotator bench``, through
``biaozhu.cli.main``, imported first as the command does); the only instruments are two hooks in the app's module:
right after the QApplication is made, a zero timer that runs at the event loop's first turn (the first window
shown and painted, so it answers input: the time since the parent started the process is taken with the CPU
seconds of the process and of the UI thread), and where the app would arm ``BIAOZHU_QUIT_AFTER_MS`` once its
first window is finished. "Ready to tag" is the first moment the window has its document, its labels and the
annotator's layer open (checked every heartbeat); from the first paint a 10 ms QTimer heartbeat records its
longest gap for 3 s (the window is finished then, on the UI thread, while the project, jieba and the span texts
load on workers), the window closes, and the parent notes how long the process takes to end
(word snapping may still be learning a million span texts then). The floor: a minimal PySide6 program showing
the first document's text in a read-only QPlainTextEdit, measured the same way. Runs alternate; medians of
``--runs`` with min–max are printed. Two projects are built with bulk sqlite3 inserts (``export.py``'s builder)
into ``--projects`` (a temporary folder by default; reused when they are there): a small one (4 documents) and,
with ``--documents``, a big one (default 10,000 documents of 100 spans: 1M spans).

    QT_QPA_PLATFORM=offscreen python benchmarks/start.py [--runs 5] [--documents 10000] [--projects DIR]
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEARTBEAT_MS, WATCH_MS = 10, 3000

# Shared by both children: ``first_turn`` is armed as soon as the QApplication exists, so it runs at the event
# loop's first turn (the first window shown and painted: it answers input from then on); the heartbeat then
# records its longest gap for WATCH_MS, whatever the window does meanwhile (the app finishes its window, loads
# jieba and the span texts), and ``hooks`` say when the window takes an edit and how to close it. It imports
# nothing of Qt before the program does.
INSTRUMENT = r"""
import json, sys, time
HEAVY = ("sqlalchemy", "alembic", "jieba", "docx", "pypdfium2", "orjson")
hooks = {"tags": lambda: False, "close": None, "extra": dict}

def watch(began):
    from PySide6.QtCore import QTimer  # imported by then: the app's own import order is left alone
    from PySide6.QtWidgets import QApplication
    state = {"last": None, "gap": 0.0, "ticks": 0}
    def now_ready(prefix):
        state[prefix] = time.time() - began
        state[prefix + "_cpu"] = time.process_time()  # CPU seconds of this process (every thread) so far
        state[prefix + "_ui_cpu"] = time.thread_time()  # of the UI thread alone
    def first_turn():
        for window in QApplication.topLevelWidgets():
            if window.isVisible():
                window.repaint()  # painted: the window answers input from here on
        now_ready("ready")
        state["at_paint"] = sorted(m for m in HEAVY if m in sys.modules)
        state["last"] = time.perf_counter()
        if hooks["tags"]():
            now_ready("tags")
        beat.start()
        QTimer.singleShot(WATCH_MS, finish)
    def tick():
        now = time.perf_counter()
        state["gap"] = max(state["gap"], (now - state["last"]) * 1000)
        state["last"] = now
        if "tags" not in state and hooks["tags"]():
            now_ready("tags")
    def finish():
        beat.stop()
        state.pop("last")
        print(json.dumps({**state, **hooks["extra"](), "closed": time.time()}), flush=True)
        (hooks["close"] or QApplication.closeAllWindows)()
    beat = QTimer(interval=HEARTBEAT_MS)
    beat.timeout.connect(tick)
    QTimer.singleShot(0, first_turn)
""".replace("WATCH_MS", str(WATCH_MS)).replace("HEARTBEAT_MS", str(HEARTBEAT_MS))

APP = r"""
import sys
from biaozhu.cli import main  # first, as the `biaozhu` command does
""" + INSTRUMENT + r"""
began, db = float(sys.argv[1]), sys.argv[2]
import importlib.abc, importlib.util

class AfterAppImport(importlib.abc.MetaPathFinder):
    # The hooks are set once the command imports biaozhu.gui.app, in its own order.
    def find_spec(self, name, path, target=None):
        if name != "biaozhu.gui.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            make_application = module.make_application
            def made(lang):
                app = make_application(lang)
                watch(began)
                return app
            module.make_application = made
            module.close_when_asked = instrument  # called once the first window is finished
        spec.loader.exec_module = exec_module
        return spec

def instrument(started):
    def tags():  # the window takes an edit: its document, its labels, the annotator's layer
        window = started.windows.annotation
        return window is not None and window.layer.document_id is not None and bool(window.labels.labels)
    hooks.update(tags=tags, close=started.windows.close,
                 extra=lambda: {"snapping": started.windows.annotation.snapping.segmenter is not None,
                                "modules": sorted(m for m in HEAVY if m in sys.modules)})

sys.meta_path.insert(0, AfterAppImport())
raise SystemExit(main(["--db", db, "--annotator", "bench"]))
"""

FLOOR = INSTRUMENT + r"""
began, db = float(sys.argv[1]), sys.argv[2]
import sqlite3
from PySide6.QtWidgets import QApplication, QPlainTextEdit
text = sqlite3.connect(db).execute("SELECT text FROM documents ORDER BY id LIMIT 1").fetchone()[0]
app = QApplication(sys.argv[:1])
watch(began)
editor = QPlainTextEdit()
editor.setReadOnly(True)
editor.setPlainText(text)
editor.resize(1400, 900)
editor.show()
hooks.update(tags=lambda: True, close=editor.close)
raise SystemExit(app.exec())
"""


def one(program: str, db: Path, env: dict[str, str]) -> dict[str, object]:
    began = time.time()
    done = subprocess.run([sys.executable, "-c", program, str(began), str(db)], env=env, capture_output=True,
                          text=True, check=False)
    ended = time.time()
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"a start failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    figures: dict[str, object] = json.loads(lines[0])
    figures["exit"] = ended - float(figures["closed"])  # type: ignore[arg-type]
    return figures


def spread(values: list[float], unit: str = "s", scale: float = 1.0, digits: int | None = None) -> str:
    """Median (min–max); seconds with 3 decimals, other units with ``digits`` (default none)."""
    scaled = [v * scale for v in values]
    places = (3 if unit == "s" else 0) if digits is None else digits
    return f"{statistics.median(scaled):7.{places}f} {unit} ({min(scaled):.{places}f}–{max(scaled):.{places}f})"


def environment(home: Path) -> dict[str, str]:
    """The children's environment: offscreen, and a home of their own (settings, jieba's cache)."""
    return {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"), "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache")}


def figure(runs: list[dict[str, object]], key: str) -> list[float]:
    return [float(run[key]) for run in runs]  # type: ignore[arg-type]


def measure(name: str, db: Path, runs: int, home: Path) -> None:
    env = environment(home)
    one(APP, db, env)  # warm: bytecode, the file cache, jieba's own cache
    apps, floors = [], []
    for _ in range(runs):
        apps.append(one(APP, db, env))
        floors.append(one(FLOOR, db, env))
    ready, floor = figure(apps, "ready"), figure(floors, "ready")
    cpu, floor_cpu = figure(apps, "ready_cpu"), figure(floors, "ready_cpu")
    print(f"\n{name}: medians of {runs} starts (min–max)")
    print(f"  window answers input     {spread(ready)}   floor: minimal PySide6 window {spread(floor)}   "
          f"ratio {statistics.median(ready) / statistics.median(floor):.2f}")
    print(f"  CPU time to that point   {spread(cpu)}   floor {spread(floor_cpu)}   "
          f"ratio {statistics.median(cpu) / statistics.median(floor_cpu):.2f}   "
          f"(UI thread {spread(figure(apps, 'ready_ui_cpu'))})")
    tagging = [run for run in apps if "tags" in run]
    if len(tagging) < len(apps):
        print(f"  ready to tag: not within {WATCH_MS / 1000:.0f} s in {len(apps) - len(tagging)} of {runs} starts")
    if tagging:
        print(f"  ready to tag (document, labels, layer open)  {spread(figure(tagging, 'tags'))}   "
              f"CPU {spread(figure(tagging, 'tags_cpu'))}   (UI thread {spread(figure(tagging, 'tags_ui_cpu'))})")
    print(f"  longest UI-thread gap in the first {WATCH_MS / 1000:.0f} s (heartbeat {HEARTBEAT_MS} ms)  "
          f"{spread(figure(apps, 'gap'), 'ms')}   floor {spread(figure(floors, 'gap'), 'ms')}")
    print(f"  closed after {WATCH_MS / 1000:.0f} s: the process ends {spread(figure(apps, 'exit'))} later   "
          f"floor {spread(figure(floors, 'exit'))}")
    loaded = sum(1 for f in apps if f.get("snapping"))
    print(f"  word snapping loaded within {WATCH_MS / 1000:.0f} s: {loaded} of {runs}; heavy modules imported at the "
          f"first paint: {', '.join(apps[-1]['at_paint']) or 'none'}; "  # type: ignore[arg-type]
          f"by then: {', '.join(apps[-1].get('modules', [])) or 'none'}")  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--documents", type=int, default=10_000, help="the big project (0: only the small one)")
    parser.add_argument("--projects", type=Path, help="build the projects here, or reuse them (default: a temporary "
                                                      "folder)")
    args = parser.parse_args()
    # An installed package has its bytecode; without it (PYTHONDONTWRITEBYTECODE) every start would compile biaozhu.
    package = importlib.util.find_spec("biaozhu")
    assert package is not None and package.submodule_search_locations, "biaozhu is not installed"
    compileall.compile_dir(package.submodule_search_locations[0], quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        projects = args.projects or root
        projects.mkdir(parents=True, exist_ok=True)
        for documents in [4] + ([args.documents] if args.documents else []):
            db = projects / f"start-{documents}.sqlite"
            if not db.exists():
                subprocess.run([sys.executable, str(Path(__file__).parent / "export.py"), "--build", str(db),
                                "--documents", str(documents), "--spans-per-document", "100"], check=True)
            measure(f"{documents:,} documents, {documents * 100:,} spans", db, args.runs, root)

if __name__ == "__main__":
    main()
