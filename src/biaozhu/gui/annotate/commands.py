"""Every edit of the annotator's layer is a :class:`StoredCommand` (``common/undo.py``: one transaction per
redo and per undo, one failure rule for both windows) that changes the :class:`Layer`, never the widgets."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from biaozhu.db.rows import SpanRow
from biaozhu.gui.annotate.layer import Layer, SpanHandle
from biaozhu.gui.common.undo import History, StoredCommand
from biaozhu.gui.common.wording import fill, short

# The commands' names, as the Edit menu's Undo/Redo items show them.
TAG = QT_TRANSLATE_NOOP("Commands", "tag “%1” as %2")
RELABEL = QT_TRANSLATE_NOOP("Commands", "relabel “%1” as %2")
DELETE = QT_TRANSLATE_NOOP("Commands", "delete “%1”")
RESIZE = QT_TRANSLATE_NOOP("Commands", "resize “%1”")
SET_VALUE = QT_TRANSLATE_NOOP("Commands", "set the value of “%1”")
TAG_ALL = QT_TRANSLATE_NOOP("Commands", "tag all “%1” (%2)")
MARK_DONE = QT_TRANSLATE_NOOP("Commands", "mark done")
SET_STATUS = QT_TRANSLATE_NOOP("Commands", "set status")


def _name(template: object, *values: object) -> str:
    """A command's name in the UI language, with %1, %2… filled in (``template`` is one marked above)."""
    return fill(QCoreApplication.translate("Commands", str(template)), *values)


class LayerCommand(StoredCommand):
    document_id: int  # an edit of the layer is always in one document (tag-all: where it was started)

    def __init__(self, layer: Layer, history: History, document_id: int, name: str) -> None:
        super().__init__(history, name, document_id)
        self.layer = layer


class SpanCommand(LayerCommand):
    """An edit of one span, known by its handle (its id changes when a deletion is undone)."""

    handle: SpanHandle


class AddSpan(SpanCommand):
    def __init__(self, layer: Layer, history: History, document_id: int, label_id: int, label_caption: str,
                 start: int, end: int, span_text: str) -> None:
        super().__init__(layer, history, document_id, _name(TAG, short(span_text, 16), label_caption))
        self.handle = SpanHandle(None)
        self.label_id, self.start, self.end, self.span_text = label_id, start, end, span_text

    def do(self) -> None:
        self.layer.add(self.document_id, self.handle, self.label_id, self.start, self.end, self.span_text)

    def undo_it(self) -> None:
        self.layer.remove(self.document_id, self.handle)


class RelabelSpan(SpanCommand):
    def __init__(self, layer: Layer, history: History, document_id: int, span: SpanRow, label_id: int,
                 label_caption: str) -> None:
        super().__init__(layer, history, document_id, _name(RELABEL, short(span.text, 16), label_caption))
        self.handle = layer.handle(span.id)
        self.label_id = label_id
        self.old_label_id = span.label_id

    def do(self) -> None:
        self.old_label_id = self.layer.relabel(self.document_id, self.handle, self.label_id)

    def undo_it(self) -> None:
        self.layer.relabel(self.document_id, self.handle, self.old_label_id)


class DeleteSpan(SpanCommand):
    def __init__(self, layer: Layer, history: History, document_id: int, span: SpanRow) -> None:
        super().__init__(layer, history, document_id, _name(DELETE, short(span.text, 16)))
        self.handle = layer.handle(span.id)
        self.trash_id: int | None = None

    def do(self) -> None:
        self.trash_id = self.layer.trash(self.document_id, self.handle)

    def undo_it(self) -> None:
        assert self.trash_id is not None
        self.layer.restore(self.document_id, self.handle, self.trash_id)


class ResizeSpan(SpanCommand):
    def __init__(self, layer: Layer, history: History, document_id: int, span: SpanRow, start: int, end: int,
                 span_text: str) -> None:
        super().__init__(layer, history, document_id, _name(RESIZE, short(span_text, 16)))
        self.handle = layer.handle(span.id)
        self.new = (start, end, span_text)
        self.old = (span.start, span.end, span.text)
        self.old_values: dict[str, object] | None = None

    def do(self) -> None:
        self.old_values = self.layer.resize(self.document_id, self.handle, *self.new)

    def undo_it(self) -> None:
        self.layer.resize(self.document_id, self.handle, *self.old, values=self.old_values)  # a hand-set value too


class SetValue(SpanCommand):
    """A METRIC span's value set by hand (V): value, top of a range, unit, qualifier."""

    def __init__(self, layer: Layer, history: History, document_id: int, span: SpanRow, value: str,
                 value_max: str | None, unit: str, qualifier: str) -> None:
        super().__init__(layer, history, document_id, _name(SET_VALUE, short(span.text, 16)))
        self.handle = layer.handle(span.id)
        self.new = (value, value_max, unit, qualifier)
        self.old_values: dict[str, object] = {}

    def do(self) -> None:
        self.old_values = self.layer.set_value(self.document_id, self.handle, *self.new)

    def undo_it(self) -> None:
        self.layer.restore_value(self.document_id, self.handle, self.old_values)


class TagAll(LayerCommand):
    """All occurrences of a text tagged at once: one transaction, one undo step."""

    def __init__(self, layer: Layer, history: History, document_id: int, label_id: int, span_text: str,
                 ranges: list[tuple[int, int, int]]) -> None:
        super().__init__(layer, history, document_id, _name(TAG_ALL, short(span_text, 16), len(ranges)))
        self.label_id, self.span_text, self.ranges = label_id, span_text, ranges
        self.made: list[tuple[int, int]] = []

    def do(self) -> None:
        self.made = self.layer.add_many(self.label_id, self.span_text, self.ranges)

    def undo_it(self) -> None:
        self.layer.remove_many(self.made)
        self.made = []


class SetStatus(LayerCommand):
    def __init__(self, layer: Layer, history: History, document_id: int, status: str | None) -> None:
        super().__init__(layer, history, document_id, _name(MARK_DONE if status == "done" else SET_STATUS))
        self.status = status
        self.previous: str | None = None

    def do(self) -> None:
        self.previous = self.layer.set_status(self.document_id, self.status)

    def undo_it(self) -> None:
        self.layer.set_status(self.document_id, self.previous)
