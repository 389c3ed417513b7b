"""Reading layers out for export, one document at a time, so memory does not grow with the corpus."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from biaozhu.corpus.model import Span as DomainSpan
from biaozhu.db.models import Annotator, Document, Label, Span


@dataclass(frozen=True, slots=True)
class LayerDocument:
    """One document with one layer's spans, as every exporter wants it."""

    id: int
    name: str
    text: str
    sha256: str
    meta: dict[str, Any]
    annotator: str | None
    spans: list[DomainSpan]


def iter_layers(session: Session, annotator: str | None = None, *, batch: int = 200) -> Iterator[LayerDocument]:
    """Every (document, layer) pair with spans, or each document with ``annotator``'s layer.

    With no annotator named, a document nobody annotated is still given once, with no spans. Documents
    are read in batches of ids so that only ``batch`` texts are in memory at once.
    """
    annotator_id = None
    if annotator is not None:
        annotator_id = session.scalar(select(Annotator.id).where(Annotator.name == annotator))
        if annotator_id is None:
            raise LookupError(f"there is no annotator {annotator}")
    names = dict(session.execute(select(Annotator.id, Annotator.name)).tuples().all())
    ids = list(session.scalars(select(Document.id).order_by(Document.id)))
    for offset in range(0, len(ids), batch):
        chunk = ids[offset:offset + batch]
        span_query = select(Span.document_id, Span.annotator_id, Span.start, Span.end, Label.name, Span.text) \
            .join(Label).where(Span.document_id.in_(chunk))
        if annotator_id is not None:
            span_query = span_query.where(Span.annotator_id == annotator_id)
        layers: dict[int, dict[int, list[DomainSpan]]] = {}
        for doc_id, who, start, end, label, text in session.execute(span_query):
            layers.setdefault(doc_id, {}).setdefault(who, []).append(DomainSpan(start, end, label, text))
        documents = session.execute(select(Document.id, Document.name, Document.text, Document.sha256,
                                           Document.meta).where(Document.id.in_(chunk)).order_by(Document.id))
        for doc_id, name, text, sha, meta in documents:
            by_layer = layers.get(doc_id, {})
            if annotator_id is not None:
                yield LayerDocument(doc_id, name, text, sha, meta, annotator, sorted(by_layer.get(annotator_id, [])))
            elif not by_layer:
                yield LayerDocument(doc_id, name, text, sha, meta, None, [])
            else:
                for who in sorted(by_layer, key=lambda i: names[i]):
                    yield LayerDocument(doc_id, name, text, sha, meta, names[who], sorted(by_layer[who]))
