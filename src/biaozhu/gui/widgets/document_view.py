"""The document view: read-only plain text (never HTML), spans painted behind it, the selected span's links
over it (``link_painter.py``), keyboard selection.

The view knows positions and spans but changes nothing: it reports clicks, and the window turns
key presses (actions on this widget) into undo commands. The input method is switched off for the
view, so a Chinese IME never composes a label hotkey away.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QClipboard,
    QColor,
    QFont,
    QGuiApplication,
    QHelpEvent,
    QInputMethodEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from biaozhu.db.rows import SpanRow
from biaozhu.gui.common.wording import as_tooltip
from biaozhu.gui.widgets.link_painter import LinkPainter
from biaozhu.gui.widgets.positions import PositionMap, display_breaks, display_text
from biaozhu.gui.widgets.span_index import SpanIndex
from biaozhu.gui.widgets.span_painter import SpanPainter

PAINT_WAIT_MS = 200  # after_paint: at the latest, for a view that is not painted (its window not shown)
SETTLE_MS = 20  # after_paint: after a paint, once the events the window's opening queued are handled
FONT_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei",
                 "sans-serif"]
MIN_POINT_SIZE, MAX_POINT_SIZE = 8, 40


_COPIES: list[QMimeData] = []  # what the views last put on the clipboard or the selection (X11), newest last


def release_clipboard() -> None:
    """Hand what we copied to Qt before the interpreter exits.

    Our copies are QMimeData made in Python; Qt deletes clipboard data in its own exit handlers, after
    Python has finalised, and deleting a Python-made object then crashes the process. Setting the same
    text again makes Qt-made data, and the user keeps what they copied. Whether the clipboard holds one of our
    copies is asked of the data itself: platforms that do not track ownership (offscreen) say we own nothing.
    """
    clipboard = QGuiApplication.clipboard()
    for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
        data = clipboard.mimeData(mode)
        if data is not None and any(data is ours for ours in _COPIES):
            clipboard.setText(clipboard.text(mode), mode)
    _COPIES.clear()


class DocumentView(QPlainTextEdit):
    span_clicked = Signal(int)  # span id, -1 when a click hit no span
    span_selected = Signal(object)  # the id of the span now outlined, None for none (the span table follows)
    offset_changed = Signal(int)  # cursor offset in code points

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setAcceptDrops(False)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        font = QFont()
        font.setFamilies(FONT_FAMILIES)
        font.setPointSize(13)
        self.setFont(font)
        self.document().setDocumentMargin(14)
        self.text = ""
        self.positions = PositionMap("")
        self.index = SpanIndex()
        self.selected_span: int | None = None
        self.describe = lambda span: ""  # the window sets how a span is described in tooltips
        self.painter = SpanPainter(self)
        self._after_paint: list[Callable[[], None]] = []  # see after_paint
        self.links = LinkPainter(self, self.painter)  # the selected span's arrows, the badges of R
        # An arrow to a span off screen points at the viewport's edge: scrolling must redraw it, not move it.
        self.verticalScrollBar().valueChanged.connect(lambda _: self.links.active() and self.viewport().update())
        self.cursorPositionChanged.connect(lambda: self.offset_changed.emit(self.cursor_offset()))

    # -- content ---------------------------------------------------------------------------------------------
    def show_text(self, text: str, index: SpanIndex, colours: dict[int, QColor]) -> None:
        """Show a document: plain text only (``<b>`` and ``&amp;`` stay literal); very long lines are shown
        in display blocks (see ``positions.py``)."""
        self.selected_span = None
        self.index = index
        self.painter.colours = colours
        self.text = text
        breaks = display_breaks(text)
        self.positions = PositionMap(text, breaks)
        self.setPlainText(display_text(text, breaks))

    def show_spans(self, index: SpanIndex, colours: dict[int, QColor]) -> None:
        """Paint spans over the text shown already (the window's first look at its document): the cursor, the
        selection and the scroll stay where the person put them meanwhile."""
        self.index = index
        self.painter.colours = colours
        self.viewport().update()

    def repaint_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """Schedule a repaint of just the lines where these code point ranges are (an edit's footprint)."""
        if len(ranges) > 64:
            self.viewport().update()
            return
        for area in self.painter.areas(self.positions, ranges):
            self.viewport().update(area.toAlignedRect().adjusted(-3, -3, 3, 3))

    def select_span(self, span: SpanRow | None, *, scroll: bool = True) -> None:
        """Outline a span (None: no span) and put the cursor at its start."""
        self.selected_span = span.id if span else None
        self.span_selected.emit(self.selected_span)
        if span is not None:
            cursor = self.textCursor()
            cursor.setPosition(self.positions.to_qt(span.start))
            self.setTextCursor(cursor)
            if scroll:
                self.centerCursor()
        self.viewport().update()

    def select_range(self, start: int, end: int) -> None:
        """Select code points ``[start, end)`` as if the user had (the find bar uses it)."""
        cursor = self.textCursor()
        cursor.setPosition(self.positions.to_qt(start))
        cursor.setPosition(self.positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def selection(self) -> tuple[int, int]:
        """The selected range in code points (empty when nothing is selected)."""
        cursor = self.textCursor()
        return self.positions.to_cp(cursor.selectionStart()), self.positions.to_cp(cursor.selectionEnd())

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def cursor_offset(self) -> int:
        return self.positions.to_cp(self.textCursor().position())

    def visible_range(self) -> tuple[int, int]:
        """The code points on screen, from the first to the last: what is suggested on first."""
        area = self.viewport().rect()
        first = self.positions.to_cp(self.cursorForPosition(area.topLeft()).position())
        last = self.positions.to_cp(self.cursorForPosition(area.bottomRight()).position())
        return first, max(first, last)

    def offset_at(self, point: QPoint) -> int:
        """The code point under a viewport point (the character, not the gap nearest to it)."""
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        if point.x() < self.cursorRect(cursor).x() and position > cursor.block().position():
            position -= 1
        return self.positions.to_cp(position)

    def span_at(self, point: QPoint) -> SpanRow | None:
        chain = self.index.at(self.offset_at(point))
        return chain[-1] if chain else None

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy the stored text, without the line breaks the view inserted into very long lines."""
        start, end = self.selection()
        data = QMimeData()
        data.setText(self.text[start:end])
        _COPIES[:] = [*_COPIES[-3:], data]  # the clipboard's and the selection's, and a drag's
        return data

    # -- zoom ------------------------------------------------------------------------------------------------
    def zoom(self, steps: int) -> None:
        size = self.font().pointSize()
        if MIN_POINT_SIZE <= size + steps <= MAX_POINT_SIZE:
            self.zoomIn(steps)

    # -- events ----------------------------------------------------------------------------------------------
    def after_paint(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` a moment (:data:`SETTLE_MS`) after the view has painted next, with the rest of its
        window, painted in the same pass; after :data:`PAINT_WAIT_MS` if it is not painted by then (a window not
        shown)."""
        self._after_paint.append(callback)
        QTimer.singleShot(PAINT_WAIT_MS, self, self._painted)

    def _painted(self) -> None:
        callbacks, self._after_paint = self._after_paint, []
        for callback in callbacks:
            callback()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        self.painter.paint(painter, self.index, self.positions, self.selected_span, QRectF(event.rect()))
        painter.end()
        super().paintEvent(event)
        if self.links.active():
            over = QPainter(self.viewport())
            self.links.paint(over, self.positions)
            over.end()
        if self._after_paint:
            QTimer.singleShot(SETTLE_MS, self, self._painted)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """Never let an input method's text into the view: Qt would put it in a read-only view's text."""
        event.ignore()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            span = self.span_at(event.position().toPoint())
            self.span_clicked.emit(span.id if span else -1)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            point = event.pos()
            chain = self.index.at(self.offset_at(point))
            if chain:
                QToolTip.showText(event.globalPos(), as_tooltip([self.describe(s) for s in chain]), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
