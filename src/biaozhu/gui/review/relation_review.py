"""Relations in review mode, by keyboard: the arrows of the relations at the cursor, and R to decide them.

The relations of the spans at the cursor or selected (gold's and each annotator's) and of the current
disagreement's versions are drawn as arrows, with the annotation window's painter (``widgets/link_painter.py``):
gold's captioned with their type, an annotator's with their number first (“1 所属项目”). R lists the relations there
in the status bar, a digit each: an annotator's relation not in gold is accepted into gold (:func:`accept_relation`),
a gold relation is taken out (:func:`take_out_relation`). Each is a :class:`DecisionCommand`, undone and redone in
the database.

While a digit is awaited the keys come here, not to the decision keys (1–9 accept a version): this accepts the
shortcut-override event, so Qt delivers the key to the view, where this event filter takes it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QStatusBar

from biaozhu.corpus.model import Relation, Span
from biaozhu.db.models import GOLD
from biaozhu.db.review_relations import accept_relation, take_out_relation
from biaozhu.db.rows import SpanRow
from biaozhu.gui.common.undo import History
from biaozhu.gui.common.wording import fill, short
from biaozhu.gui.review.commands import DecisionCommand, GoldLayer
from biaozhu.gui.review.model import ReviewedDocument
from biaozhu.gui.review.view import ReviewView
from biaozhu.gui.widgets.link_painter import Arrow

KEYS = "123456789"
DIGITS = {getattr(Qt.Key, f"Key_{key}"): n for n, key in enumerate(KEYS)}


@dataclass(frozen=True, slots=True)
class Choice:
    """What one digit does: take ``annotator``'s relation into gold, or (``annotator`` None) take a gold one out."""

    relation: Relation
    annotator: str | None


def _touches(relation: Relation, start: int, end: int) -> bool:
    one, other = relation.from_span, relation.to_span  # called for every relation at every step: no generator
    return (one.start < end and start < one.end) or (other.start < end and start < other.end)


class _ByPosition:
    """The relations of each layer by where they begin, so that those touching a range are found by bisection:
    the arrows are worked out several times at every step, and a walk over the document's hundreds each time cost
    milliseconds. Kept for the sets the review holds now (a decision makes gold's anew; none is changed in place)."""

    def __init__(self) -> None:
        self._sets: dict[int, tuple[set[Relation], list[int], list[Relation], int]] = {}

    def touching(self, relations: set[Relation], start: int, end: int) -> list[Relation]:
        """The relations with an end overlapping ``[start, end)``, in ``_order``."""
        known = self._sets.get(id(relations))
        if known is None or known[0] is not relations:
            if len(self._sets) > 16:
                self._sets.clear()
            ordered = sorted(relations, key=_low)
            reach = max((_high(r) - _low(r) for r in ordered), default=0)
            known = self._sets[id(relations)] = (relations, [_low(r) for r in ordered], ordered, reach)
        _, lows, ordered, reach = known
        near = ordered[bisect_left(lows, start - reach):bisect_left(lows, end)]
        return sorted((r for r in near if _touches(r, start, end)), key=_order)


class RelationReview(QObject):
    """The review window's arrows and its R key."""

    def __init__(self, gold: GoldLayer, history: History, view: ReviewView,
                 document: Callable[[], ReviewedDocument | None], say: Callable[[str], None], status: QStatusBar,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.gold, self.history, self.view, self.document, self.say = gold, history, view, document, say
        self.status = status  # the list of relations stays there while a digit is awaited
        self.choices: list[Choice] = []
        self._positions = _ByPosition()
        view.installEventFilter(self)
        view.cursorPositionChanged.connect(self.show_arrows)

    def _at_cursor(self, document: ReviewedDocument) -> list[Choice]:
        """The relations touching the selection, else the character at the cursor: gold's first, then each
        annotator's not in gold."""
        start, end = self.view.selection()
        if start >= end:
            start = self.view.cursor_offset()
            end = start + 1
        relations = document.review.relations
        in_gold = relations.get(GOLD, set())
        found = [Choice(r, None) for r in self._positions.touching(in_gold, start, end)]
        for name in document.annotators:
            for relation in self._positions.touching(relations.get(name, set()), start, end):
                if relation not in in_gold and all(c.relation != relation for c in found):
                    found.append(Choice(relation, name))
        return found

    def show_arrows(self) -> None:
        """Arrows for the relations at the cursor and for those of the current disagreement's versions; while R
        waits for a digit, each listed relation's arrow carries its digit ("2: 1 所属项目")."""
        document = self.document()
        arrows: list[Arrow] = []
        if document is not None:
            numbers = {name: n for n, name in enumerate(document.annotators, 1)}
            shown = {(c.relation, c.annotator) for c in self._at_cursor(document)}
            if self.view.current is not None and self.view.current < len(document.disagreements):
                item = document.disagreements[self.view.current]
                shown |= {(r, name) for name in document.annotators
                          for r in self._positions.touching(document.review.relations.get(name, set()), item.start,
                                                            item.end)}
            digits = {(c.relation, c.annotator): KEYS[n] for n, c in enumerate(self.choices)}
            for relation, name in sorted(shown, key=lambda pair: (numbers.get(pair[1] or "", 0), _order(pair[0]))):
                caption = relation.type if name is None else f"{numbers[name]} {relation.type}"
                if (relation, name) in digits:
                    caption = f"{digits[relation, name]}: {caption}"
                arrows.append(Arrow(self._row(relation.from_span), self._row(relation.to_span), caption))
        if arrows != self.view.links.arrows:
            self.view.links.arrows = arrows
            self.view.viewport().update()

    def _row(self, span: Span) -> SpanRow:
        return SpanRow(-1, span.start, span.end, self.view.label_ids.get(span.label, -1), span.text, 0)

    def list_relations(self) -> None:
        """R: the relations at the cursor, numbered in the status bar; a digit decides one, Esc cancels."""
        document = self.document()
        if document is None or not self.gold.may_write(self.say):
            return
        self.choices = self._at_cursor(document)[:len(KEYS)]
        if not self.choices:
            self.say(self.tr("No relation at the cursor: put the cursor on a span with a relation, then press R."))
            return
        self.show_arrows()
        self.status.showMessage(fill(self.tr("%1 — press a digit, Esc to cancel."),
                                     "  ".join(f"{KEYS[n]} {self._describe(c)}" for n, c in enumerate(self.choices))))

    def _describe(self, choice: Choice) -> str:
        relation = choice.relation
        what = fill(self.tr("%1 “%2” → “%3”"), relation.type, short(relation.from_span.text, 12),
                    short(relation.to_span.text, 12))
        if choice.annotator is None:
            return fill(self.tr("take out of gold: %1"), what)
        return fill(self.tr("accept %1's %2"), choice.annotator, what)

    def cancel(self, said: bool = True) -> None:
        waiting = bool(self.choices)
        self.choices = []
        if not waiting:
            return
        self.status.clearMessage()
        self.show_arrows()
        if said:
            self.say(self.tr("Deciding a relation cancelled."))

    def decide(self, n: int) -> None:
        """The digit ``n`` (from 0): accept or take out that relation, one undo step."""
        document, choices = self.document(), self.choices
        self.cancel(said=False)
        if document is None or not 0 <= n < len(choices) or not self.gold.may_write(self.say):
            return
        choice, reviewer, doc_id = choices[n], self.gold.reviewer, document.id
        relation, annotator = choice.relation, choice.annotator
        if annotator is None:
            self.history.push(DecisionCommand(
                self.gold, self.history, doc_id, fill(self.tr("take the %1 relation out of gold"), relation.type),
                lambda session: take_out_relation(session, doc_id, reviewer, relation)))
            return
        in_gold = {g.span for g in document.review.gold}
        if relation.from_span not in in_gold or relation.to_span not in in_gold:
            missing = relation.from_span if relation.from_span not in in_gold else relation.to_span
            self.say(fill(self.tr("“%1” is not in gold: put both spans of the %2 relation into gold first."),
                          short(missing.text, 16), relation.type))
            return
        self.history.push(DecisionCommand(
            self.gold, self.history, doc_id, fill(self.tr("accept %1's %2 relation"), annotator, relation.type),
            lambda session: accept_relation(session, doc_id, reviewer, relation, annotator)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.view or not self.choices:
            return False
        if event.type() == QEvent.Type.FocusOut:
            self.cancel(said=False)
            return False
        if not isinstance(event, QKeyEvent) or event.key() in (Qt.Key.Key_Shift, Qt.Key.Key_Control,
                                                                 Qt.Key.Key_Alt, Qt.Key.Key_Meta):
            return False
        key = event.key()
        if event.type() == QEvent.Type.ShortcutOverride:
            if key == Qt.Key.Key_Escape or key in DIGITS:
                event.accept()  # the digit comes to the view as a key press, not to "accept annotator N"
                return True
            self.cancel(said=False)
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        if key == Qt.Key.Key_Escape:
            self.cancel()
        elif key in DIGITS:
            self.decide(DIGITS[key])
        else:
            self.cancel(said=False)
            return False
        return True


def _order(relation: Relation) -> tuple[Span, Span, str]:
    return relation.from_span, relation.to_span, relation.type


def _low(relation: Relation) -> int:
    return min(relation.from_span.start, relation.to_span.start)


def _high(relation: Relation) -> int:
    return max(relation.from_span.end, relation.to_span.end)
