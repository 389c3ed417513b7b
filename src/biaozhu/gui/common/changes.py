"""One change signal for the whole app: what changed, in which documents, and who caused it.

Whatever writes the project (a layer's edit, a review decision, the trash, an import) publishes a
:class:`Change` on the app's :class:`ChangeBus`; the poller publishes one with no source when another program
changed the project. Every panel subscribes to the one signal and refreshes what it shows, so two windows of
one process see each other's edits at once, without polling.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Flag, auto

from PySide6.QtCore import QObject, Signal


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
class Change:
    """``what`` changed in ``documents`` (empty: not tied to documents, or unknown), caused by ``source``
    (the object whose action it was; None: another program, seen by polling)."""

    what: Changed
    documents: frozenset[int] = field(default_factory=frozenset)
    source: object | None = None

    @property
    def external(self) -> bool:
        return self.source is None

    def touches(self, document_id: int | None) -> bool:
        """Whether this change may concern ``document_id`` (an unknown place concerns every document)."""
        return not self.documents or document_id in self.documents


class ChangeBus(QObject):
    """The app's one change signal."""

    changed = Signal(object)  # Change

    def publish(self, change: Change) -> None:
        self.changed.emit(change)
