"""What the review window asks of the database beyond :mod:`biaozhu.db.review`: the review status put back
exactly (undoing "mark adjudicated"). Who may decide is :func:`biaozhu.db.permissions.is_reviewer`.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.audit import record
from biaozhu.db.models import GOLD
from biaozhu.db.permissions import require_reviewer
from biaozhu.db.status import set_status


def set_review_status(session: Session, document_id: int, reviewer: str, status: str | None) -> str | None:
    """Set the gold layer's status on a document (None: no status at all); returns the old one, for undo.
    A change is a gold decision in the audit log."""
    require_reviewer(session, reviewer)
    previous = set_status(session, document_id, ensure_annotator(session, GOLD).id, status)
    if previous != status:
        record(session, reviewer, "gold", f"document {document_id}: review {status or 'not started'} "
                                          f"(was {previous or 'not started'})")
    return previous
