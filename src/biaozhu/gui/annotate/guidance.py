"""The guide in the annotation window: a dock (指南) that F1 opens at the selected span's label, and a reviewer's
pins: Ctrl+G pins the selected span as a good example of its label, Ctrl+B as a bad one (the same key again
unpins it). A pin is an undo step that writes the database, like every edit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QMenuBar

from biaozhu.gui.common.keys import ActionSet
from biaozhu.gui.dialogs.guide import GuidePanel, pin_with_undo
from biaozhu.gui.widgets.docks import add_tab_panel

if TYPE_CHECKING:
    from biaozhu.gui.annotate.window import MainWindow

class Guidance(QObject):
    """The guide dock and the pin keys of one annotation window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = GuidePanel(window.runner, window)
        self.dock = add_tab_panel(window, self.tr("Guide"), "guide-dock", self.panel, "spans-dock")
        self.dock.visibilityChanged.connect(self.panel.shown)

    def add_actions(self, actions: ActionSet, menu_bar: QMenuBar) -> QMenu:
        """F1 (the guide at the selected span's label) anywhere; the pin keys while the text has the focus."""
        menu = menu_bar.addMenu(self.tr("G&uide"))
        menu.addAction(actions.add("guide", self.tr("Guide for this label"), "F1", self.open_guide))
        view = [self.window.view]
        menu.addAction(actions.add("pin-good", self.tr("Pin as a good example"), "Ctrl+G",
                                   lambda: self.pin_selected("good"), on=view))
        menu.addAction(actions.add("pin-bad", self.tr("Pin as a bad example"), "Ctrl+B",
                                   lambda: self.pin_selected("bad"), on=view))
        menu.addAction(actions.add("edit-guideline", self.tr("Edit the project guideline…"), "",
                                   self.panel.edit_guideline))
        return menu

    def open_guide(self) -> None:
        span = self.window.selected_span()
        self.dock.show()
        self.dock.raise_()
        self.panel.show_label(span.label_id if span is not None else None)

    def pin_selected(self, verdict: str) -> None:
        """Pin the selected span as ``verdict``; pinned so already, unpin it."""
        window = self.window
        span = window.selected_span()
        document_id = window.layer.document_id
        if span is None or document_id is None:
            window.say(self.tr("Select a span to pin it as an example."))
            return
        said = pin_with_undo(window.runner, window.history, window.annotator, document_id,
                             window.layer.handle(span.id), span.text, verdict)
        if said:
            window.say(said)
