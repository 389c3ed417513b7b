"""Per-layer document status: in progress, done, adjudicated (gold)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

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


def last_worked_on(session: Session, annotator_id: int) -> int | None:
    """The document this annotator touched most recently, to reopen it on start."""
    return session.scalar(select(DocumentStatus.document_id).where(DocumentStatus.annotator_id == annotator_id)
                          .order_by(DocumentStatus.updated_at.desc()).limit(1))
