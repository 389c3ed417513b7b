"""Room under every text line for the review view's annotator lanes.

QPlainTextEdit lays lines out edge to edge and ignores what QTextBlockFormat says about line height,
bottom margin or line distance (measured with Qt 6.11: the line positions do not move). Lanes drawn
inside a line's rectangle then cover the bottoms of its characters once there are three or more of
them. This layout keeps QPlainTextDocumentLayout's lazy, per-block work and only moves each laid-out
line down by ``room`` pixels per line before it: the text, the cursor, hit-testing and scrolling all
read line positions, so they follow, and the lanes get a band of their own below each line's glyphs.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTextBlock, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit

LANE = 3  # pixels per annotator lane: a 2-pixel bar and a 1-pixel gap
GAP = 2  # pixels between a line's glyph box and its first lane


def lanes_room(lanes: int) -> float:
    """The band under each line that ``lanes`` lanes need (none without lanes)."""
    return float(GAP + LANE * lanes) if lanes else 0.0


class LaneLayout(QPlainTextDocumentLayout):
    """A plain-text layout with ``room`` pixels of free band under every line (wrapped lines included)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.room = 0.0

    def set_room(self, room: float) -> None:
        """Change the band; the caller re-lays the text out (setting the text does)."""
        self.room = room

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        """The block's rectangle with its lines spread out; Qt lays a block out again (a new width, a new
        font) with its lines packed, so they are spread again the first time the block is asked for after it."""
        rect = super().blockBoundingRect(block)
        if not self.room or not block.isVisible():
            return rect
        layout = block.layout()
        count = layout.lineCount()
        if count > 1:
            first, second = layout.lineAt(0), layout.lineAt(1)
            if second.y() < first.y() + first.height() + self.room - 0.01:
                y = first.y()
                for i in range(count):
                    line = layout.lineAt(i)
                    line.setPosition(QPointF(line.position().x(), y))
                    y += line.height() + self.room
                rect = super().blockBoundingRect(block)
        return rect.adjusted(0, 0, 0, self.room)


def install_lane_layout(view: QPlainTextEdit) -> LaneLayout:
    """Give ``view`` a fresh document laid out by a :class:`LaneLayout`, keeping its font, margin and undo
    setting."""
    old = view.document()
    document = QTextDocument(view)
    layout = LaneLayout(document)
    document.setDocumentLayout(layout)
    document.setDocumentMargin(old.documentMargin())
    document.setUndoRedoEnabled(old.isUndoRedoEnabled())
    document.setDefaultFont(view.font())  # a new document takes the app's font, not the view's
    view.setDocument(document)
    return layout
