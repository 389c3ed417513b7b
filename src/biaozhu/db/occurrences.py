"""Where a span's text occurs again, for "tag all occurrences": per document, or across the project."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from biaozhu.corpus.spans import crosses
from biaozhu.db.models import Document, Span

CONTEXT = 12  # characters shown on each side of an occurrence in the preview
# The longer word (jieba's, with the project's span texts learned) that ``[start, end)`` of a text lies in.
LongerWord = Callable[[str, int, int], str | None]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place the text occurs, with its context for the preview; ``word``: the longer word it lies inside
    (市委统战部 inside 绵阳市委统战部), offered unticked."""

    document_id: int
    document: str
    start: int
    end: int
    before: str
    after: str
    word: str | None = None


@dataclass
class OccurrencePlan:
    """The occurrences that could be tagged, and how many were skipped and why."""

    occurrences: list[Occurrence] = field(default_factory=list)
    already_tagged: int = 0
    crossing: int = 0
    nested: int = 0  # inside a span of the same label

    @property
    def skipped(self) -> int:
        return self.already_tagged + self.crossing + self.nested


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    def flat(part: str) -> str:
        return " ".join(part.split("\n"))

    return flat(text[max(0, start - CONTEXT):start]), flat(text[end:end + CONTEXT])


def plan_occurrences(session: Session, annotator_id: int, text: str, label_id: int,
                     document_ids: list[int] | None = None, longer_word: LongerWord | None = None) -> OccurrencePlan:
    """Every non-overlapping occurrence of ``text`` in the documents (all when None) not yet tagged in this layer.

    Skipped (and counted): an occurrence where the layer has a span on exactly that range (whatever its label),
    one that would cross a span of the layer, and one inside a span of the same label (a 市委统战部 inside a
    tagged 绵阳市委统战部 is part of that name).
    """
    plan = OccurrencePlan()
    if not text:
        return plan
    query = select(Document.id, Document.name, Document.text).where(Document.text.contains(text, autoescape=True))
    if document_ids is not None:
        query = query.where(Document.id.in_(document_ids))
    for document_id, name, document_text in session.execute(query.order_by(Document.id)):
        existing = session.execute(select(Span.start, Span.end, Span.label_id).where(
            Span.document_id == document_id, Span.annotator_id == annotator_id)).all()
        taken = {(s, e) for s, e, _ in existing}
        at = document_text.find(text)
        while at != -1:
            start, end = at, at + len(text)
            around = [(s, e, label) for s, e, label in existing if s < end and e > start]
            if (start, end) in taken:
                plan.already_tagged += 1
            elif any(crosses(s, e, start, end) for s, e, _ in around):
                plan.crossing += 1
            elif any(label == label_id and s <= start and end <= e for s, e, label in around):
                plan.nested += 1
            else:
                word = longer_word(document_text, start, end) if longer_word is not None else None
                plan.occurrences.append(Occurrence(document_id, name, start, end,
                                                   *_context(document_text, start, end), word))
            at = document_text.find(text, end)
    return plan
