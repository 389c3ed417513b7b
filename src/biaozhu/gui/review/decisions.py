"""The reviewer's decisions in review mode: the keys that write gold (accept a version, accept both, reject,
move a boundary, the selection as the gold span, the agreed spans, the document adjudicated).

Each is an undo command (``commands.py``) that writes gold through :mod:`biaozhu.db.review` in one
transaction. The decisions work on what they are given (the gold layer, the undo history, the view and the
document under review) and report what happened with signals; the window walks on from there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from biaozhu.corpus.adjudication import Disagreement
from biaozhu.corpus.spans import trim
from biaozhu.db import review
from biaozhu.db.gold import Decision
from biaozhu.gui.common.undo import History
from biaozhu.gui.common.wording import fill, short
from biaozhu.gui.review.commands import DecisionCommand, GoldLayer, ReviewStatusCommand
from biaozhu.gui.review.model import ReviewedDocument
from biaozhu.gui.review.view import ReviewView

Decide = Callable[[Session, Disagreement], Decision]
Say = Callable[[str], None]


class Decisions(QObject):
    """The decision keys of a review window; a refused decision leaves the disagreement shown."""

    decided = Signal(int)  # the number of the disagreement just decided: the window shows the next open one
    adjudicated = Signal(int, int)  # document id, disagreements left open: the window opens the next document

    def __init__(self, gold: GoldLayer, history: History, view: ReviewView,
                 document: Callable[[], ReviewedDocument | None], draw_keys: Callable[[], str], say: Say,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.gold, self.history, self.view, self.document, self.draw_keys, self.say = (
            gold, history, view, document, draw_keys, say)

    def _current(self) -> tuple[ReviewedDocument, int] | None:
        document = self.document()
        if document is None or self.view.current is None:
            self.say(self.tr("No disagreement chosen: press N for the next one."))
            return None
        if not self.gold.may_write(self.say):
            return None
        return document, self.view.current

    def _decide(self, document: ReviewedDocument, name: str, number: int, decide: Decide) -> None:
        item = document.disagreements[number]
        command = DecisionCommand(self.gold, self.history, document.id, name,
                                  lambda session: decide(session, item), number)
        if self.history.push(command):
            self.decided.emit(number)  # refused: stay on it, the status bar says why

    def accept_annotator(self, number: int) -> None:
        """1..9: take that annotator's version (none, if they have nothing there)."""
        chosen = self._current()
        if chosen is None:
            return
        document, current = chosen
        if not 1 <= number <= len(document.annotators):
            self.say(fill(self.tr("There is no annotator %1 here."), number))
            return
        name = document.annotators[number - 1]
        reviewer, doc_id = self.gold.reviewer, document.id
        self._decide(document, fill(self.tr("accept %1's version"), name), current,
                     lambda session, item: review.accept(session, doc_id, reviewer, item, [name]))

    def accept_all(self) -> None:
        """B: take every annotator's version (both, for two annotators); refused when they would cross, or give
        one range two labels (gold holds a range once)."""
        chosen = self._current()
        if chosen is None:
            return
        document, current = chosen
        names = [n for n in document.annotators if document.disagreements[current].versions.get(n)]
        if document.disagreements[current].one_range_twice(names):
            self.say(self.tr("B takes versions of different ranges; here they differ only in label, and gold holds a "
                             "range once: press an annotator's number to choose a label, or X to reject."))
            return
        reviewer, doc_id = self.gold.reviewer, document.id
        self._decide(document, self.tr("accept both versions"), current,
                     lambda session, item: review.accept(session, doc_id, reviewer, item, names))

    def reject(self) -> None:
        """X / Delete: nothing goes into gold here."""
        chosen = self._current()
        if chosen is None:
            return
        document, current = chosen
        reviewer, doc_id = self.gold.reviewer, document.id
        self._decide(document, self.tr("reject"), current,
                     lambda session, item: review.reject(session, doc_id, reviewer, item))

    def _edit(self, document: ReviewedDocument, number: int, start: int, end: int, label: str) -> None:
        reviewer, doc_id = self.gold.reviewer, document.id
        self._decide(document, fill(self.tr("set the boundary to “%1”"), short(document.text[start:end])), number,
                     lambda session, item: review.edit_boundary(session, doc_id, reviewer, item, start, end, label))

    def move_boundary(self, start_delta: int, end_delta: int) -> None:
        """Alt+arrows: move the gold version's start or end (the longest version's, if none is gold yet)."""
        chosen = self._current()
        if chosen is None:
            return
        document, current = chosen
        taken = document.verdict(current).gold
        base = taken[0].span if len(taken) == 1 else max(document.disagreements[current].spans(),
                                                         key=lambda s: (s.end - s.start, -s.start))
        start, end = base.start + start_delta, base.end + end_delta
        if 0 <= start < end <= len(document.text):
            self._edit(document, current, start, end, base.label)

    def selection_to_gold(self) -> None:
        """Enter with text selected: the selection becomes the gold span of the disagreement it overlaps."""
        document = self.document()
        if document is None or not self.gold.may_write(self.say):
            return
        start, end = trim(document.text, *self.view.selection())
        if start >= end:
            self.say(self.tr("Select the text the gold span should cover, then press Enter."))
            return
        numbers = document.covering(start, end)
        if not numbers:
            self.say(fill(self.tr("The selection covers no disagreement: press Ctrl with a label's key to put it "
                                  "into gold as that label (%1)."), self.draw_keys()))
            return
        number = self.view.current if self.view.current in numbers else numbers[0]
        taken = document.verdict(number).gold
        label = (taken[0].span if taken else document.disagreements[number].spans()[0]).label
        self.view.clear_selection()
        self._edit(document, number, start, end, label)

    def accept_agreed(self, *, quiet: bool = False) -> None:
        """Put the spans every annotator agrees on into gold (automatic on opening, unless switched off)."""
        document = self.document()
        if document is None or (quiet and not self.gold.can_write) or not self.gold.may_write(self.say):
            return
        in_gold = {g.span for g in document.review.gold}
        if not document.review.comparison.agreed or set(document.review.comparison.agreed) <= in_gold:
            return
        reviewer, doc_id = self.gold.reviewer, document.id
        self.history.push(DecisionCommand(self.gold, self.history, doc_id, self.tr("put agreed spans into gold"),
                                          lambda session: review.accept_agreed(session, doc_id, reviewer)))

    def toggle_adjudicated(self) -> None:
        """Ctrl+Enter: mark the document adjudicated (the window opens the next one), or reopen it."""
        document = self.document()
        if document is None or not self.gold.may_write(self.say):
            return
        if document.review.status == "adjudicated":
            self.history.push(ReviewStatusCommand(self.gold, self.history, document.id,
                                                  self.tr("reopen the review"), "in_progress"))
            return
        left_open = document.open_count()
        if self.history.push(ReviewStatusCommand(self.gold, self.history, document.id, self.tr("mark adjudicated"),
                                                 "adjudicated")):
            self.adjudicated.emit(document.id, left_open)
