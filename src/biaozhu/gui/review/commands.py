"""The reviewer's decisions as undo commands (``common/undo.py``: one transaction per redo and per undo, one
failure rule for both windows), written through :mod:`biaozhu.db.review` to the gold layer on disk."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from biaozhu.db import review
from biaozhu.db.annotators import get_annotator
from biaozhu.db.changes import Layer, attached, edit_state, rows_part, stamp
from biaozhu.db.gold import Decision, GoldSpan
from biaozhu.db.labels import label_ids
from biaozhu.db.models import GOLD
from biaozhu.db.permissions import is_reviewer
from biaozhu.db.review_queries import set_review_status
from biaozhu.db.rows import SpanRow
from biaozhu.gui.common.changes import Change, Changed, SpanDelta
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.undo import History, StoredCommand
from biaozhu.gui.common.wording import fill


class GoldLayer(QObject):
    """The gold layer as one reviewer writes it; it knows whether they may."""

    gold_changed = Signal(object)  # the Decision just written: the window applies it to the gold in memory
    status_changed = Signal(int, object)  # document id, its gold status now

    def __init__(self, runner: ActionRunner, reviewer: str, parent: QObject | None = None,
                 watched: Callable[[], Layer | None] = lambda: None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.reviewer = reviewer
        self.watched = watched  # the layer the change poller watches: a decision reads the token's state for it
        self.can_write = runner.read(lambda session: is_reviewer(session, reviewer))

    def may_write(self, say: Callable[[str], None]) -> bool:
        """Whether the reviewer may change gold; if not, ``say`` tells them why."""
        if not self.can_write:
            say(fill(self.tr("Read-only: %1 is not a reviewer, so the gold layer cannot be changed here."),
                     self.reviewer))
        return self.can_write

    def decide(self, document_id: int, step: Callable[[Session], Decision]) -> Decision:
        """Write a decision; what it did goes on the bus as a delta, so the change token and word snapping follow
        it in memory (reading their whole tables again would cost 70 ms and seconds at 1M spans), and the panels of
        comments and pins read nothing unless it took some along."""
        layer = self.watched()

        def write(session: Session) -> tuple[Decision, SpanDelta]:
            gold = get_annotator(session, GOLD)
            before, had = stamp(session, document_id, gold.id if gold else None), attached(session, document_id)
            decision = step(session)
            gold = gold or get_annotator(session, GOLD)  # made by the first decision
            after = stamp(session, document_id, gold.id if gold else None)
            labels = label_ids(session) if decision.changed else {}
            has = attached(session, document_id) if decision.removed or decision.unlinked else had
            carried = frozenset(kind for kind, old, new in zip(("comments", "pins"), had, has, strict=True)
                                if old != new)

            def row(found: GoldSpan) -> SpanRow:
                assert gold is not None
                return SpanRow(found.id, found.span.start, found.span.end, labels[found.span.label], found.span.text,
                               gold.id)

            # A decision writes gold's spans alone, so the watched layer's part stays where it was; when gold is
            # the watched layer the poller reads the token again (no layer followed).
            follows = layer is None or gold is None or layer[1] != gold.id
            return decision, SpanDelta(
                tuple(row(found) for found, _ in decision.written), tuple(row(found) for found in decision.removed),
                layer=layer if follows else None, state=edit_state(session), moved=rows_part(session, layer, ()),
                carried=carried,
                relations=len(decision.linked) - len(decision.unlinked),
                stamped=None if after is None or after == before else (after, before is None))

        decision, delta = self.runner.write(write)
        self.gold_changed.emit(decision)
        self.runner.bus.publish(Change(Changed.GOLD, frozenset({document_id}), self, delta))
        return decision

    def set_status(self, document_id: int, status: str | None) -> str | None:
        previous = self.runner.write(lambda session: set_review_status(session, document_id, self.reviewer, status))
        self.status_changed.emit(document_id, status)
        self.runner.bus.publish(Change(Changed.STATUS, frozenset({document_id}), self))
        return previous


class DecisionCommand(StoredCommand):
    """A decision on gold (accept one version, accept both, reject, edit the boundary, relabel, draw a span,
    take one out, take the agreed spans).

    ``decide`` runs once; afterwards undo and redo replay the recorded :class:`Decision` backwards
    and forwards, so a redo puts back exactly what the reviewer saw, provenance included.
    """

    document_id: int

    def __init__(self, gold: GoldLayer, history: History, document_id: int, name: str,
                 decide: Callable[[Session], Decision], number: int | None = None) -> None:
        super().__init__(history, name, document_id)
        self.gold = gold
        self.decide = decide
        self.number = number  # which disagreement: undo and redo show it
        self.decision: Decision | None = None
        self.reverse: Decision | None = None

    def do(self) -> None:
        reverse = self.reverse
        if reverse is None:
            self.decision = self.gold.decide(self.document_id, self.decide)
            if not self.decision.changed:
                self.setObsolete(True)  # nothing changed: no empty step on the undo stack
        else:
            self.decision = self.gold.decide(self.document_id,
                                             lambda session: review.undo(session, self.gold.reviewer, reverse))

    def undo_it(self) -> None:
        decision = self.decision
        assert decision is not None
        self.reverse = self.gold.decide(self.document_id,
                                        lambda session: review.undo(session, self.gold.reviewer, decision))


class ReviewStatusCommand(StoredCommand):
    """Mark a document adjudicated (or open again); undo restores the status it had exactly."""

    document_id: int

    def __init__(self, gold: GoldLayer, history: History, document_id: int, name: str, status: str) -> None:
        super().__init__(history, name, document_id)
        self.gold = gold
        self.status = status
        self.previous: str | None = None

    def do(self) -> None:
        self.previous = self.gold.set_status(self.document_id, self.status)

    def undo_it(self) -> None:
        self.gold.set_status(self.document_id, self.previous)
