"""A label's colour as a small square icon, for tables and lists."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap


def colour_swatch(colour: str, size: int = 12) -> QIcon:
    """A square of the label's colour that keeps its colour on a selected row (Qt tints a bare QColor)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    painter = QPainter(pixmap)
    painter.setPen(QColor(colour).darker(150))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        icon.addPixmap(pixmap, mode)
    return icon
