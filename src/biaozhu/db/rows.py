"""Plain rows the windows hold, importable without SQLAlchemy: the first window's widgets use them before
SQLAlchemy is loaded (see :mod:`biaozhu.db.first_look`); the queries that make them are in their own modules."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SpanRow:
    id: int
    start: int
    end: int
    label_id: int
    text: str
    annotator_id: int
    value: str | None = None  # a METRIC span's figure as stored (biaozhu.db.values): range and unit
    value_max: str | None = None
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class PlacedSpan:
    """A span with the document it is in: a row of the span table in all-documents mode."""

    span: SpanRow
    document_id: int
    document_name: str


@dataclass(slots=True)
class DocumentSummary:
    """A row of the document list: no text, just what a list shows. Replaced (``dataclasses.replace``), never
    changed in place; not frozen, because a frozen dataclass's ``__init__`` doubled the cost of making 100,000."""

    id: int
    name: str
    length: int
    span_counts: dict[str, int]
    statuses: dict[str, str]
