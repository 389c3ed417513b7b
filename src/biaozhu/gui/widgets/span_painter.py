"""Painting spans behind the text of the visible lines, instead of formatting them into the document.

Measured here: a QSyntaxHighlighter must re-lay out a whole block to change one span's colour, which
takes ~0.5 s on a 1 MB paragraph without line breaks. Backgrounds do not change the layout, so the view
paints them itself: only the lines on screen, and only the spans that overlap them (a bisection in the
:class:`SpanIndex`), so adding a span costs one repaint of the viewport whatever the document's shape.

Nesting shows as boxes inside boxes: an inner span is drawn inset and in a deeper shade, over its parent.
Each span is underlined with its label's pattern (colour is never the only clue) and its fill is kept faint
enough for the text to keep WCAG AA contrast over the view's background, in a light or a dark scheme.
A selection being made shows, as a dashed outline, where word snapping will put the span. Suggestions are
dashed outlines in their label's colour, never filled, the one being decided drawn thicker (over its range as
the annotator has corrected it). A span with comments carries a dot on its top right corner, filled while a
thread is open.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import cast

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QTextBlock, QTextLine
from PySide6.QtWidgets import QPlainTextEdit

from biaozhu.db.rows import SpanRow
from biaozhu.gui.common.contrast import pattern_of, readable_fill
from biaozhu.gui.widgets.positions import PositionMap
from biaozhu.gui.widgets.span_index import SpanIndex

INSET = 2.5  # pixels each nesting level is drawn inside its parent
BADGE = 3.5  # radius of a commented span's dot
OPEN_BADGE, RESOLVED_BADGE = QColor("#e76f51"), QColor("#8a8a8a")


class _Lines:
    """A block's layout lines as a sequence (for bisecting by y)."""

    def __init__(self, block: QTextBlock) -> None:
        self.layout = block.layout()
        self.count = self.layout.lineCount()

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, i: int) -> float:
        return self.layout.lineAt(i).y()


def visible_lines(view: QPlainTextEdit, area: QRectF | None = None) -> Iterator[
        tuple[QTextBlock, float, list[QTextLine]]]:
    """Each block on screen with its top (viewport y) and only its lines within ``area`` (default: the viewport)."""
    low = area.top() if area is not None else 0.0
    high = area.bottom() if area is not None else float(view.viewport().height())
    offset = view.contentOffset()
    block = view.firstVisibleBlock()
    while block.isValid():
        top = view.blockBoundingGeometry(block).translated(offset).top()
        if top > high:
            break
        if block.isVisible():
            lines = _Lines(block)
            first = max(0, bisect_right(lines, low - top) - 1)
            last = bisect_right(lines, high - top)
            yield block, top, [lines.layout.lineAt(i) for i in range(first, min(last, lines.count))]
        block = block.next()


def x_of(line: QTextLine, position: int) -> float:
    """The x of a UTF-16 position on a line (PySide6 returns it with the position, as a tuple)."""
    return cast(tuple[float, int], line.cursorToX(position))[0]


def range_rects(top: float, lines: list[QTextLine], q_start: int, q_end: int) -> Iterator[QRectF]:
    """Rectangles covering block-relative UTF-16 range ``[q_start, q_end)`` on the given lines."""
    for line in lines:
        line_start = line.textStart()
        line_end = line_start + line.textLength()
        if q_end <= line_start or q_start >= line_end:
            continue
        x1 = x_of(line, max(q_start, line_start))
        x2 = x_of(line, min(q_end, line_end))
        yield QRectF(min(x1, x2), top + line.y(), abs(x2 - x1), line.height())


def draw_pattern(painter: QPainter, left: QPointF, right: QPointF, colour: QColor,
                 pattern: tuple[Qt.PenStyle, bool]) -> None:
    """A label's underline from ``left`` to ``right``: its pen style, doubled for the second five labels."""
    style, double = pattern
    painter.save()
    painter.setPen(QPen(colour, 1.5, style, Qt.PenCapStyle.FlatCap))
    painter.drawLine(left, right)
    if double:
        painter.drawLine(left + QPointF(0, -3), right + QPointF(0, -3))
    painter.restore()


def draw_badge(painter: QPainter, centre: QPointF, still_open: bool, radius: float = BADGE) -> None:
    """A commented span's mark: a dot, filled while one of its threads is open."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = OPEN_BADGE if still_open else RESOLVED_BADGE
    painter.setPen(QPen(colour.darker(140), 1))
    painter.setBrush(colour if still_open else Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, radius, radius)
    painter.restore()


class SpanPainter:
    """Draws the spans of a :class:`SpanIndex` on a QPlainTextEdit's viewport."""

    def __init__(self, view: QPlainTextEdit) -> None:
        self.view = view
        self._colours: dict[int, QColor] = {}
        self.patterns: dict[int, tuple[Qt.PenStyle, bool]] = {}
        self.preview: tuple[int, int] | None = None  # where snapping will put the selection, when it differs
        self.suggested = SpanIndex()  # the suggestions shown (empty when hidden)
        self.current: SpanRow | None = None  # the suggestion being decided, with its corrected range
        self.comment_marks: dict[int, tuple[int, int]] = {}  # span id → (comment threads, open ones)

    @property
    def colours(self) -> dict[int, QColor]:
        return self._colours

    @colours.setter
    def colours(self, colours: dict[int, QColor]) -> None:
        """The labels' colours in the labels' order, which also gives each label its underline pattern."""
        self._colours = colours
        self.patterns = {label_id: pattern_of(position) for position, label_id in enumerate(colours)}

    def _chains(self, spans: list[SpanRow]) -> Iterator[tuple[SpanRow, int]]:
        """Spans (outer first) with their nesting depth among the given ones."""
        open_: list[SpanRow] = []
        for span in spans:
            while open_ and open_[-1].end <= span.start:
                open_.pop()
            yield span, len(open_)
            open_.append(span)

    def paint(self, painter: QPainter, index: SpanIndex, positions: PositionMap, selected: int | None,
              area: QRectF) -> None:
        """Paint the spans on the lines inside ``area`` (the part of the viewport being repainted)."""
        outline: list[QRectF] = []
        preview: list[QRectF] = []
        badges: dict[int, QRectF] = {}  # a commented span's last piece on screen: its badge goes there
        dashed: list[tuple[QColor, float, QRectF]] = []
        palette = self.view.palette()
        base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        for block, top, lines in visible_lines(self.view, area):
            if not lines:
                continue
            q_block = block.position()
            q_from = q_block + lines[0].textStart()
            q_to = q_block + lines[-1].textStart() + lines[-1].textLength()
            cp_from, cp_to = positions.to_cp(q_from), positions.to_cp(q_to)
            if self.preview is not None and self.preview[0] < max(cp_to, cp_from + 1) and self.preview[1] > cp_from:
                preview.extend(range_rects(top, lines, positions.to_qt(self.preview[0]) - q_block,
                                           positions.to_qt(self.preview[1]) - q_block))
            for span, depth in self._chains(index.overlapping(cp_from, max(cp_to, cp_from + 1))):
                colour = self._colours.get(span.label_id, QColor("#cccccc"))
                fill = readable_fill(colour.darker(100 + 12 * depth) if depth else colour, 120 if depth == 0 else 210,
                                     base, text)
                pattern = self.patterns.get(span.label_id, pattern_of(0))
                q_start = positions.to_qt(span.start) - q_block
                q_end = positions.to_qt(span.end) - q_block
                for rect in range_rects(top, lines, q_start, q_end):
                    inset = INSET * depth
                    box = rect.adjusted(0, inset, 0, -inset)
                    painter.fillRect(box, fill)
                    draw_pattern(painter, QPointF(box.left(), box.bottom() - 1), QPointF(box.right(), box.bottom() - 1),
                                 text, pattern)
                    if depth:  # a nested span gets a frame of its own, so it reads as a box inside a box
                        painter.setPen(QPen(colour.darker(160), 1))
                        painter.drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5))
                    if span.id == selected:
                        outline.append(box)
                    if span.id in self.comment_marks:
                        badges[span.id] = box
            current = self.current
            for suggestion in self.suggested.overlapping(cp_from, max(cp_to, cp_from + 1)):
                if current is None or suggestion.id != current.id:
                    dashed += self._dashed(suggestion, 1.5, top, lines, q_block, positions)
            if current is not None and current.start < max(cp_to, cp_from + 1) and current.end > cp_from:
                dashed += self._dashed(current, 3.0, top, lines, q_block, positions)
        if outline:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.SolidLine))
            for box in outline:
                painter.drawRect(box.adjusted(1, 1, -1, -1))
        if preview:
            painter.setPen(QPen(text, 2, Qt.PenStyle.DashLine))
            for box in preview:
                painter.drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5))
        for colour, width, box in dashed:
            painter.setPen(QPen(colour, width, Qt.PenStyle.DashLine))
            painter.drawRect(box.adjusted(1, 1, -1, -1))
        for span_id, box in badges.items():
            draw_badge(painter, QPointF(box.right() - 1, box.top() + 2), self.comment_marks[span_id][1] > 0)

    def _dashed(self, suggestion: SpanRow, width: float, top: float, lines: list[QTextLine], q_block: int,
                positions: PositionMap) -> Iterator[tuple[QColor, float, QRectF]]:
        colour = self._colours.get(suggestion.label_id, QColor("#888888"))
        for rect in range_rects(top, lines, positions.to_qt(suggestion.start) - q_block,
                                positions.to_qt(suggestion.end) - q_block):
            yield colour, width, rect

    def areas(self, positions: PositionMap, ranges: list[tuple[int, int]]) -> Iterator[QRectF]:
        """Where on screen the code point ranges are, for repainting only what an edit changed."""
        for block, top, lines in visible_lines(self.view):
            q_block = block.position()
            for start, end in ranges:
                yield from range_rects(top, lines, positions.to_qt(start) - q_block, positions.to_qt(end) - q_block)
