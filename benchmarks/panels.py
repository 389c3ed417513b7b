"""How long the annotation window's panels take to show big projects, next to a floor measured in the
same run: the same rows put into a bare QStandardItemModel on a bare QTableView.

    python benchmarks/panels.py [--documents 4 10000] [--spans 100 20000] [--repeat 5]

A small project (4 documents, a report's 100 spans) and a big one (10,000 documents; 20,000 spans, a 5 MB
report's: the span table shows one document, so a 1M-span project shows no more than that). Each figure is the
median wall time (min–max) of ``--repeat`` calls plus the repaint each causes (the widgets are shown on the
offscreen platform unless QT_QPA_PLATFORM says otherwise). The core refreshes both panels after every edit, so
"refresh" is the figure that must fit in a frame (16 ms). The rows are made in memory: no project file is read
(``document_list.py`` times the list from a project's file). About 20 s.
"""

from __future__ import annotations

import argparse
import os
import random
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402
from runs import both, load, spread  # noqa: E402

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


def timed(app: QApplication, action: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds of each of ``repeat`` runs of ``action`` plus the events (repaint) it queues."""
    return [seconds * 1000 for seconds in both(lambda: (action(), app.processEvents()), repeat)[0]]


def report(what: str, milliseconds: list[float]) -> None:
    print(f"  {what:<30} {spread(milliseconds)}")


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


def measure(app: QApplication, documents_count: int, spans_count: int, repeat: int) -> None:
    rng = random.Random(7)
    docs, span_rows = documents(documents_count, rng), spans(spans_count)
    listing = DocumentListPanel()
    listing.resize(800, 600)
    listing.show()

    def first_set() -> None:  # a new panel each time: the first listing, not a refresh
        fresh = DocumentListPanel()
        fresh.resize(800, 600)
        fresh.show()
        fresh.set_documents(docs, ANNOTATOR)
        app.processEvents()
        fresh.close()
        fresh.deleteLater()

    first = timed(app, first_set, repeat)
    listing.set_documents(docs, ANNOTATOR)
    listing.select_document(docs[len(docs) // 2].id)
    edited = list(docs)

    def one_edit() -> None:  # what the core does after an edit: the same documents, one count changed
        i = rng.randrange(len(edited))
        d = edited[i]
        edited[i] = DocumentSummary(d.id, d.name, d.length, {ANNOTATOR: d.span_counts[ANNOTATOR] + 1}, d.statuses)
        listing.set_documents(edited, ANNOTATOR)

    doc_rows = [[d.name, f"{d.length:,}", "done", str(d.span_counts[ANNOTATOR])] for d in docs]
    view = listing.findChild(QTableView)
    print(f"document list, {len(docs):,} documents; median of {repeat} (min–max), wall, load {load()}")
    report("first set_documents", first)
    report("refresh after an edit", timed(app, one_edit, repeat))
    report("sort by name (header click)", timed(app, lambda: view.sortByColumn(0, Qt.SortOrder.AscendingOrder), 1))
    report("refresh while sorted", timed(app, one_edit, repeat))
    report("floor: QStandardItemModel", standard_model_floor(app, doc_rows, repeat))
    listing.close()

    table = SpanTablePanel()
    table.resize(800, 600)
    table.show()
    span_cells = [[s.text, LABELS[s.label_id][0], str(s.start), str(s.end)] for s in span_rows]
    print(f"span table, {len(span_rows):,} spans")
    report("set_spans (every refresh)", timed(app, lambda: table.set_spans(span_rows, LABELS), repeat))
    table.select_span(span_rows[len(span_rows) // 2].id)
    report("with a selection kept", timed(app, lambda: table.set_spans(span_rows, LABELS), repeat))
    report("floor: QStandardItemModel", standard_model_floor(app, span_cells, repeat))
    table.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[4, 10_000])
    parser.add_argument("--spans", type=int, nargs="+", default=[100, 20_000], help="one count per --documents")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication([])
    for documents_count, spans_count in zip(args.documents, args.spans, strict=True):
        measure(app, documents_count, spans_count, args.repeat)


if __name__ == "__main__":
    main()
