"""The review view: the document's text with the gold layer as the background highlight, one lane per
annotator in a band under each line (a bar in the label's colour for each of their spans, never over the
characters: see ``lanes.py``), and the disagreements marked: hatched in their kind's colour while open,
outlined once decided, the current one framed (line and lanes together). A commented span has a dot at the end of
its lane's bar (a gold one on its top right corner), filled while a thread is open.

Like the annotation view it paints only the lines on screen and only the spans overlapping them (each
layer and the disagreements are kept in a :class:`SpanIndex`), so a 1 MB document with thousands of
spans per annotator repaints as fast as a short one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QRegion,
    QTextBlock,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from biaozhu.corpus.model import Span
from biaozhu.db.gold import GoldSpan
from biaozhu.db.models import GOLD
from biaozhu.db.rows import SpanRow
from biaozhu.gui.common.wording import KIND_COLOURS, as_tooltip, fill, kind_text
from biaozhu.gui.review.lanes import GAP, LANE, install_lane_layout, lanes_room
from biaozhu.gui.review.model import (
    ReviewedDocument,
    describe_gold,
    describe_links,
    describe_version,
    value_of,
)
from biaozhu.gui.widgets.document_view import DocumentView
from biaozhu.gui.widgets.span_index import SpanIndex
from biaozhu.gui.widgets.span_painter import draw_badge, range_rects, visible_lines

Geometry = list[tuple[QTextBlock, float, list[QTextLine]]]
DECIDED = QColor("#2a9d8f")
MANY_RANGES = 50  # more ranges changed than this: the whole view is repainted, not range by range


def _rows(spans: list[tuple[int, int, int]]) -> SpanIndex:
    """An index of (start, end, label id) ranges; a range's id is its position in the list."""
    return SpanIndex(SpanRow(i, start, end, label_id, "", 0) for i, (start, end, label_id) in enumerate(spans))


class ReviewView(DocumentView):
    offset_clicked = Signal(int)  # a click without a selection, at this code point

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document_: ReviewedDocument | None = None
        self.label_ids: dict[str, int] = {}
        self.lanes: list[SpanIndex] = []
        self.items = SpanIndex()
        self.gold_by_id: dict[int, GoldSpan] = {}
        self.current: int | None = None
        self.lane_layout = install_lane_layout(self)
        # Commented spans: (lane, start, end, label id) of annotators' spans, span id of gold ones → (threads, open)
        self.lane_marks: dict[tuple[int, int, int, int], tuple[int, int]] = {}
        self.gold_marks: dict[int, tuple[int, int]] = {}

    def show_document(self, document: ReviewedDocument, colours: dict[int, QColor], label_ids: dict[str, int]) -> None:
        self.document_ = document
        self.label_ids = label_ids
        self.current = None
        self.lanes = [_rows([(s.start, s.end, label_ids.get(s.label, -1)) for s in self._layer(name)])
                      for name in document.annotators]
        self.items = _rows([(item.start, item.end, -1) for item in document.disagreements])
        self.lane_layout.set_room(lanes_room(len(self.lanes)))
        self.show_text(document.text, self._gold_index(), colours)

    def _layer(self, name: str) -> list[Span]:
        """An annotator's whole layer: the agreed spans and their versions in the disagreements."""
        assert self.document_ is not None
        comparison = self.document_.review.comparison
        return sorted({*comparison.agreed, *(s for item in comparison.disagreements
                                              for s in item.versions.get(name, ()))})

    def _row(self, gold: GoldSpan) -> SpanRow:
        return SpanRow(gold.id, gold.span.start, gold.span.end, self.label_ids.get(gold.span.label, -1),
                       gold.span.text, 0)

    def _gold_index(self) -> SpanIndex:
        assert self.document_ is not None
        self.gold_by_id = {g.id: g for g in self.document_.review.gold}
        return SpanIndex(map(self._row, self.gold_by_id.values()))

    def gold_changed(self, numbers: Iterable[int] = ()) -> None:
        """After a decision: take out and put in only the gold spans that changed (a decision touches a few), and
        repaint only the blocks holding them and the disagreements ``numbers``, whose verdicts changed."""
        document = self.document_
        assert document is not None
        now = {g.id: g for g in document.review.gold}
        gone, new = self.gold_by_id.keys() - now.keys(), now.keys() - self.gold_by_id.keys()
        changed = [(g.span.start, g.span.end) for g in (*(self.gold_by_id[i] for i in gone), *(now[i] for i in new))]
        for span_id in gone:
            self.index.remove(span_id)
        for span_id in new:
            self.index.add(self._row(now[span_id]))
        self.gold_by_id = now
        self.repaint_ranges([*changed, *((document.disagreements[n].start, document.disagreements[n].end)
                                         for n in numbers)])

    def repaint_ranges(self, ranges: Iterable[tuple[int, int]]) -> None:
        """Schedule a repaint of the blocks on screen holding these code-point ranges, not of the whole view (all of
        it for many ranges: the agreed spans put into gold at once)."""
        document, offset, area, region = self.document(), self.contentOffset(), self.viewport().rect(), QRegion()
        ranges = list(ranges)
        if len(ranges) > MANY_RANGES:
            self.viewport().update()
            return
        for start, end in ranges:
            first = document.findBlock(self.positions.to_qt(start))
            last = document.findBlock(self.positions.to_qt(max(start, end - 1)))
            if first.isValid() and last.isValid():
                rect = self.blockBoundingGeometry(first).united(self.blockBoundingGeometry(last)).translated(offset)
                region += rect.toAlignedRect().adjusted(-1, -1, 1, 1).intersected(area)
        if not region.isEmpty():
            self.viewport().update(region)

    def show_disagreement(self, number: int | None) -> None:
        """Frame a disagreement and bring it to the middle of the view (the cursor goes to its start); when the
        view does not scroll, only the blocks of the old and the new frame are painted again."""
        before, self.current = self.current, number
        scrolled = self.verticalScrollBar().value()
        if number is not None and self.document_ is not None:
            cursor = self.textCursor()
            cursor.setPosition(self.positions.to_qt(self.document_.disagreements[number].start))
            self.setTextCursor(cursor)
            self.centerCursor()
        if self.document_ is None or self.verticalScrollBar().value() != scrolled:
            self.viewport().update()
            return
        items = self.document_.disagreements
        self.repaint_ranges((items[n].start, items[n].end) for n in (before, number) if n is not None)

    # -- painting --------------------------------------------------------------------------------------------
    def _pieces(self, index: SpanIndex, geometry: Geometry) -> Iterator[tuple[SpanRow, QRectF]]:
        """Every indexed range on the visible lines with the rectangle of each line it covers."""
        for block, top, lines in geometry:
            q_block = block.position()
            q_from = q_block + lines[0].textStart()
            q_to = q_block + lines[-1].textStart() + lines[-1].textLength()
            cp_from, cp_to = self.positions.to_cp(q_from), self.positions.to_cp(q_to)
            for span in index.overlapping(cp_from, max(cp_to, cp_from + 1)):
                q_start = self.positions.to_qt(span.start) - q_block
                q_end = self.positions.to_qt(span.end) - q_block
                for rect in range_rects(top, lines, q_start, q_end):
                    yield span, rect

    def paintEvent(self, event: QPaintEvent) -> None:
        geometry = [(block, top, lines) for block, top, lines in visible_lines(self) if lines]
        room = self.lane_layout.room
        painter = QPainter(self.viewport())
        badges: dict[tuple[int, int], tuple[QPointF, bool]] = {}  # a span's last piece on screen: its dot
        for span, rect in self._pieces(self.index, geometry):
            fill = QColor(self.painter.colours.get(span.label_id, QColor("#cccccc")))
            fill.setAlpha(110)
            painter.fillRect(rect, fill)
            if span.id in self.gold_marks:
                badges[(-1, span.id)] = (QPointF(rect.right() - 1, rect.top() + 2), self.gold_marks[span.id][1] > 0)
        if self.document_ is not None:
            for item, rect in self._pieces(self.items, geometry):
                if self.document_.is_open(item.id):
                    colour = QColor(KIND_COLOURS.get(self.document_.disagreements[item.id].kind, "#888888"))
                    colour.setAlpha(150)
                    painter.fillRect(rect.adjusted(0, 0, 0, room), QBrush(colour, Qt.BrushStyle.BDiagPattern))
        painter.end()
        QPlainTextEdit.paintEvent(self, event)
        painter = QPainter(self.viewport())
        for lane, spans in enumerate(self.lanes):
            for span, rect in self._pieces(spans, geometry):
                bar = QRectF(rect.left() + 1, rect.bottom() + GAP + LANE * lane, rect.width() - 2, LANE - 1)
                painter.fillRect(bar, self.painter.colours.get(span.label_id, QColor("#888888")).darker(115))
                mark = self.lane_marks.get((lane, span.start, span.end, span.label_id))
                if mark is not None:
                    badges[(lane, span.id)] = (QPointF(bar.right(), bar.center().y()), mark[1] > 0)
        if self.document_ is not None:
            for item, rect in self._pieces(self.items, geometry):
                if item.id == self.current:
                    painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
                elif self.document_.is_open(item.id):
                    painter.setPen(QPen(QColor(KIND_COLOURS.get(self.document_.disagreements[item.id].kind,
                                                                "#888888")), 1))
                else:
                    painter.setPen(QPen(DECIDED, 1, Qt.PenStyle.DashLine))
                painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, room - 0.5))
        for centre, still_open in badges.values():
            draw_badge(painter, centre, still_open, 2.5)
        if self.links.active():
            self.links.paint(painter, self.positions)
        painter.end()

    # -- tooltips and clicks ---------------------------------------------------------------------------------
    def offset_at(self, point: QPoint) -> int:
        """The character under a point; on a lane, the character above it (Qt's own hit test puts a point
        between two lines at the end of the upper one), so hovering or clicking a bar finds its span."""
        room = self.lane_layout.room
        for _block, top, lines in visible_lines(self, QRectF(0, point.y(), 1, 1)):
            for line in lines:
                bottom = top + line.y() + line.height()
                if bottom <= point.y() < bottom + room:
                    point = QPoint(point.x(), int(bottom - line.height() / 2))
        return super().offset_at(point)

    def describe_at(self, offset: int) -> list[str]:
        """Everything at a character: the disagreement, the gold spans with their provenance, each version."""
        if self.document_ is None:
            return []
        lines = []
        for row in self.items.at(offset):
            kind = kind_text(self.document_.disagreements[row.id].kind)
            state = self.tr("open") if self.document_.is_open(row.id) else self.tr("decided")
            lines.append(fill(self.tr("disagreement %1: %2, %3"), row.id + 1, kind, state))
        values, relations = self.document_.review.values, self.document_.review.relations
        for gold in (self.gold_by_id[row.id] for row in self.index.at(offset)):
            lines += [describe_gold(gold, value_of(values, GOLD, gold.span)),
                      *describe_links(relations.get(GOLD), gold.span)]
        names = {label_id: label for label, label_id in self.label_ids.items()}
        for number, (name, lane) in enumerate(zip(self.document_.annotators, self.lanes, strict=True), 1):
            for row in lane.at(offset):
                span = Span(row.start, row.end, names.get(row.label_id, "?"), self.document_.text[row.start:row.end])
                lines += [describe_version(number, name, span, value_of(values, name, span)),
                          *describe_links(relations.get(name), span)]
        return lines

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            lines = self.describe_at(self.offset_at(event.pos()))
            if lines:
                QToolTip.showText(event.globalPos(), as_tooltip(lines), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        QPlainTextEdit.mouseReleaseEvent(self, event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.offset_clicked.emit(self.offset_at(event.position().toPoint()))
