"""The document list: every document with this annotator's status and span count, and how unsure the suggestions'
model is of it; filter, sort, and find the next unfinished one (the most unsure one first when the list is sorted
by that: active learning).

After the window's own edit only the open document's row changes (``replace_document``: found through a
table of rows by id, not by walking 100,000 of them); after other changes ``set_documents`` is cheap when only
counts changed: it updates rows in place (selection, sort and scroll stay where the user left them) and resets
the model only when documents came or went.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import lru_cache

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QCollatorSortKey,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
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

from biaozhu.db.documents import DocumentSummary
from biaozhu.gui.common.wording import as_tooltip
from biaozhu.gui.widgets.name_elision import DEPARTS_ROLE, NameDelegate, departures
from biaozhu.gui.widgets.tables import SELECT_ROW, RowActivation, configure_table, fit_columns

NAME, LENGTH, STATUS, SPANS, UNSURE = range(5)
FINISHED = frozenset({"done", "adjudicated"})  # adjudicated is the gold layer's "done"
STATUS_ORDER = {"not_started": 0, "in_progress": 1, "done": 2, "adjudicated": 3}
ALL, UNFINISHED, DONE = range(3)  # the status filter's choices, in the combo's order

AnyIndex = QModelIndex | QPersistentModelIndex


class DocumentTableModel(QAbstractTableModel):
    """Adapts DocumentSummary rows to the columns name, length, status and span count of one annotator, and the
    model's uncertainty (0 sure … 1; empty before the model has rated the document)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._given: list[DocumentSummary] = []  # as the caller passed them: the order when unsorted
        self._rows: list[DocumentSummary] = []  # as shown
        self._annotator = ""
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._at: dict[int, int] | None = None  # document id -> row shown, built when first asked for
        self._given_at: dict[int, int] | None = None  # document id -> place in ``_given``
        self.unsure: dict[int, float] = {}
        self._departs: dict[int, int] | None = None  # see name_elision.departures, made when first drawn

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def summary(self, row: int) -> DocumentSummary:
        return self._rows[row]

    def row_of(self, document_id: int) -> int | None:
        if self._at is None:
            self._at = {summary.id: row for row, summary in enumerate(self._rows)}
        return self._at.get(document_id)

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
        if role == Qt.ItemDataRole.ToolTipRole and column == UNSURE:
            return self.tr("How unsure the suggestions' model is of this document (0 sure … 1): sorted by this, "
                           "Ctrl+N opens the most unsure unfinished document first")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (LENGTH, SPANS, UNSURE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return as_tooltip([summary.name])
        if role == DEPARTS_ROLE and column == NAME:
            if self._departs is None:
                self._departs = departures((row.id, row.name) for row in self._given)
            return self._departs.get(summary.id, 0)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Document"), self.tr("Length"), self.tr("Status"), self.tr("Spans"),
                    self.tr("Unsure"))[section]
        return None

    def set_rows(self, rows: Sequence[DocumentSummary], annotator: str) -> None:
        """Replace the rows. The same documents again (refreshed counts) keep their persistent indexes, so
        the view keeps its selection and scroll position; documents that came or went reset the model."""
        self._given, self._given_at, self._departs = list(rows), None, None
        ordered = self._ordered(self._given, annotator)
        if annotator != self._annotator or {r.id for r in ordered} != {r.id for r in self._rows}:
            self.beginResetModel()
            self._rows, self._annotator, self._at = ordered, annotator, None
            self.endResetModel()
        elif [r.id for r in ordered] == [r.id for r in self._rows]:
            old, self._rows = self._rows, ordered
            for row, (before, after) in enumerate(zip(old, ordered, strict=True)):
                if before != after:  # usually one row: the document just edited
                    self.dataChanged.emit(self.index(row, 0), self.index(row, UNSURE))
        else:
            self._relayout(ordered)

    def set_unsure(self, values: dict[int, float]) -> None:
        """The model rated the documents again: shown, and the rows sorted again when sorted by it."""
        self.unsure = dict(values)
        if self._sort[0] == UNSURE:
            self._relayout(self._ordered(self._given, self._annotator))
        if self._rows:
            self.dataChanged.emit(self.index(0, UNSURE), self.index(len(self._rows) - 1, UNSURE))

    def sorted_by_unsure(self) -> bool:
        return self._sort[0] == UNSURE

    def replace_row(self, summary: DocumentSummary) -> None:
        """One document's row changed (the open one, after the window's own edit): replaced where it is, and
        the rows sorted again only when sorted by what changed; 100,000 rows are not read again for it."""
        if self._given_at is None:
            self._given_at = {row.id: at for at, row in enumerate(self._given)}
        row = self.row_of(summary.id)
        if row is None or summary.id not in self._given_at:
            return
        if self._given[self._given_at[summary.id]].name != summary.name:
            self._departs = None  # renamed: the neighbours' shared beginnings change
        self._given[self._given_at[summary.id]] = summary
        column, order = self._sort
        key = sort_key(column, self._annotator, self.unsure)
        if column not in (STATUS, SPANS) or key(summary) == key(self._rows[row]):
            self._rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, UNSURE))
            return
        # Taken out and put back where it sorts now: a move or a new layout would make the filter proxy ask all
        # 100,000 rows again (0.9 s); a removal and an insertion, only this one. The panel selects it again.

        def signed(s: DocumentSummary) -> tuple[int, ...]:  # these columns' keys are ints: descending negates them
            return tuple(int(k) if order == Qt.SortOrder.AscendingOrder else -int(k)  # type: ignore[call-overload]
                         for k in key(s))

        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._at = None
        self.endRemoveRows()
        at = bisect_left(self._rows, signed(summary), key=signed)
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, summary)
        self.endInsertRows()

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
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        moved = [self._rows[i.row()].id for i in old]
        self._rows, self._at = ordered, None
        self.changePersistentIndexList(old, [self.index(self.row_of(document_id) or 0, i.column())
                                             for document_id, i in zip(moved, old, strict=True)])
        self.layoutChanged.emit()


def sort_key(column: int, annotator: str, unsure: dict[int, float] | None = None
             ) -> Callable[[DocumentSummary], tuple[object, ...]]:
    """One key per row for a column; the id breaks ties so equal rows keep a stable order (documents not rated
    yet come before the surest ones)."""
    if column == NAME:
        return lambda s: (natural_key(s.name), s.id)
    if column == LENGTH:
        return lambda s: (s.length, s.id)
    if column == STATUS:
        return lambda s: (STATUS_ORDER.get(status_of(s, annotator), 0), s.id)
    if column == UNSURE:
        rated = unsure or {}
        return lambda s: (rated.get(s.id, -1.0), s.id)
    return lambda s: (s.span_counts.get(annotator, 0), s.id)


def status_of(summary: DocumentSummary, annotator: str) -> str:
    """An annotator's status; spans imported for them without a status row count as work in progress."""
    status = summary.statuses.get(annotator)
    if status is None:
        return "in_progress" if summary.span_counts.get(annotator) else "not_started"
    return status


def _chinese_collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    collator.setNumericMode(True)
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return collator


NAME_ORDER = _chinese_collator()


@lru_cache(maxsize=1 << 16)  # names rarely change; a refresh re-sorts them all
def natural_key(name: str) -> QCollatorSortKey:
    """Names as a Chinese reader orders them: 北京 before 上海 (by pinyin, not by code point), "报告2"
    before "报告10" (digit runs as numbers), and case ignored."""
    return NAME_ORDER.sortKey(name)


class DocumentFilter(QSortFilterProxyModel):
    """Filters by a substring of the name (case-insensitive) and by status; leaves sorting to the source."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._status = ALL

    def set_needle(self, needle: str) -> None:
        self.beginFilterChange()
        self._needle = needle.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, choice: int) -> None:
        self.beginFilterChange()
        self._status = choice
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needle and self._status == ALL:
            return True
        model = self.sourceModel()
        assert isinstance(model, DocumentTableModel)
        if self._needle and self._needle not in model.summary(source_row).name.casefold():
            return False
        return self._status == ALL or model.is_finished(source_row) == (self._status == DONE)


class DocumentListPanel(QWidget):
    """The document list panel; ``document_activated`` carries the id of the document the user opened."""

    document_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = DocumentTableModel(self)
        self._proxy = DocumentFilter(self)
        self._proxy.setSourceModel(self._model)
        self._filter = QLineEdit(self)
        self._filter.setPlaceholderText(self.tr("Filter by name"))
        self._filter.setClearButtonEnabled(True)
        self._open: int | None = None  # the document the window shows, highlighted whenever the filters show it
        self._filter.textChanged.connect(self._proxy.set_needle)
        self._filter.textChanged.connect(self._highlight_open)
        self._filter.returnPressed.connect(self._open_first_shown)
        self._filter.installEventFilter(self)
        self._status = QComboBox(self)
        self._status.addItems([self.tr("All"), self.tr("Unfinished"), self.tr("Done")])
        self._status.setToolTip(self.tr("Show documents by your status"))
        self._status.currentIndexChanged.connect(self._proxy.set_status)
        self._status.currentIndexChanged.connect(self._highlight_open)
        self._view = QTableView(self)
        self._view.setModel(self._proxy)
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

    def set_documents(self, rows: list[DocumentSummary], annotator: str) -> None:
        """Show these documents for this annotator, keeping the selection and scroll position."""
        selected = self.selected_document()
        bar = self._view.verticalScrollBar()
        scroll = bar.value()
        self._model.set_rows(rows, annotator)
        if selected is not None and self.selected_document() is None:  # the model was reset
            self._select(selected, scroll=False)
            bar.setValue(scroll)

    def set_uncertainty(self, values: dict[int, float]) -> None:
        """How unsure the suggestions' model is of each document, as it last rated them."""
        self._model.set_unsure(values)
        self._view.setColumnHidden(UNSURE, not values)

    def replace_document(self, summary: DocumentSummary) -> None:
        """One document's counts changed (the open one, by the window's own edit); a row moved by the sort
        stays selected, and the list does not scroll."""
        selected = self.selected_document()
        bar = self._view.verticalScrollBar()
        scroll = bar.value()
        self._model.replace_row(summary)
        if selected is not None and self.selected_document() != selected:
            self._select(selected, scroll=False)
            bar.setValue(scroll)

    def selected_document(self) -> int | None:
        index = self._view.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self._model.summary(self._proxy.mapToSource(index).row()).id

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
        index = self._proxy.mapFromSource(self._model.index(row, 0)) if row is not None else QModelIndex()
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
        rows = list(range(self._model.rowCount()))
        at = self._model.row_of(after_id) if after_id is not None else None
        if at is not None and self._model.sorted_by_unsure():
            rows = rows[:at] + rows[at + 1:] + [at]
        elif at is not None:
            rows = rows[at + 1:] + rows[:at + 1]
        unfinished = [row for row in rows if not self._model.is_finished(row)]
        shown = [row for row in unfinished if self._proxy.mapFromSource(self._model.index(row, 0)).isValid()]
        candidates = shown or unfinished
        return self._model.summary(candidates[0]).id if candidates else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the filter moves into the list, so typing a name and picking the document is all keys."""
        if watched is self._filter and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Down and self._proxy.rowCount():
            self._view.setFocus()
            if not self._view.currentIndex().isValid():
                self._view.selectionModel().setCurrentIndex(self._proxy.index(0, NAME), SELECT_ROW)
            return True
        return super().eventFilter(watched, event)

    def _open_first_shown(self) -> None:
        """Enter in the filter opens the first document it shows, as in a quick-open box."""
        if self._proxy.rowCount():
            self._activate(self._proxy.index(0, NAME))

    def _activate(self, index: QModelIndex) -> None:
        self.document_activated.emit(self._model.summary(self._proxy.mapToSource(index).row()).id)
