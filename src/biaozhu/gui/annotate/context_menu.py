"""The right-click menu of the text in annotate mode.

On a selection: 标注为 ▸ each label. On a span: 改标签 ▸ each other label, delete, tag all occurrences,
copy its text, the next span with its label (wrapping round), comment on it or on one of its links, pin it as
a good or bad example (pinned so already: unpinned), and the guide at its label. Every entry does what its key
does, through the window's editing controller, so it is one undo step and one transaction like the key.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

from biaozhu.db.rows import SpanRow

if TYPE_CHECKING:
    from biaozhu.gui.annotate.window import MainWindow


def menu_text(text: str) -> str:
    """A label's caption in a menu: an ampersand in it is shown, not taken for a mnemonic."""
    return text.replace("&", "&&")


class SpanContextMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        window.view.customContextMenuRequested.connect(self._show)

    def _show(self, point: QPoint) -> None:
        menu = self.build(point)
        menu.exec(self.window.view.viewport().mapToGlobal(point))
        menu.deleteLater()

    def build(self, point: QPoint) -> QMenu:
        """The menu for a right-click at ``point`` (viewport coordinates): a selection's, a span's, or none."""
        window = self.window
        view, editing = window.view, window.editing
        menu = QMenu(view)
        menu.setObjectName("annotate-context-menu")
        start, end = view.selection()
        span = None if start < end else view.span_at(point)
        if start < end:
            tag = menu.addMenu(self.tr("Tag as"))
            tag.setObjectName("tag-as-menu")
            for label in window.labels:
                tag.addAction(keyed(menu_text(label.caption()), label.hotkey), partial(editing.apply_label, label.id))
            menu.addSeparator()
            menu.addAction(self.tr("Copy"), lambda: QGuiApplication.clipboard().setText(window.layer.text[start:end]))
        elif span is not None:
            view.select_span(span, scroll=False)
            relabel = menu.addMenu(self.tr("Change label"))
            relabel.setObjectName("change-label-menu")
            for label in window.labels:
                if label.id != span.label_id:
                    relabel.addAction(keyed(menu_text(label.caption()), label.hotkey),
                                      partial(editing.apply_label, label.id))
            menu.addAction(keyed(self.tr("Delete span"), "Delete"), editing.delete_selected)
            menu.addAction(keyed(self.tr("Tag all occurrences…"), "Ctrl+T"), editing.tag_all_occurrences)
            menu.addAction(self.tr("Copy text"), lambda: QGuiApplication.clipboard().setText(span.text))
            menu.addAction(self.tr("Next span with this label"), partial(self.next_like, span))
            menu.addSeparator()
            menu.addAction(self.tr("Comment…"), window.comments.comment_on_span)
            if window.linking.relations.of_span(span.id):
                menu.addAction(keyed(self.tr("Comment on a link…"), "Alt+C"), window.comments.comment_on_link)
            menu.addAction(self.tr("Pin as a good example"), partial(window.guidance.pin_selected, "good"))
            menu.addAction(self.tr("Pin as a bad example"), partial(window.guidance.pin_selected, "bad"))
            menu.addAction(self.tr("Guide for this label"), window.guidance.open_guide)
        return menu

    def next_like(self, span: SpanRow) -> None:
        """Select the next span with ``span``'s label in the document, wrapping round to the first."""
        same = [other for other in self.window.layer.index if other.label_id == span.label_id]
        following = next((other for other in same if (other.start, -other.end, other.id) >
                          (span.start, -span.end, span.id)), same[0] if same else None)
        if following is not None:
            self.window.view.select_span(following)


def keyed(text: str, key: str | None) -> str:
    """A menu entry with the key that does the same in the text, in the menu's key column (as the menu bar's
    entries show theirs), so the right-click menu teaches the keys."""
    if not key:
        return text
    return f"{text}\t{QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)}"
