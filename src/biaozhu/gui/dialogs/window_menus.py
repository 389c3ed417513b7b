"""What both windows' View and Help menus hold beyond zoom: every panel can be shown again, the layout can be
reset, and it is remembered (QSettings, per window); Help lists every key (Shift+F1), opens the guide panel at its
top (F1 opens it at the selected span's label), and says which biaozhu and which project this is. The window's own
menus stay in its ``actions.py``; this adds to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMessageBox

from biaozhu import __version__
from biaozhu.gui.common.keys import ActionSet
from biaozhu.gui.common.project import project_location
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.wording import fill
from biaozhu.gui.dialogs.guide import GuidePanel
from biaozhu.gui.widgets.sizing import restore_geometry

if TYPE_CHECKING:  # imported when first shown: the first window does without them
    from biaozhu.gui.dialogs.keys_help import KeysDialog

# Raised when panels are added: a layout saved before knows nothing of them and stacked them under the others
# (the guide and comments docks in 2026-12), so an older saved layout gives way to the default one.
LAYOUT_VERSION = 2


def docks_of(window: QMainWindow) -> list[QDockWidget]:
    """The window's panels: its own children (a recursive search wrapped every widget of the window for Python,
    28 ms of the annotation window's start)."""
    return window.findChildren(QDockWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)


class WindowLayout(QObject):
    """Saves a window's geometry and panels when it closes and restores them when it opens; remembers the
    layout it was built with, for 重置布局."""

    def __init__(self, window: QMainWindow, key: str) -> None:
        super().__init__(window)
        self.window, self.key = window, key
        self.default_state = window.saveState()
        if not window.isVisible():  # shown already (from its first look): where the person may have moved it
            restore_geometry(window, key)
        state = QSettings().value(f"{key}/state")
        # the panels keep their widths (in the saved or the default layout) when the window was made smaller
        if not (isinstance(state, QByteArray) and window.restoreState(state, LAYOUT_VERSION)):
            window.restoreState(self.default_state)
        window.installEventFilter(self)

    def save(self) -> None:
        settings = QSettings()
        settings.setValue(f"{self.key}/geometry", self.window.saveGeometry())
        settings.setValue(f"{self.key}/state", self.window.saveState(LAYOUT_VERSION))

    def reset(self) -> None:
        """Every panel back where it started, shown."""
        self.window.restoreState(self.default_state)
        for dock in docks_of(self.window):
            dock.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.save()
        return False


class WindowMenus(QObject):
    """Panels, reset layout and the Help menu of ``window``, whose View menu is ``view_menu``; ``key`` names its
    saved layout; the About box names the project ``runner`` works on."""

    def __init__(self, actions: ActionSet, window: QMainWindow, view_menu: QMenu, key: str,
                 runner: ActionRunner) -> None:
        super().__init__(window)
        self.window, self.runner, self.project = window, runner, project_location(runner.sessions)
        self.layout = WindowLayout(window, key)
        self.keys_dialog: KeysDialog | None = None
        self.about_box: QMessageBox | None = None
        view_menu.addSeparator()
        panels = view_menu.addMenu(self.tr("Panels"))
        for dock in docks_of(window):
            panels.addAction(dock.toggleViewAction())
        view_menu.addAction(actions.add("reset-layout", self.tr("Reset layout"), "", self.layout.reset))
        help_menu = window.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(actions.add("keys-help", self.tr("Keyboard shortcuts…"), "Shift+F1",
                                        self.show_keys))
        help_menu.addAction(actions.add("label-guide", self.tr("Annotation guide…"), "", self.show_guide))
        help_menu.addAction(actions.add("about", self.tr("About biaozhu"), "", self.show_about))

    def show_keys(self) -> None:
        if self.keys_dialog is None:
            from biaozhu.gui.dialogs.keys_help import KeysDialog

            self.keys_dialog = KeysDialog(self.window)
        self.keys_dialog.reload()
        self.keys_dialog.show()
        self.keys_dialog.activateWindow()

    def show_guide(self) -> None:
        """The window's guide panel, in front, at the project guideline and then every label's."""
        dock = self.window.findChild(QDockWidget, "guide-dock")
        if dock is None:
            return
        dock.show()
        dock.raise_()
        panel = dock.widget()
        if isinstance(panel, GuidePanel):
            panel.show_label(None)

    def show_about(self) -> None:
        if self.about_box is None:
            self.about_box = QMessageBox(QMessageBox.Icon.Information, self.tr("About biaozhu"), "",
                                         QMessageBox.StandardButton.Ok, self.window)
            self.about_box.setTextFormat(Qt.TextFormat.PlainText)  # the project's path is data
        self.about_box.setText(fill(self.tr("biaozhu 标注 %1: span annotation for Chinese reports.\n"
                                            "Project: %2\nPySide6 %3"), __version__, self.project, pyside_version))
        self.about_box.open()

