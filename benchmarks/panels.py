"""How long the annotation window's panels take to show big projects, next to a floor measured in the
same run: the same rows put into a bare QStandardItemModel on a bare QTableView.

    python benchmarks/panels.py [--documents 10000] [--spans 20000] [--repeat 5]

Each figure is the median wall time of one call plus the repaint it causes (the widgets are shown on
the offscreen platform unless QT_QPA_PLATFORM says otherwise). The core refreshes both panels after every
edit, so "refresh" is the figure that must fit in a frame (16 ms).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from biaozhu.db.documents import DocumentSummary  # noqa: E402
from biaozhu.db.spans import SpanRow  # noqa: E402
from biaozhu.gui.annotate.span_table import SpanTablePanel  # noqa: E402
from biaozhu.gui.widgets.document_list import DocumentListPanel  # noqa: E402

ANNOTATOR = "lin"
LABELS = {1: ("PROGRAM", "项目", "#e53935"), 2: ("METRIC", "指标", "#1e88e5"), 3: ("ORGANIZATION", "机构", "#43a047")}


def documents(count: int, rng: random.Random) -> list[DocumentSummary]:
    statuses = ({}, {ANNOTATOR: "in_progress"}, {ANNOTATOR: "done"})
    return [DocumentSummary(i, f"2022年泸州市统一战线工作报告-{i}.txt", rng.randint(1_000, 5_000_000),
                            {ANNOTATOR: rng.randint(0, 500)}, statuses[i % 3]) for i in range(1, count + 1)]


def spans(count: int) -> list[SpanRow]:
    return [SpanRow(i, 10 * i, 10 * i + 7, i % 3 + 1, "泸州市委统战部", 1) for i in range(1, count + 1)]


def timed(app: QApplication, action: Callable[[], object], repeat: int) -> float:
    """Median milliseconds of ``action`` plus the events (repaint) it queues."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def report(what: str, milliseconds: float) -> None:
    print(f"  {what:<30} {milliseconds:8.1f} ms")


def standard_model_floor(app: QApplication, rows: list[list[str]], repeat: int) -> float:
    """The same cells as QStandardItems in a new model on a shown QTableView: what Qt's own model costs."""
    view = QTableView()
    view.resize(800, 600)
    view.show()

    def fill() -> None:
        model = QStandardItemModel(len(rows), len(rows[0]))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                model.setItem(r, c, QStandardItem(text))
        old = view.model()
        view.setModel(model)
        if old is not None:
            old.deleteLater()

    result = timed(app, fill, repeat)
    view.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--spans", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication([])
    rng = random.Random(7)
    docs, span_rows = documents(args.documents, rng), spans(args.spans)

    listing = DocumentListPanel()
    listing.resize(800, 600)
    listing.show()
    first = timed(app, lambda: listing.set_documents(docs, ANNOTATOR), 1)
    listing.select_document(docs[len(docs) // 2].id)
    edited = list(docs)

    def one_edit() -> None:  # what the core does after an edit: the same documents, one count changed
        i = rng.randrange(len(edited))
        d = edited[i]
        edited[i] = DocumentSummary(d.id, d.name, d.length, {ANNOTATOR: d.span_counts[ANNOTATOR] + 1}, d.statuses)
        listing.set_documents(edited, ANNOTATOR)

    doc_rows = [[d.name, f"{d.length:,}", "done", str(d.span_counts[ANNOTATOR])] for d in docs]
    view = listing.findChild(QTableView)
    print(f"document list, {len(docs):,} documents")
    report("first set_documents", first)
    report("refresh after an edit", timed(app, one_edit, args.repeat))
    report("sort by name (header click)", timed(app, lambda: view.sortByColumn(0, Qt.SortOrder.AscendingOrder), 1))
    report("refresh while sorted", timed(app, one_edit, args.repeat))
    report("floor: QStandardItemModel", standard_model_floor(app, doc_rows, args.repeat))
    listing.close()

    table = SpanTablePanel()
    table.resize(800, 600)
    table.show()
    span_cells = [[s.text, LABELS[s.label_id][0], str(s.start), str(s.end)] for s in span_rows]
    print(f"span table, {len(span_rows):,} spans")
    report("set_spans (every refresh)", timed(app, lambda: table.set_spans(span_rows, LABELS), args.repeat))
    table.select_span(span_rows[len(span_rows) // 2].id)
    report("with a selection kept", timed(app, lambda: table.set_spans(span_rows, LABELS), args.repeat))
    report("floor: QStandardItemModel", standard_model_floor(app, span_cells, args.repeat))
    table.close()


if __name__ == "__main__":
    main()
