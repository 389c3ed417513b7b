"""Reviewing: everyone's layers read for comparison, and the reviewer's decisions written to the gold layer.

Only a reviewer (``annotators.role == 'reviewer'``) writes gold. Every gold span records whose version it
is (``origin_id``: the annotator whose span was taken; the reviewer for a span the reviewer drew or
resized; NULL for a span every annotator agreed on) and who decided (``decided_by_id``). Each decision
returns a :class:`Decision` that :func:`undo` reverses, so the window can wrap it in one QUndoCommand.
Functions take a Session and never commit: one decision, one transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from biaozhu.corpus.adjudication import Comparison, Disagreement, compare_layers
from biaozhu.corpus.agreement import AnnotatedDocument
from biaozhu.corpus.model import Span
from biaozhu.db.annotators import ensure_annotator, get_annotator
from biaozhu.db.documents import document_text
from biaozhu.db.labels import label_ids
from biaozhu.db.models import GOLD, Annotator, Document, DocumentStatus, Label
from biaozhu.db.models import Span as SpanRow
from biaozhu.db.spans import add_span, remove_span
from biaozhu.db.status import get_status, set_status, touch


class NotAReviewer(PermissionError):
    """Someone who is not a reviewer tried to write the gold layer."""


def layers_of(session: Session, document_ids: Collection[int], *, include_gold: bool = False,
              annotators: Collection[str] | None = None) -> dict[int, dict[str, list[Span]]]:
    """Per document, the layer of everyone who annotated it: a span on it or a status for it ([] then).

    Spans come by position (start, then end).
    """
    spans = select(SpanRow.document_id, Annotator.name, SpanRow.start, SpanRow.end, Label.name, SpanRow.text) \
        .join(Label, SpanRow.label_id == Label.id).join(Annotator, SpanRow.annotator_id == Annotator.id) \
        .where(SpanRow.document_id.in_(document_ids))
    statuses = select(DocumentStatus.document_id, Annotator.name) \
        .join(Annotator, DocumentStatus.annotator_id == Annotator.id).where(DocumentStatus.document_id.in_(document_ids))
    if not include_gold:
        spans, statuses = spans.where(Annotator.name != GOLD), statuses.where(Annotator.name != GOLD)
    if annotators is not None:
        spans, statuses = spans.where(Annotator.name.in_(annotators)), statuses.where(Annotator.name.in_(annotators))
    layers: dict[int, dict[str, list[Span]]] = {}
    for doc_id, who in session.execute(statuses):
        layers.setdefault(doc_id, {}).setdefault(who, [])
    for doc_id, who, start, end, label, text in session.execute(spans.order_by(SpanRow.start, SpanRow.end)):
        layers.setdefault(doc_id, {}).setdefault(who, []).append(Span(start, end, label, text))
    return layers


def iter_annotated(session: Session, *, include_gold: bool = False, annotators: Collection[str] | None = None,
                   batch: int = 500) -> Iterator[AnnotatedDocument]:
    """Every document somebody annotated, with its layers, for the agreement figures (no texts are read)."""
    ids = list(session.scalars(select(Document.id).order_by(Document.id)))
    for offset in range(0, len(ids), batch):
        chunk = ids[offset:offset + batch]
        layers = layers_of(session, chunk, include_gold=include_gold, annotators=annotators)
        for doc_id, name, length in session.execute(select(Document.id, Document.name, Document.length)
                                                     .where(Document.id.in_(chunk)).order_by(Document.id)):
            if doc_id in layers:
                yield AnnotatedDocument(doc_id, name, length, layers[doc_id])


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A gold span with its provenance, by name."""

    id: int
    span: Span
    origin: str | None
    decided_by: str | None


@dataclass(frozen=True, slots=True)
class DocumentReview:
    """What the review window shows for one document."""

    comparison: Comparison
    gold: list[GoldSpan]
    status: str | None

    def is_open(self, item: Disagreement) -> bool:
        """Not yet decided: gold has none of its versions, nor a span of the reviewer's own over it.

        A rejection leaves no trace in gold, so a rejected disagreement shows as open again.
        """
        versions = set(item.spans())
        known = {*self.comparison.agreed, *(s for other in self.comparison.disagreements for s in other.spans())}
        return not any(gold.span in versions or (gold.span not in known and gold.span.start < item.end
                                                 and item.start < gold.span.end) for gold in self.gold)

    @property
    def open(self) -> list[Disagreement]:
        return [item for item in self.comparison.disagreements if self.is_open(item)]


@dataclass(slots=True)
class Decision:
    """What a decision changed in gold, enough to undo it (spans by content: undo re-creates ids)."""

    document_id: int
    added: list[Span] = field(default_factory=list)
    removed: list[GoldSpan] = field(default_factory=list)


def require_reviewer(session: Session, name: str) -> Annotator:
    reviewer = get_annotator(session, name)
    if reviewer is None or reviewer.role != "reviewer":
        raise NotAReviewer(f"{name} is not a reviewer: only a reviewer may change the gold layer "
                           f"(make them one with `biaozhu annotators role {name} reviewer`)")
    return reviewer


def gold_spans(session: Session, document_id: int) -> list[GoldSpan]:
    gold = get_annotator(session, GOLD)
    if gold is None:
        return []
    names: dict[int | None, str] = dict(session.execute(select(Annotator.id, Annotator.name)).all())
    rows = session.execute(select(SpanRow.id, SpanRow.start, SpanRow.end, Label.name, SpanRow.text,
                                  SpanRow.origin_id, SpanRow.decided_by_id).join(Label)
                           .where(SpanRow.document_id == document_id, SpanRow.annotator_id == gold.id)
                           .order_by(SpanRow.start, SpanRow.end.desc(), SpanRow.id))
    return [GoldSpan(i, Span(s, e, label, text), names.get(origin), names.get(decided))
            for i, s, e, label, text, origin, decided in rows]


def review_document(session: Session, document_id: int, annotators: Collection[str] | None = None) -> DocumentReview:
    """Compare the document's layers (everyone's, or those named) and read its gold layer and review status."""
    layers = layers_of(session, [document_id], annotators=annotators).get(document_id, {})
    gold = get_annotator(session, GOLD)
    status = get_status(session, document_id, gold.id) if gold is not None else None
    return DocumentReview(compare_layers(layers), gold_spans(session, document_id), status)


class _GoldEdit:
    """One decision on one document's gold layer: reads gold once, records every change for undo."""

    def __init__(self, session: Session, document_id: int, reviewer: str) -> None:
        self.session, self.reviewer = session, require_reviewer(session, reviewer).name
        self.gold_id = ensure_annotator(session, GOLD).id
        self.labels = label_ids(session)
        self.present = {gold.span: gold for gold in gold_spans(session, document_id)}
        self.decision = Decision(document_id)

    def add(self, span: Span, origin: str | None, decided_by: str | None = None) -> None:
        if span in self.present:
            return
        decided_by = decided_by or self.reviewer
        ids = {name: ensure_annotator(self.session, name).id for name in (origin, decided_by) if name}
        span_id = add_span(self.session, self.decision.document_id, self.gold_id, self.labels[span.label], span.start,
                           span.end, span.text, origin_id=ids.get(origin), decided_by_id=ids[decided_by])
        self.present[span] = GoldSpan(span_id, span, origin, decided_by)
        self.decision.added.append(span)

    def remove(self, span: Span) -> None:
        gold = self.present.pop(span, None)
        if gold is not None:
            remove_span(self.session, gold.id)
            self.decision.removed.append(gold)

    def clear(self, item: Disagreement) -> None:
        """Take out of gold whatever an earlier decision on ``item`` put there: its versions, and the
        reviewer's own spans (origin = decider) over it."""
        own = [gold.span for gold in self.present.values() if gold.origin == gold.decided_by
               and gold.span.start < item.end and item.start < gold.span.end]
        for span in [*item.spans(), *own]:
            self.remove(span)

    def done(self) -> Decision:
        if self.decision.added or self.decision.removed:
            touch(self.session, self.decision.document_id, self.gold_id)
        return self.decision


def accept_agreed(session: Session, document_id: int, reviewer: str,
                  annotators: Collection[str] | None = None) -> Decision:
    """Put every span all annotators agree on into gold (origin NULL: nobody's in particular)."""
    edit = _GoldEdit(session, document_id, reviewer)
    for span in review_document(session, document_id, annotators).comparison.agreed:
        edit.add(span, None)
    return edit.done()


def accept(session: Session, document_id: int, reviewer: str, item: Disagreement,
           annotators: Sequence[str]) -> Decision:
    """Take these annotators' versions of ``item`` into gold (one name: "accept theirs"; several: "accept both").

    Replaces an earlier decision on the item. Versions that would cross are refused (SpanRefused).
    """
    edit = _GoldEdit(session, document_id, reviewer)
    edit.clear(item)
    for name in annotators:
        for span in item.versions[name]:
            edit.add(span, name)
    return edit.done()


def reject(session: Session, document_id: int, reviewer: str, item: Disagreement) -> Decision:
    """None of the versions goes into gold."""
    edit = _GoldEdit(session, document_id, reviewer)
    edit.clear(item)
    return edit.done()


def edit_boundary(session: Session, document_id: int, reviewer: str, item: Disagreement, start: int, end: int,
                  label: str) -> Decision:
    """Put the reviewer's own span ``[start, end)`` into gold in place of the item's versions."""
    edit = _GoldEdit(session, document_id, reviewer)
    edit.clear(item)
    edit.add(Span(start, end, label, document_text(session, document_id)[start:end]), reviewer)
    return edit.done()


def undo(session: Session, reviewer: str, decision: Decision) -> Decision:
    """Reverse a decision: take out what it added, put back what it removed (with their provenance).

    Returns the reverse decision, which undoes the undo (redo).
    """
    edit = _GoldEdit(session, decision.document_id, reviewer)
    for span in decision.added:
        edit.remove(span)
    for old in decision.removed:
        edit.add(old.span, old.origin, old.decided_by)
    return edit.done()


def set_adjudicated(session: Session, document_id: int, reviewer: str, adjudicated: bool = True) -> str | None:
    """Mark the document's review finished (gold status 'adjudicated') or open again; returns the old status."""
    require_reviewer(session, reviewer)
    gold = ensure_annotator(session, GOLD)
    return set_status(session, document_id, gold.id, "adjudicated" if adjudicated else "in_progress")
