"""Relabelling a gold span in review mode.

The keys are Ctrl plus the label's hotkey, since the hotkeys alone (1, 2, 3) accept an annotator's version
here; the same entries are in the Review menu and in the text's context menu (改标签). The span is the gold
span the selection covers, else the innermost one at the cursor. The change is a
:class:`DecisionCommand` like every decision, so it is one transaction, undoes and redoes in the
database, and the new span records the reviewer as its origin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from biaozhu.corpus.spans import trim
from biaozhu.db import review
from biaozhu.db.labels import list_labels
from biaozhu.gui.actions import keyed_action
from biaozhu.gui.label_bar import LabelInfo
from biaozhu.gui.review_commands import DecisionCommand
from biaozhu.gui.review_model import short

if TYPE_CHECKING:
    from biaozhu.db.review import GoldSpan
    from biaozhu.gui.review_window import ReviewWindow


class GoldRelabelling(QObject):
    """The relabel actions of a review window, and the context menu of its text that offers them."""

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window = window
        with window.sessions() as session:
            self.labels = [LabelInfo(l.id, l.name, l.title, l.color, l.hotkey, l.definition)
                           for l in list_labels(session)]
        self.actions: list[QAction] = [
            keyed_action(self, f"relabel-{label.name}",
                         self.tr("Relabel gold span as %1").replace("%1", label.caption()),
                         f"Ctrl+{label.hotkey}" if label.hotkey else "",
                         lambda name=label.name: self.relabel(name), [window.view, window.table])
            for label in self.labels]
        window.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        window.view.customContextMenuRequested.connect(self._show_context_menu)
        window.view.offset_clicked.connect(self._put_cursor_on)

    def menu(self, parent: QWidget) -> QMenu:
        """The 改标签 submenu: one entry per label."""
        menu = QMenu(self.tr("Relabel gold span"), parent)
        menu.setObjectName("relabel-menu")
        menu.addActions(self.actions)
        return menu

    def target(self) -> GoldSpan | None:
        """The gold span the selection covers (the innermost such), else the innermost one at the cursor."""
        view = self.window.view
        start, end = trim(view.text, *view.selection())
        if start < end:
            chain = [row for row in view.index.at(start) if row.end >= end]
        else:
            chain = view.index.at(view.cursor_offset())
        return view.gold_by_id.get(chain[-1].id) if chain else None

    def relabel(self, label: str) -> None:
        window = self.window
        if window.document is None or not window._may_write():
            return
        gold = self.target()
        caption = next((info.caption() for info in self.labels if info.name == label), label)
        if gold is None:
            window.say(self.tr("No gold span at the cursor: put the cursor on a gold span (a coloured background) "
                               "and press Ctrl with the label's key."))
            return
        if gold.span.label == label:
            window.say(self.tr("That gold span is already %1.").replace("%1", caption))
            return
        span, document_id, reviewer = gold.span, window.document.id, window.reviewer
        window.undo_stack.push(DecisionCommand(
            window.gold, document_id,
            self.tr("relabel “%1” as %2").replace("%1", short(span.text)).replace("%2", caption),
            lambda session: review.relabel(session, document_id, reviewer, span, label)))

    def _put_cursor_on(self, offset: int) -> None:
        """A click leaves the cursor before the character clicked, not in the nearer gap: a click on a span's
        last character must not put the cursor after the span."""
        cursor = self.window.view.textCursor()
        cursor.setPosition(self.window.view.positions.to_qt(offset))
        self.window.view.setTextCursor(cursor)

    def context_menu(self, point: QPoint) -> QMenu:
        """The text's usual menu (copy, select all) and the relabel entries; a right-click outside the
        selection puts the cursor on the character clicked, so the span under the mouse is the one relabelled."""
        view = self.window.view
        cursor = view.textCursor()
        clicked = view.cursorForPosition(point).position()
        if not cursor.hasSelection() or not cursor.selectionStart() <= clicked <= cursor.selectionEnd():
            self._put_cursor_on(view.offset_at(point))
        menu = view.createStandardContextMenu(point)
        menu.addSeparator()
        menu.addMenu(self.menu(menu))
        return menu

    def _show_context_menu(self, point: QPoint) -> None:
        menu = self.context_menu(point)
        menu.exec(self.window.view.viewport().mapToGlobal(point))
        menu.deleteLater()
