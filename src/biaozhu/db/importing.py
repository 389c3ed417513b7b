"""Storing what a reader parsed: documents deduplicated by text, spans merged into their layers, with the
relations between them and the values the file gave METRIC spans.

The caller wraps one file in one transaction, so a file is stored whole or not at all. Relation types are treated
as labels are: one the project lacks refuses the file, unless ``create_labels`` (then it is created, joining the
labels the file's relations of that type join); a relation its type does not allow between its ends' labels
refuses the file, naming its line. A value the file gives a METRIC span is kept; one that differs from what its
text reads as is stored as set by hand, as it was where the file came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import InputError, Refused
from biaozhu.corpus.model import Relation as DomainRelation
from biaozhu.corpus.model import SourceDocument, SpanValue
from biaozhu.corpus.model import Span as DomainSpan
from biaozhu.corpus.spans import check_span, find_crossings
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.audit import record
from biaozhu.db.bulk import Row, insert_rows
from biaozhu.db.comments import import_comments
from biaozhu.db.documents import lock_layers, store_sources
from biaozhu.db.labels import add_labels, label_ids
from biaozhu.db.models import Base, Label, Relation, RelationType, Span, utcnow
from biaozhu.db.permissions import is_reserved, merged_layer
from biaozhu.db.relation_types import add_relation_type
from biaozhu.db.status import touch_layers
from biaozhu.db.values import METRIC, carried_values, value_columns


@dataclass
class ImportResult:
    """What one file added, and what was already there."""

    documents_added: int = 0
    documents_known: int = 0
    spans_added: int = 0
    spans_known: int = 0
    relations_added: int = 0
    relations_known: int = 0
    comments_added: int = 0
    labels_created: list[str] = field(default_factory=list)
    relation_types_created: list[str] = field(default_factory=list)


def _listed(names: list[str]) -> str:
    more = f" and {len(names) - 10} more" if len(names) > 10 else ""
    return ", ".join(name[:40] for name in names[:10]) + more


class MissingLabels(InputError):
    """The file uses labels or relation types the project does not have (and --create-labels was not given)."""

    def __init__(self, path: str, names: set[str], types: set[str] | None = None) -> None:
        self.names = sorted(names)
        self.types = sorted(types or ())
        sentences = []
        if self.names:
            sentences.append(f"{len(self.names)} labels the project does not have: {_listed(self.names)} "
                             "(add them with `biaozhu labels add` or import with --create-labels)")
        if self.types:
            sentences.append(f"{len(self.types)} relation types the project does not have: {_listed(self.types)} "
                             "(add them in the labels dialog or import with --create-labels)")
        super().__init__(path, "; ".join(sentences))


def _layers(session: Session, keys: list[tuple[int, int]]) -> dict[tuple[int, int], list[DomainSpan]]:
    """The spans of these ``(document_id, annotator_id)`` layers, read a batch of documents at a time."""
    layers: dict[tuple[int, int], list[DomainSpan]] = {key: [] for key in keys}
    by_annotator: dict[int, list[int]] = {}
    for document_id, annotator_id in keys:
        by_annotator.setdefault(annotator_id, []).append(document_id)
    for annotator_id, ids in by_annotator.items():
        for offset in range(0, len(ids), 500):
            for document_id, start, end, label, text in session.execute(
                    select(Span.document_id, Span.start, Span.end, Label.name, Span.text).join(Label)
                    .where(Span.annotator_id == annotator_id, Span.document_id.in_(ids[offset:offset + 500]))):
                layers[(document_id, annotator_id)].append(DomainSpan(start, end, label, text))
    return layers


def _table(model: type[Base]) -> Table:
    """A model's table, for Core inserts (no ORM bookkeeping per row)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _rename_reserved(path: str, documents: Sequence[SourceDocument]) -> None:
    """The file's gold (majority, suggestions) layer becomes ``gold@FILE``; the first such document says so."""
    told = False
    for source in documents:
        if source.annotator and is_reserved(source.annotator):
            layer = merged_layer(source.annotator, path)
            if not told and layer != source.annotator:
                source.notes.append(f"{path}: its {source.annotator} layer was imported as the layer {layer} (gold is "
                                    f"written only by reviewers; one adopts it with `biaozhu review adopt {layer} "
                                    "--reviewer NAME`)")
                told = True
            source.annotator = layer


def store_documents(session: Session, path: str, documents: Sequence[SourceDocument], *,
                    create_labels: bool = False, actor: str | None = None) -> ImportResult:
    """Store one file's documents and spans; raises InputError (and stores nothing) on any conflict. A layer with
    a reserved name (the file's gold) is stored as ``gold@FILE``, which a reviewer may adopt: gold is written
    by reviewers' decisions only. Logged as ``actor``'s import."""
    result = ImportResult()
    _rename_reserved(path, documents)
    labels = label_ids(session)
    missing = {span.label for doc in documents for span in doc.spans} - labels.keys()
    types = {name: (id_, set(f), set(t)) for id_, name, f, t in session.execute(
        select(RelationType.id, RelationType.name, RelationType.from_labels, RelationType.to_labels))}
    missing_types = {r.type for doc in documents for r in doc.relations} - types.keys()
    if (missing or missing_types) and not create_labels:
        raise MissingLabels(path, missing, missing_types)
    # Only when there are new labels: adding none still read the labels twice and the trash (its modules too).
    for label in add_labels(session, sorted(missing)) if missing else ():
        labels[label.name] = label.id
        result.labels_created.append(label.name)
    types.update(_add_types(session, path, documents, sorted(missing_types)))
    result.relation_types_created.extend(sorted(missing_types))
    _check_types(path, documents, types)
    stored = store_sources(session, documents)
    result.documents_added = sum(document.created for document in stored)
    result.documents_known = len(stored) - result.documents_added
    annotators = {name: ensure_annotator(session, name)  # once per file, not once per document
                  for name in sorted({source.annotator for source in documents if source.spans and source.annotator})}
    made = {document.id for document in stored if document.created}
    # Each layer as it stands with this file's spans so far: a file may hold one text for one annotator on several
    # lines (or Label Studio annotations), and their spans must not cross or double each other either. A layer of
    # a document stored before is locked (the same annotator may be adding spans right now) and read, in batches.
    pairs = list(zip(documents, stored, strict=True))
    before = sorted({(document.id, annotators[source.annotator].id) for source, document in pairs
                     if source.spans and source.annotator and document.id not in made})
    lock_layers(session, before)
    layers = _layers(session, before)
    rows: list[Row] = []
    figures: list[Row] = []
    now = utcnow()
    same = {"note": "", "created_at": now, "updated_at": now}

    def store_spans() -> None:
        """The columns every span has; a METRIC span's figure too (only there: each value bound costs time). A
        batch at a time, each in order of documents: the indexes grow at their ends, and memory stays small."""
        insert_rows(session, _table(Span), SPAN_COLUMNS, rows, same)
        insert_rows(session, _table(Span), SPAN_COLUMNS + VALUE_COLUMNS, figures, same)
        rows.clear()
        figures.clear()

    links: dict[tuple[int, int], list[DomainRelation]] = {}  # each layer's relations in this file
    commented: list[tuple[SourceDocument, int, int]] = []
    touched: set[tuple[int, int]] = set()  # layers this file adds to: 'in progress', one executemany at the end
    for source, document in pairs:
        if not source.spans:
            continue  # a relation has two spans: none here
        assert source.annotator, "readers give every span an annotator"
        annotator = annotators[source.annotator]
        text, length = source.text, len(source.text)  # the stored text: the same sha256
        # Readers check too; storage never trusts its caller with the invariant. One list (tuples taken apart in
        # C), then check_span says what is wrong with the first span that breaks it.
        for span in [span for span in source.spans
                     if not 0 <= span[0] < span[1] <= length or text[span[0]:span[1]] != span[3]]:
            check_span(text, span, path, source.line)
        key = (document.id, annotator.id)
        existing = layers.setdefault(key, [])
        unique = list(dict.fromkeys(source.spans))
        known = set(existing)
        new = [span for span in unique if span not in known] if known else unique
        result.spans_known += len(source.spans) - len(new)
        crossing = find_crossings(existing + new)
        if crossing:
            a, b = crossing[0]
            raise InputError(path, f"{a.label} {a.text!r} [{a.start}, {a.end}) would cross {annotator.name}'s "
                                   f"{b.label} {b.text!r} [{b.start}, {b.end}) in {document.name} (in the project "
                                   "or elsewhere in this file)", source.line)
        existing.extend(new)
        if source.comments:
            commented.append((source, document.id, annotator.id))
        doc_id, who = document.id, annotator.id
        rows.extend([(doc_id, who, labels[label], start, end, said) for start, end, label, said in new
                     if label != METRIC])
        figures.extend([(doc_id, who, labels[METRIC], s.start, s.end, s.text,
                         *_value_columns(s, source.values.get((s.start, s.end, METRIC)))) for s in new
                        if s.label == METRIC])
        if len(rows) + len(figures) >= SPAN_BATCH:
            store_spans()
        result.spans_added += len(new)
        if source.relations:
            links.setdefault(key, []).extend(source.relations)
        if new or source.relations:
            touched.add(key)
    touch_layers(session, touched)
    store_spans()
    _store_relations(session, links, {name: kind[0] for name, kind in types.items()}, result)
    for source, document_id, annotator_id in commented:
        result.comments_added += import_comments(session, document_id, annotator_id, source.comments, labels)
    into = sorted({source.annotator for source in documents if source.spans and source.annotator})
    relations = f", {result.relations_added} relations" if result.relations_added else ""
    record(session, actor, "import", f"{path}: {result.documents_added} documents, {result.spans_added} spans"
                                     + relations + (f" into {', '.join(into)}" if into else ""))
    return result


SPAN_COLUMNS = ("document_id", "annotator_id", "label_id", "start", "end", "text")
SPAN_BATCH = 50_000  # spans stored at a time
VALUE_COLUMNS = ("value", "value_max", "unit", "qualifier", "value_by_hand")
_IN_COLUMN_ORDER = itemgetter(*VALUE_COLUMNS)


def _value_columns(span: DomainSpan, given: SpanValue | None) -> tuple[object, ...]:
    """A new METRIC span's value columns (in the order of :data:`VALUE_COLUMNS`): the file's value (by hand where it
    is not what the text reads as), else computed from its text."""
    computed = value_columns(span.label, span.text)
    if given is not None:
        carried = carried_values(span.label, span.text, {**given._asdict(), "value_by_hand": True})
        if any(carried[name] != computed[name] for name in SpanValue._fields):
            computed = carried
    ordered: tuple[object, ...] = _IN_COLUMN_ORDER(computed)
    return ordered


TypeInfo = tuple[int, set[str], set[str]]  # a relation type's id and the labels it joins from and to


def _add_types(session: Session, path: str, documents: Sequence[SourceDocument],
               names: list[str]) -> dict[str, TypeInfo]:
    """New relation types at the end of the list, each joining the labels the file's relations of it join."""
    ends: dict[str, tuple[set[str], set[str]]] = {name: (set(), set()) for name in names}
    for relation in (r for doc in documents for r in doc.relations if r.type in ends):
        ends[relation.type][0].add(relation.from_span.label)
        ends[relation.type][1].add(relation.to_span.label)
    created = {}
    for name in names:
        try:
            kind = add_relation_type(session, name, sorted(ends[name][0]), sorted(ends[name][1]))
        except Refused as exc:
            raise InputError(path, str(exc)) from None
        created[name] = (kind.id, *ends[name])
    return created


def _check_types(path: str, documents: Sequence[SourceDocument], types: dict[str, TypeInfo]) -> None:
    for source in documents:
        for relation in source.relations:
            _, from_labels, to_labels = types[relation.type]
            a, b = relation.from_span, relation.to_span
            if a.label not in from_labels or b.label not in to_labels:
                raise InputError(path, f"a {relation.type} relation from {a.label} {a.text!r} to {b.label} {b.text!r}"
                                 f" in {source.name}: {relation.type} links {'/'.join(sorted(from_labels)) or '-'} to "
                                 f"{'/'.join(sorted(to_labels)) or '-'}", source.line)


def _store_relations(session: Session, links: dict[tuple[int, int], list[DomainRelation]], types: dict[str, int],
                     result: ImportResult) -> None:
    """Each layer's relations, their ends found among its spans (stored now or before); one there already is
    counted as known, not doubled."""
    for (document_id, annotator_id), relations in links.items():
        ids = {DomainSpan(start, end, label, text): span_id for span_id, start, end, label, text in session.execute(
            select(Span.id, Span.start, Span.end, Label.name, Span.text).join(Label, Label.id == Span.label_id)
            .where(Span.document_id == document_id, Span.annotator_id == annotator_id))}
        known = {(a, b, kind) for a, b, kind in session.execute(
            select(Relation.from_span_id, Relation.to_span_id, Relation.type_id)
            .where(Relation.document_id == document_id, Relation.annotator_id == annotator_id))}
        wanted = {(ids[r.from_span], ids[r.to_span], types[r.type]) for r in relations}
        new = sorted(wanted - known)
        result.relations_known += len(wanted) - len(new)
        result.relations_added += len(new)
        if new:
            session.execute(insert(Relation), [
                {"document_id": document_id, "annotator_id": annotator_id, "from_span_id": a, "to_span_id": b,
                 "type_id": kind} for a, b, kind in new])
