"""Reading layers out for export, one document at a time, so memory does not grow with the corpus."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from datetime import datetime
from functools import cache
from itertools import groupby, repeat
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Connection, Integer, Select, String, bindparam, case, literal, null, select
from sqlalchemy.orm import Session, aliased

from biaozhu.corpus.model import AnnotatedText, SpanValue
from biaozhu.corpus.model import Relation as DomainRelation
from biaozhu.corpus.model import Span as DomainSpan
from biaozhu.db.models import (
    GOLD,
    REJECTED,
    SUGGESTIONS,
    Annotator,
    Comment,
    Document,
    DocumentStatus,
    Label,
    Rejection,
    Relation,
    RelationType,
    Span,
)

# One document with one layer's spans, sorted by (start, end, label); the writers in corpus.formats know it as
# AnnotatedText and rely on that order instead of sorting again.
LayerDocument = AnnotatedText
# A layer's rows are (start, end, label, text), a Span's own field order, so that each is made a Span in C; those of
# every layer come with their annotator first, and are grouped by it.
_FIELDS = itemgetter(1, 2, 3, 4)
_AFTER_DOCUMENT = itemgetter(slice(1, None))
SpanRows = Callable[[int], list[tuple[Any, ...]]]


def _per_document(connection: Connection, query: Select[*tuple[Any, ...]]) -> SpanRows:
    """The rows of ``query`` for one document at a time, through the driver's own cursor (SQLite).

    A query per document costs SQLite a few microseconds, and its rows need no document id: a million of those
    ints, and grouping the rows by them, cost 0.15 s of a batch query's. SQLAlchemy's own ``execute`` costs more
    than the query itself, so the statement is compiled once and only the document's id changes."""
    compiled = query.where(Span.document_id == bindparam("document", 0)) \
        .compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
    names = list(compiled.positiontup or ())
    bound = compiled.construct_params()
    values = [bound[name] for name in names]
    slot = names.index("document")
    cursor = connection.connection.cursor()
    sql = str(compiled)

    def rows(document: int) -> list[tuple[Any, ...]]:
        values[slot] = document
        found: list[tuple[Any, ...]] = cursor.execute(sql, values).fetchall()
        return found

    return rows


def _per_batch(connection: Connection, query: Select[*tuple[Any, ...]], chunk: list[int]) -> SpanRows:
    """The rows of ``query`` for a batch of documents in one query, by document (a server: one round trip)."""
    result = connection.execute(query.with_only_columns(Span.document_id, *query.selected_columns)
                                .where(Span.document_id.in_(chunk)).order_by(None)
                                .order_by(Span.document_id, Span.annotator_id))
    rows = result.cursor.fetchall()  # the DBAPI's plain tuples, one fetch per batch: 3x cheaper than Rows
    result.close()
    found = {doc_id: list(map(_AFTER_DOCUMENT, group)) for doc_id, group in groupby(rows, key=itemgetter(0))}
    return lambda document: found.get(document, [])


def iter_layers(session: Session, annotator: str | None = None, *, batch: int = 500,
                documents: Collection[int] | None = None) -> Iterator[LayerDocument]:
    """Every (document, layer) pair with spans, or each document with ``annotator``'s layer.

    With no annotator named, a document nobody annotated is still given once, with no spans. Documents
    are read in batches of ids so that only ``batch`` texts are in memory at once; ``documents`` limits
    the export to those ids. Rows are read through Core, not the ORM: a million spans is the normal case.
    The database gives them in its index's order (by start), so that Python's sort only confirms it, in one pass.
    """
    connection = session.connection()
    annotator_id = None
    if annotator is not None:
        annotator_id = connection.scalar(select(Annotator.id).where(Annotator.name == annotator))
        if annotator_id is None:
            raise LookupError(f"there is no annotator {annotator}")
    names = dict(connection.execute(select(Annotator.id, Annotator.name)).all())
    hidden = [who for who, layer in names.items() if layer == SUGGESTIONS]
    label_names = dict(connection.execute(select(Label.id, Label.name)).all())
    # With no labels there are no spans either (a foreign key), and a CASE needs at least one WHEN. The name picked
    # in SQL is cheaper than in Python, where it would cost a step per span; written into the SQL as literals
    # (quoted by the dialect), so that a query per document binds two values, not two per label (0.05-0.1 s).
    label_name = case({literal(i, Integer, literal_execute=True): literal(name, String, literal_execute=True)
                       for i, name in label_names.items()}, value=Span.label_id) if label_names else null()
    ids = list(connection.scalars(select(Document.id).order_by(Document.id)))
    # Many projects have no relations, no comments or no figures (no METRIC label): then their queries, three a
    # batch, are not made at all. No index holds the figures: looking for the first one reads every span where
    # there is none (0.08 s a million), still half of the batches' queries, which read every span too.
    linked = connection.scalar(select(Relation.id).limit(1)) is not None
    commented = connection.scalar(select(Comment.id).limit(1)) is not None
    figures = connection.scalar(select(Span.id).where(Span.value.is_not(None)).limit(1)) is not None
    if documents is not None:
        ids = [i for i in ids if i in documents]
    # Grouped by layer, as both indexes on spans hold them: the database need not sort, and the rows come by
    # position within a layer all the same, which Python's sort below confirms in one pass. One layer's rows are
    # looked up document by document on ix_spans_layer (document_id, annotator_id).
    span_query = select(Span.start, Span.end, label_name, Span.text).order_by(Span.annotator_id)
    if annotator_id is not None:
        span_query = span_query.where(Span.annotator_id == annotator_id)
        if annotator == SUGGESTIONS:  # the rejected ones are kept only so that they are not proposed again
            span_query = span_query.where(Span.note.not_like(f"{REJECTED}%"))
    else:
        span_query = span_query.with_only_columns(Span.annotator_id, *span_query.selected_columns)
        if hidden:  # every layer but the suggestions, which are nobody's data until accepted
            span_query = span_query.where(Span.annotator_id.not_in(hidden))
    by_document = _per_document(connection, span_query) if connection.dialect.name == "sqlite" else None
    for offset in range(0, len(ids), batch):
        chunk = ids[offset:offset + batch]
        in_chunk = Span.document_id.in_(chunk)
        span_rows = by_document or _per_batch(connection, span_query, chunk)
        values = _values(connection, in_chunk, label_name) if figures else {}
        relations = relations_by_layer(connection, Relation.document_id.in_(chunk)) if linked else {}
        comments = _comments(connection, chunk, label_name) if commented else {}
        scores = _scores(connection, in_chunk, label_name, annotator_id) if annotator == SUGGESTIONS else {}
        texts = connection.execute(select(Document.id, Document.name, Document.text, Document.sha256,
                                          Document.meta).where(Document.id.in_(chunk)).order_by(Document.id)).all()
        for doc_id, name, text, sha, meta in texts:
            rows = span_rows(doc_id)
            if annotator_id is not None:
                # tuple.__new__ makes each Span in C, where Span._make is a Python call per span (0.1 s a million).
                spans = list(map(tuple.__new__, repeat(DomainSpan), rows))
                spans.sort()  # by start, end, label name, text: the contract the writers rely on
                yield LayerDocument(doc_id, name, text, sha, meta, annotator, spans,
                                    values.get((doc_id, annotator_id), {}), relations.get((doc_id, annotator_id), []),
                                    comments.get((doc_id, annotator_id), {}), scores.get(doc_id, {}))
                continue
            layers: dict[int, list[DomainSpan]] = {}
            for who, group in groupby(rows, key=itemgetter(0)):
                layers[who] = spans = list(map(tuple.__new__, repeat(DomainSpan), map(_FIELDS, group)))
                spans.sort()
            if not layers:
                yield LayerDocument(doc_id, name, text, sha, meta, None, [])
            for who in sorted(layers, key=lambda i: names[i]):
                yield LayerDocument(doc_id, name, text, sha, meta, names[who], layers[who],
                                    values.get((doc_id, who), {}), relations.get((doc_id, who), []),
                                    comments.get((doc_id, who), {}))


def _values(connection: Connection, in_chunk: ColumnElement[bool], label_name: Any
            ) -> dict[tuple[int, int], dict[tuple[int, int, str], SpanValue]]:
    """The figures of a batch's spans that have one (METRIC spans), by layer: a query of their own, so that the
    spans' query, which reads a million rows, stays as narrow as it was."""
    found: dict[tuple[int, int], dict[tuple[int, int, str], SpanValue]] = {}
    for doc_id, who, start, end, label, *value in connection.execute(
            select(Span.document_id, Span.annotator_id, Span.start, Span.end, label_name, Span.value, Span.value_max,
                   Span.unit, Span.qualifier).where(in_chunk, Span.value.is_not(None))):
        found.setdefault((doc_id, who), {})[(start, end, label)] = SpanValue(*value)
    return found


def _scores(connection: Connection, in_chunk: ColumnElement[bool], label_name: Any, layer: int | None
            ) -> dict[int, dict[tuple[int, int, str], tuple[str, float]]]:
    """The engine and score of a batch's suggestions (their note: ``rules 0.9``), by document; a note that does not
    end in a score (written by another program) gives none."""
    found: dict[int, dict[tuple[int, int, str], tuple[str, float]]] = {}
    for doc_id, start, end, label, note in connection.execute(
            select(Span.document_id, Span.start, Span.end, label_name, Span.note)
            .where(in_chunk, Span.annotator_id == layer, Span.note.not_like(f"{REJECTED}%"))):
        engine, _, score = (note or "").rpartition(" ")
        try:
            found.setdefault(doc_id, {})[(start, end, label)] = (engine, float(score))
        except ValueError:
            continue
    return found


class StoredRelation(NamedTuple):
    """A stored relation with its spans by value, its layer and provenance (ids)."""

    id: int
    document_id: int
    annotator_id: int
    relation: DomainRelation
    origin_id: int | None
    decided_by_id: int | None
    created_at: datetime


@cache
def _relations_query() -> Select[*tuple[Any, ...]]:
    """Relations with their spans and type's name, made once: making the aliases' columns again for every batch of
    an export cost 5 ms a batch (0.1 s for 10k documents), and after every review decision; a Select is
    immutable, ``where`` makes a new one."""
    source, target = aliased(Span), aliased(Span)
    source_label, target_label = aliased(Label), aliased(Label)
    return select(Relation.id, Relation.document_id, Relation.annotator_id, source.start, source.end,
                  source_label.name, source.text, target.start, target.end, target_label.name, target.text,
                  RelationType.name, Relation.origin_id, Relation.decided_by_id, Relation.created_at) \
        .select_from(Relation) \
        .join(source, source.id == Relation.from_span_id).join(source_label, source_label.id == source.label_id) \
        .join(target, target.id == Relation.to_span_id).join(target_label, target_label.id == target.label_id) \
        .join(RelationType, RelationType.id == Relation.type_id) \
        .order_by(Relation.document_id, Relation.annotator_id, source.start, source.end, target.start, target.end,
                  Relation.id)


def stored_relations(connection: Connection, where: ColumnElement[bool]) -> Iterator[StoredRelation]:
    """The relations ``where`` picks, their spans by value, by layer and then by their ends' positions."""
    rows = connection.execute(_relations_query().where(where))
    for (id_, document_id, annotator_id, s_start, s_end, s_label, s_text, t_start, t_end, t_label, t_text, kind,
         origin_id, decided_by_id, created_at) in rows:
        relation = DomainRelation(DomainSpan(s_start, s_end, s_label, s_text),
                                  DomainSpan(t_start, t_end, t_label, t_text), kind)
        yield StoredRelation(id_, document_id, annotator_id, relation, origin_id, decided_by_id, created_at)


def relations_by_layer(connection: Connection, where: ColumnElement[bool]
                       ) -> dict[tuple[int, int], list[DomainRelation]]:
    """The relations ``where`` picks, by (document id, annotator id), their spans by value (as writers and
    agreement take them)."""
    found: dict[tuple[int, int], list[DomainRelation]] = {}
    for row in stored_relations(connection, where):
        found.setdefault((row.document_id, row.annotator_id), []).append(row.relation)
    return found


def _comments(connection: Connection, chunk: list[int], label_name: Any
              ) -> dict[tuple[int, int], dict[tuple[int, int, str], list[str]]]:
    """The comments on a batch's spans, oldest first, by layer and span (brat writes them as notes). Found by the
    comments' own document, not the spans': a probe per comment, not per span (0.07 s a million spans)."""
    found: dict[tuple[int, int], dict[tuple[int, int, str], list[str]]] = {}
    for doc_id, who, start, end, label, text in connection.execute(
            select(Span.document_id, Span.annotator_id, Span.start, Span.end, label_name, Comment.text)
            .join(Comment, Comment.span_id == Span.id).where(Comment.document_id.in_(chunk))
            .order_by(Comment.created_at, Comment.id)):
        found.setdefault((doc_id, who), {}).setdefault((start, end, label), []).append(text)
    return found


def finished(session: Session, status: str) -> set[tuple[int, str]]:
    """``(document id, layer name)`` pairs at least at ``status``: ``done`` counts adjudicated ones too."""
    accepted = ("adjudicated",) if status == "adjudicated" else ("done", "adjudicated")
    rows = session.execute(select(DocumentStatus.document_id, Annotator.name).join(Annotator)
                           .where(DocumentStatus.status.in_(accepted)))
    return {(doc, name) for doc, name in rows}


def done_by_everyone(session: Session) -> set[int]:
    """Documents every annotator who worked on them (gold aside) has marked done: the majority layer's "done"."""
    rows = session.execute(select(DocumentStatus.document_id, DocumentStatus.status).join(Annotator)
                           .where(Annotator.name != GOLD))
    verdict: dict[int, bool] = {}
    for doc, status in rows:
        verdict[doc] = verdict.get(doc, True) and status in ("done", "adjudicated")
    return {doc for doc, ok in verdict.items() if ok}


def reviewed(session: Session) -> set[int]:
    """Documents with a reviewer's decision: gold has a status there (every decision sets one), a span or a
    rejection. Only these have a gold layer at all; elsewhere an empty gold means "not reviewed", not "no
    entities"."""
    gold = select(Annotator.id).where(Annotator.name == GOLD).scalar_subquery()
    found = set(session.scalars(select(DocumentStatus.document_id).where(DocumentStatus.annotator_id == gold)))
    found.update(session.scalars(select(Span.document_id).where(Span.annotator_id == gold).distinct()))
    found.update(session.scalars(select(Rejection.document_id).distinct()))
    return found


def document_hashes(session: Session) -> dict[int, str]:
    """Every document's sha256, for splitting by document without reading texts."""
    return dict(session.execute(select(Document.id, Document.sha256)).all())
