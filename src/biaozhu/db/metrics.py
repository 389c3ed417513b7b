"""The METRIC spans of a project with their stored values, one row each, for ``biaozhu metrics``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from biaozhu.db.models import Annotator, Document, Label, Span
from biaozhu.db.values import METRIC

__all__ = ["METRIC", "MetricRow", "metric_rows"]


@dataclass(frozen=True)
class MetricRow:
    document_id: int
    document: str
    layer: str
    start: int
    end: int
    text: str
    value: str | None  # None: the text could not be read as a figure (flagged, not guessed) and nobody set one
    value_max: str | None
    unit: str | None
    qualifier: str | None
    by_hand: bool


def metric_rows(session: Session, layer: str | None = None, label: str = METRIC) -> Iterator[MetricRow]:
    """Every span of ``label`` (in one layer, or all), in document and text order, with its value as stored."""
    query = (select(Span.document_id, Document.name, Annotator.name, Span.start, Span.end, Span.text, Span.value,
                    Span.value_max, Span.unit, Span.qualifier, Span.value_by_hand)
             .join(Document, Document.id == Span.document_id)
             .join(Annotator, Annotator.id == Span.annotator_id)
             .join(Label, Label.id == Span.label_id)
             .where(Label.name == label)
             .order_by(Span.document_id, Annotator.name, Span.start, Span.end))
    if layer is not None:
        query = query.where(Annotator.name == layer)
    for row in session.execute(query):
        yield MetricRow(*row)
