"""Where a span's text occurs again, for "tag all occurrences": per document, or across the project."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biaozhu.corpus.spans import crosses
from biaozhu.db.models import Document, Span


@dataclass
class OccurrencePlan:
    """Ranges ``(document_id, start, end)`` to tag, and how many occurrences were skipped and why."""

    ranges: list[tuple[int, int, int]] = field(default_factory=list)
    already_tagged: int = 0
    crossing: int = 0

    @property
    def skipped(self) -> int:
        return self.already_tagged + self.crossing


def plan_occurrences(session: Session, annotator_id: int, text: str,
                     document_ids: list[int] | None = None) -> OccurrencePlan:
    """Every non-overlapping occurrence of ``text`` in the documents (all when None) not yet tagged in this layer.

    An occurrence where the layer already has a span on exactly that range (whatever its label) counts as
    already tagged; one that would cross a span of the layer is skipped too. Both are counted.
    """
    plan = OccurrencePlan()
    if not text:
        return plan
    query = select(Document.id, Document.text).where(Document.text.contains(text, autoescape=True))
    if document_ids is not None:
        query = query.where(Document.id.in_(document_ids))
    for document_id, document_text in session.execute(query.order_by(Document.id)):
        existing = session.execute(select(Span.start, Span.end).where(
            Span.document_id == document_id, Span.annotator_id == annotator_id)).all()
        taken = set(existing)
        at = document_text.find(text)
        while at != -1:
            start, end = at, at + len(text)
            if (start, end) in taken:
                plan.already_tagged += 1
            elif any(crosses(s, e, start, end) for s, e in existing if s < end and e > start):
                plan.crossing += 1
            else:
                plan.ranges.append((document_id, start, end))
            at = document_text.find(text, end)
    return plan


def tagged_text_counts(session: Session, longest: int) -> dict[str, int]:
    """Span texts of at most ``longest`` characters and how many spans have each: what word snapping keeps whole.
    Longer texts (a span over a whole report) are not even read."""
    return dict(session.execute(select(Span.text, func.count(Span.id)).where(func.length(Span.text) <= longest)
                                .group_by(Span.text)).all())
