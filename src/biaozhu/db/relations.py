"""Relations between two spans of one layer of one document: read, add, delete (to the trash), restore.

API (every function takes the caller's ``Session``; refusals are :class:`RelationRefused`, a sentence):

- :func:`add_relation` ``(session, from_span_id, to_span_id, type_name) -> id``: checks both spans exist, are in
  the same document and layer, differ, that the type joins their labels and that the link is not there already.
- :func:`relation_between` ``(from_span_id, to_span_id, type_name) -> id``;
  :func:`remove_relation` (undoing an add), :func:`trash_relation` ``-> trash id`` (a user's deletion, kind
  ``relation``), :func:`restore_relation` ``(trash id) -> new id``.
- :func:`layer_relations` ``(document_id, annotator_id) -> [RelationRow]`` with ids; :func:`corpus_relations`
  the same as :class:`biaozhu.corpus.model.Relation` (spans by value) for writers and agreement, and
  :func:`layer_corpus_relations` ``(annotator_id, document_ids=None) -> {document_id: [Relation]}`` in bulk;
  :func:`list_relations` for ``biaozhu relations``.
- Types: :mod:`biaozhu.db.relation_types` (``types_for(session, from_label, to_label)``).

A relation belongs to its spans. A boundary change keeps it (spans are updated in place); a label change the
relation's type does not allow is refused (:func:`check_relabel`): unlink first. A span deleted into the trash
takes its relations along (:func:`relations_payload`, each with its comments); restoring it brings back those
whose other end is still there (:func:`restore_relations`), with their comments on the new ids, the others wait in
the trash as relations of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session, aliased

from biaozhu.corpus.errors import Refusal
from biaozhu.corpus.model import Relation as DomainRelation
from biaozhu.corpus.model import Span as DomainSpan
from biaozhu.corpus.relation_types import RelationTypeDef
from biaozhu.db.comments import comments_payload, restore_comments
from biaozhu.db.documents import lock_layer
from biaozhu.db.models import Annotator, Label, Relation, RelationType, Span, TrashItem


class RelationRefused(Refusal, ValueError):
    """A link the project's rules refuse (to itself, across layers, labels its type does not join); says why."""


@dataclass(frozen=True, slots=True)
class RelationRow:
    """A stored relation: its id, its type's name and the ids of the spans it goes from and to."""

    id: int
    type: str
    from_span_id: int
    to_span_id: int


@dataclass(frozen=True, slots=True)
class _End:
    id: int
    document_id: int
    annotator_id: int
    start: int
    end: int
    label_id: int
    label: str
    text: str


def _end(session: Session, span_id: int) -> _End:
    row = session.execute(select(Span.id, Span.document_id, Span.annotator_id, Span.start, Span.end, Span.label_id,
                                 Label.name, Span.text).join(Label, Label.id == Span.label_id)
                          .where(Span.id == span_id)).one_or_none()
    if row is None:
        raise RelationRefused(f"span {span_id} is gone (deleted elsewhere?)")
    return _End(*row)


def _type(session: Session, name: str) -> RelationType:
    found = session.scalar(select(RelationType).where(RelationType.name == name))
    if found is None:
        raise RelationRefused(f"there is no relation type {name}")
    return found


def _quote(text: str) -> str:
    return f"“{text if len(text) <= 16 else text[:15] + '…'}”"


def _insert(session: Session, source: _End, target: _End, kind: RelationType, *, origin_id: int | None,
            decided_by_id: int | None, check_labels: bool = True) -> int:
    """Store a link; a trashed one comes back even where its type was narrowed meanwhile (``check_labels``)."""
    if source.id == target.id:
        raise RelationRefused("a span cannot be linked to itself")
    if (source.document_id, source.annotator_id) != (target.document_id, target.annotator_id):
        raise RelationRefused("only spans of one layer of one document can be linked")
    allowed = RelationTypeDef(kind.name, kind.title, tuple(kind.from_labels), tuple(kind.to_labels))
    if check_labels and not allowed.joins(source.label, target.label):
        raise RelationRefused(f"{kind.name} links {'/'.join(kind.from_labels)} to {'/'.join(kind.to_labels)}, "
                              f"not {source.label} to {target.label}")
    lock_layer(session, source.document_id, source.annotator_id)
    twin = session.scalar(select(Relation.id).where(Relation.from_span_id == source.id,
                                                    Relation.to_span_id == target.id, Relation.type_id == kind.id))
    if twin is not None:
        raise RelationRefused(f"{_quote(source.text)} is linked to {_quote(target.text)} as {kind.name} already")
    relation = Relation(document_id=source.document_id, annotator_id=source.annotator_id, type_id=kind.id,
                        from_span_id=source.id, to_span_id=target.id, origin_id=origin_id,
                        decided_by_id=decided_by_id)
    session.add(relation)
    session.flush()
    return relation.id


def add_relation(session: Session, from_span_id: int, to_span_id: int, type_name: str, *,
                 origin_id: int | None = None, decided_by_id: int | None = None) -> int:
    """Link two spans of one layer with the type called ``type_name``; returns the relation's id."""
    source, target = _end(session, from_span_id), _end(session, to_span_id)
    return _insert(session, source, target, _type(session, type_name), origin_id=origin_id,
                   decided_by_id=decided_by_id)


def relation_between(session: Session, from_span_id: int, to_span_id: int, type_name: str) -> int:
    """The id of the link of this type from one span to the other (undo knows links by their ends: restoring a
    span gives its links new ids); refused when there is none."""
    found = session.scalar(select(Relation.id).join(RelationType, RelationType.id == Relation.type_id).where(
        Relation.from_span_id == from_span_id, Relation.to_span_id == to_span_id, RelationType.name == type_name))
    if found is None:
        raise RelationRefused("that link is gone (deleted elsewhere?)")
    return found


def remove_relation(session: Session, relation_id: int) -> None:
    """Delete a relation outright (undoing its creation); user deletions go through :func:`trash_relation`."""
    session.execute(delete(Relation).where(Relation.id == relation_id))


def _rows(session: Session, where: Any) -> list[RelationRow]:
    query = (select(Relation.id, RelationType.name, Relation.from_span_id, Relation.to_span_id)
             .join(RelationType, RelationType.id == Relation.type_id).where(where).order_by(Relation.id))
    return [RelationRow(*row) for row in session.execute(query)]


def layer_relations(session: Session, document_id: int, annotator_id: int) -> list[RelationRow]:
    """One layer's relations on one document, oldest first."""
    return _rows(session, (Relation.document_id == document_id) & (Relation.annotator_id == annotator_id))


def corpus_relations(session: Session, document_id: int, annotator_id: int) -> list[DomainRelation]:
    """One layer's relations on one document with their spans by value, as readers, writers and agreement
    take them."""
    return layer_corpus_relations(session, annotator_id, [document_id]).get(document_id, [])


def layer_corpus_relations(session: Session, annotator_id: int,
                           document_ids: list[int] | None = None) -> dict[int, list[DomainRelation]]:
    """One layer's relations by document (of these documents, or all), in one query: what an export of
    thousands of documents reads."""
    source, target = aliased(Span), aliased(Span)
    source_label, target_label = aliased(Label), aliased(Label)
    query = (select(Relation.document_id, source.start, source.end, source_label.name, source.text, target.start,
                    target.end, target_label.name, target.text, RelationType.name)
             .select_from(Relation)
             .join(source, source.id == Relation.from_span_id).join(source_label, source_label.id == source.label_id)
             .join(target, target.id == Relation.to_span_id).join(target_label, target_label.id == target.label_id)
             .join(RelationType, RelationType.id == Relation.type_id)
             .where(Relation.annotator_id == annotator_id))
    if document_ids is not None:
        query = query.where(Relation.document_id.in_(document_ids))
    found: dict[int, list[DomainRelation]] = {}
    for row in session.execute(query.order_by(Relation.document_id, source.start, source.end, target.start,
                                              target.end, RelationType.name)):
        found.setdefault(row[0], []).append(DomainRelation(DomainSpan(*row[1:5]), DomainSpan(*row[5:9]), row[9]))
    return found


@dataclass(frozen=True, slots=True)
class RelationListing:
    """A row of ``biaozhu relations``: where, whose, which type, and the starts of both spans' texts."""

    id: int
    document_id: int
    annotator: str
    type: str
    from_span_id: int
    from_text: str
    to_span_id: int
    to_text: str


def list_relations(session: Session, document_id: int | None = None, annotator: str | None = None,
                   shown: int = 40) -> list[RelationListing]:
    """Relations by document and position, of one document and/or annotator; ``shown`` characters of each text."""
    source, target = aliased(Span), aliased(Span)
    query = (select(Relation.id, Relation.document_id, Annotator.name, RelationType.name, source.id,
                    func.substr(source.text, 1, shown), target.id, func.substr(target.text, 1, shown))
             .join(Annotator, Annotator.id == Relation.annotator_id)
             .join(RelationType, RelationType.id == Relation.type_id)
             .join(source, source.id == Relation.from_span_id).join(target, target.id == Relation.to_span_id))
    if document_id is not None:
        query = query.where(Relation.document_id == document_id)
    if annotator is not None:
        query = query.where(Annotator.name == annotator)
    order = (Relation.document_id, Annotator.name, source.start, target.start, Relation.id)
    return [RelationListing(*row) for row in session.execute(query.order_by(*order))]


def check_relabel(session: Session, span_id: int, label: str) -> None:
    """Refuse to give a span a label its relations' types do not allow at its end of them."""
    for row in _rows(session, or_(Relation.from_span_id == span_id, Relation.to_span_id == span_id)):
        kind = _type(session, row.type)
        outgoing = row.from_span_id == span_id
        if label not in (kind.from_labels if outgoing else kind.to_labels):
            other = _end(session, row.to_span_id if outgoing else row.from_span_id)
            raise RelationRefused(f"it is linked as {kind.name} {'to' if outgoing else 'from'} {_quote(other.text)}, "
                                  f"which a {label} cannot be; unlink it first")


# --- the trash ---------------------------------------------------------------------------------------------------

_END_FIELDS = ("id", "start", "end", "label_id", "text")
# Built once: aliasing the two ends and the columns through them cost more than running the query (a deletion
# in the window asks for it every time).
_SOURCE, _TARGET = aliased(Span, name="source"), aliased(Span, name="target")
_PAYLOAD = (select(Relation.id, RelationType.name, Relation.document_id, Relation.annotator_id, Relation.origin_id,
                   Relation.decided_by_id, *(getattr(_SOURCE, name) for name in _END_FIELDS),
                   *(getattr(_TARGET, name) for name in _END_FIELDS))
            .join(RelationType, RelationType.id == Relation.type_id)
            .join(_SOURCE, _SOURCE.id == Relation.from_span_id).join(_TARGET, _TARGET.id == Relation.to_span_id))


def relations_payload(session: Session, *, span_id: int | None = None, document_id: int | None = None,
                      label_id: int | None = None, relation_id: int | None = None) -> list[dict[str, Any]]:
    """The relations touching a span, in a document, touching a label's spans, or one relation, as the trash
    keeps them: type by name, each end by id and by place (a restored span gets a new id), with their comments
    (a restored relation gets a new id too). Two queries, whatever their number: a label may have a hundred
    thousand spans."""
    query = _PAYLOAD
    if span_id is not None:
        query = query.where(or_(Relation.from_span_id == span_id, Relation.to_span_id == span_id))
    if document_id is not None:
        query = query.where(Relation.document_id == document_id)
    if label_id is not None:
        query = query.where(or_(_SOURCE.label_id == label_id, _TARGET.label_id == label_id))
    if relation_id is not None:
        query = query.where(Relation.id == relation_id)
    width = len(_END_FIELDS)
    found = [{"id": row[0], "type": row[1], "document_id": row[2], "annotator_id": row[3], "origin_id": row[4],
              "decided_by_id": row[5], "from": dict(zip(_END_FIELDS, row[6:6 + width], strict=True)),
              "to": dict(zip(_END_FIELDS, row[6 + width:], strict=True)), "comments": []}
             for row in session.execute(query.order_by(Relation.id))]
    if found:
        by_id = {item["id"]: item for item in found}
        ids = query.with_only_columns(Relation.id).order_by(None)  # no IN list of a hundred thousand ids
        for comment in comments_payload(session, relation_ids=ids):
            by_id[comment["relation_id"]]["comments"].append(comment)
    return found


def _find(session: Session, document_id: int, annotator_id: int, end: dict[str, Any]) -> _End | None:
    """A trashed relation's end as it is now: the same span, or one restored in its place."""
    span_id = session.scalar(select(Span.id).where(
        Span.document_id == document_id, Span.annotator_id == annotator_id, Span.start == end["start"],
        Span.end == end["end"], Span.label_id == end["label_id"]).order_by((Span.id == end["id"]).desc(), Span.id))
    return None if span_id is None else _end(session, span_id)


def _summary(item: dict[str, Any]) -> str:
    return f"{item['type']} {item['from']['text'][:40]} → {item['to']['text'][:40]}"


def _restore_one(session: Session, item: dict[str, Any], document_id: int) -> int | None:
    """Put one trashed relation back in ``document_id`` (or find it back already: both of its spans were in
    one trash item); None when an end or its type is not there."""
    ends = [_find(session, document_id, item["annotator_id"], item[side]) for side in ("from", "to")]
    kind = session.scalar(select(RelationType).where(RelationType.name == item["type"]))
    if ends[0] is None or ends[1] is None or kind is None:
        return None
    twin = session.scalar(select(Relation.id).where(Relation.from_span_id == ends[0].id,
                                                    Relation.to_span_id == ends[1].id, Relation.type_id == kind.id))
    return twin if twin is not None else _insert(session, ends[0], ends[1], kind, origin_id=item.get("origin_id"),
                                                 decided_by_id=item.get("decided_by_id"), check_labels=False)


def restore_relations(session: Session, items: list[dict[str, Any]], document_id: int | None = None) -> int:
    """Bring back relations that left with their spans, in ``document_id`` (default: where they were); those
    whose other end is gone stay in the trash as relations of their own. Returns how many came back."""
    back, seen = 0, set()
    for item in items:
        if item["id"] in seen:
            continue
        seen.add(item["id"])
        where = item["document_id"] if document_id is None else document_id
        relation_id = _restore_one(session, item, where)
        if relation_id is not None:
            if item.get("comments"):
                restore_comments(session, item["comments"], document_id=where,
                                 relation_ids={item["id"]: relation_id})
            back += 1
        else:
            session.add(TrashItem(kind="relation", document_id=where, annotator_id=item["annotator_id"],
                                  summary=_summary(item), payload={**item, "document_id": where}))
    session.flush()
    return back


def trash_relation(session: Session, relation_id: int) -> int:
    """Delete one relation into the trash with its comments (its spans stay); returns the trash item's id."""
    found = relations_payload(session, relation_id=relation_id)
    if not found:
        raise RelationRefused(f"relation {relation_id} is gone (deleted elsewhere?)")
    item = found[0]
    trashed = TrashItem(kind="relation", document_id=item["document_id"], annotator_id=item["annotator_id"],
                        summary=_summary(item), payload=item)
    session.add(trashed)
    remove_relation(session, relation_id)
    session.flush()
    return trashed.id


def restore_relation(session: Session, trash_id: int) -> int:
    """Put a trashed relation back between its spans (or the spans restored in their places); returns its id."""
    trashed = session.get(TrashItem, trash_id)
    if trashed is None or trashed.kind != "relation":
        raise RelationRefused(f"trash item {trash_id} is not a deleted relation")
    relation_id = _restore_one(session, trashed.payload, trashed.payload["document_id"])
    if relation_id is None:
        raise RelationRefused("one of its spans (or its type) is not there; restore it first")
    if trashed.payload.get("comments"):
        restore_comments(session, trashed.payload["comments"], document_id=trashed.payload["document_id"],
                         relation_ids={trashed.payload["id"]: relation_id})
    session.delete(trashed)
    session.flush()
    return relation_id
