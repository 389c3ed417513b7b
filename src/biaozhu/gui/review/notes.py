"""Comments and the guide in review mode: the comments panel (the document's threads or the project's, the
unresolved ones only when asked), a dot on every commented span in its annotator's lane and on commented gold
spans; C comments on the gold span at the cursor, Ctrl+Shift+C on the document; F1 opens the guide at that gold
span's label, Ctrl+G / Ctrl+B pin it as a good or bad example."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenuBar

from biaozhu.db.comments import layer_marks
from biaozhu.db.gold import GoldSpan
from biaozhu.db.models import GOLD
from biaozhu.gui.common.changes import Change, Changed, carried_none
from biaozhu.gui.common.keys import ActionSet
from biaozhu.gui.common.wording import short
from biaozhu.gui.dialogs.comments import CommentsPanel
from biaozhu.gui.dialogs.guide import GuidePanel, pin_with_undo
from biaozhu.gui.widgets.docks import add_tab_panel

if TYPE_CHECKING:
    from biaozhu.gui.review.window import ReviewWindow


class _Id:
    """A gold span as a pin knows it."""

    def __init__(self, span_id: int) -> None:
        self.id: int | None = span_id


class ReviewNotes(QObject):
    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = CommentsPanel(window.runner, window.history, window.reviewer,
                                   lambda: window.document.id if window.document is not None else None, window)
        self.panel.thread_activated.connect(self._go_to)
        self.guide = GuidePanel(window.runner, window)
        self.dock = add_tab_panel(window, self.tr("Comments"), "comments-dock", self.panel, "disagreements-dock")
        self.guide_dock = add_tab_panel(window, self.tr("Guide"), "guide-dock", self.guide, "disagreements-dock")
        self.dock.visibilityChanged.connect(self.panel.shown)
        self.guide_dock.visibilityChanged.connect(self.guide.shown)
        window.runner.bus.changed.connect(self._on_change)

    def add_actions(self, actions: ActionSet, menu_bar: QMenuBar) -> None:
        view = [self.window.view]
        menu = menu_bar.addMenu(self.tr("G&uide"))
        menu.addAction(actions.add("guide", self.tr("Guide for this label"), "F1", self.open_guide))
        menu.addAction(actions.add("pin-good", self.tr("Pin as a good example"), "Ctrl+G",
                                   lambda: self.pin("good"), on=view))
        menu.addAction(actions.add("pin-bad", self.tr("Pin as a bad example"), "Ctrl+B",
                                   lambda: self.pin("bad"), on=view))
        menu.addSeparator()
        menu.addAction(actions.add("comment-span", self.tr("Comment on the gold span…"), "C", self.comment_on_gold,
                                   on=view))
        menu.addAction(actions.add("comment-document", self.tr("Comment on the document…"), "Ctrl+Shift+C",
                                   self.comment_on_document))

    def _gold_here(self) -> GoldSpan | None:
        """The innermost gold span at the cursor."""
        view = self.window.view
        chain = view.index.at(view.cursor_offset())
        return view.gold_by_id.get(chain[-1].id) if chain else None

    def open_guide(self) -> None:
        gold = self._gold_here()
        self.guide_dock.show()
        self.guide_dock.raise_()
        label = self.window.labels.named(gold.span.label) if gold is not None else None
        self.guide.show_label(label.id if label is not None else None)

    def pin(self, verdict: str) -> None:
        gold, document = self._gold_here(), self.window.document
        if gold is None or document is None:
            self.window.say(self.tr("Put the cursor on a gold span to pin it as an example."))
            return
        said = pin_with_undo(self.window.runner, self.window.history, self.window.reviewer, document.id,
                             _Id(gold.id), gold.span.text, verdict)
        if said:
            self.window.say(said)

    def comment_on_gold(self) -> None:
        gold, document = self._gold_here(), self.window.document
        if gold is None or document is None:
            self.window.say(self.tr("Put the cursor on a gold span to comment on it (Ctrl+Shift+C comments on the "
                                    "document)."))
            return
        self.dock.show()
        self.dock.raise_()
        self.panel.start((document.id, gold.id, None, None), short(gold.span.text, 24))

    def comment_on_document(self) -> None:
        if self.window.document is not None:
            self.dock.show()
            self.dock.raise_()
            self.panel.start((self.window.document.id, None, None, None))

    def show_document(self) -> None:
        """A document was opened (or compared again): its threads, and the marks in its lanes."""
        self.panel.aim(None)
        self.panel.reload()
        self.refresh_marks()

    def refresh_marks(self) -> None:
        document = self.window.document
        if document is None:
            return
        document_id = document.id
        outcome = self.window.runner.try_read(lambda session: layer_marks(session, document_id))
        if outcome.value is None:
            self.window.say(outcome.refusal)
            return
        lanes = {name: number for number, name in enumerate(document.annotators)}
        ids = self.window.label_ids
        view = self.window.view
        lane_marks = {(lanes[who], start, end, ids.get(label, -1)): mark
                      for (who, start, end, label), mark in outcome.value.items() if who in lanes}
        in_gold = {key: mark for key, mark in outcome.value.items() if key[0] == GOLD}  # mostly none: no walk
        gold_marks = {gold.id: mark for gold in (document.review.gold if in_gold else ())
                      if (mark := in_gold.get((GOLD, gold.span.start, gold.span.end, gold.span.label)))}
        if (lane_marks, gold_marks) != (view.lane_marks, view.gold_marks):  # a decision mostly moves none
            view.lane_marks, view.gold_marks = lane_marks, gold_marks
            view.viewport().update()

    def _on_change(self, change: Change) -> None:
        document = self.window.document
        if change.what == Changed.GOLD and carried_none(change, "comments") and carried_none(change, "pins"):
            return  # a decision that took no comment or pin along (it moves no span that keeps one): marks stay
        if document is not None and change.what & (Changed.COMMENTS | Changed.GOLD | Changed.SPANS) \
                and change.touches(document.id):
            self.refresh_marks()

    def _go_to(self, document_id: int, span_id: int) -> None:
        window = self.window
        if window.document is None or window.document.id != document_id:
            window.open_document(document_id)
        window.view.setFocus()
