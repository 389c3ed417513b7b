"""Linking two spans and deleting a link, each one undo step that writes the database (``common/undo.py``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from biaozhu.db.rows import SpanRow
from biaozhu.gui.annotate.commands import LayerCommand, _name
from biaozhu.gui.annotate.relation_layer import RelationLayer
from biaozhu.gui.common.undo import History
from biaozhu.gui.common.wording import short

LINK = QT_TRANSLATE_NOOP("Commands", "link “%1” → “%2” (%3)")
UNLINK = QT_TRANSLATE_NOOP("Commands", "unlink “%1” → “%2” (%3)")


class RelationCommand(LayerCommand):
    """An edit of one link, known by its spans' handles and its type."""

    def __init__(self, relations: RelationLayer, history: History, document_id: int, source: SpanRow,
                 target: SpanRow, type_name: str, template: object) -> None:
        super().__init__(relations.layer, history, document_id,
                         _name(template, short(source.text, 12), short(target.text, 12),
                                      relations.caption(type_name)))
        self.relations = relations
        self.source, self.target = relations.layer.handle(source.id), relations.layer.handle(target.id)
        self.type_name = type_name


class LinkSpans(RelationCommand):
    def __init__(self, relations: RelationLayer, history: History, document_id: int, source: SpanRow,
                 target: SpanRow, type_name: str) -> None:
        super().__init__(relations, history, document_id, source, target, type_name, LINK)

    def do(self) -> None:
        self.relations.link(self.document_id, self.source, self.target, self.type_name)

    def undo_it(self) -> None:
        self.relations.unlink(self.document_id, self.source, self.target, self.type_name)


class UnlinkSpans(RelationCommand):
    """A link deleted into the trash; undo brings it back from there."""

    def __init__(self, relations: RelationLayer, history: History, document_id: int, source: SpanRow,
                 target: SpanRow, type_name: str) -> None:
        super().__init__(relations, history, document_id, source, target, type_name, UNLINK)
        self.trash_id: int | None = None

    def do(self) -> None:
        self.trash_id = self.relations.trash(self.document_id, self.source, self.target, self.type_name)

    def undo_it(self) -> None:
        assert self.trash_id is not None
        self.relations.restore(self.document_id, self.trash_id)
