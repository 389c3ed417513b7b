"""The annotator's layer as the window edits it: one database transaction per call (through the app's
:class:`ActionRunner`), the open document's :class:`SpanIndex` kept in step so the view repaints from memory,
and each change published on the app's bus once memory agrees with the database, with exactly what it did
(:class:`SpanDelta`: the change token's highest ids read inside the edit's transaction, and how far it moved the
open layer's part, from the rows it touched read before and after it writes them) so that nothing listening reads
the project again for it.

A long report's spans are read in two parts: those of its first screen (:data:`FIRST_PART`) while it opens,
the rest on a worker thread while its text is laid out and painted. Until they are in, :attr:`Layer.index`
waits for them (an edit, the span table, a link: everything that needs the whole layer) and the view paints
what :attr:`Layer.shown` has; ``loaded`` says when the whole layer is in.

Undo commands (``commands.py``) call these methods; a span they refer to is held through a
:class:`SpanHandle`, because restoring a deleted span gives it a new id and every command that
mentions the span must follow.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from concurrent.futures import Future
from contextlib import suppress
from dataclasses import replace
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal
from sqlalchemy.orm import Session

from biaozhu.db import spans as db_spans
from biaozhu.db.changes import Part, edit_state, moved, rows_part, stamp
from biaozhu.db.documents import named_text
from biaozhu.db.models import Label
from biaozhu.db.rows import SpanRow
from biaozhu.db.status import set_status, touch
from biaozhu.db.values import restore_values, set_value, stored_values, value_columns
from biaozhu.gui.common.changes import Change, Changed, SpanDelta
from biaozhu.gui.common.runner import KNOWN_FAILURES, ActionRunner
from biaozhu.gui.widgets.span_index import SpanIndex

T = TypeVar("T")
Followed = tuple[tuple[object, ...], Part]  # the change token's highest ids after an edit, how far it moved the layer
FIRST_PART = 20_000  # code points of a report whose spans are read before it is shown; a screen holds far fewer


class SpanHandle:
    """A span as undo commands know it: its current database id (None while it does not exist)."""

    __slots__ = ("id",)

    def __init__(self, span_id: int | None) -> None:
        self.id = span_id


class Layer(QObject):
    """One annotator's spans: written to the database, mirrored for the open document."""

    # document id, code point ranges that changed, span to select afterwards (-1: none)
    spans_changed = Signal(int, object, int)
    status_changed = Signal(int, object)  # document id, this annotator's status of it now (None: none)
    loaded = Signal(int)  # document id: the rest of a long report's spans are in (see the module's docstring)

    def __init__(self, runner: ActionRunner, annotator_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.annotator_id = annotator_id
        self.document_id: int | None = None
        self.name = ""  # the open document's
        self.text = ""
        self._index = SpanIndex()
        self._rest: Future[SpanIndex] | None = None  # the whole layer, being read on ``_pool``
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._handles: dict[int, SpanHandle] = {}

    @property
    def index(self) -> SpanIndex:
        """The open document's spans, all of them (waits for the worker's read if it has not answered yet)."""
        if self._rest is not None:
            self._take_rest()
        return self._index

    @index.setter
    def index(self, index: SpanIndex) -> None:
        self._rest, self._index = None, index

    @property
    def shown(self) -> SpanIndex:
        """What the view paints now: the whole layer, or its first part while the rest is being read."""
        return self._index

    @property
    def complete(self) -> bool:
        return self._rest is None

    def wait(self) -> None:
        """Wait for the worker (the window is closing)."""
        self._pool.waitForDone()

    def key(self) -> tuple[int, int] | None:
        """(document id, annotator id) of the open document's layer, as the change poller watches it."""
        return None if self.document_id is None else (self.document_id, self.annotator_id)

    def _publish(self, what: Changed, *document_ids: int, delta: SpanDelta | None = None) -> None:
        self.runner.bus.publish(Change(what, frozenset(document_ids), self, delta))

    def _write(self, action: Callable[[Session], T], touched: Collection[int] = (),
               made: Callable[[T], Iterable[int]] = lambda _: ()) -> tuple[T, Followed]:
        """Run a span edit in one transaction; also returns what the change token follows it by (cheap: indexes
        and primary keys): ``touched``, the spans it changes or removes; ``made``, those it added, from its result.
        """
        key = self.key()

        def write(session: Session) -> tuple[T, Followed]:
            before = rows_part(session, key, touched)
            result = action(session)
            after = rows_part(session, key, [*touched, *made(result)])
            return result, (edit_state(session), moved(before, after))

        return self.runner.write(write)

    def _delta(self, followed: Followed, added: list[SpanRow], removed: list[SpanRow] | None,
               trashed: tuple[int, ...] = (), restored: tuple[int, ...] = (),
               carried: frozenset[str] = frozenset()) -> SpanDelta | None:
        """What an edit did, or None when the rows it removed are not all known (not in the open document)."""
        if removed is None:
            return None
        state, moved_by = followed
        return SpanDelta(tuple(added), tuple(removed), trashed, restored, self.key(), state, carried,
                         moved=moved_by)

    def open(self, document_id: int) -> None:
        """Load a document's text and this layer's spans (of a long report, those of its first part: the rest
        follow from a worker); mark it as worked on (not in a read-only project), saying what that did to the
        change token (its status row stamped), which follows it in memory."""
        annotator_id, key = self.annotator_id, (document_id, self.annotator_id)

        def load(session: Session) -> tuple[tuple[str, str], list[SpanRow], bool, SpanDelta]:
            stamped = None
            if not self.runner.read_only:
                before = stamp(session, document_id, annotator_id)
                touch(session, document_id, annotator_id)
                stamped = (stamp(session, document_id, annotator_id), before is None)
            name, text = named_text(session, document_id)
            long = len(text) > FIRST_PART
            rows = db_spans.layer_spans(session, document_id, [annotator_id], before=FIRST_PART if long else None)
            return (name, text), rows, long, SpanDelta(layer=key, state=edit_state(session),
                                                       moved=rows_part(session, key, ()), stamped=stamped)

        (self.name, self.text), rows, long, delta = (self.runner.read if self.runner.read_only
                                                     else self.runner.write)(load)
        self.index = SpanIndex(rows)
        self.document_id = document_id
        if long:
            self._read_rest(document_id)
        self._publish(Changed.STATUS, document_id, delta=delta)

    def _read_rest(self, document_id: int) -> None:
        """The whole layer of the open document, read and indexed on the worker."""
        rest: Future[SpanIndex] = Future()
        annotator_id = self.annotator_id

        def read(session: Session) -> None:
            try:
                rest.set_result(SpanIndex(db_spans.layer_spans(session, document_id, [annotator_id])))
            except Exception as exc:  # noqa: BLE001 - read again on the UI thread, where the user hears of it
                rest.set_exception(exc)

        self._rest = rest
        self.runner.in_background(self._pool, read, lambda _: self._arrived(rest), lambda _: self._arrived(rest))

    def _arrived(self, rest: Future[SpanIndex]) -> None:
        if shiboken6.isValid(self) and rest is self._rest:  # not taken yet, still this document's, window open
            with suppress(*KNOWN_FAILURES):  # the layer stays partial: the next use of ``index`` reads it again
                self._take_rest()

    def _take_rest(self) -> None:
        rest = self._rest
        assert rest is not None and self.document_id is not None
        document_id, annotator_id = self.document_id, self.annotator_id
        self.runner.release()  # held until the text is painted (ActionRunner.hold): wanted now
        try:
            index = rest.result()  # waits for the worker when asked before it answered
        except Exception:  # noqa: BLE001 - the worker's read failed: read here, where a failure is the user's
            index = SpanIndex(self.runner.read(lambda s: db_spans.layer_spans(s, document_id, [annotator_id])))
        self.index = index
        self.loaded.emit(document_id)

    def catch_up(self, keep: int | None) -> bool:
        """Mirror what this layer's spans on the open document became elsewhere (the same annotator in another
        window or on another machine), so only what changed repaints; ``keep`` stays selected if it is still
        there. Returns whether anything had changed."""
        document_id = self.document_id
        if document_id is None:
            return False
        rows = self.runner.read(lambda session: db_spans.layer_spans(session, document_id, [self.annotator_id]))
        stored = {row.id: row for row in rows}
        removed = [span.id for span in self.index if stored.get(span.id) != span]
        added = [row for row in rows if self.index.get(row.id) != row]
        if not removed and not added:
            return False
        self._mirror(document_id, added, removed, keep if keep in stored else None)
        return True

    def handle(self, span_id: int) -> SpanHandle:
        found = self._handles.get(span_id)
        if found is None:
            found = self._handles[span_id] = SpanHandle(span_id)
        return found

    def _rebind(self, handle: SpanHandle, span_id: int | None) -> None:
        if handle.id is not None:
            self._handles.pop(handle.id, None)
        handle.id = span_id
        if span_id is not None:
            self._handles[span_id] = handle

    def _mirror(self, document_id: int, added: list[SpanRow], removed: list[int],
                select: int | None) -> list[SpanRow] | None:
        """Apply an edit to the open document's index; returns the rows removed (None: not all of them known)."""
        ranges: list[tuple[int, int]] = []
        gone: list[SpanRow] | None = None if removed and document_id != self.document_id else []
        if document_id == self.document_id:
            for span_id in removed:
                old = self.index.remove(span_id)
                if old is None:
                    gone = None
                else:
                    ranges.append((old.start, old.end))
                    if gone is not None:
                        gone.append(old)
            for span in added:
                self.index.add(span)
                ranges.append((span.start, span.end))
        self.spans_changed.emit(document_id, ranges, -1 if select is None else select)
        return gone

    def _changed(self, document_id: int, span: SpanRow, followed: Followed) -> None:
        """One span changed in place (relabelled, moved, its value set): mirrored, published."""
        gone = self._mirror(document_id, [span], [span.id], span.id)
        self._publish(Changed.SPANS, document_id, delta=self._delta(followed, [span], gone))

    def add(self, document_id: int, handle: SpanHandle, label_id: int, start: int, end: int, text: str) -> None:
        span, followed = self._write(lambda session: db_spans.add_span_row(
            session, document_id, self.annotator_id, label_id, start, end, text),  # with the value computed
            made=lambda span: [span.id])
        self._rebind(handle, span.id)
        removed = self._mirror(document_id, [span], [], span.id)
        self._publish(Changed.SPANS, document_id, delta=self._delta(followed, [span], removed))

    def remove(self, document_id: int, handle: SpanHandle) -> None:
        removed = handle.id
        assert removed is not None
        _, followed = self._write(lambda session: db_spans.remove_span(session, removed), [removed])
        self._rebind(handle, None)
        gone = self._mirror(document_id, [], [removed], None)
        self._publish(Changed.SPANS, document_id, delta=self._delta(followed, [], gone))

    def trash(self, document_id: int, handle: SpanHandle) -> int:
        removed = handle.id
        assert removed is not None
        (trash_id, carried), followed = self._write(
            lambda session: db_spans.trash_span_carrying(session, removed), [removed])
        self._rebind(handle, None)
        gone = self._mirror(document_id, [], [removed], None)
        self._publish(Changed.SPANS | Changed.TRASH, document_id,
                      delta=self._delta(followed, [], gone, (trash_id,), carried=carried))
        return trash_id

    def restore(self, document_id: int, handle: SpanHandle, trash_id: int) -> None:
        def restore(session: Session) -> tuple[SpanRow, frozenset[str]]:
            span_id, carried = db_spans.restore_span_carrying(session, trash_id)
            return db_spans.get_span(session, span_id), carried

        (span, carried), followed = self._write(restore, made=lambda restored: [restored[0].id])
        self._rebind(handle, span.id)
        gone = self._mirror(document_id, [span], [], span.id)
        self._publish(Changed.SPANS | Changed.TRASH, document_id,
                      delta=self._delta(followed, [span], gone, restored=(trash_id,), carried=carried))

    def relabel(self, document_id: int, handle: SpanHandle, label_id: int) -> int:
        span_id = handle.id
        assert span_id is not None
        (old_label, span), followed = self._write(
            lambda session: db_spans.relabel_span_row(session, span_id, label_id), [span_id])
        self._changed(document_id, span, followed)
        return old_label

    def resize(self, document_id: int, handle: SpanHandle, start: int, end: int, text: str,
               values: dict[str, object] | None = None) -> dict[str, object]:
        """Move a span's boundaries; returns the value columns it had (a new text computes them again), which
        an undo gives back as ``values``."""
        span_id = handle.id
        assert span_id is not None

        def resize(session: Session) -> tuple[dict[str, object], SpanRow]:
            old = stored_values(session, span_id)
            db_spans.resize_span(session, span_id, start, end, text)
            if values is not None:
                restore_values(session, span_id, values)
            return old, db_spans.get_span(session, span_id)

        (old, span), followed = self._write(resize, [span_id])
        self._changed(document_id, span, followed)
        return old

    def set_value(self, document_id: int, handle: SpanHandle, value: str, value_max: str | None, unit: str,
                  qualifier: str) -> dict[str, object]:
        """Set a span's value by hand; returns the value columns it had, for :meth:`restore_value`."""
        span_id = handle.id
        assert span_id is not None

        def write(session: Session) -> tuple[dict[str, object], SpanRow]:
            old = set_value(session, span_id, value, value_max=value_max, unit=unit, qualifier=qualifier)
            return old, db_spans.get_span(session, span_id)

        (old, span), followed = self._write(write, [span_id])
        self._changed(document_id, span, followed)
        return old

    def restore_value(self, document_id: int, handle: SpanHandle, values: dict[str, object]) -> None:
        span_id = handle.id
        assert span_id is not None

        def write(session: Session) -> SpanRow:
            stored_values(session, span_id)  # refused with a sentence when the span is gone
            restore_values(session, span_id, values)
            return db_spans.get_span(session, span_id)

        span, followed = self._write(write, [span_id])
        self._changed(document_id, span, followed)

    def add_many(self, label_id: int, text: str, ranges: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
        """Tag ``(document_id, start, end)`` ranges of ``text`` in one transaction; ranges refused meanwhile
        are left out. Returns ``(document_id, span_id)`` of the spans made."""

        def add_all(session: Session) -> dict[int, list[SpanRow]]:
            rows: dict[int, list[SpanRow]] = {}
            label = session.get(Label, label_id)
            figure = value_columns(label.name if label else "", text)  # one text: one value for every span
            value, top, unit = (None if figure[name] is None else str(figure[name])
                                for name in ("value", "value_max", "unit"))
            for document_id, start, end in ranges:
                try:
                    span_id = db_spans.add_span(session, document_id, self.annotator_id, label_id, start, end, text)
                except db_spans.SpanRefused:
                    continue
                rows.setdefault(document_id, []).append(SpanRow(span_id, start, end, label_id, text,
                                                                self.annotator_id, value, top, unit))
            return rows

        added, followed = self._write(add_all, made=lambda made: [row.id for rows in made.values() for row in rows])
        for document_id, rows in added.items():
            self._mirror(document_id, rows, [], None)
        self._publish(Changed.SPANS, *added, delta=self._delta(followed, [row for rows in added.values()
                                                                          for row in rows], []))
        return [(document_id, row.id) for document_id, rows in added.items() for row in rows]

    def remove_many(self, made: list[tuple[int, int]]) -> None:
        removed: dict[int, list[int]] = {}
        for document_id, span_id in made:
            removed.setdefault(document_id, []).append(span_id)

        def remove_all(session: Session) -> None:
            for _, span_id in made:
                db_spans.remove_span(session, span_id)

        _, followed = self._write(remove_all, [span_id for _, span_id in made])
        gone: list[SpanRow] | None = []
        for document_id, ids in removed.items():
            rows = self._mirror(document_id, [], ids, None)
            gone = None if gone is None or rows is None else gone + rows
        self._publish(Changed.SPANS, *removed, delta=self._delta(followed, [], gone))

    def apply(self, document_id: int, write: Callable[[Session], tuple[list[SpanRow], int]],
              removing: list[int] | None = None, handle: SpanHandle | None = None) -> list[SpanRow]:
        """A write of this layer's spans made elsewhere (accepting suggestions: ``suggestions.py``) in one
        transaction; ``write`` removes the spans ``removing`` (known before it runs: the change token follows what
        they made up) and returns the spans it added, and how many spans it added to other layers (negative: took
        out of them; the suggestions'). ``handle`` follows the span added (or, when none was, the one removed).
        Returns the spans added."""
        removed = removing or []
        (added, elsewhere), followed = self._write(write, removed, made=lambda written: [row.id for row in written[0]])
        if handle is not None:
            self._rebind(handle, added[0].id if added else None)
        gone = self._mirror(document_id, added, removed, added[0].id if len(added) == 1 else None)
        delta = self._delta(followed, added, gone)
        self._publish(Changed.SPANS, document_id, delta=delta and replace(delta, elsewhere=elsewhere))
        return added

    def set_status(self, document_id: int, status: str | None) -> str | None:
        previous = self.runner.write(lambda session: set_status(session, document_id, self.annotator_id, status))
        self.status_changed.emit(document_id, status)
        self._publish(Changed.STATUS, document_id)
        return previous
