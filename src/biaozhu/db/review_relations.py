"""Relations in review: which of the annotators' relations enter gold, decided as spans are.

A relation enters gold only when both its spans are in gold (as those exact spans: start, end and label), and then:

- when every compared annotator has it (agreed), with no origin, as agreed spans go in, unless a reviewer took it
  out of gold (recorded as a rejection, so that it stays out when the document is opened again);
- when an annotator whose version of one of its spans the reviewer took has it too: the relation comes with the
  version, its origin that annotator;
- when a reviewer accepts one annotator's relation (:func:`accept_relation`), its origin that annotator.

Every decision on spans runs :func:`link_relations` before it is written, so a relation whose second span comes
into gold later follows then; a span taken out of gold takes its relations along (:class:`GoldEdit`), and undo
puts them back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.orm import Session, aliased

from biaozhu.corpus.model import Relation
from biaozhu.db.exporting import StoredRelation, relations_by_layer, stored_relations
from biaozhu.db.gold import Decision, GoldEdit, Rejected, gold_relations, gold_spans, rejections
from biaozhu.db.models import Annotator
from biaozhu.db.models import Relation as RelationRow
from biaozhu.db.models import Span as SpanRow
from biaozhu.db.permissions import require_reviewer
from biaozhu.db.spans import SpanRefused


def relation_fingerprint(relation: Relation) -> str:
    """What a rejection of a relation is recorded as (its ends by position and label, and its type)."""
    a, b = relation.from_span, relation.to_span
    text = f"relation\t{a.start}\t{a.end}\t{a.label}\t{b.start}\t{b.end}\t{b.label}\t{relation.type}"
    return hashlib.sha256(text.encode()).hexdigest()


@cache
def _ends() -> tuple[type[SpanRow], type[SpanRow]]:
    """The aliases a relation's two ends are looked up by, made once (each costs a few milliseconds)."""
    return aliased(SpanRow), aliased(SpanRow)


def _near(start: int, stop: int) -> ColumnElement[bool]:
    """Relations with an end overlapping ``[start, stop)`` (found by the relation's own row and its spans' primary
    keys: the relations of one document, not its spans, are scanned)."""
    return or_(*(exists().where(end.id == column, end.start < stop, end.end > start)
                 for end, column in zip(_ends(), (RelationRow.from_span_id, RelationRow.to_span_id), strict=True)))


def layer_relations(session: Session, document_id: int, people: Sequence[str],
                    near: Sequence[tuple[int, int]] | None = None) -> dict[str, set[Relation]]:
    """The relations of these layers on one document, by layer name; only those with an end overlapping one of
    the ranges ``near`` when given (a decision on one disagreement: a few, not the document's hundreds)."""
    names = {who: name for who, name in session.execute(select(Annotator.id, Annotator.name))}
    found: dict[str, set[Relation]] = {name: set() for name in people}
    where = RelationRow.document_id == document_id
    if near is not None:  # one range over them all: a few more relations, one statement to compile
        if not near:
            return found
        where = where & _near(min(a for a, _ in near), max(b for _, b in near))
    for (_, who), relations in relations_by_layer(session.connection(), where).items():
        if names.get(who) in found:
            found[names[who]].update(relations)
    return found


def link_relations(session: Session, edit: GoldEdit, people: Sequence[str], agreed_origin: str | None = None) -> None:
    """Put into gold the relations of ``people`` (the compared layers) that are now due: both spans in gold, and
    agreed by all (origin ``agreed_origin``) or held by the annotator whose version of one of its spans gold took."""
    if not people:
        return
    held = layer_relations(session, edit.decision.document_id, people, edit.read_ranges())
    for relation in set().union(*held.values()):
        if not edit.knows(relation.from_span) and not edit.knows(relation.to_span):
            continue  # away from where the edit read gold: not its decision
        if edit.has(relation.from_span) is None or edit.has(relation.to_span) is None:
            continue
        holders = {name for name, relations in held.items() if relation in relations}
        if len(holders) == len(people):
            if relation_fingerprint(relation) not in edit.rejections:
                edit.link(relation, agreed_origin)
            continue
        origins = {edit.present[relation.from_span].origin, edit.present[relation.to_span].origin}
        taken = sorted(holders & {name for name in origins if name})
        if taken:
            edit.link(relation, taken[0])


def accept_relation(session: Session, document_id: int, reviewer: str, relation: Relation, annotator: str) -> Decision:
    """Take ``annotator``'s relation into gold; both its spans must be there already."""
    edit = GoldEdit(session, document_id, require_reviewer(session, reviewer).name)
    ends = relation.from_span
    if relation not in layer_relations(session, document_id, [annotator], [(ends.start, ends.end)])[annotator]:
        raise SpanRefused(f"{annotator} has no {relation.type} relation from {relation.from_span.text!r} to "
                          f"{relation.to_span.text!r} (changed elsewhere?)")
    if edit.has(relation.from_span) is None or edit.has(relation.to_span) is None:
        raise SpanRefused(f"put both spans of the {relation.type} relation into gold first")
    edit.unreject(relation_fingerprint(relation))
    edit.link(relation, annotator)
    return edit.done()


def take_out_relation(session: Session, document_id: int, reviewer: str, relation: Relation) -> Decision:
    """Take a relation out of gold; recorded as rejected, so that an agreed one is not put back on reopening."""
    edit = GoldEdit(session, document_id, require_reviewer(session, reviewer).name)
    edit.has(relation.from_span)  # reads its relations
    if relation not in edit.links:
        raise SpanRefused(f"the {relation.type} relation from {relation.from_span.text!r} to "
                          f"{relation.to_span.text!r} is not in gold (changed elsewhere?)")
    edit.unlink(relation)
    start = min(relation.from_span.start, relation.to_span.start)
    edit.reject(Rejected(relation_fingerprint(relation), start, max(relation.from_span.end, relation.to_span.end),
                         edit.reviewer))
    return edit.done()


def open_relations(session: Session, document_id: int, people: Sequence[str]) -> list[tuple[StoredRelation, list[str]]]:
    """The relations still to decide: both spans in gold, held by some of ``people`` but not all, neither in gold
    nor taken out; each as its first holder's stored relation (its id, for ``review accept-relation``) with the
    names of those who hold it."""
    names = {who: name for who, name in session.execute(select(Annotator.id, Annotator.name))}
    in_gold = {gold.span for gold in gold_spans(session, document_id)}
    decided = {gold.relation for gold in gold_relations(session, document_id)}
    rejected = rejections(session, document_id)
    found: dict[Relation, tuple[StoredRelation, list[str]]] = {}
    for row in stored_relations(session.connection(), RelationRow.document_id == document_id):
        relation, holder = row.relation, names.get(row.annotator_id, "")
        if holder not in people or relation in decided or relation_fingerprint(relation) in rejected \
                or relation.from_span not in in_gold or relation.to_span not in in_gold:
            continue
        found.setdefault(relation, (row, []))[1].append(holder)
    return [(row, holders) for row, holders in found.values() if len(holders) < len(people)]


def stored_relation(session: Session, relation_id: int) -> tuple[int, str, Relation]:
    """A relation by its id: its document, its layer's name and the relation with its spans by value."""
    row = next(stored_relations(session.connection(), RelationRow.id == relation_id), None)
    if row is None:
        raise SpanRefused(f"there is no relation {relation_id} (`biaozhu relations` lists them)")
    return row.document_id, str(session.scalar(select(Annotator.name).where(Annotator.id == row.annotator_id))), \
        row.relation
