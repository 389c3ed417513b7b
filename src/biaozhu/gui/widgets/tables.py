"""What the panels' tables share: one look and feel (whole rows, one at a time, read-only, sortable) and
one meaning of "open this row" (a click, Enter or a double-click) that fires once per gesture."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import (
    QElapsedTimer,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView

SELECT_ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
Row = TypeVar("Row")


def sorted_place(rows: Sequence[Row], target: Any, key: Callable[[Row], Any], descending: bool) -> int:
    """Where a row whose key is ``target`` goes among ``rows``, kept sorted by ``key`` either way: before the rows
    of an equal key. A binary search, so that a table of 100,000 rows follows one changed row without sorting."""
    low, high = 0, len(rows)
    while low < high:
        middle = (low + high) // 2
        found = key(rows[middle])
        if (target < found) if descending else (found < target):
            low = middle + 1
        else:
            high = middle
    return low


def configure_table(view: QTableView, *, sortable: bool = True) -> None:
    """Rows are records to pick, never cells to edit; no per-row sizing, so 20,000 rows cost nothing."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setSortingEnabled(sortable)
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)  # compact: more of a long list on screen
    view.horizontalHeader().setHighlightSections(False)


def fit_columns(view: QTableView, samples: dict[int, list[str]]) -> None:
    """Size columns to their header and the widest of a few sample values (measured once, not per row),
    so the stretching column gets the rest of a narrow dock."""
    header = view.horizontalHeader()
    model = view.model()
    cells, titles = view.fontMetrics(), header.fontMetrics()
    for column, texts in samples.items():
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        widest = max([cells.horizontalAdvance(text) for text in texts] + [titles.horizontalAdvance(title) + 16])
        header.resizeSection(column, widest + 16)


def fit_to_contents(view: QTableView, widest: int = 240) -> None:
    """Size every column to what it shows now, none wider than ``widest`` (longer texts elide): for short
    tables such as a document's disagreements, so every column is in sight in a narrow panel. A stretching last
    column keeps the rest of the width instead (sized to its contents it pushed the panel into sideways scrolling)."""
    header = view.horizontalHeader()
    sized = range(header.count() - 1 if header.stretchLastSection() else header.count())
    for column in sized:
        view.resizeColumnToContents(column)
        header.resizeSection(column, min(header.sectionSize(column), widest))


class RowActivation(QObject):
    """Reports a row the user opened with a click, Enter or a double-click, once per gesture.

    A double-click arrives as a click and then an activation of the same row; the second one is dropped
    when it comes within the double-click interval.
    """

    row_activated = Signal(QModelIndex)

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._last: tuple[int, QElapsedTimer] | None = None
        view.clicked.connect(self._on_activated)
        view.activated.connect(self._on_activated)

    def _on_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        if self._last is not None and self._last[0] == index.row() and \
                not self._last[1].hasExpired(QApplication.doubleClickInterval()):
            return
        timer = QElapsedTimer()
        timer.start()
        self._last = (index.row(), timer)
        self.row_activated.emit(index)
