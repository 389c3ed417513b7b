"""Colours that stay readable whatever colour a label has and whichever scheme (light or dark) the system uses.

WCAG 2.x contrast: normal text needs a ratio of at least 4.5 against its background (level AA). A label button
takes black or white text, whichever contrasts more (one of them always reaches 4.5); a highlight behind the
text is made fainter until the view's own text colour reaches 4.5 on it. A label is also told by an underline
pattern of its own (:data:`PATTERNS`), never by its colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

AA = 4.5  # WCAG AA, normal text
BLACK, WHITE = QColor("#000000"), QColor("#ffffff")
# Underline patterns, one per label in the labels' order: pen style and whether the line is doubled.
PATTERNS: tuple[tuple[Qt.PenStyle, bool], ...] = tuple(
    (style, double) for double in (False, True)
    for style in (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine,
                  Qt.PenStyle.DashDotDotLine))


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two opaque colours, from 1 to 21."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background`` (at least 4.58:1 for any colour)."""
    return BLACK if contrast(BLACK, background) >= contrast(WHITE, background) else WHITE


def blend(colour: QColor, alpha: int, base: QColor) -> QColor:
    """``colour`` at ``alpha`` (0–255) painted over the opaque ``base``."""
    a = alpha / 255

    def mix(top: float, bottom: float) -> float:
        return top * a + bottom * (1 - a)

    return QColor.fromRgbF(mix(colour.redF(), base.redF()), mix(colour.greenF(), base.greenF()),
                           mix(colour.blueF(), base.blueF()))


def readable_fill(colour: QColor, alpha: int, base: QColor, text: QColor) -> QColor:
    """``colour`` at ``alpha`` or fainter, so that ``text`` on it over ``base`` keeps a contrast of 4.5
    (as long as the text reaches it on the bare base, which every usable palette does)."""
    while alpha > 0 and contrast(text, blend(colour, alpha, base)) < AA:
        alpha -= 5
    fill = QColor(colour)
    fill.setAlpha(max(alpha, 0))
    return fill


def pattern_of(position: int) -> tuple[Qt.PenStyle, bool]:
    """The underline pattern of the label at ``position`` in the labels' order (repeating after ten)."""
    return PATTERNS[position % len(PATTERNS)]
