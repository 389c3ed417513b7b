"""The document list's rows built off the UI thread: after another program's change the whole list is read again
(100,000 rows), and everything that costs per row (sorting, the table by id, the names sorted, which rows changed,
came, went or moved) is worked out here on the worker. The UI thread then applies only the
differences (``DocumentTableModel.apply``): 100,000 rows compared there took 130 ms.

Nothing here touches Qt objects; the state the rows are prepared for is a snapshot the UI thread took
(:class:`ListState`), and the model refuses a preparation made for an order it no longer shows.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QCollator, QCollatorSortKey, QLocale, Qt

from biaozhu.db.rows import DocumentSummary

NAME, LENGTH, STATUS, SPANS, UNSURE = range(5)
STATUS_ORDER = {"not_started": 0, "in_progress": 1, "done": 2, "adjudicated": 3}
MOST_RUNS = 64  # more runs of rows that came, went or moved than this: one reset is cheaper than the signals

Runs = list[tuple[int, int]]  # (first, last) rows, inclusive


@dataclass(frozen=True, slots=True)
class ListState:
    """What the list shows, as the UI thread saw it when the rows were asked for."""

    annotator: str
    sort: tuple[int, Qt.SortOrder]
    unsure: dict[int, float]  # replaced, never changed in place
    shown: list[DocumentSummary]  # a copy of the rows in the order shown
    order: int  # the model's count of changes of which rows it shows in which order


@dataclass(frozen=True, slots=True)
class Changes:
    """How to turn the shown rows into the new ones: remove ``removed`` (runs of shown rows, last run first),
    insert ``inserted`` (runs of new rows, first run first), then ``changed`` rows (new positions) repaint."""

    removed: Runs
    inserted: Runs
    changed: Runs


@dataclass(frozen=True, slots=True)
class PreparedRows:
    """New rows for the list, with everything the UI thread needs so it walks none of them."""

    state: ListState
    read: list[DocumentSummary]  # as read (the window's list)
    given: list[DocumentSummary]  # the model's copy, in the same order
    given_at: dict[int, int]  # document id -> place in ``read`` and ``given``
    ordered: list[DocumentSummary]  # as shown
    names: list[str]  # every name, sorted (see name_elision.departs)
    done: int  # documents this annotator marked done
    changes: Changes | None  # None: reset the model (first fill, another annotator, too many moves)
    moved: set[int]  # ids that came, went or moved


def prepare_rows(rows: Sequence[DocumentSummary], state: ListState) -> PreparedRows:
    """Everything the list needs to show ``rows`` instead of ``state.shown``; safe to run on a worker thread."""
    read = list(rows)  # three lists: the window's, the model's in the given order and as shown, each changed alone
    column, order = state.sort
    ordered = list(read) if column < 0 else sorted(read, key=sort_key(column, state.annotator, state.unsure),
                                                   reverse=order == Qt.SortOrder.DescendingOrder)
    given_at = {summary.id: at for at, summary in enumerate(read)}  # replaced, never changed
    changes, moved = differences(state.shown, ordered)
    done = sum(1 for summary in read if summary.statuses.get(state.annotator) == "done")
    return PreparedRows(state, read, list(read), given_at, ordered, sorted(summary.name for summary in read),
                        done, changes, moved)


def differences(old: list[DocumentSummary], new: list[DocumentSummary]) -> tuple[Changes | None, set[int]]:
    """The fewest rows to remove and insert (rows that keep their relative order stay: a longest increasing run
    of their old places), and the staying rows whose content changed; None when a reset is cheaper."""
    if not old or not new:
        return None, set()
    if len(old) == len(new) and all(a.id == b.id for a, b in zip(old, new, strict=True)):
        differing = [row for row, (a, b) in enumerate(zip(old, new, strict=True)) if differs(a, b)]
        return Changes([], [], runs(differing)), set()
    old_at = {summary.id: row for row, summary in enumerate(old)}
    common = [(row, old_at[summary.id]) for row, summary in enumerate(new) if summary.id in old_at]
    staying = {common[i][0] for i in increasing([place for _, place in common])}
    staying_old = {old_at[new[row].id] for row in staying}
    removed = runs([row for row in range(len(old)) if row not in staying_old])
    inserted = runs([row for row in range(len(new)) if row not in staying])
    if len(removed) + len(inserted) > MOST_RUNS:
        return None, set()
    changed = runs([row for row in sorted(staying) if differs(new[row], old[old_at[new[row].id]])])
    moved = {old[row].id for row in range(len(old)) if row not in staying_old} | \
        {new[row].id for row in range(len(new)) if row not in staying}
    return Changes(removed[::-1], inserted, changed), moved


def differs(a: DocumentSummary, b: DocumentSummary) -> bool:
    """Whether one document's row shows something else (``a`` and ``b`` have the same id): field by field, the
    likeliest change first; the dataclass's ``!=`` built two tuples a row (32 ms for 100,000 rows against 15)."""
    return a.span_counts != b.span_counts or a.statuses != b.statuses or a.name != b.name or a.length != b.length


def increasing(values: list[int]) -> list[int]:
    """Positions in ``values`` of a longest strictly increasing subsequence (patience sorting, O(n log n))."""
    tails: list[int] = []  # the smallest last value of an increasing run of each length
    tail_at: list[int] = []
    previous = [-1] * len(values)
    for i, value in enumerate(values):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[k], tail_at[k] = value, i
        previous[i] = tail_at[k - 1] if k else -1
    found, i = [], tail_at[-1] if tail_at else -1
    while i >= 0:
        found.append(i)
        i = previous[i]
    return found[::-1]


def runs(rows: list[int]) -> Runs:
    """Ascending rows as runs of neighbours: one signal per run instead of one per row."""
    found: Runs = []
    for row in rows:
        if found and found[-1][1] == row - 1:
            found[-1] = (found[-1][0], row)
        else:
            found.append((row, row))
    return found


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


_COLLATORS = threading.local()  # a QCollator is not to be shared between threads: one each


def _collator() -> QCollator:
    collator: QCollator | None = getattr(_COLLATORS, "collator", None)
    if collator is None:
        collator = _COLLATORS.collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        collator.setNumericMode(True)
        collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return collator


@lru_cache(maxsize=1 << 16)  # names rarely change; a refresh re-sorts them all
def natural_key(name: str) -> QCollatorSortKey:
    """Names as a Chinese reader orders them: 北京 before 上海 (by pinyin, not by code point), "报告2"
    before "报告10" (digit runs as numbers), and case ignored."""
    return _collator().sortKey(name)
