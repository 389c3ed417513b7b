"""The progress matrix, one page at a time: documents × layers, each cell the layer's status on the document,
its span count and the time spent. A page reads only its documents' rows (by document id, on the indexes that
lead with it), so page 1,000 of a 100,000-document project costs what page 1 does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biaozhu.db.models import Document, DocumentStatus, Span
from biaozhu.db.stats import NOT_STARTED, people
from biaozhu.db.time_spent import seconds_by_document

PAGE = 500  # documents a page; the figures above the matrix count them all


@dataclass(frozen=True)
class Cell:
    status: str = NOT_STARTED
    spans: int = 0
    seconds: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "spans": self.spans, "seconds": self.seconds}


@dataclass(frozen=True)
class MatrixRow:
    document_id: int
    name: str
    cells: dict[str, Cell] = field(default_factory=dict)  # layer name → its cell (layers with nothing left out)

    def cell(self, layer: str) -> Cell:
        return self.cells.get(layer, Cell())

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.document_id, "name": self.name,
                "layers": {layer: cell.as_dict() for layer, cell in self.cells.items()}}


@dataclass(frozen=True)
class MatrixPage:
    offset: int
    total: int  # documents in the project
    rows: list[MatrixRow]


def progress_page(session: Session, offset: int = 0, limit: int = PAGE) -> MatrixPage:
    """Documents ``offset`` … ``offset + limit`` (by id: the order they were imported in) with every layer's
    cell; the suggestions layer is left out, as everywhere in the statistics."""
    total = session.scalar(select(func.count(Document.id))) or 0
    documents = session.execute(select(Document.id, Document.name).order_by(Document.id)
                                .offset(max(offset, 0)).limit(max(limit, 0))).all()
    if not documents:
        return MatrixPage(offset, total, [])
    first, last = documents[0][0], documents[-1][0]
    layers = {id_: name for id_, (name, _) in people(session).items()}
    statuses: dict[tuple[int, int], str] = {
        (document_id, annotator_id): status for document_id, annotator_id, status in session.execute(
            select(DocumentStatus.document_id, DocumentStatus.annotator_id, DocumentStatus.status)
            .where(DocumentStatus.document_id.between(first, last)))}
    spans: dict[tuple[int, int], int] = {
        (document_id, annotator_id): count for document_id, annotator_id, count in session.execute(
            select(Span.document_id, Span.annotator_id, func.count())
            .where(Span.document_id.between(first, last)).group_by(Span.document_id, Span.annotator_id))}
    seconds = seconds_by_document(session, [document_id for document_id, _ in documents])
    rows = []
    for document_id, name in documents:
        cells = {}
        for annotator_id, layer in layers.items():
            key = (document_id, annotator_id)
            if key in statuses or key in spans or key in seconds:
                cells[layer] = Cell(statuses.get(key, NOT_STARTED), spans.get(key, 0), seconds.get(key, 0))
        rows.append(MatrixRow(document_id, name, cells))
    return MatrixPage(offset, total, rows)
