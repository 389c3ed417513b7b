"""The METRIC spans of a project with their values, one row each, for ``biaozhu metrics`` and the window."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from biaozhu.corpus.quantities import Quantity, parse_quantity
from biaozhu.db.models import Annotator, Document, Label, Span

METRIC = "METRIC"


@dataclass(frozen=True)
class MetricRow:
    document_id: int
    document: str
    layer: str
    start: int
    end: int
    text: str
    quantity: Quantity | None  # None: the text could not be read as a figure (flagged, not guessed)


def metric_rows(session: Session, layer: str | None = None, label: str = METRIC) -> Iterator[MetricRow]:
    """Every span of ``label`` (in one layer, or all), in document and text order, with its parsed value."""
    query = (select(Span.document_id, Document.name, Annotator.name, Span.start, Span.end, Span.text)
             .join(Document, Document.id == Span.document_id)
             .join(Annotator, Annotator.id == Span.annotator_id)
             .join(Label, Label.id == Span.label_id)
             .where(Label.name == label)
             .order_by(Span.document_id, Annotator.name, Span.start, Span.end))
    if layer is not None:
        query = query.where(Annotator.name == layer)
    for document_id, document, who, start, end, text in session.execute(query):
        yield MetricRow(document_id, document, who, start, end, text, parse_quantity(text))
