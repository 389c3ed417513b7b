"""The agreement dialog: the figures of :mod:`biaozhu.corpus.agreement` (the same as ``biaozhu agreement``)
for every pair, per label, per document, the kinds of disagreement, the label confusion matrix and relation
F1 per relation type.

Every count is a way in: clicking it lists what it counted (:mod:`biaozhu.corpus.agreement_cells`)
and emits ``disagreement_activated`` for the first of them, clicking a listed one emits it for that one;
the review window opens the document at that disagreement.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from biaozhu.corpus.agreement import (
    DISAGREEMENT_COUNTS,
    AnnotatedDocument,
    PairAgreement,
    SpanCounts,
    measure_agreement,
)
from biaozhu.corpus.agreement_cells import confusion_behind, disagreements_behind
from biaozhu.corpus.agreement_match import OUTSIDE
from biaozhu.corpus.agreement_summary import summarise
from biaozhu.corpus.model import Span
from biaozhu.db.agreement_history import record_agreement
from biaozhu.db.review import iter_annotated
from biaozhu.gui.common.label_infos import label_set
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.wording import fill, kind_text, short
from biaozhu.gui.widgets.tables import RowActivation, configure_table

PAYLOAD = Qt.ItemDataRole.UserRole


def figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _cell(text: str, payload: tuple[object, ...] | None = None, *, number: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if payload is not None:
        item.setData(PAYLOAD, payload)
        font = item.font()
        font.setUnderline(True)
        item.setFont(font)
    return item


def _fill(table: QTableWidget, headers: list[str], rows: Iterable[list[QTableWidgetItem]]) -> None:
    table.clear()
    cells = list(rows)
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(cells))
    for r, row in enumerate(cells):
        for c, item in enumerate(row):
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def _prf(counts: SpanCounts) -> list[QTableWidgetItem]:
    return [_cell(figure(counts.precision)), _cell(figure(counts.recall)), _cell(figure(counts.f1))]


def _version(span: Span | None, titles: dict[str, str]) -> str:
    if span is None:
        return "—"
    return f"{titles.get(span.label, span.label)} “{short(span.text, 16)}” [{span.start}, {span.end})"


class AgreementDialog(QDialog):
    disagreement_activated = Signal(int, int, int)  # document id, start, end

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Agreement — biaozhu 标注"))
        self.resize(1200, 760)
        self.corpus: list[AnnotatedDocument] = []
        self.titles: dict[str, str] = {}  # label names to the titles shown
        self.report = measure_agreement([])
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.pair_box = QComboBox(self)
        self.pair_box.setObjectName("pair")
        self.pair_box.currentIndexChanged.connect(self._show_pair)
        refresh = QPushButton(self.tr("Recompute"), self)
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("Pair:"), self))
        top.addWidget(self.pair_box)
        top.addWidget(refresh)
        self.tabs = QTabWidget(self)
        self.pairs, self.labels, self.documents, self.confusion, self.relations = (self._table(name) for name in (
            "pairs", "labels", "documents", "confusion", "relations"))
        for table, title in ((self.pairs, self.tr("Pairs")), (self.labels, self.tr("Per label")),
                             (self.documents, self.tr("Per document")), (self.confusion, self.tr("Confusion")),
                             (self.relations, self.tr("Relations"))):
            self.tabs.addTab(table, title)
        self.details = self._table("details")
        RowActivation(self.details).row_activated.connect(lambda index: self._on_detail_activated(index.row()))
        self.details_title = QLabel(self.tr("Click a count to list the disagreements behind it."), self)
        below = QWidget(self)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.details_title)
        below_layout.addWidget(self.details)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tabs)
        splitter.addWidget(below)
        splitter.setSizes([460, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._details: list[tuple[int, int, int]] = []
        self.refresh()

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget(self)
        table.setObjectName(name)
        configure_table(table, sortable=False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        if name != "details":
            table.cellClicked.connect(lambda row, column, t=table: self._on_cell_clicked(t, row, column))
        return table

    # -- figures ---------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read every annotator's layers (no texts) and compute the figures again."""
        outcome = self.runner.try_read(lambda session: (list(iter_annotated(session)), label_set(session).titles()))
        if outcome.value is None:
            self.summary.setText(outcome.refusal)
            return
        self.corpus, self.titles = outcome.value
        self.report = measure_agreement(self.corpus)
        report = self.report
        if not self.runner.read_only:  # the history of the project's agreement (a failure only misses a point)
            self.runner.attempt(lambda session: record_agreement(session, summarise(report)))
        self.summary.setText(fill(
            self.tr("%1 documents annotated · annotators: %2 · labels: %3 · Krippendorff's alpha (all annotators, "
                    "characters): %4 over %5 documents, %6 characters"),
            report.documents, ", ".join(report.annotators) or "–", ", ".join(map(self.title, report.labels)) or "–",
            figure(report.alpha), report.alpha_documents, report.alpha_characters))
        _fill(self.pairs, [self.tr("A (reference)"), "B", self.tr("Documents"), "κ", self.tr("exact P"), "R", "F1",
                           self.tr("overlap P"), "R", "F1", *self._kind_headers("A", "B"), self.tr("relation F1")],
              ([_cell(p.a, number=False), _cell(p.b, number=False), _cell(str(p.documents)), _cell(figure(p.kappa)),
                *_prf(p.total("exact")), *_prf(p.total("overlap")), *self._counts(p, None),
                _cell(figure(p.total("relations").f1))] for p in report.pairs))
        current = self.pair_box.currentIndex()
        self.pair_box.blockSignals(True)
        self.pair_box.clear()
        self.pair_box.addItems([f"{p.a} ↔ {p.b}" for p in report.pairs])
        self.pair_box.blockSignals(False)
        self.pair_box.setCurrentIndex(current if 0 <= current < len(report.pairs) else 0)
        self._show_pair()

    def title(self, label: str) -> str:
        """A label as the reader knows it: its title (项目), not its code (PROGRAM)."""
        return self.titles.get(label, label)

    def _kind_headers(self, a: str, b: str) -> list[str]:
        return [kind_text("boundary"), kind_text("label"), kind_text("boundary_label"),
                fill(self.tr("only %1"), a), fill(self.tr("only %1"), b)]

    def _counts(self, pair: PairAgreement, document_id: int | None) -> list[QTableWidgetItem]:
        return [_cell(str(pair.disagreements.get(kind, 0)), ("disagreements", pair.a, pair.b, kind, document_id))
                for kind in DISAGREEMENT_COUNTS]

    def pair(self) -> PairAgreement | None:
        index = self.pair_box.currentIndex()
        return self.report.pairs[index] if 0 <= index < len(self.report.pairs) else None

    def _show_pair(self) -> None:
        pair = self.pair()
        if pair is None:
            for table in (self.labels, self.documents, self.confusion, self.relations):
                _fill(table, [], [])
            return
        _fill(self.relations, [self.tr("Relation type"), "P", "R", "F1", fill(self.tr("relations %1"), pair.a),
                               fill(self.tr("relations %1"), pair.b)],
              ([_cell(name, number=False), *_prf(counts), _cell(str(counts.in_a)), _cell(str(counts.in_b))]
               for name, counts in [(self.tr("all"), pair.total("relations")),
                                    *((kind, pair.relations.get(kind, SpanCounts()))
                                      for kind in self.report.relation_types)]))
        _fill(self.labels, [self.tr("Label"), self.tr("exact P"), "R", "F1", self.tr("overlap P"), "R", "F1",
                            fill(self.tr("spans %1"), pair.a), fill(self.tr("spans %1"), pair.b)],
              ([_cell(self.title(label), number=False), *_prf(exact), *_prf(overlap), _cell(str(exact.in_a)),
                _cell(str(exact.in_b))]
               for label, exact, overlap in [
                   (self.tr("all"), pair.total("exact"), pair.total("overlap")),
                   *((label, pair.exact.get(label, SpanCounts()), pair.overlap.get(label, SpanCounts()))
                     for label in self.report.labels)]))
        rows = []
        for document in self.corpus:
            if pair.a in document.layers and pair.b in document.layers:
                alone = measure_agreement([document], annotators=[pair.a, pair.b]).pairs[0]
                total = sum(alone.disagreements.values())
                rows.append([_cell(document.name, number=False), _cell(str(document.length)),
                             _cell(figure(alone.kappa)),
                             _cell(figure(alone.total("exact").f1)), _cell(figure(alone.total("overlap").f1)),
                             *self._counts(alone, document.id),
                             _cell(str(total), ("disagreements", pair.a, pair.b, None, document.id))])
        _fill(self.documents, [self.tr("Document"), self.tr("Characters"), "κ", self.tr("exact F1"),
                               self.tr("overlap F1"), *self._kind_headers(pair.a, pair.b), self.tr("all")], rows)
        labels = [*self.report.labels, OUTSIDE]
        _fill(self.confusion, [f"{pair.b}: {self.title(label)}" for label in labels],
              ([_cell(str(pair.confusion.get((row, column), 0)), ("confusion", pair.a, pair.b, row, column))
                for column in labels] for row in labels))
        self.confusion.setVerticalHeaderLabels([f"{pair.a}: {self.title(label)}" for label in labels])
        self.confusion.verticalHeader().show()

    # -- from a count to what it counts ----------------------------------------------------------------------
    def _on_cell_clicked(self, table: QTableWidget, row: int, column: int) -> None:
        item = table.item(row, column)
        payload = item.data(PAYLOAD) if item is not None else None
        if payload:
            self.show_behind(payload)

    def show_behind(self, payload: tuple[object, ...]) -> None:
        """List what a count counted; emit the first so the review window can open it."""
        what, a, b = payload[0], str(payload[1]), str(payload[2])
        found: list[tuple[AnnotatedDocument, str, Span | None, Span | None, int, int]] = []
        if what == "disagreements":
            kind, document_id = payload[3], payload[4]
            corpus = [d for d in self.corpus if document_id is None or d.id == document_id]
            for kind_ in ([kind] if kind else list(DISAGREEMENT_COUNTS)):
                for document, item in disagreements_behind(corpus, a, b, str(kind_)):
                    versions_a, versions_b = item.versions.get(a, ()), item.versions.get(b, ())
                    found.append((document, kind_text(item.kind), versions_a[0] if versions_a else None,
                                  versions_b[0] if versions_b else None, item.start, item.end))
            found.sort(key=lambda f: (f[0].id, f[4], -f[5]))
        else:
            for document, x, y in confusion_behind(self.corpus, a, b, str(payload[3]), str(payload[4])):
                spans = [s for s in (x, y) if s is not None]
                kind = f"{self.title(str(payload[3]))} / {self.title(str(payload[4]))}"
                found.append((document, kind, x, y, min(s.start for s in spans),
                              max(s.end for s in spans)))
        self._details = [(document.id, start, end) for document, _, _, _, start, end in found]
        self.details_title.setText(fill(self.tr("%1 behind the count:"), len(found)))
        _fill(self.details, [self.tr("Document"), self.tr("Where"), self.tr("Kind"), a, b],
              ([_cell(document.name, number=False), _cell(f"[{start}, {end})", number=False),
                _cell(kind, number=False), _cell(_version(x, self.titles), number=False),
                _cell(_version(y, self.titles), number=False)]
               for document, kind, x, y, start, end in found))
        if self._details:
            self.details.setCurrentCell(0, 0)
            self.disagreement_activated.emit(*self._details[0])

    def _on_detail_activated(self, row: int) -> None:
        if 0 <= row < len(self._details):
            self.disagreement_activated.emit(*self._details[row])
