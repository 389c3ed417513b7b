"""The document list's table model and the filter in front of it: every document with this annotator's status and
span count, and how unsure the suggestions' model is of it.

After the window's own edit, marking done or renaming, only that document's row changes (``replace_row``: found
by its place or a binary search for its sort key, not by walking 100,000 rows); a deleted one's row goes
(``remove_row``). After other changes the whole list is read and prepared on a worker (``document_rows``) and
``apply`` only repaints the rows that changed and inserts or removes the ones that came, went or moved.
"""

from __future__ import annotations

from bisect import bisect_left, insort

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QWidget

from biaozhu.db.rows import DocumentSummary
from biaozhu.gui.common.wording import as_tooltip
from biaozhu.gui.widgets.document_rows import (
    LENGTH,
    NAME,
    SPANS,
    STATUS,
    UNSURE,
    ListState,
    PreparedRows,
    runs,
    sort_key,
    status_of,
)
from biaozhu.gui.widgets.name_elision import DEPARTS_ROLE, departs
from biaozhu.gui.widgets.tables import sorted_place

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
