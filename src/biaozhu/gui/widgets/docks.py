"""The side panels of both windows: a document list on the left, a table on the right, each in a dock named for
the layout to be saved and found again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

Feature = QDockWidget.DockWidgetFeature


def add_side_panels(window: QMainWindow, left: tuple[str, QWidget, str], right: tuple[str, QWidget, str],
                    widths: tuple[int, int], *, closable: bool) -> tuple[QDockWidget, QDockWidget]:
    """Dock ``(title, panel, object name)`` left and right of ``window``'s text, at these widths."""
    docks = []
    for (title, panel, name), area in ((left, Qt.DockWidgetArea.LeftDockWidgetArea),
                                       (right, Qt.DockWidgetArea.RightDockWidgetArea)):
        dock = QDockWidget(title, window)
        dock.setObjectName(name)
        dock.setWidget(panel)
        closing = Feature.DockWidgetClosable if closable else Feature.NoDockWidgetFeatures
        dock.setFeatures(Feature.DockWidgetMovable | closing)
        window.addDockWidget(area, dock)
        docks.append(dock)
    window.resizeDocks(docks, list(widths), Qt.Orientation.Horizontal)
    return docks[0], docks[1]


def add_tab_panel(window: QMainWindow, title: str, name: str, panel: QWidget, beside: str) -> QDockWidget:
    """A closable panel on the right as a tab beside the dock named ``beside`` (which stays in front): the guide
    and comments share the side of the span table instead of squeezing it."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(panel)
    dock.setFeatures(Feature.DockWidgetMovable | Feature.DockWidgetClosable)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    other = window.findChild(QDockWidget, beside)
    if other is not None:
        window.tabifyDockWidget(other, dock)
        other.raise_()
    return dock
