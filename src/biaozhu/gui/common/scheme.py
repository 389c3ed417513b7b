"""Following the system's light or dark colour scheme (QStyleHints.colorScheme, and its changes while the app
runs). Where the platform reports dark but its style keeps a light palette (Fusion on many Linux desktops), the
app puts on a dark palette of its own; every colour the app paints over text is then checked against that
palette's text colour (``contrast.py``), so labels stay readable in both."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

Role = QPalette.ColorRole
DARK = {Role.Window: "#2b2b2b", Role.WindowText: "#e6e6e6", Role.Base: "#1e1e1e", Role.AlternateBase: "#262626",
        Role.Text: "#e6e6e6", Role.Button: "#353535", Role.ButtonText: "#e6e6e6", Role.ToolTipBase: "#3a3a3a",
        Role.ToolTipText: "#f0f0f0", Role.Highlight: "#2d6bc4", Role.HighlightedText: "#ffffff",
        Role.PlaceholderText: "#9a9a9a", Role.Link: "#7fb2ff", Role.BrightText: "#ff6b6b", Role.Light: "#4a4a4a",
        Role.Midlight: "#404040", Role.Mid: "#303030", Role.Dark: "#1a1a1a", Role.Shadow: "#000000"}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def apply_colour_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Dark: a dark palette unless the platform gave one already; light (or unknown) after our dark: the
    style's own palette back."""
    ours = getattr(app, "_biaozhu_dark", False)
    if scheme == Qt.ColorScheme.Dark and not is_dark(app.palette()):
        app.setPalette(dark_palette())
        app._biaozhu_dark = True  # type: ignore[attr-defined]
    elif scheme != Qt.ColorScheme.Dark and ours:
        app.setPalette(app.style().standardPalette())
        app._biaozhu_dark = False  # type: ignore[attr-defined]


def follow_colour_scheme(app: QApplication) -> None:
    """Take the system's scheme now and whenever it changes."""
    hints = app.styleHints()
    apply_colour_scheme(app, hints.colorScheme())
    hints.colorSchemeChanged.connect(lambda scheme: apply_colour_scheme(app, scheme))
