"""The app follows the system's colour scheme: dark puts on a dark palette (unless the platform gave one), light
takes the style's own back; label colours are checked against both in ``annotate/test_layout.py``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from biaozhu.gui.common.contrast import AA, contrast
from biaozhu.gui.common.scheme import apply_colour_scheme, is_dark


def test_dark_then_light_switches_the_palette_and_back(qapp: QApplication) -> None:
    assert not is_dark(qapp.palette())
    try:
        apply_colour_scheme(qapp, Qt.ColorScheme.Dark)
        palette = qapp.palette()
        assert is_dark(palette)
        for text, ground in ((QPalette.ColorRole.Text, QPalette.ColorRole.Base),
                             (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
                             (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
                             (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight)):
            assert contrast(palette.color(text), palette.color(ground)) >= AA
    finally:
        apply_colour_scheme(qapp, Qt.ColorScheme.Light)
    assert not is_dark(qapp.palette())
    apply_colour_scheme(qapp, Qt.ColorScheme.Unknown)  # nothing said: nothing changes
    assert not is_dark(qapp.palette())
