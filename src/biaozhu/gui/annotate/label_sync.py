"""The annotation window follows the project's labels: a label added, renamed, recoloured, rebound, moved or
deleted (in the 标签… dialog of any window, or by another program, which the poller notices) shows at once in
the label bar, the Annotate menu and its hotkeys, the colours of the text and the span table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.label_infos import reread_labels
from biaozhu.gui.widgets.label_bar import LabelBar

if TYPE_CHECKING:  # the labels dialog is imported when first opened
    from biaozhu.gui.annotate.window import MainWindow
    from biaozhu.gui.dialogs.labels import LabelsDialog


class LabelSync(QObject):
    """Reads the labels again on every change that may concern them; rebuilds only when they differ."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: LabelsDialog | None = None
        window.runner.bus.changed.connect(self._on_change)

    def open_dialog(self) -> LabelsDialog:
        """Ctrl+L: one dialog for the window's lifetime, read again each time it is shown."""
        from biaozhu.gui.dialogs.labels import show_labels_dialog

        self.dialog = show_labels_dialog(self.dialog, self.window.runner, self.window.annotator, self.window)
        return self.dialog

    def _on_change(self, change: Change) -> None:
        if change.what & Changed.LABELS:
            self.follow()

    def follow(self) -> None:
        if reread_labels(self.window.runner, self.window.labels, self.window.say):
            self.show_labels()

    def show_labels(self) -> None:
        """The window's labels changed: a new label bar, the label keys and the colours follow."""
        window = self.window
        old = window.label_bar
        centre = old.parentWidget()
        layout = centre.layout() if centre is not None else None
        assert layout is not None
        bar = window.label_bar = LabelBar(window.labels.labels, centre)
        bar.label_clicked.connect(window.editing.apply_label)
        layout.replaceWidget(old, bar)
        old.deleteLater()
        bar.set_counts(window.layer.index.count_by_label())
        window.actions_.set_label_actions()
        window.view.painter.colours = window.labels.colours()
        window.view.viewport().update()
