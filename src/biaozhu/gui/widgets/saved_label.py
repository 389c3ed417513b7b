"""The status bar's 已保存 12:03:41: when this app last committed something to the project, so an analyst sees
that every action is stored the moment it happens."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QLabel, QWidget

from biaozhu.gui.common.changes import Change
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.wording import fill


class SavedLabel(QLabel):
    """Empty until the first commit of this app, then the time of the latest one."""

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saved-at")
        self.setTextFormat(Qt.TextFormat.PlainText)
        runner.saved.connect(self.mark)
        runner.bus.changed.connect(self._on_change)  # writes made on a worker thread (an import) publish only

    def mark(self) -> None:
        self.setText(fill(self.tr("Saved %1"), QTime.currentTime().toString("HH:mm:ss")))

    def _on_change(self, change: Change) -> None:
        if not change.external:
            self.mark()
