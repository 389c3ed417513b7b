"""The document list: every document with this annotator's status and span count, and how unsure the suggestions'
model is of it; filter, sort, and find the next unfinished one (the most unsure one first when the list is sorted
by that: active learning).

After the window's own edit, marking done or renaming, only that document's row changes (``replace_document``:
found by its place or a binary search for its sort key, not by walking 100,000 rows); a deleted one's row goes
(``remove_document``). After other changes the whole list is read and prepared on
a worker (``document_rows``) and ``apply`` only repaints the rows that changed and inserts or removes the ones
that came, went or moved (selection, sort and scroll stay where the user left them).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
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
from biaozhu.gui.common.wording import as_tooltip
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
    runs,
    sort_key,
    status_of,
)
from biaozhu.gui.widgets.name_elision import DEPARTS_ROLE, NameDelegate, departs
from biaozhu.gui.widgets.tables import SELECT_ROW, RowActivation, configure_table, fit_columns, sorted_place

__all__ = ["NAME", "LENGTH", "STATUS", "SPANS", "UNSURE", "DocumentListPanel", "DocumentTableModel"]
FINISHED = frozenset({"done", "adjudicated"})  # adjudicated is the gold layer's "done"
ALL, UNFINISHED, DONE = range(3)  # the status filter's choices, in the combo's order
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2  # "yes" or "no" (finished), a tab, the name: what the filter matches

AnyIndex = QModelIndex | QPersistentModelIndex


class DocumentTableModel(QAbstractTableModel):
    """Adapts DocumentSummary rows to the columns name, length, status and span count of one annotator, and the
    model's uncertainty (0 sure … 1; empty before the model has rated the document).

    A document's row is found without a table of rows by id: unsorted it is its place in the given order, sorted
    a binary search for its key (a table of 100,000 rows renumbered after each move cost 7-11 ms per edit)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._given: list[DocumentSummary] = []  # as the caller passed them: the order when unsorted
        self._given_at: dict[int, int] = {}  # document id -> place in ``_given`` (replaced, never changed)
        self._rows: list[DocumentSummary] = []  # as shown
        self._annotator = ""
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self.unsure: dict[int, float] = {}
        self._names: list[str] = []  # every name, sorted: where a name departs from its neighbours
        self._order = 0  # changes of which rows are shown in which order: a preparation for an older one is refused
        self._touched: set[int] = set()  # rows replaced in place since the last snapshot

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def summary(self, row: int) -> DocumentSummary:
        return self._rows[row]

    def row_of(self, document_id: int) -> int | None:
        place = self._given_at.get(document_id)
        if place is None:
            return None
        rows = self._rows
        row = place if self._sort[0] < 0 else self._place(self._given[place])
        if row < len(rows) and rows[row].id == document_id:
            return row
        return next((row for row, summary in enumerate(rows) if summary.id == document_id), None)  # keys tied

    def _place(self, summary: DocumentSummary) -> int:
        """Where ``summary`` sorts among the rows shown (sorted: keys end with the id, so they never tie)."""
        column, order = self._sort
        key = sort_key(column, self._annotator, self.unsure)
        return sorted_place(self._rows, key(summary), key, order == Qt.SortOrder.DescendingOrder)

    def status(self, row: int) -> str:
        return status_of(self._rows[row], self._annotator)

    def is_finished(self, row: int) -> bool:
        return self.status(row) in FINISHED

    def status_text(self, status: str) -> str:
        texts = {"not_started": self.tr("not started"), "in_progress": self.tr("in progress"),
                 "done": self.tr("done"), "adjudicated": self.tr("adjudicated")}
        return texts.get(status, status)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        summary, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return summary.name
            if column == LENGTH:
                return f"{summary.length:,}"
            if column == STATUS:
                return self.status_text(self.status(index.row()))
            if column == UNSURE:
                value = self.unsure.get(summary.id)
                return "" if value is None else f"{value:.2f}"
            return str(summary.span_counts.get(self._annotator, 0))
        if role == FILTER_ROLE:  # asked only while a filter is set
            return f"{'yes' if self.is_finished(index.row()) else 'no'}\t{summary.name}"
        if role == Qt.ItemDataRole.ToolTipRole and column == UNSURE:
            return self.tr("How unsure the suggestions' model is of this document (0 sure … 1): sorted by this, "
                           "Ctrl+N opens the most unsure unfinished document first")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (LENGTH, SPANS, UNSURE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return as_tooltip([summary.name])
        if role == DEPARTS_ROLE and column == NAME:
            return departs(self._names, summary.name)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Document"), self.tr("Length"), self.tr("Status"), self.tr("Spans"),
                    self.tr("Unsure"))[section]
        return None

    def snapshot(self, annotator: str | None = None) -> ListState:
        """What the rows are to be prepared for (on a worker): the rows shown now, how they are sorted, for whom."""
        self._touched = set()
        shown = list(self._rows) if annotator in (None, self._annotator) else []  # another annotator: a reset
        return ListState(self._annotator if annotator is None else annotator, self._sort, self.unsure, shown,
                         self._order)

    def apply(self, prepared: PreparedRows) -> bool:
        """Show prepared rows: only the rows that changed are repainted, rows that came or went are inserted or
        removed (persistent indexes, hence the view's selection and scroll, stay with their documents); a
        reset only for a first fill or many moves. False, and nothing changed, when the rows shown or their
        order changed since the snapshot (the preparation must be made again)."""
        state = prepared.state
        if state.order != self._order or state.sort != self._sort or state.unsure is not self.unsure:
            return False
        self._given, self._given_at, self._names = prepared.given, prepared.given_at, prepared.names
        changes = prepared.changes
        if changes is None or state.annotator != self._annotator:
            self.beginResetModel()
            self._rows, self._annotator = prepared.ordered, state.annotator
            self.endResetModel()
            self._order += 1
            return True
        rows = self._rows
        for first, last in changes.removed:
            self.beginRemoveRows(QModelIndex(), first, last)
            del rows[first:last + 1]
            self.endRemoveRows()
        for first, last in changes.inserted:
            self.beginInsertRows(QModelIndex(), first, last)
            rows[first:first] = prepared.ordered[first:last + 1]
            self.endInsertRows()
        self._rows = prepared.ordered
        if changes.removed or changes.inserted:
            self._order += 1
        repaint = list(changes.changed) + [(row, row) for row in map(self.row_of, self._touched) if row is not None]
        self._touched = set()
        for first, last in repaint:  # usually one run: the document someone else edited
            self.dataChanged.emit(self.index(first, 0), self.index(last, UNSURE))
        return True

    def set_unsure(self, values: dict[int, float]) -> None:
        """The model rated the documents again: the rows whose value changed are repainted (all 100,000 rows'
        column told changed made the view and the filter look at every one), and the rows sorted again when
        sorted by it."""
        before, self.unsure = self.unsure, dict(values)
        self._order += 1
        if self._sort[0] == UNSURE:
            self._relayout(self._ordered(self._given, self._annotator))
            return
        changed = {i for i in before.keys() | self.unsure.keys() if before.get(i) != self.unsure.get(i)}
        for first, last in runs([row for row, summary in enumerate(self._rows) if summary.id in changed]):
            self.dataChanged.emit(self.index(first, UNSURE), self.index(last, UNSURE))

    def sorted_by_unsure(self) -> bool:
        return self._sort[0] == UNSURE

    def replace_row(self, summary: DocumentSummary) -> None:
        """One document's row changed (the open one after the window's own edit, one marked done or renamed):
        replaced where it is, and moved only when sorted by what changed; 100,000 rows are not read again."""
        place, row = self._given_at.get(summary.id), self.row_of(summary.id)
        if place is None or row is None:
            return
        old = self._given[place]
        if old.name != summary.name:  # renamed: its neighbours' shared beginnings change
            del self._names[bisect_left(self._names, old.name)]
            insort(self._names, summary.name)
        self._given[place] = summary
        key = sort_key(self._sort[0], self._annotator, self.unsure)
        if self._sort[0] < 0 or key(summary) == key(old):
            self._rows[row] = summary
            self._touched.add(summary.id)
            self.dataChanged.emit(self.index(row, 0), self.index(row, UNSURE))
            return
        # Taken out and put back where it sorts now: a move or a new layout would make the filter proxy map all
        # 100,000 rows again; a removal and an insertion, only this one. The panel selects it again.
        self._order += 1
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        at = self._place(summary)
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, summary)
        self.endInsertRows()

    def remove_row(self, document_id: int) -> None:
        """A document deleted from this window: its row goes, the others stay as they are."""
        place, row = self._given_at.get(document_id), self.row_of(document_id)
        if place is None or row is None:
            return
        del self._names[bisect_left(self._names, self._given[place].name)]
        self._order += 1
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self._given = self._given[:place] + self._given[place + 1:]  # the window's list is not changed under it
        self._given_at = {summary.id: at for at, summary in enumerate(self._given)}

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here in Python with one key per row: 20x faster than the proxy comparing pairs of data()."""
        if (column, order) == self._sort:
            return  # the rows are kept in this order already (the header asks twice)
        self._sort = (column, order)
        self._relayout(self._ordered(self._given, self._annotator))

    def _ordered(self, rows: list[DocumentSummary], annotator: str) -> list[DocumentSummary]:
        column, order = self._sort
        if column < 0:
            return list(rows)
        return sorted(rows, key=sort_key(column, annotator, self.unsure),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def _relayout(self, ordered: list[DocumentSummary]) -> None:
        """Reorder rows, moving persistent indexes (the view's selection and current row) with their documents."""
        self._order += 1
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        moved = [self._rows[i.row()].id for i in old]
        self._rows = ordered
        self.changePersistentIndexList(old, [self.index(self.row_of(document_id) or 0, i.column())
                                             for document_id, i in zip(moved, old, strict=True)])
        self.layoutChanged.emit()


class DocumentFilter(QSortFilterProxyModel):
    """Filters by a substring of the name (case-insensitive) and by status; leaves sorting to the source.

    Qt's own filter, matching a regular expression against ``FILTER_ROLE``: with no filter set it lets every row
    through without asking the model (a Python ``filterAcceptsRow`` was called for all 100,000 rows on every
    fill, ~0.1 s)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._status = ALL
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(NAME)

    def set_needle(self, needle: str) -> None:
        self._needle = needle.strip()
        self._refilter()

    def set_status(self, choice: int) -> None:
        self._status = choice
        self._refilter()

    def filtering(self) -> bool:
        return bool(self._needle) or self._status != ALL

    def _refilter(self) -> None:
        if not self.filtering():
            self.setFilterRegularExpression(QRegularExpression())
            return
        finished = {ALL: "(yes|no)", UNFINISHED: "no", DONE: "yes"}[self._status]
        self.setFilterRegularExpression(QRegularExpression(
            f"^{finished}\t.*{QRegularExpression.escape(self._needle)}",
            QRegularExpression.PatternOption.CaseInsensitiveOption))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


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
