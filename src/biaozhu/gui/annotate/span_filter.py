"""The span table's filter: by label, by text, METRIC spans not read as a figure, and this document or all
documents.

In this document the table filters the open layer's spans as they are; in all documents :class:`SpanScope`
asks the database for the annotator's spans everywhere (at most :data:`ALL_DOCUMENTS_LIMIT`, with a note
when there are more), reads them again when the project changes, and a click on one opens its document
there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from biaozhu.db.names import METRIC
from biaozhu.db.rows import SpanRow
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.wording import fill

if TYPE_CHECKING:
    from biaozhu.gui.annotate.window import MainWindow

ALL_DOCUMENTS_LIMIT = 2000
Labels = dict[int, tuple[str, str, str]]


class SpanFilter(QWidget):
    """Label, text, unparsed figures only, and scope; ``changed`` when any of them does."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QComboBox(self)
        self.label.setObjectName("span-label-filter")
        self.label.addItem(self.tr("All labels"), None)
        self.text = QLineEdit(self)
        self.text.setObjectName("span-text-filter")
        self.text.setPlaceholderText(self.tr("Filter by text"))
        self.text.setClearButtonEnabled(True)
        self.scope = QComboBox(self)
        self.scope.setObjectName("span-scope")
        self.scope.addItems([self.tr("This document"), self.tr("All documents")])
        self.unparsed = QCheckBox(self.tr("Figures not read only"), self)
        self.unparsed.setObjectName("span-unparsed-filter")
        self.unparsed.setToolTip(self.tr("METRIC spans whose text was not read as a figure and that have no value "
                                         "set by hand (V sets one)"))
        self._metric_ids: set[int] = set()
        self.note = QLabel(self)
        self.note.setObjectName("span-note")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.text, 0, 0, 1, 2)
        grid.addWidget(self.label, 1, 0)
        grid.addWidget(self.scope, 1, 1)
        grid.addWidget(self.unparsed, 2, 0, 1, 2)
        grid.addWidget(self.note, 3, 0, 1, 2)
        self.unparsed.toggled.connect(lambda _: self.changed.emit())
        self.label.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.scope.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.text.textChanged.connect(lambda _: self.changed.emit())

    def set_labels(self, labels: Labels) -> None:
        """The label choices, in the bar's order; the chosen label stays chosen while it exists."""
        chosen = self.label_id()
        self._metric_ids = {label_id for label_id, (name, _, _) in labels.items() if name == METRIC}
        self.label.blockSignals(True)
        self.label.clear()
        self.label.addItem(self.tr("All labels"), None)
        for label_id, (name, title, _) in labels.items():
            self.label.addItem(f"{title} {name}".strip(), label_id)
        at = self.label.findData(chosen) if chosen is not None else 0
        self.label.setCurrentIndex(max(at, 0))
        self.label.blockSignals(False)
        if chosen is not None and at < 0:
            self.changed.emit()

    def label_id(self) -> int | None:
        data = self.label.currentData()
        return data if isinstance(data, int) else None

    def needle(self) -> str:
        return self.text.text().strip()

    def everywhere(self) -> bool:
        return self.scope.currentIndex() == 1

    def only_unparsed(self) -> bool:
        return self.unparsed.isChecked()

    def kept(self, spans: list[SpanRow]) -> list[SpanRow]:
        """The spans the filter keeps; the widgets are read once, not per span (20,000 spans in a 5 MB report)."""
        label_id, needle, unparsed, metrics = self.label_id(), self.needle().casefold(), self.only_unparsed(), \
            self._metric_ids
        if label_id is None and not needle and not unparsed:
            return list(spans)
        return [span for span in spans
                if (not unparsed or (span.value is None and span.label_id in metrics))
                and (label_id is None or span.label_id == label_id) and (not needle or needle in span.text.casefold())]


class SpanScope(QObject):
    """All-documents mode of the window's span table: the query, its refresh, and opening a span found."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.table = window.span_table
        self.limit = ALL_DOCUMENTS_LIMIT
        self.table.filter.changed.connect(self.refresh)
        self.table.span_activated.connect(self._open)
        window.runner.bus.changed.connect(self._on_change)

    def _on_change(self, change: Change) -> None:
        if self.table.filter.everywhere() and change.what & (Changed.SPANS | Changed.DOCUMENTS | Changed.TRASH
                                                             | Changed.LABELS):
            self.refresh()

    def refresh(self) -> None:
        from biaozhu.db.spans import find_layer_spans  # the span table is built before SQLAlchemy loads

        bar = self.table.filter
        if not bar.everywhere():
            bar.note.hide()
            self.table.show_found(None)
            return
        window, label_id, needle, unparsed = self.window, bar.label_id(), bar.needle(), bar.only_unparsed()
        annotator_id = window.layer.annotator_id
        outcome = window.runner.try_read(lambda s: find_layer_spans(
            s, annotator_id, label_id=label_id, text=needle, unparsed=unparsed, limit=self.limit + 1))
        if outcome.value is None:
            window.say(outcome.refusal)
            return
        found = outcome.value[:self.limit]
        capped = len(outcome.value) > self.limit
        bar.note.setText(fill(self.tr("The first %1 spans are shown: narrow the filter to see the rest."),
                              self.limit) if capped else fill(self.tr("%1 spans in all documents"),
                                                                       len(found)))
        bar.note.show()
        self.table.show_found(found)

    def _open(self, span_id: int) -> None:
        """A span found in another document: open that document and select the span where it is."""
        document_id = self.table.document_of(span_id)
        window = self.window
        if document_id is None or document_id == window.layer.document_id:
            return
        window.open_document(document_id)
        window.select_span(window.layer.index.get(span_id))
        window.view.setFocus()
