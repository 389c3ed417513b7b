"""The reviewer's decisions in review mode: the keys that write gold (accept a version, accept both, reject,
move a boundary, the selection as the gold span, the agreed spans, the document adjudicated).

Kept apart from :mod:`biaozhu.gui.review_window`, which lays the window out and walks documents and
disagreements: these are what the keys decide, each an undo command (``review_commands.py``) that writes
gold through :mod:`biaozhu.db.review` in one transaction; after a decision the next open disagreement shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from biaozhu.corpus.adjudication import Disagreement
from biaozhu.corpus.spans import trim
from biaozhu.db import review
from biaozhu.gui.review_commands import DecisionCommand, ReviewStatusCommand
from biaozhu.gui.review_model import ReviewedDocument, short

if TYPE_CHECKING:
    from biaozhu.gui.review_window import ReviewWindow

Decide = Callable[[Session, Disagreement], review.Decision]


class Decisions(QObject):
    """The decision keys of a review window; a refused decision leaves the disagreement shown."""

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window = window
        self._refused = False
        window.gold.refused.connect(self._on_refused)
        window.legend.auto_gold.toggled.connect(self._on_auto_gold)

    def _on_refused(self, message: str) -> None:
        self._refused = True
        self.window.say(message)

    def may_write(self) -> bool:
        """Whether the reviewer may change gold; if not, the status bar says why."""
        window = self.window
        if not window.can_write:
            window.say(self.tr("Read-only: %1 is not a reviewer, so the gold layer cannot be changed here.")
                       .replace("%1", window.reviewer))
        return window.can_write

    def _current(self) -> tuple[ReviewedDocument, int] | None:
        window = self.window
        if window.document is None or window.view.current is None:
            window.say(self.tr("No disagreement chosen: press N for the next one."))
            return None
        return window.document, window.view.current

    def _decide(self, text: str, number: int, decide: Decide) -> None:
        window = self.window
        assert window.document is not None
        item = window.document.disagreements[number]
        command = DecisionCommand(window.gold, window.document.id, text, lambda session: decide(session, item), number)
        self._refused = False
        window.undo_stack.push(command)
        if self._refused:
            return  # stay on it: the status bar says why
        following = window.next_open(number)
        if following is None:
            window.say(self.tr("Every disagreement is decided: Ctrl+Enter marks the document adjudicated."))
        else:
            window.go_to_disagreement(following)

    def accept_annotator(self, number: int) -> None:
        """1..9: take that annotator's version (none, if they have nothing there)."""
        chosen = self._current()
        if chosen is None or not self.may_write():
            return
        document, current = chosen
        if not 1 <= number <= len(document.annotators):
            self.window.say(self.tr("There is no annotator %1 here.").replace("%1", str(number)))
            return
        name = document.annotators[number - 1]
        reviewer, doc_id = self.window.reviewer, document.id
        self._decide(self.tr("accept %1's version").replace("%1", name), current,
                     lambda session, item: review.accept(session, doc_id, reviewer, item, [name]))

    def accept_all(self) -> None:
        """B: take every annotator's version (both, for two annotators); refused when they would cross."""
        chosen = self._current()
        if chosen is None or not self.may_write():
            return
        document, current = chosen
        names = [n for n in document.annotators if document.disagreements[current].versions.get(n)]
        reviewer, doc_id = self.window.reviewer, document.id
        self._decide(self.tr("accept both versions"), current,
                     lambda session, item: review.accept(session, doc_id, reviewer, item, names))

    def reject(self) -> None:
        """X / Delete: nothing goes into gold here."""
        chosen = self._current()
        if chosen is None or not self.may_write():
            return
        document, current = chosen
        reviewer, doc_id = self.window.reviewer, document.id
        self._decide(self.tr("reject"), current, lambda session, item: review.reject(session, doc_id, reviewer, item))

    def _edit(self, number: int, start: int, end: int, label: str) -> None:
        document = self.window.document
        assert document is not None
        reviewer, doc_id = self.window.reviewer, document.id
        text = short(document.text[start:end])
        self._decide(self.tr("set the boundary to “%1”").replace("%1", text), number,
                     lambda session, item: review.edit_boundary(session, doc_id, reviewer, item, start, end, label))

    def move_boundary(self, start_delta: int, end_delta: int) -> None:
        """Alt+arrows: move the gold version's start or end (the longest version's, if none is gold yet)."""
        chosen = self._current()
        if chosen is None or not self.may_write():
            return
        document, current = chosen
        taken = document.verdict(current).gold
        base = taken[0].span if len(taken) == 1 else max(document.disagreements[current].spans(),
                                                         key=lambda s: (s.end - s.start, -s.start))
        start, end = base.start + start_delta, base.end + end_delta
        if 0 <= start < end <= len(document.text):
            self._edit(current, start, end, base.label)

    def selection_to_gold(self) -> None:
        """Enter with text selected: the selection becomes the gold span of the disagreement it overlaps."""
        window = self.window
        document = window.document
        if document is None or not self.may_write():
            return
        start, end = trim(document.text, *window.view.selection())
        if start >= end:
            window.say(self.tr("Select the text the gold span should cover, then press Enter."))
            return
        numbers = document.covering(start, end)
        if not numbers:
            window.say(self.tr("The selection covers no disagreement: press Ctrl with a label's key to put it into "
                               "gold as that label (%1).").replace("%1", window.gold_edits.keys_hint()))
            return
        number = window.view.current if window.view.current in numbers else numbers[0]
        taken = document.verdict(number).gold
        label = (taken[0].span if taken else document.disagreements[number].spans()[0]).label
        window.view.clear_selection()
        self._edit(number, start, end, label)

    def accept_agreed(self, *, quiet: bool = False) -> None:
        """Put the spans every annotator agrees on into gold (automatic on opening, unless switched off)."""
        window = self.window
        document = window.document
        if document is None or (quiet and not window.can_write) or not self.may_write():
            return
        in_gold = {g.span for g in document.review.gold}
        if not document.review.comparison.agreed or set(document.review.comparison.agreed) <= in_gold:
            return
        reviewer, doc_id = window.reviewer, document.id
        window.undo_stack.push(DecisionCommand(window.gold, doc_id, self.tr("put agreed spans into gold"),
                                               lambda session: review.accept_agreed(session, doc_id, reviewer)))

    def _on_auto_gold(self, on: bool) -> None:
        if on:
            self.accept_agreed(quiet=True)

    def toggle_adjudicated(self) -> None:
        """Ctrl+Enter: mark the document adjudicated and open the next one not yet adjudicated (or reopen it)."""
        window = self.window
        if window.document is None or not self.may_write():
            return
        document_id = window.document.id
        if window.document.review.status == "adjudicated":
            window.undo_stack.push(ReviewStatusCommand(window.gold, document_id, self.tr("reopen the review"),
                                                       "in_progress"))
            return
        left_open = window.document.open_count()
        self._refused = False
        window.undo_stack.push(ReviewStatusCommand(window.gold, document_id, self.tr("mark adjudicated"),
                                                   "adjudicated"))
        if self._refused:
            return
        window.refresh_lists()
        following = window.document_list.next_unfinished(document_id)
        if following is not None:
            window.open_document(following)
        if left_open:
            window.say(self.tr("Marked adjudicated with %1 disagreements left open (Ctrl+Z takes it back).")
                       .replace("%1", str(left_open)))
        elif following is None:
            window.say(self.tr("Every document is adjudicated."))
