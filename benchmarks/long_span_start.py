"""A project holding a span over a whole 1,000,000-character report starts as fast as the same project without it.

Word snapping used to learn every span text with jieba's ``add_word``, which stores every prefix of a word: a span
over a whole report took 23 GB within a minute, at every start. Two SQLite projects are built, the same report
and the same short spans in each; one also holds a span over the whole report (another annotator's, so it is not
on the screen). For each, the time to a usable window: constructed, shown, painted, and word snapping loaded
(jieba's dictionary loaded once beforehand, so both pay the same). The project without the long span is the floor,
measured in the same run; the runs alternate, and the medians are printed with the process's peak memory. Then
the same in a generated project of ``--documents`` more documents (default 10,000 of 100 spans: 1M spans, word
snapping learning all of them; ``--cache DIR`` builds it once).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/long_span_start.py [--documents 10000] [--cache DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from runs import generated_project, load, spread  # noqa: E402
from sqlalchemy import Engine  # noqa: E402

from biaozhu.corpus.model import SourceDocument  # noqa: E402
from biaozhu.corpus.segment import Segmenter  # noqa: E402
from biaozhu.db.annotators import ensure_annotator  # noqa: E402
from biaozhu.db.documents import add_document  # noqa: E402
from biaozhu.db.engine import create_project_engine, session_factory  # noqa: E402
from biaozhu.db.labels import label_ids  # noqa: E402
from biaozhu.db.project import initialise  # noqa: E402
from biaozhu.db.spans import add_span  # noqa: E402
from biaozhu.gui.annotate.window import MainWindow  # noqa: E402
from biaozhu.gui.common.project import OpenProject  # noqa: E402

ANNOTATOR = "bench"
WORDS = ["泸州市委统战部", "377.178亿元", "万企兴万村", "行动", "民营经济", "同心", "发展", "金融速贷", "。", "，"]
LENGTH, SPANS, RUNS = 1_000_000, 2_000, 5


def report(rng: random.Random) -> str:
    parts: list[str] = []
    size = 0
    while size < LENGTH:
        parts.append(rng.choice(WORDS))
        size += len(parts[-1])
    return "".join(parts)[:LENGTH]


def build(path: Path, text: str, whole_span: bool) -> tuple[Engine, int]:
    """The report and its spans added to the project at ``path`` (made when there is none); its document id."""
    engine = create_project_engine(path)
    with session_factory(engine).begin() as session:
        initialise(session, with_seeds=False)
        document, _ = add_document(session, SourceDocument(name="report.txt", text=text, source="bench"))
        document_id = document.id
        me, other = ensure_annotator(session, ANNOTATOR).id, ensure_annotator(session, "other").id
        labels = label_ids(session)
        step = len(text) // SPANS
        for i in range(SPANS):  # short spans, the same in both projects: what snapping should learn
            add_span(session, document.id, me, labels["ORGANIZATION"], i * step, i * step + 4,
                     text[i * step:i * step + 4])
        if whole_span:
            add_span(session, document.id, other, labels["PROGRAM"], 0, len(text), text)
    return engine, document_id


def time_to_usable(app: QApplication, engine: Engine, document_id: int) -> float:
    """Milliseconds from constructing the window to it shown, painted and snapping loaded."""
    began = time.perf_counter()
    project = OpenProject(session_factory(engine))
    window = MainWindow(project, ANNOTATOR, document_id)
    window.show()
    window.view.viewport().repaint()
    while window.snapping.segmenter is None:
        app.processEvents()
        time.sleep(0.001)
    elapsed = (time.perf_counter() - began) * 1000
    window.close()
    window.deleteLater()
    project.close()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # gone (processEvents leaves deferred deletes)
    app.processEvents()
    return elapsed


def measure(app: QApplication, text: str, folder: Path, name: str, documents: int, cache: Path | None) -> None:
    """Both projects (a generated one of ``documents`` documents under the report, when not 0), runs alternating."""
    engines = {}
    for kind in ("without", "with"):
        path = folder / f"{name}-{kind}.sqlite"
        if documents:
            generated_project(path, documents, 100, cache)
        engines[kind] = build(path, text, whole_span=kind == "with")
    times: dict[str, list[float]] = {"without": [], "with": []}
    for _ in range(RUNS):
        for kind, (engine, document_id) in engines.items():
            times[kind].append(time_to_usable(app, engine, document_id))
    for engine, _ in engines.values():
        engine.dispose()
    floor, measured = statistics.median(times["without"]), statistics.median(times["with"])
    print(f"{name}: a report of {LENGTH:,} characters and {SPANS:,} short spans; medians of {RUNS} starts each "
          f"(min–max), load {load()}")
    print(f"  usable window, project with a span over the whole report  {spread(times['with'])}")
    print(f"  floor: the same project without that span                 {spread(times['without'])}   "
          f"(ratio {measured / floor:.2f})")
    print(f"  peak memory of this process so far: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000, help="the big project (0: the report alone)")
    parser.add_argument("--cache", type=Path, help="build the big project here once and copy it on later runs")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    text = report(random.Random(7))
    Segmenter()  # jieba's dictionary, loaded once per process: not what is compared
    with tempfile.TemporaryDirectory() as folder:
        print("building the projects…", flush=True)
        measure(app, text, Path(folder), "the report alone", 0, None)
        if args.documents:
            measure(app, text, Path(folder), f"in {args.documents:,} more documents, {args.documents * 100:,} spans",
                    args.documents, args.cache)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
