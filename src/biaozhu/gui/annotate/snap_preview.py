"""While a selection is being made, a dashed outline shows where the span will go when a label key is pressed:
trimmed of spaces and punctuation and grown to word boundaries (the same computation as tagging), so the
analyst sees what snapping does before it does it."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from biaozhu.gui.annotate.editing import SpanEditing

LONGEST = 300  # longer selections are not previewed: snapping looks at the whole selection, and it is a drag


class SnapPreview(QObject):
    """Keeps the view's preview outline on the range :meth:`SpanEditing.target_range` would tag."""

    def __init__(self, editing: SpanEditing, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editing = editing
        self._timer = QTimer(self, singleShot=True, interval=0)  # once per burst of selection changes
        self._timer.timeout.connect(self.update)
        editing.view.selectionChanged.connect(self._timer.start)
        editing.snapping.changed.connect(self._timer.start)

    def update(self) -> None:
        view = self.editing.view
        start, end = view.selection()
        target = None
        if 0 < end - start <= LONGEST:
            target = self.editing.target_range()
            if target == (start, end):
                target = None
        if target != view.painter.preview:
            shown = [r for r in (view.painter.preview, target) if r is not None]
            view.painter.preview = target
            view.repaint_ranges(shown)
