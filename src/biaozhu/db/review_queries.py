"""What the review window asks of the database beyond :mod:`biaozhu.db.review`: who may decide, the gold
layer's state after a decision, the review status put back exactly (undoing "mark adjudicated"), and the
agreed spans of a long document put into gold in bulk.

Why bulk: :func:`biaozhu.db.review.accept_agreed` adds span by span through ``add_span``, whose checks
cost ~13 ms a span on a 1 MB document (SQLite's ``substr`` walks the text to the offset), so the 4,000
agreed spans of such a document took a minute. Here the text is read once, the same rules (the span's
text is the document's, nothing crosses in gold) are checked in Python, and the rows go in with one
Core insert, with the same provenance: no origin (everyone's), decided by the reviewer.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from biaozhu.corpus.model import Span
from biaozhu.corpus.spans import find_crossings
from biaozhu.db.annotators import ensure_annotator, get_annotator
from biaozhu.db.documents import document_text
from biaozhu.db.labels import label_ids
from biaozhu.db.models import GOLD, utcnow
from biaozhu.db.models import Span as SpanRow
from biaozhu.db.review import GoldSpan, gold_spans, require_reviewer, review_document
from biaozhu.db.spans import SpanRefused
from biaozhu.db.status import get_status, set_status, touch

CHUNK = 500  # ids per DELETE … IN (…), well under every backend's limit on parameters


def is_reviewer(session: Session, name: str) -> bool:
    """Whether ``name`` may write the gold layer (asked once, to open the window read-only or not)."""
    found = get_annotator(session, name)
    return found is not None and found.role == "reviewer"


def gold_state(session: Session, document_id: int) -> tuple[list[GoldSpan], str | None]:
    """The document's gold spans and review status, without comparing the layers again."""
    gold = get_annotator(session, GOLD)
    return gold_spans(session, document_id), (get_status(session, document_id, gold.id) if gold else None)


def set_review_status(session: Session, document_id: int, reviewer: str, status: str | None) -> str | None:
    """Set the gold layer's status on a document (None: no status at all); returns the old one, for undo."""
    require_reviewer(session, reviewer)
    return set_status(session, document_id, ensure_annotator(session, GOLD).id, status)


def add_agreed(session: Session, document_id: int, reviewer: str,
               annotators: Collection[str] | None = None) -> list[Span]:
    """Put every span all annotators agree on into gold, in bulk; returns the spans added (for undo)."""
    decider = require_reviewer(session, reviewer)
    gold_id = ensure_annotator(session, GOLD).id
    found = review_document(session, document_id, annotators)
    present = {g.span for g in found.gold}
    new = [span for span in found.comparison.agreed if span not in present]
    if not new:
        return []
    text = document_text(session, document_id)
    for span in new:
        if span.end > len(text) or text[span.start:span.end] != span.text:
            raise SpanRefused(f"span text {span.text!r} at [{span.start}, {span.end}) disagrees with the document")
    added = set(new)
    for x, y in find_crossings([*present, *new]):
        if x in added or y in added:
            raise SpanRefused(f"[{x.start}, {x.end}) would cross [{y.start}, {y.end}) in gold; "
                              "spans may nest but not cross")
    labels = label_ids(session)
    now = utcnow()
    session.execute(insert(SpanRow), [
        {"document_id": document_id, "annotator_id": gold_id, "label_id": labels[s.label], "start": s.start,
         "end": s.end, "text": s.text, "note": "", "created_at": now, "updated_at": now, "origin_id": None,
         "decided_by_id": decider.id} for s in new])
    touch(session, document_id, gold_id)
    return new


def remove_from_gold(session: Session, document_id: int, reviewer: str, spans: Collection[Span]) -> None:
    """Take these spans out of gold in bulk (undoing :func:`add_agreed`)."""
    require_reviewer(session, reviewer)
    wanted = set(spans)
    ids = [g.id for g in gold_spans(session, document_id) if g.span in wanted]
    for offset in range(0, len(ids), CHUNK):
        session.execute(delete(SpanRow).where(SpanRow.id.in_(ids[offset:offset + CHUNK])))
    touch(session, document_id, ensure_annotator(session, GOLD).id)
