"""The annotator's layer as the window edits it: one database transaction per call, and the open
document's :class:`SpanIndex` kept in step, so the view repaints from memory.

Undo commands (``commands.py``) call these methods; a span they refer to is held through a
:class:`SpanHandle`, because restoring a deleted span gives it a new id and every command that
mentions the span must follow.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db import spans as db_spans
from biaozhu.db.documents import document_text
from biaozhu.db.errors import storage_errors
from biaozhu.db.spans import SpanRow
from biaozhu.db.status import set_status, touch
from biaozhu.gui.span_index import SpanIndex


class SpanHandle:
    """A span as undo commands know it: its current database id (None while it does not exist)."""

    __slots__ = ("id",)

    def __init__(self, span_id: int | None) -> None:
        self.id = span_id


class Layer(QObject):
    """One annotator's spans: written to the database, mirrored for the open document."""

    # document id, code point ranges that changed, span to select afterwards (-1: none)
    spans_changed = Signal(int, object, int)
    status_changed = Signal(int)

    def __init__(self, sessions: sessionmaker[Session], annotator_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.annotator_id = annotator_id
        self.document_id: int | None = None
        self.text = ""
        self.index = SpanIndex()
        self._handles: dict[int, SpanHandle] = {}

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with storage_errors(), self.sessions.begin() as session:
            yield session

    def open(self, document_id: int) -> None:
        """Load a document's text and this layer's spans; mark it as worked on."""
        with self.transaction() as session:
            self.text = document_text(session, document_id)
            self.index = SpanIndex(db_spans.layer_spans(session, document_id, [self.annotator_id]))
            touch(session, document_id, self.annotator_id)
        self.document_id = document_id

    def catch_up(self, keep: int | None) -> bool:
        """Mirror what this layer's spans on the open document became elsewhere (the same annotator in another
        window or on another machine), so only what changed repaints; ``keep`` stays selected if it is still
        there. Returns whether anything had changed."""
        if self.document_id is None:
            return False
        with storage_errors(), self.sessions() as session:
            rows = db_spans.layer_spans(session, self.document_id, [self.annotator_id])
        stored = {row.id: row for row in rows}
        removed = [span.id for span in self.index if stored.get(span.id) != span]
        added = [row for row in rows if self.index.get(row.id) != row]
        if not removed and not added:
            return False
        self._mirror(self.document_id, added, removed, keep if keep in stored else None)
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

    def _mirror(self, document_id: int, added: list[SpanRow], removed: list[int], select: int | None) -> None:
        ranges: list[tuple[int, int]] = []
        if document_id == self.document_id:
            for span_id in removed:
                old = self.index.remove(span_id)
                if old is not None:
                    ranges.append((old.start, old.end))
            for span in added:
                self.index.add(span)
                ranges.append((span.start, span.end))
        self.spans_changed.emit(document_id, ranges, -1 if select is None else select)

    def add(self, document_id: int, handle: SpanHandle, label_id: int, start: int, end: int, text: str) -> None:
        with self.transaction() as session:
            span_id = db_spans.add_span(session, document_id, self.annotator_id, label_id, start, end, text)
        self._rebind(handle, span_id)
        self._mirror(document_id, [SpanRow(span_id, start, end, label_id, text, self.annotator_id)], [], span_id)

    def remove(self, document_id: int, handle: SpanHandle) -> None:
        assert handle.id is not None
        with self.transaction() as session:
            db_spans.remove_span(session, handle.id)
        removed = handle.id
        self._rebind(handle, None)
        self._mirror(document_id, [], [removed], None)

    def trash(self, document_id: int, handle: SpanHandle) -> int:
        assert handle.id is not None
        with self.transaction() as session:
            trash_id = db_spans.trash_span(session, handle.id)
        removed = handle.id
        self._rebind(handle, None)
        self._mirror(document_id, [], [removed], None)
        return trash_id

    def restore(self, document_id: int, handle: SpanHandle, trash_id: int) -> None:
        with self.transaction() as session:
            span_id = db_spans.restore_span(session, trash_id)
            span = db_spans.get_span(session, span_id)
        self._rebind(handle, span_id)
        self._mirror(document_id, [span], [], span_id)

    def relabel(self, document_id: int, handle: SpanHandle, label_id: int) -> int:
        assert handle.id is not None
        with self.transaction() as session:
            old_label = db_spans.relabel_span(session, handle.id, label_id)
            span = db_spans.get_span(session, handle.id)
        self._mirror(document_id, [span], [span.id], span.id)
        return old_label

    def resize(self, document_id: int, handle: SpanHandle, start: int, end: int, text: str) -> SpanRow:
        assert handle.id is not None
        with self.transaction() as session:
            old = db_spans.resize_span(session, handle.id, start, end, text)
            span = db_spans.get_span(session, handle.id)
        self._mirror(document_id, [span], [span.id], span.id)
        return old

    def add_many(self, label_id: int, text: str, ranges: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
        """Tag ``(document_id, start, end)`` ranges of ``text`` in one transaction; ranges refused meanwhile
        are left out. Returns ``(document_id, span_id)`` of the spans made."""
        made: list[tuple[int, int]] = []
        rows: dict[int, list[SpanRow]] = {}
        with self.transaction() as session:
            for document_id, start, end in ranges:
                try:
                    span_id = db_spans.add_span(session, document_id, self.annotator_id, label_id, start, end, text)
                except db_spans.SpanRefused:
                    continue
                made.append((document_id, span_id))
                rows.setdefault(document_id, []).append(
                    SpanRow(span_id, start, end, label_id, text, self.annotator_id))
        for document_id, added in rows.items():
            self._mirror(document_id, added, [], None)
        return made

    def remove_many(self, made: list[tuple[int, int]]) -> None:
        removed: dict[int, list[int]] = {}
        with self.transaction() as session:
            for document_id, span_id in made:
                db_spans.remove_span(session, span_id)
                removed.setdefault(document_id, []).append(span_id)
        for document_id, ids in removed.items():
            self._mirror(document_id, [], ids, None)

    def set_status(self, document_id: int, status: str | None) -> str | None:
        with self.transaction() as session:
            previous = set_status(session, document_id, self.annotator_id, status)
        self.status_changed.emit(document_id)
        return previous
