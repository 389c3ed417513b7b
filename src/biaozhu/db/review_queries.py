"""What the review window asks of the database beyond :mod:`biaozhu.db.review`: who may decide, and the
review status put back exactly (undoing "mark adjudicated").
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from biaozhu.db.annotators import ensure_annotator, get_annotator
from biaozhu.db.models import GOLD
from biaozhu.db.review import require_reviewer
from biaozhu.db.status import set_status


def is_reviewer(session: Session, name: str) -> bool:
    """Whether ``name`` may write the gold layer (asked once, to open the window read-only or not)."""
    found = get_annotator(session, name)
    return found is not None and found.role == "reviewer"


def set_review_status(session: Session, document_id: int, reviewer: str, status: str | None) -> str | None:
    """Set the gold layer's status on a document (None: no status at all); returns the old one, for undo."""
    require_reviewer(session, reviewer)
    return set_status(session, document_id, ensure_annotator(session, GOLD).id, status)
