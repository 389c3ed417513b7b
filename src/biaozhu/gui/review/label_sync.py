"""Review mode follows the project's labels as the annotation window does: a label added, renamed, recoloured,
rebound or deleted anywhere shows in the gold colours, the Ctrl+key entries and the open comparison at once;
Ctrl+L opens the same labels dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.label_infos import reread_labels

if TYPE_CHECKING:  # the labels dialog is imported when first opened
    from biaozhu.gui.dialogs.labels import LabelsDialog
    from biaozhu.gui.review.window import ReviewWindow


class ReviewLabelSync(QObject):
    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: LabelsDialog | None = None
        window.runner.bus.changed.connect(self._on_change)

    def open_dialog(self) -> LabelsDialog:
        """Ctrl+L, as in the annotation window: the labels' changes reach both windows through the bus."""
        from biaozhu.gui.dialogs.labels import show_labels_dialog

        self.dialog = show_labels_dialog(self.dialog, self.window.runner, self.window.reviewer, self.window)
        return self.dialog

    def _on_change(self, change: Change) -> None:
        if not change.what & Changed.LABELS:
            return
        window = self.window
        if not reread_labels(window.runner, window.labels, window.say):
            return
        window.colours = window.labels.colours()
        window.label_ids = {label.name: label.id for label in window.labels}
        by_name = window.actions_.by_name
        for action in window.gold_edits.label_actions:
            by_name.pop(action.objectName(), None)
        window.gold_edits.follow_labels()
        by_name.update((action.objectName(), action) for action in window.gold_edits.label_actions)
        if window.document is not None:
            window.open_document(window.document.id, agreed_into_gold=False)
