"""Merging another project database into this one (``biaozhu merge OTHER_DB``), in the caller's one transaction.

Documents are matched by the sha256 of their normalised text, whatever their names (ours keep our name); the sha256
and length are computed from the text read, never taken from the other project; labels and annotators by name
(theirs that we lack are created as annotators, and reported: their roles are not copied; a label whose hotkey ours
already uses comes without one). Their gold is not ours: it comes in as the layer ``gold@OTHER``
(:func:`biaozhu.db.permissions.merged_layer`), which a reviewer may adopt.
Then, layer by layer (one annotator on one document), comparing spans as
``(start, end, label)``:

- we have no span of that layer: theirs are copied, with note, times and provenance (origin, decider);
- every span of theirs is already ours (merged before, or we went further): nothing changes, so merging
  the same database twice adds nothing;
- otherwise both places edited the layer: a **conflict**. With ``prefer="ours"`` (the default) our layer
  stays and the conflict lists their spans we do not have; with ``prefer="theirs"`` our spans of the layer
  that theirs lack go to the trash (restorable) and theirs we lack are copied, the conflict listing exactly the
  spans of ours moved to the trash.

Relations follow their spans: theirs are copied into every layer merged as above (new, known, or taken with
``prefer="theirs"``), their span ids remapped to ours, where both their spans are then in our layer and the
relation is not there already; a layer in conflict kept as ours takes none. Their relation types we lack are
created with the labels they join. A span's value comes with it (a hand-set one stays set by hand).
A layer's status (in progress, done, adjudicated) is copied when we have none. A reviewer's rejection is
copied when we have not decided that stretch ourselves (no rejection of ours and no gold span over it);
otherwise ours stands and the rejection is counted as overruled. Their comments come along on the documents and
spans we have (:mod:`biaozhu.db.merge_comments`). Trash is not merged.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from biaozhu.corpus.model import Span
from biaozhu.corpus.names import check_annotator, check_document
from biaozhu.corpus.spans import check_layer
from biaozhu.db.audit import record
from biaozhu.db.documents import store_text
from biaozhu.db.exporting import StoredRelation, stored_relations
from biaozhu.db.labels import add_label, free_hotkey, label_ids
from biaozhu.db.merge_comments import merge_comments
from biaozhu.db.models import (
    GOLD,
    Annotator,
    Document,
    DocumentStatus,
    Label,
    Rejection,
    RelationType,
)
from biaozhu.db.models import Relation as RelationRow
from biaozhu.db.models import Span as SpanRow
from biaozhu.db.permissions import merged_layer
from biaozhu.db.relation_types import add_relation_type
from biaozhu.db.spans import trash_span
from biaozhu.db.values import VALUE_COLUMNS, carried_values

PREFERENCES = ("ours", "theirs")


@dataclass(frozen=True, slots=True)
class MergeConflict:
    """One annotator edited one document in both places; ``lost`` are the spans the preferred side lacks."""

    document: str
    sha256: str
    annotator: str
    kept: str
    lost: list[Span]


@dataclass
class MergeResult:
    documents_added: int = 0
    documents_matched: int = 0
    layers_added: int = 0
    layers_known: int = 0
    spans_added: int = 0
    relations_added: int = 0
    statuses_added: int = 0
    rejections_added: int = 0
    rejections_overruled: int = 0
    comments_added: int = 0
    comments_left: int = 0  # on a span we did not take (a conflict kept ours) or on a relation
    labels_created: list[str] = field(default_factory=list)
    relation_types_created: list[str] = field(default_factory=list)
    annotators_created: list[str] = field(default_factory=list)
    conflicts: list[MergeConflict] = field(default_factory=list)


class _Names:
    """Annotators of ours found or created by name; their labels we lack created up front (same order)."""

    def __init__(self, ours: Session, theirs: Session, result: MergeResult, source: str) -> None:
        self.ours, self.result, self.source = ours, result, source
        self.annotators = dict(ours.execute(select(Annotator.name, Annotator.id)).all())
        self.labels = label_ids(ours)
        for label in theirs.scalars(select(Label).order_by(Label.position, Label.id)):
            if label.name not in self.labels:
                self.labels[label.name] = add_label(ours, label.name, label.title, label.color,
                                                    free_hotkey(ours, label.hotkey), label.definition).id
                result.labels_created.append(label.name)
        self.types = {name: id_ for id_, name in ours.execute(select(RelationType.id, RelationType.name))}
        for kind in theirs.scalars(select(RelationType).order_by(RelationType.position, RelationType.id)):
            if kind.name not in self.types:
                self.types[kind.name] = add_relation_type(ours, kind.name, kind.from_labels, kind.to_labels,
                                                          title=kind.title, definition=kind.definition).id
                result.relation_types_created.append(kind.name)

    def annotator(self, their_name: str) -> int:
        name = merged_layer(their_name, self.source)
        if name not in self.annotators:
            check_annotator(name)  # SQLite holds longer names than PostgreSQL: the same limits for both
            row = Annotator(name=name, role="annotator")
            self.ours.add(row)
            self.ours.flush()
            self.annotators[name] = row.id
            self.result.annotators_created.append(name)
        return self.annotators[name]


def _chunks(items: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for offset in range(0, len(items), size):
        yield items[offset:offset + size]


def _their_layers(theirs: Session, doc_ids: list[int]) -> dict[tuple[int, str], list[dict[str, Any]]]:
    names = dict(theirs.execute(select(Annotator.id, Annotator.name)).all())
    layers: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for row in theirs.execute(select(SpanRow.document_id, SpanRow.annotator_id, SpanRow.start, SpanRow.end,
                                     Label.name.label("label"), SpanRow.text, SpanRow.note, SpanRow.created_at,
                                     SpanRow.updated_at, SpanRow.origin_id, SpanRow.decided_by_id,
                                     *(getattr(SpanRow, name) for name in VALUE_COLUMNS))
                              .join(Label, SpanRow.label_id == Label.id).where(SpanRow.document_id.in_(doc_ids))):
        item = row._asdict()
        item["origin"], item["decided_by"] = names.get(row.origin_id), names.get(row.decided_by_id)
        layers.setdefault((row.document_id, names[row.annotator_id]), []).append(item)
    return layers


def _our_layers(ours: Session, doc_ids: list[int]) -> dict[tuple[int, int], dict[Span, int]]:
    layers: dict[tuple[int, int], dict[Span, int]] = {}
    for span_id, doc_id, who, start, end, label, text in ours.execute(
            select(SpanRow.id, SpanRow.document_id, SpanRow.annotator_id, SpanRow.start, SpanRow.end, Label.name,
                   SpanRow.text).join(Label, SpanRow.label_id == Label.id).where(SpanRow.document_id.in_(doc_ids))):
        layers.setdefault((doc_id, who), {})[Span(start, end, label, text)] = span_id
    return layers


def _as_span(item: dict[str, Any]) -> Span:
    return Span(item["start"], item["end"], item["label"], item["text"])


def merge_project(ours: Session, theirs: Session, *, prefer: str = "ours", source: str = "the other project",
                  actor: str | None = None) -> MergeResult:
    """Merge everything in ``theirs`` into ``ours``; the caller commits ``ours`` (or rolls back) as one.

    Their spans are checked as an import checks them (surface text, no crossing): a bad one raises
    InputError naming ``source``, the document and the layer, and the caller's rollback leaves ours as it was.
    Logged as ``actor``'s merge.
    """
    if prefer not in PREFERENCES:
        raise ValueError(f"prefer must be one of {', '.join(PREFERENCES)}")
    result = MergeResult()
    names = _Names(ours, theirs, result, source)
    their_ids = list(theirs.scalars(select(Document.id).order_by(Document.id)))
    for chunk in _chunks(their_ids):
        our_id: dict[int, int] = {}
        # Matched by the sha256 of the text as read here: their stored sha256 and length are not trusted.
        for row in theirs.execute(select(Document).where(Document.id.in_(chunk)).order_by(Document.id)).scalars():
            check_document(row.name, row.text, row.meta)  # what SQLite took and PostgreSQL would not
            document, created = store_text(ours, row.text, row.name, source=row.source,
                                           normalisation=row.normalisation, meta=row.meta, created_at=row.created_at)
            our_id[row.id] = document.id
            result.documents_added += created
            result.documents_matched += not created
        theirs.expunge_all()
        _merge_layers(ours, theirs, names, result, our_id, prefer, source)
    record(ours, actor, "merge", f"from {source} (prefer {prefer}): {result.documents_added} documents, "
                                 f"{result.layers_added} layers ({result.spans_added} spans), "
                                 f"{result.relations_added} relations, "
                                 f"{len(result.conflicts)} conflicts")
    return result


def _merge_layers(ours: Session, theirs: Session, names: _Names, result: MergeResult, our_id: dict[int, int],
                  prefer: str, source: str) -> None:
    ours_now = _our_layers(ours, list(our_id.values()))
    documents = {row.id: row for row in ours.execute(select(Document.id, Document.name, Document.sha256, Document.text)
                                                     .where(Document.id.in_(our_id.values())))}
    rows: list[dict[str, Any]] = []
    kept_ours: set[tuple[int, int]] = set()  # layers in conflict where ours stands: none of their relations
    for (their_doc, who), items in sorted(_their_layers(theirs, list(our_id)).items()):
        doc_id, annotator_id = our_id[their_doc], names.annotator(who)
        document = documents[doc_id]
        check_layer(document.text, [_as_span(item) for item in items], f"{source}: {document.name}, {who}'s layer")
        mine = ours_now.get((doc_id, annotator_id), {})
        theirs_spans = {_as_span(item) for item in items}
        if mine and theirs_spans <= mine.keys():
            result.layers_known += 1
            continue
        if mine:
            lost = sorted((theirs_spans - mine.keys()) if prefer == "ours" else (mine.keys() - theirs_spans))
            result.conflicts.append(MergeConflict(document.name, document.sha256, who, prefer, lost))
            if prefer == "ours":
                kept_ours.add((doc_id, annotator_id))
                continue
            for span in lost:  # exactly the spans reported: those both have stay as they are
                trash_span(ours, mine[span])
            items = [item for item in items if _as_span(item) not in mine]
        result.layers_added += 1
        result.spans_added += len(items)
        rows.extend({"document_id": doc_id, "annotator_id": annotator_id, "label_id": names.labels[item["label"]],
                     "start": item["start"], "end": item["end"], "text": item["text"], "note": item["note"],
                     "created_at": item["created_at"], "updated_at": item["updated_at"],
                     "origin_id": item["origin"] and names.annotator(item["origin"]),
                     "decided_by_id": item["decided_by"] and names.annotator(item["decided_by"]),
                     **carried_values(item["label"], item["text"], item)} for item in items)
    if rows:
        ours.execute(insert(SpanRow), rows)
    _merge_relations(ours, theirs, names, result, our_id, kept_ours)
    _merge_statuses(ours, theirs, names, result, our_id)
    _merge_rejections(ours, theirs, names, result, our_id)
    added, left = merge_comments(ours, theirs, our_id, names.annotator, lambda who: merged_layer(who, source))
    result.comments_added += added
    result.comments_left += left


def _merge_relations(ours: Session, theirs: Session, names: _Names, result: MergeResult, our_id: dict[int, int],
                     kept_ours: set[tuple[int, int]]) -> None:
    """Their relations into our layers, each end found by value among our layer's spans (ids remapped)."""
    their_names = {who: name for who, name in theirs.execute(select(Annotator.id, Annotator.name))}
    wanted: dict[tuple[int, int], list[StoredRelation]] = {}
    for row in stored_relations(theirs.connection(), RelationRow.document_id.in_(list(our_id))):
        layer_key = (our_id[row.document_id], names.annotator(their_names[row.annotator_id]))
        if layer_key not in kept_ours:
            wanted.setdefault(layer_key, []).append(row)
    if not wanted:
        return
    spans = _our_layers(ours, sorted({doc_id for doc_id, _ in wanted}))
    have = {(a, b, kind) for a, b, kind in ours.execute(
        select(RelationRow.from_span_id, RelationRow.to_span_id, RelationRow.type_id)
        .where(RelationRow.document_id.in_(sorted({doc_id for doc_id, _ in wanted}))))}
    rows = []
    for (doc_id, annotator_id), relations in wanted.items():
        layer = spans.get((doc_id, annotator_id), {})
        for row in relations:
            source, target = layer.get(row.relation.from_span), layer.get(row.relation.to_span)
            if source is None or target is None:
                continue
            key = (source, target, names.types[row.relation.type])
            if key in have:
                continue
            have.add(key)
            origin, decided = their_names.get(row.origin_id or 0), their_names.get(row.decided_by_id or 0)
            rows.append({"document_id": doc_id, "annotator_id": annotator_id, "from_span_id": source,
                         "to_span_id": target, "type_id": key[2], "created_at": row.created_at,
                         "origin_id": origin and names.annotator(origin),
                         "decided_by_id": decided and names.annotator(decided)})
    if rows:
        ours.execute(insert(RelationRow), rows)
    result.relations_added += len(rows)


def _merge_statuses(ours: Session, theirs: Session, names: _Names, result: MergeResult,
                    our_id: dict[int, int]) -> None:
    have = {(doc_id, who_id) for doc_id, who_id in ours.execute(
        select(DocumentStatus.document_id, DocumentStatus.annotator_id)
        .where(DocumentStatus.document_id.in_(our_id.values())))}
    for their_doc, who, status, updated in theirs.execute(
            select(DocumentStatus.document_id, Annotator.name, DocumentStatus.status, DocumentStatus.updated_at)
            .join(Annotator, DocumentStatus.annotator_id == Annotator.id)
            .where(DocumentStatus.document_id.in_(our_id))):
        key = (our_id[their_doc], names.annotator(who))
        if key not in have:
            ours.add(DocumentStatus(document_id=key[0], annotator_id=key[1], status=status, updated_at=updated))
            have.add(key)
            result.statuses_added += 1
    ours.flush()


def _merge_rejections(ours: Session, theirs: Session, names: _Names, result: MergeResult,
                      our_id: dict[int, int]) -> None:
    decided = {(doc_id, versions) for doc_id, versions in ours.execute(
        select(Rejection.document_id, Rejection.versions).where(Rejection.document_id.in_(our_id.values())))}
    gold: dict[int, list[tuple[int, int]]] = {}
    for doc_id, start, end in ours.execute(
            select(SpanRow.document_id, SpanRow.start, SpanRow.end)
            .join(Annotator, SpanRow.annotator_id == Annotator.id)
            .where(Annotator.name == GOLD, SpanRow.document_id.in_(our_id.values()))):
        gold.setdefault(doc_id, []).append((start, end))
    their_names = dict(theirs.execute(select(Annotator.id, Annotator.name)).all())
    for row in theirs.execute(select(Rejection).where(Rejection.document_id.in_(our_id))).scalars():
        doc_id = our_id[row.document_id]
        if (doc_id, row.versions) in decided:
            continue
        if any(start < row.end and row.start < end for start, end in gold.get(doc_id, ())):
            result.rejections_overruled += 1
            continue
        who = their_names.get(row.decided_by_id) if row.decided_by_id is not None else None
        ours.add(Rejection(document_id=doc_id, versions=row.versions, start=row.start, end=row.end,
                           decided_by_id=who and names.annotator(who), decided_at=row.decided_at))
        decided.add((doc_id, row.versions))
        result.rejections_added += 1
    ours.flush()
