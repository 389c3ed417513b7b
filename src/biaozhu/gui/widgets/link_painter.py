"""Links drawn over the text: arrows for the selected span's relations, number badges while one is being made.

Only the selected span's links are drawn (arcs for every relation of a long report would cover the text); an
arrow bends over the lines between its spans, from the top of one to the top of the other, its type's title
on it. Where the other span is off screen the arrow points to the edge it lies beyond. While the annotator
chooses the other end of a new link (R), each span it may go to carries the digit that picks it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QPlainTextEdit

from biaozhu.db.rows import SpanRow
from biaozhu.gui.widgets.positions import PositionMap
from biaozhu.gui.widgets.span_painter import SpanPainter

BADGE_FILL, BADGE_TEXT = QColor("#ffd60a"), QColor("#1d1d1d")  # black on yellow: 13:1, whatever the labels' fill
HEAD = 7.0  # the arrowhead's length in pixels
LIFT = 26.0  # how far an arrow between two spans of one line rises above it


@dataclass(frozen=True, slots=True)
class Arrow:
    """A link of the selected span; ``outgoing``: the selected span is its source. The caption sits near the
    other span, so that the selected span's own arrows never pile their titles up on it."""

    source: SpanRow
    target: SpanRow
    caption: str
    outgoing: bool = True


@dataclass(frozen=True, slots=True)
class Badge:
    """A digit on a span; ``linked``: pressing it deletes the link that is there already."""

    span: SpanRow
    key: str
    linked: bool


class LinkPainter:
    """Draws :class:`Arrow` and :class:`Badge` over a QPlainTextEdit's viewport, after the text."""

    def __init__(self, view: QPlainTextEdit, spans: SpanPainter) -> None:
        self.view = view
        self.spans = spans
        self.arrows: list[Arrow] = []
        self.badges: list[Badge] = []

    def active(self) -> bool:
        return bool(self.arrows or self.badges)

    def _box(self, positions: PositionMap, span: SpanRow) -> QRectF | None:
        """The first on-screen rectangle of a span, None when none of it is on screen."""
        return next(iter(self.spans.areas(positions, [(span.start, span.end)])), None)

    def _anchor(self, positions: PositionMap, span: SpanRow, towards: QRectF | None) -> tuple[QPointF, bool]:
        """Where an arrow meets a span (the top middle of it), or the viewport's edge beyond which it lies;
        whether it is on screen."""
        box = self._box(positions, span)
        if box is not None:
            return QPointF(box.center().x(), box.top() + 1), True
        first = positions.to_cp(self.view.cursorForPosition(self.view.viewport().rect().topLeft()).position())
        x = towards.center().x() if towards is not None else self.view.viewport().width() / 2
        return QPointF(x, 2.0 if span.end <= first else self.view.viewport().height() - 2.0), False

    def paint(self, painter: QPainter, positions: PositionMap) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.view.palette()
        colour = palette.color(QPalette.ColorRole.Highlight)
        placed: list[QRectF] = []
        for arrow in self.arrows:
            self._arrow(painter, positions, arrow, colour, palette, placed)
        for badge in self.badges:
            self._badge(painter, positions, badge, colour)
        painter.restore()

    def _arrow(self, painter: QPainter, positions: PositionMap, arrow: Arrow, colour: QColor,
               palette: QPalette, placed: list[QRectF]) -> None:
        source_box, target_box = self._box(positions, arrow.source), self._box(positions, arrow.target)
        if source_box is None and target_box is None:
            return
        start, _ = self._anchor(positions, arrow.source, target_box)
        end, _ = self._anchor(positions, arrow.target, source_box)
        # Up from the source, over, and down into the target: the ends stay clear of the text beside them.
        lift = LIFT if abs(start.y() - end.y()) < 4 else LIFT * 0.7
        control = QPointF(end.x(), max(end.y() - lift, 4.0))
        path = QPainterPath(start)
        path.cubicTo(QPointF(start.x(), max(start.y() - lift, 4.0)), control, end)
        painter.setPen(QPen(colour, 1.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        angle = math.atan2(end.y() - control.y(), end.x() - control.x())
        head = QPolygonF([end, end - QPointF(HEAD * math.cos(angle - 0.45), HEAD * math.sin(angle - 0.45)),
                          end - QPointF(HEAD * math.cos(angle + 0.45), HEAD * math.sin(angle + 0.45))])
        painter.setBrush(colour)
        painter.drawPolygon(head)
        at = path.pointAtPercent(0.75 if arrow.outgoing else 0.25)
        self._caption(painter, at, arrow.caption, colour, palette, placed)

    def _caption(self, painter: QPainter, at: QPointF, text: str, colour: QColor, palette: QPalette,
                 placed: list[QRectF]) -> None:
        """The type's title in a box on the arrow, moved up past the titles already drawn."""
        font = QFont(self.view.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.7))
        metrics = QFontMetricsF(font)
        box = QRectF(0, 0, metrics.horizontalAdvance(text) + 8, metrics.height() + 2)
        box.moveCenter(at)
        while any(box.intersects(other) for other in placed):
            box.translate(0, -box.height() - 1)
        placed.append(box)
        background = QColor(palette.color(QPalette.ColorRole.Base))
        background.setAlpha(235)
        painter.setFont(font)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(background)
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _badge(self, painter: QPainter, positions: PositionMap, badge: Badge, colour: QColor) -> None:
        box = self._box(positions, badge.span)
        if box is None:
            return
        font = QFont(self.view.font())
        font.setBold(True)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.75))
        metrics = QFontMetricsF(font)
        size = metrics.height()
        mark = QRectF(box.left() - size * 0.4, box.top() - size * 0.55, max(size, metrics.horizontalAdvance(
            badge.key) + 6), size)
        painter.setFont(font)
        painter.setPen(QPen(BADGE_TEXT, 1))
        painter.setBrush(colour if badge.linked else BADGE_FILL)  # linked: its digit unlinks, in the link's colour
        painter.drawRoundedRect(mark, size / 2, size / 2)
        painter.setPen(self.view.palette().color(QPalette.ColorRole.HighlightedText) if badge.linked else BADGE_TEXT)
        painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, badge.key)
