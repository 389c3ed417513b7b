"""One change signal for the whole app: what changed, in which documents, and who caused it.

Whatever writes the project (a layer's edit, a review decision, the trash, an import) publishes a
:class:`Change` on the app's :class:`ChangeBus`; the poller publishes one with no source when another program
changed the project. Every panel subscribes to the one signal and refreshes what it shows, so two windows of
one process see each other's edits at once, without polling.

A writer that knows exactly which spans it added and removed says so (:class:`SpanDelta`): listeners then follow
in memory (word snapping's counts, the change token) instead of reading a million spans again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Flag, auto

from PySide6.QtCore import QObject, Signal

from biaozhu.db.rows import SpanRow


class Changed(Flag):
    SPANS = auto()  # spans added, removed, relabelled or moved (any layer but gold)
    STATUS = auto()  # a layer's status on a document (in progress, done, adjudicated)
    GOLD = auto()  # the gold layer or its rejections
    DOCUMENTS = auto()  # documents imported, renamed or deleted
    LABELS = auto()  # labels added, changed or deleted
    TRASH = auto()  # something went into the trash or came back
    ANNOTATORS = auto()  # annotators or their roles
    COMMENTS = auto()  # comments made, resolved, reopened or deleted
    EVERYTHING = SPANS | STATUS | GOLD | DOCUMENTS | LABELS | TRASH | ANNOTATORS | COMMENTS


@dataclass(frozen=True)
class SpanDelta:
    """Every span row a write added and removed (a relabelled or moved span is removed as it was and added as
    it is), the trash items it made and took back, the change token's highest ids after it
    (:func:`biaozhu.db.changes.edit_state`) and how far it moved the part of the writer's open layer
    (:func:`biaozhu.db.changes.moved`): exact, or the writer publishes no delta at all."""

    added: tuple[SpanRow, ...] = ()
    removed: tuple[SpanRow, ...] = ()
    trashed: tuple[int, ...] = ()
    restored: tuple[int, ...] = ()
    layer: tuple[int, int] | None = None  # (document id, annotator id) whose part ``moved`` says
    state: tuple[object, ...] = ()
    # What those trash items held besides spans ("relations", "comments", "pins": biaozhu.db.spans.carried), or
    # what a review decision's spans took along: the panels showing what a write carried none of do not read it
    # again, and the change token, which counts them, is read again when it carried any.
    carried: frozenset[str] = frozenset()
    # A review decision's: the relations it added (negative: removed), and the updated_at it gave its layer's
    # status row with whether that row is new (biaozhu.db.changes.ChangeToken.after).
    relations: int = 0
    stamped: tuple[object, bool] | None = None
    moved: tuple[int, ...] = ()


@dataclass(frozen=True)
class Change:
    """``what`` changed in ``documents`` (empty: not tied to documents, or unknown), caused by ``source``
    (the object whose action it was; None: another program, seen by polling); ``delta``: exactly what it did
    to the spans, when the writer knows."""

    what: Changed
    documents: frozenset[int] = field(default_factory=frozenset)
    source: object | None = None
    delta: SpanDelta | None = None

    @property
    def external(self) -> bool:
        return self.source is None

    def touches(self, document_id: int | None) -> bool:
        """Whether this change may concern ``document_id`` (an unknown place concerns every document)."""
        return not self.documents or document_id in self.documents


def carried_none(change: Change, kind: str) -> bool:
    """Whether ``change`` is a span edit or a review decision that says it moved no ``kind`` ("relations",
    "comments", "pins") into the trash or out of it, or took none along: a deletion of a span nobody commented on
    needs no comment read again."""
    return change.what & ~(Changed.SPANS | Changed.TRASH | Changed.GOLD) == Changed(0) and change.delta is not None \
        and kind not in change.delta.carried


class ChangeBus(QObject):
    """The app's one change signal."""

    changed = Signal(object)  # Change

    def publish(self, change: Change) -> None:
        self.changed.emit(change)
