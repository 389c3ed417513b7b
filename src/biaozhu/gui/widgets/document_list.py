"""The document list panel: a filter by name and by status over the table of every document (``document_table``),
opening the document the user picks and finding the next unfinished one (the most unsure one first when the list is
sorted by the model's uncertainty: active learning). The selection, sort and scroll stay where the user left them
when rows change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from biaozhu.db.rows import DocumentSummary
from biaozhu.gui.widgets.document_rows import (
    LENGTH,
    NAME,
    SPANS,
    STATUS,
    STATUS_ORDER,
    UNSURE,
    ListState,
    PreparedRows,
    prepare_rows,
)
from biaozhu.gui.widgets.document_table import DocumentFilter, DocumentTableModel
from biaozhu.gui.widgets.name_elision import NameDelegate
from biaozhu.gui.widgets.tables import SELECT_ROW, RowActivation, configure_table, fit_columns

__all__ = ["NAME", "LENGTH", "STATUS", "SPANS", "UNSURE", "DocumentListPanel", "DocumentTableModel"]


class DocumentListPanel(QWidget):
    """The document list panel; ``document_activated`` carries the id of the document the user opened."""

    document_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = DocumentTableModel(self)
        self._proxy = DocumentFilter(self)  # between the model and the view only while a filter is set
        self._filter = QLineEdit(self)
        self._filter.setPlaceholderText(self.tr("Filter by name"))
        self._filter.setClearButtonEnabled(True)
        self._open: int | None = None  # the document the window shows, highlighted whenever the filters show it
        self._filter.textChanged.connect(lambda text: self._filter_by(self._proxy.set_needle, text))
        self._filter.textChanged.connect(self._highlight_open)
        self._filter.returnPressed.connect(self._open_first_shown)
        self._filter.installEventFilter(self)
        self._status = QComboBox(self)
        self._status.addItems([self.tr("All"), self.tr("Unfinished"), self.tr("Done")])
        self._status.setToolTip(self.tr("Show documents by your status"))
        self._status.currentIndexChanged.connect(lambda choice: self._filter_by(self._proxy.set_status, choice))
        self._status.currentIndexChanged.connect(self._highlight_open)
        self._view = QTableView(self)
        self._view.setModel(self._model)
        configure_table(self._view)
        self._view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._view.setItemDelegateForColumn(NAME, NameDelegate(self._view))  # …年吉林市…综述.txt, …年泸州市…综述.txt
        self._view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # stored order until the user sorts
        self._view.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        statuses = [self._model.status_text(status) for status in STATUS_ORDER]
        fit_columns(self._view, {LENGTH: ["9,999,999"], STATUS: statuses, SPANS: ["99999"], UNSURE: ["0.00"]})
        self._view.setColumnHidden(UNSURE, True)  # until the model has rated the documents: room for the names
        RowActivation(self._view).row_activated.connect(self._activate)
        controls = QHBoxLayout()
        controls.addWidget(self._filter, 1)
        controls.addWidget(self._status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self._view)

    def set_documents(self, rows: Sequence[DocumentSummary], annotator: str) -> None:
        """Show these documents for this annotator, keeping the selection and scroll position."""
        applied = self.apply(prepare_rows(rows, self.snapshot(annotator)))
        assert applied, "prepared for the rows shown just now"

    def snapshot(self, annotator: str | None = None) -> ListState:
        """What a worker prepares new rows for (:func:`document_rows.prepare_rows`): the rows shown now."""
        return self._model.snapshot(annotator)

    def apply(self, prepared: PreparedRows) -> bool:
        """Show rows prepared on a worker, keeping the selection and scroll position; False (nothing changed)
        when the list's rows or order changed since the snapshot they were prepared for."""
        selected = self.selected_document()
        bar = self._view.verticalScrollBar()
        scroll = bar.value()
        if not self._model.apply(prepared):
            return False
        if selected is not None and self.selected_document() != selected:  # its row was reset, moved or gone
            self._select(selected, scroll=False)
        if bar.value() != scroll:
            bar.setValue(scroll)
        return True

    def set_uncertainty(self, values: dict[int, float]) -> None:
        """How unsure the suggestions' model is of each document, as it last rated them."""
        self._model.set_unsure(values)
        self._view.setColumnHidden(UNSURE, not values)

    def replace_document(self, summary: DocumentSummary) -> None:
        """One document's row changed (by the window's own edit, marking done, renaming); a row moved by the
        sort stays selected, and the list does not scroll."""
        selected = self.selected_document()
        bar = self._view.verticalScrollBar()
        scroll = bar.value()
        self._model.replace_row(summary)
        if selected is not None and self.selected_document() != selected:
            self._select(selected, scroll=False)
            bar.setValue(scroll)

    def remove_document(self, document_id: int) -> None:
        """A document deleted by this window: its row goes, the list does not scroll."""
        bar = self._view.verticalScrollBar()
        scroll = bar.value()
        self._model.remove_row(document_id)
        bar.setValue(scroll)

    def selected_document(self) -> int | None:
        index = self._view.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self._model.summary(self._to_source(index).row()).id

    def select_document(self, document_id: int) -> None:
        """Show which document is open, without emitting ``document_activated``. The window calls this after
        every refresh, so it scrolls only when the row changes, and it leaves the user's filters alone: a
        document they hide is open with no row selected."""
        self._open = document_id
        if self.selected_document() != document_id:
            self._select(document_id, scroll=True)

    def _highlight_open(self) -> None:
        """After the filters changed, the open document's row is the highlighted one (the view would otherwise
        keep the row that took the place of a hidden one)."""
        if self._open is not None:
            self._select(self._open, scroll=True)

    def _select(self, document_id: int, *, scroll: bool) -> None:
        row = self._model.row_of(document_id)
        index = self._from_source(self._model.index(row, 0)) if row is not None else QModelIndex()
        if not index.isValid():
            self._view.selectionModel().clear()
            return
        self._view.selectionModel().setCurrentIndex(index, SELECT_ROW)
        if scroll:
            self._view.scrollTo(index)

    def next_unfinished(self, after_id: int | None) -> int | None:
        """The next document after ``after_id`` in the list's order that this annotator has not finished,
        wrapping around (``after_id`` itself comes last); sorted by the model's uncertainty, the first in that
        order (the most unsure one, descending: active learning) other than ``after_id``. Documents the filters
        show come first; hidden ones only when every shown one is finished, so the answer is None only when
        everything is done."""
        count = self._model.rowCount()
        at = self._model.row_of(after_id) if after_id is not None else None
        if at is None:
            rows: Iterable[int] = range(count)
        elif self._model.sorted_by_unsure():
            rows = chain(range(at), range(at + 1, count), (at,))
        else:
            rows = chain(range(at + 1, count), range(at + 1))
        hidden = None  # the first unfinished one the filters hide
        for row in rows:  # walked only as far as the answer (100,000 rows: ~50 ms each Ctrl+Enter)
            if self._model.is_finished(row):
                continue
            if not self._filtered() or self._from_source(self._model.index(row, 0)).isValid():
                return self._model.summary(row).id
            if hidden is None:
                hidden = row
        return None if hidden is None else self._model.summary(hidden).id

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the filter moves into the list, so typing a name and picking the document is all keys."""
        if watched is self._filter and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Down and self._view.model().rowCount():
            self._view.setFocus()
            if not self._view.currentIndex().isValid():
                self._view.selectionModel().setCurrentIndex(self._view.model().index(0, NAME), SELECT_ROW)
            return True
        return super().eventFilter(watched, event)

    def _open_first_shown(self) -> None:
        """Enter in the filter opens the first document it shows, as in a quick-open box."""
        if self._view.model().rowCount():
            self._activate(self._view.model().index(0, NAME))

    def _activate(self, index: QModelIndex) -> None:
        self.document_activated.emit(self._model.summary(self._to_source(index).row()).id)

    def _filtered(self) -> bool:
        return self._view.model() is self._proxy

    def _to_source(self, index: QModelIndex) -> QModelIndex:
        return self._proxy.mapToSource(index) if self._filtered() else index

    def _from_source(self, index: QModelIndex) -> QModelIndex:
        return self._proxy.mapFromSource(index) if self._filtered() else index

    def _filter_by(self, change: Callable[[Any], None], value: object) -> None:
        """Change a filter. The view shows the model through the filter proxy only while a filter is set: the
        proxy kept a map of all 100,000 rows up to date on every fill, move and refresh (the own edit's move in
        a sorted list: 8 ms with it, 3 ms without)."""
        filtering = self._proxy.filtering()
        change(value)
        if self._proxy.filtering() == filtering:
            return
        selected = self.selected_document()
        if filtering:  # the last filter cleared
            self._view.setModel(self._model)
            self._proxy.setSourceModel(None)  # type: ignore[arg-type]  # Qt takes none: it stops following
        else:
            self._proxy.setSourceModel(self._model)
            self._view.setModel(self._proxy)
        if selected is not None:
            self._select(selected, scroll=True)
