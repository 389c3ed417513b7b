"""Per-layer document status: in progress, done, adjudicated (gold)."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from biaozhu.db.bulk import insert_rows
from biaozhu.db.models import STATUSES, DocumentStatus, utcnow


def get_status(session: Session, document_id: int, annotator_id: int) -> str | None:
    return session.scalar(select(DocumentStatus.status).where(
        DocumentStatus.document_id == document_id, DocumentStatus.annotator_id == annotator_id))


def set_status(session: Session, document_id: int, annotator_id: int, status: str | None) -> str | None:
    """Set (or with None clear) a layer's status on a document; returns the previous one, for undo."""
    if status is not None and status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
    row = session.get(DocumentStatus, (document_id, annotator_id))
    previous = row.status if row else None
    if status is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(DocumentStatus(document_id=document_id, annotator_id=annotator_id, status=status))
    else:
        row.status = status
        row.updated_at = utcnow()
    session.flush()
    return previous


def touch(session: Session, document_id: int, annotator_id: int) -> None:
    """Mark a document as worked on: 'in progress' unless it already has a status; remembers when."""
    row = session.get(DocumentStatus, (document_id, annotator_id))
    if row is None:
        session.add(DocumentStatus(document_id=document_id, annotator_id=annotator_id, status="in_progress"))
    else:
        row.updated_at = utcnow()
    session.flush()


def touch_layers(session: Session, layers: Collection[tuple[int, int]]) -> None:
    """:func:`touch` for many ``(document_id, annotator_id)`` layers (an import's): the statuses there are read in
    batches, then one executemany inserts the missing ones and one updates the others, of complete rows (the
    ORM's bookkeeping per row cost more than the database did)."""
    table = DocumentStatus.__table__
    assert isinstance(table, Table)
    documents = sorted({document_id for document_id, _ in layers})
    known: set[tuple[int, int]] = set()
    for offset in range(0, len(documents), 500):
        known.update((d, a) for d, a in session.execute(
            select(DocumentStatus.document_id, DocumentStatus.annotator_id)
            .where(DocumentStatus.document_id.in_(documents[offset:offset + 500]))))
    now = utcnow()
    new = sorted(set(layers) - known)
    if new:
        insert_rows(session, table, ("document_id", "annotator_id", "status", "updated_at"),
                    [(d, a, "in_progress", now) for d, a in new])
    old = sorted(known & set(layers))
    if old:
        session.execute(update(table).where(table.c.document_id == bindparam("d"),
                                            table.c.annotator_id == bindparam("a")).values(updated_at=now),
                        [{"d": d, "a": a} for d, a in old])


def last_worked_on(session: Session, annotator_id: int) -> int | None:
    """The document this annotator touched most recently, to reopen it on start."""
    return session.scalar(select(DocumentStatus.document_id).where(DocumentStatus.annotator_id == annotator_id)
                          .order_by(DocumentStatus.updated_at.desc()).limit(1))
