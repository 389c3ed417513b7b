"""The reviewer's decisions as undo commands: each redo and each undo is one transaction through
:mod:`biaozhu.db.review`, so what is undone in the window is undone in the gold layer on disk.

A decision refused (not a reviewer, versions that would cross, a locked database) makes its command
obsolete, which keeps it off the undo stack, and says why through :class:`GoldLayer.refused`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db import review
from biaozhu.db.errors import StorageError, storage_errors
from biaozhu.db.review_queries import set_review_status
from biaozhu.db.spans import SpanRefused

T = TypeVar("T")
REFUSALS = (review.NotAReviewer, SpanRefused, StorageError)


class GoldLayer(QObject):
    """Where the review window's commands write: the gold layer, as one reviewer."""

    gold_changed = Signal(int)  # document id
    status_changed = Signal(int)
    refused = Signal(str)

    def __init__(self, sessions: sessionmaker[Session], reviewer: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.reviewer = reviewer

    def run(self, step: Callable[[Session], T]) -> T:
        """One step in one transaction; storage errors come out as :class:`StorageError`."""
        with storage_errors(), self.sessions.begin() as session:
            return step(session)


class ReviewCommand(QUndoCommand):
    def __init__(self, gold: GoldLayer, document_id: int, text: str) -> None:
        super().__init__(text)
        self.gold = gold
        self.document_id = document_id

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except REFUSALS as exc:
            self.setObsolete(True)
            self.gold.refused.emit(str(exc))


class DecisionCommand(ReviewCommand):
    """A decision on gold (accept one version, accept both, reject, edit the boundary, relabel, draw a span,
    take one out, take the agreed spans).

    ``decide`` runs once; afterwards undo and redo replay the recorded :class:`review.Decision` backwards
    and forwards, so a redo puts back exactly what the reviewer saw, provenance included.
    """

    def __init__(self, gold: GoldLayer, document_id: int, text: str, decide: Callable[[Session], review.Decision],
                 number: int | None = None) -> None:
        super().__init__(gold, document_id, text)
        self.decide = decide
        self.number = number  # which disagreement: undo and redo show it
        self.decision: review.Decision | None = None
        self.reverse: review.Decision | None = None

    def redo(self) -> None:
        self._guarded(self._redo)

    def undo(self) -> None:
        self._guarded(self._undo)

    def _redo(self) -> None:
        if self.reverse is None:
            self.decision = self.gold.run(self.decide)
            if not self.decision.changed:
                self.setObsolete(True)  # nothing changed: no empty step on the undo stack
        else:
            self.decision = self.gold.run(lambda s: review.undo(s, self.gold.reviewer, self.reverse))
        self.gold.gold_changed.emit(self.document_id)

    def _undo(self) -> None:
        decision = self.decision
        assert decision is not None
        self.reverse = self.gold.run(lambda s: review.undo(s, self.gold.reviewer, decision))
        self.gold.gold_changed.emit(self.document_id)


class ReviewStatusCommand(ReviewCommand):
    """Mark a document adjudicated (or open again); undo restores the status it had exactly."""

    def __init__(self, gold: GoldLayer, document_id: int, text: str, status: str) -> None:
        super().__init__(gold, document_id, text)
        self.status = status
        self.previous: str | None = None

    def redo(self) -> None:
        self._guarded(self._redo)

    def undo(self) -> None:
        self._guarded(lambda: self._set(self.previous))

    def _redo(self) -> None:
        self.previous = self._set(self.status)

    def _set(self, status: str | None) -> str | None:
        previous = self.gold.run(lambda s: set_review_status(s, self.document_id, self.gold.reviewer, status))
        self.gold.status_changed.emit(self.document_id)
        return previous
