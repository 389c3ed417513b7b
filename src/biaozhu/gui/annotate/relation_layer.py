"""The open document's relations in the annotator's layer, as the window shows and edits them: one database
transaction per edit (through the app's :class:`ActionRunner`), each published on the change bus.

Undo commands (``relation_commands.py``) know a link by its two spans' :class:`SpanHandle` and its type, never
by its id: deleting a span and undoing that brings its links back under new ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from biaozhu.corpus.relation_types import RelationTypeDef
from biaozhu.db import relations as db_relations
from biaozhu.db.relation_types import as_def, list_relation_types
from biaozhu.db.relations import RelationRow
from biaozhu.gui.annotate.layer import Layer, SpanHandle
from biaozhu.gui.common.changes import Change, Changed, SpanDelta


@dataclass(frozen=True, slots=True)
class Link:
    """A way the selected span may be joined to another: the type, and whether the selected span is its start."""

    type: RelationTypeDef
    outgoing: bool

    def caption(self) -> str:
        return self.type.title or self.type.name


class RelationLayer(QObject):
    """The relations of the layer's open document and the project's relation types: read when the document
    opens and after edits of links; the layer's own span edits are followed in memory (:meth:`follow`)."""

    changed = Signal()

    def __init__(self, layer: Layer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.layer = layer
        self.runner = layer.runner
        self.rows: list[RelationRow] = []
        self.types: list[RelationTypeDef] = []

    def reload(self) -> None:
        """Read the open document's relations (and the types) again; refusals are the caller's to show."""
        document_id, annotator_id = self.layer.document_id, self.layer.annotator_id

        def read(session: Session) -> tuple[list[RelationRow], list[RelationTypeDef]]:
            rows = [] if document_id is None else db_relations.layer_relations(session, document_id, annotator_id)
            return rows, [as_def(kind) for kind in list_relation_types(session)]

        self.rows, self.types = self.runner.read(read)
        self.changed.emit()

    def follow(self, delta: SpanDelta | None) -> None:
        """The layer's own edit of the open document's spans, as its delta says: a span gone (deleted or its
        adding undone) took its links along, as the database's cascade did; a span back from the trash with links
        may bring some back, under new ids, so only then (or when the edit did not say what it did) are they read
        again. Adding, relabelling or moving a span changes no link: nothing is read for them."""
        if delta is None or "relations" in delta.carried and delta.restored:
            self.reload()
            return
        gone = {row.id for row in delta.removed} - {row.id for row in delta.added}
        if gone:
            self.rows = [row for row in self.rows if row.from_span_id not in gone and row.to_span_id not in gone]
        self.changed.emit()

    def of_span(self, span_id: int) -> list[RelationRow]:
        """The links that start or end at a span."""
        return [row for row in self.rows if span_id in (row.from_span_id, row.to_span_id)]

    def links(self, selected: str, other: str) -> list[Link]:
        """How a span labelled ``selected`` may be joined to one labelled ``other``: out, then in."""
        return [Link(kind, True) for kind in self.types if kind.joins(selected, other)] + \
            [Link(kind, False) for kind in self.types if kind.joins(other, selected)]

    def caption(self, type_name: str) -> str:
        kind = next((kind for kind in self.types if kind.name == type_name), None)
        return (kind.title or kind.name) if kind is not None else type_name

    def _publish(self, document_id: int) -> None:
        self.runner.bus.publish(Change(Changed.SPANS, frozenset({document_id}), self))
        self.reload()

    def link(self, document_id: int, source: SpanHandle, target: SpanHandle, type_name: str) -> None:
        from_id, to_id = source.id, target.id
        assert from_id is not None and to_id is not None
        self.runner.write(lambda session: db_relations.add_relation(session, from_id, to_id, type_name))
        self._publish(document_id)

    def unlink(self, document_id: int, source: SpanHandle, target: SpanHandle, type_name: str) -> None:
        """Remove a link outright (undoing its making)."""
        from_id, to_id = source.id, target.id
        assert from_id is not None and to_id is not None
        self.runner.write(lambda session: db_relations.remove_relation(
            session, db_relations.relation_between(session, from_id, to_id, type_name)))
        self._publish(document_id)

    def trash(self, document_id: int, source: SpanHandle, target: SpanHandle, type_name: str) -> int:
        """Delete a link into the trash; returns the trash item's id."""
        from_id, to_id = source.id, target.id
        assert from_id is not None and to_id is not None
        trash_id = self.runner.write(lambda session: db_relations.trash_relation(
            session, db_relations.relation_between(session, from_id, to_id, type_name)))
        self._publish(document_id)
        return trash_id

    def restore(self, document_id: int, trash_id: int) -> None:
        self.runner.write(lambda session: db_relations.restore_relation(session, trash_id))
        self._publish(document_id)
