"""The METRIC spans of a project with their stored values, one row each, for ``biaozhu metrics``: what each
figure is linked to (issue 16) comes along, the programme it belongs to and the organisation responsible."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from biaozhu.db.models import Annotator, Document, Label, Relation, Span
from biaozhu.db.values import METRIC

__all__ = ["METRIC", "ORGANIZATION", "PROGRAM", "MetricRow", "metric_rows"]

PROGRAM, ORGANIZATION = "PROGRAM", "ORGANIZATION"
JOIN = "；"  # between the texts of several linked spans


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
    # The texts of the PROGRAM spans it is linked to, ； between them; of the ORGANIZATION spans linked to it,
    # else to its programme.
    program: str | None = field(default=None, kw_only=True)
    organization: str | None = field(default=None, kw_only=True)


def _links(session: Session, layer: str | None) -> dict[int, list[tuple[int, str, str]]]:
    """Span id → the PROGRAM and ORGANIZATION spans it points to: (id, label, text), in text order."""
    query = (select(Relation.from_span_id, Span.id, Label.name, Span.text)
             .join(Span, Span.id == Relation.to_span_id).join(Label, Label.id == Span.label_id)
             .where(Label.name.in_((PROGRAM, ORGANIZATION))).order_by(Span.start, Span.id))
    if layer is not None:
        query = query.join(Annotator, Annotator.id == Relation.annotator_id).where(Annotator.name == layer)
    links: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for source, target, label, text in session.execute(query):
        links[source].append((target, label, text))
    return links


def _texts(found: list[str]) -> str | None:
    return JOIN.join(dict.fromkeys(found)) or None


def metric_rows(session: Session, layer: str | None = None, label: str = METRIC) -> Iterator[MetricRow]:
    """Every span of ``label`` (in one layer, or all), in document and text order, with its value as stored."""
    query = (select(Span.id, Span.document_id, Document.name, Annotator.name, Span.start, Span.end, Span.text,
                    Span.value, Span.value_max, Span.unit, Span.qualifier, Span.value_by_hand)
             .join(Document, Document.id == Span.document_id)
             .join(Annotator, Annotator.id == Span.annotator_id)
             .join(Label, Label.id == Span.label_id)
             .where(Label.name == label)
             .order_by(Span.document_id, Annotator.name, Span.start, Span.end))
    if layer is not None:
        query = query.where(Annotator.name == layer)
    links = _links(session, layer)
    for span_id, *row in session.execute(query):
        programs = [(target, text) for target, kind, text in links.get(span_id, []) if kind == PROGRAM]
        organizations = [text for _, kind, text in links.get(span_id, []) if kind == ORGANIZATION] or [
            text for program, _ in programs for _, kind, text in links.get(program, []) if kind == ORGANIZATION]
        yield MetricRow(*row, program=_texts([text for _, text in programs]), organization=_texts(organizations))
