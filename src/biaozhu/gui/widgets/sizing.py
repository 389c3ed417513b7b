"""Windows and dialogs no larger than the screen they open on: a 1366×768 laptop shows a dialog's buttons."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

ROOM = 0.95  # of the screen's available area, leaving the window frame and title bar in sight


def fit_screen(widget: QWidget, wanted: QSize | None = None) -> None:
    """Resize ``widget`` to ``wanted`` (its present size when None), bounded by the available screen area."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    size = wanted or widget.size()
    if screen is not None:
        size = size.boundedTo(screen.availableGeometry().size() * ROOM)
    widget.resize(size)


def restore_geometry(window: QWidget, key: str) -> None:
    """Put ``window`` where and as large as it was when it closed (QSettings ``key``/geometry); on a first start,
    fitted to the screen (a small screen, 1366×768, gets a window that fits it)."""
    geometry = QSettings().value(f"{key}/geometry")
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
        fit_screen(window)
