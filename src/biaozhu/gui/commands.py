"""Every edit of the layer is a QUndoCommand whose redo and undo are each one database transaction,
so what is undone in the window is undone on disk too.

A command refused by the database (a crossing span, a span deleted elsewhere) makes itself obsolete,
which drops it from the stack, and says why. A storage failure (locked, read-only, disk full) changes
nothing: a new edit is dropped, and an undo or redo that failed is stepped back over, so the stack and
the database still agree and the user can simply try again. A bug drops the command and goes on to the
crash report (``crash_report.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from biaozhu.db.errors import StorageError
from biaozhu.db.spans import SpanRefused, SpanRow
from biaozhu.gui.layer import Layer, SpanHandle


class Refusals(QObject):
    """Where commands say why an edit did not happen (the status bar listens)."""

    refused = Signal(str)
    storage_failed = Signal(str)  # the user's sentence: nothing was changed
    step_back = Signal(object, bool)  # a command whose undo (True) or redo (False) failed in storage


# The commands' names, as the Edit menu's Undo/Redo items show them.
TAG = QT_TRANSLATE_NOOP("Commands", "tag “%1” as %2")
RELABEL = QT_TRANSLATE_NOOP("Commands", "relabel “%1” as %2")
DELETE = QT_TRANSLATE_NOOP("Commands", "delete “%1”")
RESIZE = QT_TRANSLATE_NOOP("Commands", "resize “%1”")
TAG_ALL = QT_TRANSLATE_NOOP("Commands", "tag all “%1” (%2)")
MARK_DONE = QT_TRANSLATE_NOOP("Commands", "mark done")
SET_STATUS = QT_TRANSLATE_NOOP("Commands", "set status")


def _tr(text: str, *args: str) -> str:
    """A command's name in the UI language, with %1, %2… filled in."""
    translated = QCoreApplication.translate("Commands", text)
    for number, value in enumerate(args, 1):
        translated = translated.replace(f"%{number}", value)
    return translated


def _quote(text: str) -> str:
    return text if len(text) <= 16 else text[:15] + "…"


class LayerCommand(QUndoCommand):
    def __init__(self, layer: Layer, refusals: Refusals, document_id: int, text: str) -> None:
        super().__init__(text)
        self.layer = layer
        self.refusals = refusals
        self.document_id = document_id
        self.applied = False  # done once: the command is on the stack
        self.failed = False  # the last step did not happen (callers check after push)
        self.skip = False  # the stack is stepping back over a failed step: leave the database alone

    def _guarded(self, step: Callable[[], None], undoing: bool) -> None:
        if self.skip:
            self.skip = False
            return
        self.failed = True
        try:
            step()
        except SpanRefused as exc:
            self.setObsolete(True)
            self.refusals.refused.emit(str(exc))
        except StorageError as exc:
            if self.applied:
                self.skip = True
                self.refusals.step_back.emit(self, undoing)
            else:
                self.setObsolete(True)
            self.refusals.storage_failed.emit(str(exc))
        except Exception:
            self.setObsolete(True)  # a bug: the crash report tells it; the stack keeps only what happened
            raise
        else:
            self.applied = True
            self.failed = False

    def redo(self) -> None:
        self._guarded(self.do, False)

    def undo(self) -> None:
        self._guarded(self.undo_it, True)

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError


class AddSpan(LayerCommand):
    def __init__(self, layer: Layer, refusals: Refusals, document_id: int, label_id: int, label_name: str,
                 start: int, end: int, text: str) -> None:
        super().__init__(layer, refusals, document_id,
                         _tr(TAG, _quote(text), label_name))
        self.handle = SpanHandle(None)
        self.label_id, self.start, self.end, self.text = label_id, start, end, text

    def do(self) -> None:
        self.layer.add(self.document_id, self.handle, self.label_id, self.start, self.end, self.text)

    def undo_it(self) -> None:
        self.layer.remove(self.document_id, self.handle)


class RelabelSpan(LayerCommand):
    def __init__(self, layer: Layer, refusals: Refusals, document_id: int, span: SpanRow, label_id: int,
                 label_name: str) -> None:
        super().__init__(layer, refusals, document_id,
                         _tr(RELABEL, _quote(span.text), label_name))
        self.handle = layer.handle(span.id)
        self.label_id = label_id
        self.old_label_id = span.label_id

    def do(self) -> None:
        self.old_label_id = self.layer.relabel(self.document_id, self.handle, self.label_id)

    def undo_it(self) -> None:
        self.layer.relabel(self.document_id, self.handle, self.old_label_id)


class DeleteSpan(LayerCommand):
    def __init__(self, layer: Layer, refusals: Refusals, document_id: int, span: SpanRow) -> None:
        super().__init__(layer, refusals, document_id, _tr(DELETE, _quote(span.text)))
        self.handle = layer.handle(span.id)
        self.trash_id: int | None = None

    def do(self) -> None:
        self.trash_id = self.layer.trash(self.document_id, self.handle)

    def undo_it(self) -> None:
        assert self.trash_id is not None
        self.layer.restore(self.document_id, self.handle, self.trash_id)


class ResizeSpan(LayerCommand):
    def __init__(self, layer: Layer, refusals: Refusals, document_id: int, span: SpanRow, start: int, end: int,
                 text: str) -> None:
        super().__init__(layer, refusals, document_id, _tr(RESIZE, _quote(text)))
        self.handle = layer.handle(span.id)
        self.new = (start, end, text)
        self.old = (span.start, span.end, span.text)

    def do(self) -> None:
        self.layer.resize(self.document_id, self.handle, *self.new)

    def undo_it(self) -> None:
        self.layer.resize(self.document_id, self.handle, *self.old)


class TagAll(LayerCommand):
    """All occurrences of a text tagged at once: one transaction, one undo step."""

    def __init__(self, layer: Layer, refusals: Refusals, document_id: int, label_id: int, text: str,
                 ranges: list[tuple[int, int, int]]) -> None:
        super().__init__(layer, refusals, document_id,
                         _tr(TAG_ALL, _quote(text), str(len(ranges))))
        self.label_id, self.text, self.ranges = label_id, text, ranges
        self.made: list[tuple[int, int]] = []

    def do(self) -> None:
        self.made = self.layer.add_many(self.label_id, self.text, self.ranges)

    def undo_it(self) -> None:
        self.layer.remove_many(self.made)
        self.made = []


class SetStatus(LayerCommand):
    def __init__(self, layer: Layer, refusals: Refusals, document_id: int, status: str | None) -> None:
        super().__init__(layer, refusals, document_id, _tr(MARK_DONE if status == "done" else SET_STATUS))
        self.status = status
        self.previous: str | None = None

    def do(self) -> None:
        self.previous = self.layer.set_status(self.document_id, self.status)

    def undo_it(self) -> None:
        self.layer.set_status(self.document_id, self.previous)


def keep_in_step(stack: QUndoStack, refusals: Refusals) -> None:
    """After an undo (redo) failed in storage, move the stack back over that command without touching the
    database, once the stack has finished its step (hence queued)."""

    def step_back(command: LayerCommand, undoing: bool) -> None:
        at = stack.index()
        if undoing and stack.command(at) is command:
            stack.redo()
        elif not undoing and at > 0 and stack.command(at - 1) is command:
            stack.undo()
        else:
            command.skip = False

    refusals.step_back.connect(step_back, Qt.ConnectionType.QueuedConnection)
