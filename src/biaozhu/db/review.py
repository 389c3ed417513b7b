"""Reviewing: everyone's layers read for comparison, and the reviewer's decisions written to the gold layer.

Only a reviewer (``annotators.role == 'reviewer'``) writes gold. Every gold span records whose version it
is (``origin_id``: the annotator whose span was taken; the reviewer for a span the reviewer drew, resized or
relabelled; NULL for a span every annotator agreed on) and who decided (``decided_by_id``). A rejection
leaves nothing in gold, so it is recorded apart (``rejections``), with who rejected. Each decision returns a
:class:`Decision` that :func:`undo` reverses, so the window can wrap it in one QUndoCommand. Functions take
a Session and never commit: one decision, one transaction.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate

from sqlalchemy import select
from sqlalchemy.orm import Session

from biaozhu.corpus.adjudication import (
    Comparison,
    Disagreement,
    compare_layers,
    deciding_spans,
    fingerprint,
    known_spans,
)
from biaozhu.corpus.agreement import AnnotatedDocument
from biaozhu.corpus.model import Relation, Span, SpanValue
from biaozhu.db.annotators import get_annotator
from biaozhu.db.documents import stored_text
from biaozhu.db.exporting import relations_by_layer
from biaozhu.db.gold import (
    Decision,
    GoldEdit,
    GoldSpan,
    Rejected,
    gold_spans,
    rejections,
)
from biaozhu.db.models import GOLD, SUGGESTIONS, Annotator, Document, DocumentStatus, Label
from biaozhu.db.models import Relation as RelationRow
from biaozhu.db.models import Span as SpanRow
from biaozhu.db.permissions import MERGED_GOLD, require_reviewer
from biaozhu.db.review_queries import set_review_status
from biaozhu.db.review_relations import layer_relations, link_relations
from biaozhu.db.spans import SpanRefused
from biaozhu.db.status import get_status
from biaozhu.db.values import span_values


def layers_of(session: Session, document_ids: Collection[int], *, include_gold: bool = False,
              annotators: Collection[str] | None = None, at: tuple[int, int] | None = None
              ) -> dict[int, dict[str, list[Span]]]:
    """Per document, the layer of everyone who annotated it: a span on it, or a finished status for it ([] then:
    "nothing here"). Having only opened a document (in progress, no span) is not a layer: a reviewer who once
    looked at it in the annotation window is no annotator of it. Gold is not an annotator, nor is another
    project's gold merged in (``gold@OTHER``) unless named in ``annotators``.

    Spans come by position (start, then end); with ``at`` (start, end), only the spans over exactly that range
    (every layer is there still: whether one span is agreed, without reading thousands).
    """
    spans = select(SpanRow.document_id, Annotator.name, SpanRow.start, SpanRow.end, Label.name, SpanRow.text) \
        .join(Label, SpanRow.label_id == Label.id).join(Annotator, SpanRow.annotator_id == Annotator.id) \
        .where(SpanRow.document_id.in_(document_ids))
    statuses = select(DocumentStatus.document_id, Annotator.name) \
        .join(Annotator, DocumentStatus.annotator_id == Annotator.id) \
        .where(DocumentStatus.document_id.in_(document_ids), DocumentStatus.status != "in_progress")
    anywhere = select(SpanRow.document_id, Annotator.name).distinct() \
        .join(Annotator, SpanRow.annotator_id == Annotator.id).where(SpanRow.document_id.in_(document_ids))
    if not include_gold:
        people = Annotator.name != GOLD
        if annotators is None:
            people = people & ~Annotator.name.startswith(MERGED_GOLD, autoescape=True) & (Annotator.name != SUGGESTIONS)
        spans, statuses, anywhere = spans.where(people), statuses.where(people), anywhere.where(people)
    if annotators is not None:
        named = Annotator.name.in_(annotators)
        spans, statuses, anywhere = spans.where(named), statuses.where(named), anywhere.where(named)
    if at is not None:
        spans = spans.where(SpanRow.start == at[0], SpanRow.end == at[1])
    layers: dict[int, dict[str, list[Span]]] = {}
    # with ``at``, the layers with a span elsewhere are there too
    for doc_id, who in [*session.execute(statuses), *(session.execute(anywhere) if at is not None else ())]:
        layers.setdefault(doc_id, {}).setdefault(who, [])
    for doc_id, who, start, end, label, text in session.execute(spans.order_by(SpanRow.start, SpanRow.end)):
        layers.setdefault(doc_id, {}).setdefault(who, []).append(Span(start, end, label, text))
    return layers


def iter_annotated(session: Session, *, include_gold: bool = False, annotators: Collection[str] | None = None,
                   batch: int = 500) -> Iterator[AnnotatedDocument]:
    """Every document somebody annotated, with its layers and their relations, for the agreement figures (no
    texts are read)."""
    ids = list(session.scalars(select(Document.id).order_by(Document.id)))
    names = {who: name for who, name in session.execute(select(Annotator.id, Annotator.name))}
    for offset in range(0, len(ids), batch):
        chunk = ids[offset:offset + batch]
        layers = layers_of(session, chunk, include_gold=include_gold, annotators=annotators)
        relations: dict[int, dict[str, list[Relation]]] = {}
        for (doc_id, who), found in relations_by_layer(session.connection(),
                                                       RelationRow.document_id.in_(chunk)).items():
            if names[who] in layers.get(doc_id, {}):
                relations.setdefault(doc_id, {})[names[who]] = found
        for doc_id, name, length in session.execute(select(Document.id, Document.name, Document.length)
                                                     .where(Document.id.in_(chunk)).order_by(Document.id)):
            if doc_id in layers:
                yield AnnotatedDocument(doc_id, name, length, layers[doc_id], relations.get(doc_id, {}))


@dataclass(frozen=True, slots=True)
class Verdict:
    """Where a disagreement stands: the gold spans deciding it, or its rejection; neither: still open."""

    gold: tuple[GoldSpan, ...] = ()
    rejection: Rejected | None = None

    @property
    def open(self) -> bool:
        return not self.gold and self.rejection is None


@dataclass(frozen=True, slots=True)
class DocumentReview:
    """What the review window shows for one document: the comparison, gold, and each disagreement's verdict."""

    comparison: Comparison
    gold: list[GoldSpan]
    status: str | None
    verdicts: list[Verdict]
    values: dict[tuple[str, int, int, str], SpanValue] = field(default_factory=dict)  # (layer, start, end, label)
    relations: dict[str, set[Relation]] = field(default_factory=dict)  # by layer, gold too
    known: frozenset[Span] = field(default=frozenset(), compare=False)  # the comparison's spans, kept for decided()

    def is_open(self, number: int) -> bool:
        """Whether disagreement ``number`` (its place in ``comparison.disagreements``) is still undecided."""
        return self.verdicts[number].open

    @property
    def open(self) -> list[Disagreement]:
        pairs = zip(self.comparison.disagreements, self.verdicts, strict=True)
        return [item for item, verdict in pairs if verdict.open]


def judged(comparison: Comparison, gold: list[GoldSpan], status: str | None, rejected: dict[str, Rejected],
           values: dict[tuple[str, int, int, str], SpanValue] | None = None) -> DocumentReview:
    """The review of a document from its comparison, gold layer and rejections (in one pass over them)."""
    known = known_spans(comparison)
    deciding = deciding_spans(comparison, [g.span for g in gold], known=known)
    verdicts = [Verdict(tuple(gold[i] for i in taken), rejected.get(item.fingerprint()))
                for item, taken in zip(comparison.disagreements, deciding, strict=True)]
    return DocumentReview(comparison, gold, status, verdicts, values or {}, known=known)


def review_document(session: Session, document_id: int, annotators: Collection[str] | None = None) -> DocumentReview:
    """Compare the document's layers (everyone's, or those named) and read its gold, rejections and status."""
    layers = layers_of(session, [document_id], annotators=annotators).get(document_id, {})
    return rejudged(session, document_id, compare_layers(layers))


def rejudged(session: Session, document_id: int, comparison: Comparison) -> DocumentReview:
    """The review of a document whose layers were compared already (the review window after a decision):
    gold, rejections and status read again."""
    gold = get_annotator(session, GOLD)
    status = get_status(session, document_id, gold.id) if gold is not None else None
    review = judged(comparison, gold_spans(session, document_id), status, rejections(session, document_id),
                    span_values(session, document_id))
    review.relations.update(layer_relations(session, document_id, [*comparison.annotators, GOLD]))
    return review


def decided(review: DocumentReview, decision: Decision) -> DocumentReview:
    """The review once the window's own ``decision`` is written, from the one in memory and the decision (the spans
    it added as written: their ids and values): nothing is read again, and only the verdicts of the disagreements
    over what it changed are worked out again."""
    if not decision.changed:
        return review
    gone = {gold.id for gold in decision.removed}
    values = dict(review.values)
    for old in decision.removed:
        values.pop((GOLD, old.span.start, old.span.end, old.span.label), None)
    new = [gold for gold, _ in decision.written]
    values.update(((GOLD, g.span.start, g.span.end, g.span.label), value) for g, value in decision.written if value)
    gold = [g for g in review.gold if g.id not in gone] if gone else list(review.gold)
    for put in new:
        insort(gold, put, key=_gold_order)
    rejected = {verdict.rejection.versions: verdict.rejection for verdict in review.verdicts if verdict.rejection}
    for withdrawn in decision.unrejected:
        rejected.pop(withdrawn.versions, None)
    rejected.update((r.versions, r) for r in decision.rejected)
    links = set(review.relations.get(GOLD, set())) - {gone_link.relation for gone_link in decision.unlinked}
    links |= {relation for relation, _ in decision.linked}
    return replace(review, gold=gold, status=review.status or "in_progress", values=values,
                   verdicts=_verdicts_after(review, gold, rejected, decision),
                   relations={**review.relations, GOLD: links})


def _gold_order(gold: GoldSpan) -> tuple[int, int, int]:
    return gold.span.start, -gold.span.end, gold.id


def _verdicts_after(review: DocumentReview, gold: list[GoldSpan], rejected: dict[str, Rejected],
                    decision: Decision) -> list[Verdict]:
    """The verdicts after a decision: only the disagreements overlapping a span it put in or took out, or a
    rejection it recorded or withdrew, can have another; their deciding spans are those overlapping them."""
    touched = sorted([(s.start, s.end) for s in (*decision.added, *(g.span for g in decision.removed))] +
                     [(r.start, r.end) for r in (*decision.rejected, *decision.unrejected)])
    starts, reach = [start for start, _ in touched], list(accumulate((end for _, end in touched), max))
    disagreements = review.comparison.disagreements
    # overlapping: of the ranges starting before the disagreement ends, the one reaching furthest passes its start
    numbers = [n for n, item in enumerate(disagreements)
               if (before := bisect_left(starts, item.end)) and reach[before - 1] > item.start]
    if not numbers:
        return review.verdicts
    low, high = min(disagreements[n].start for n in numbers), max(disagreements[n].end for n in numbers)
    near = [g for g in gold if g.span.start < high and low < g.span.end]
    known = review.known or known_spans(review.comparison)
    verdicts = list(review.verdicts)
    for n, taken in zip(numbers, deciding_spans(review.comparison, [g.span for g in near], numbers, known),
                        strict=True):
        verdicts[n] = Verdict(tuple(near[i] for i in taken), rejected.get(disagreements[n].fingerprint()))
    return verdicts


def _cut(session: Session, document_id: int, start: int, end: int) -> str:
    """``text[start:end]`` of the document, from the text kept by its digest (a boundary moved on a 1 MB report
    does not read it again)."""
    text = stored_text(session, document_id)
    if text is None:
        raise LookupError(f"there is no document {document_id}")
    return text[start:end]


def _edit(session: Session, document_id: int, reviewer: str) -> GoldEdit:
    return GoldEdit(session, document_id, require_reviewer(session, reviewer).name)


def _clear(edit: GoldEdit, item: Disagreement) -> None:
    """Take back whatever an earlier decision on ``item`` did: its versions in gold, the reviewer's own
    spans over it, its rejection."""
    for span in [*item.spans(), *edit.own_spans_over(item.start, item.end)]:
        edit.remove(span)
    edit.unreject(item.fingerprint())


def accept_agreed(session: Session, document_id: int, reviewer: str,
                  annotators: Collection[str] | None = None) -> Decision:
    """Put every span all annotators agree on into gold (origin NULL: nobody's in particular), in bulk,
    except those a reviewer took out of gold (:func:`take_out`)."""
    edit = _edit(session, document_id, reviewer)
    edit.load_all()
    layers = layers_of(session, [document_id], annotators=annotators).get(document_id, {})
    agreed = compare_layers(layers).agreed
    taken = {(s.start, s.end) for s in edit.present}
    twice = {key for key, n in Counter((s.start, s.end) for s in agreed).items() if n > 1}
    for span in agreed:
        # Taken out of gold by a reviewer: stays out. Everyone giving one range two labels: the reviewer decides.
        if fingerprint([span]) not in edit.rejections and (span.start, span.end) not in taken | twice:
            edit.add(span, None)
    link_relations(session, edit, list(layers))
    return edit.done()


def accept(session: Session, document_id: int, reviewer: str, item: Disagreement,
           annotators: Sequence[str]) -> Decision:
    """Take these annotators' versions of ``item`` into gold (one name: "accept theirs"; several: "accept both").

    Replaces an earlier decision on the item. Versions that would cross, or give one range two labels, are
    refused (SpanRefused).
    """
    if item.one_range_twice(annotators):
        raise SpanRefused(f"[{item.start}, {item.end}): the versions give one range different labels, and gold "
                          "holds a range once: accept one version, or reject")
    edit = _edit(session, document_id, reviewer)
    _clear(edit, item)
    for name in annotators:
        for span in item.versions[name]:
            edit.add(span, name)
    link_relations(session, edit, list(item.versions))
    return edit.done()


def reject(session: Session, document_id: int, reviewer: str, item: Disagreement) -> Decision:
    """None of the versions goes into gold, and the rejection is recorded: the item stays decided."""
    edit = _edit(session, document_id, reviewer)
    _clear(edit, item)
    edit.reject(Rejected(item.fingerprint(), item.start, item.end, edit.reviewer))
    return edit.done()


def edit_boundary(session: Session, document_id: int, reviewer: str, item: Disagreement, start: int, end: int,
                  label: str) -> Decision:
    """Put the reviewer's own span ``[start, end)`` into gold in place of the item's versions."""
    edit = _edit(session, document_id, reviewer)
    _clear(edit, item)
    edit.add(Span(start, end, label, _cut(session, document_id, start, end)), edit.reviewer)
    return edit.done()


def relabel(session: Session, document_id: int, reviewer: str, span: Span, label: str) -> Decision:
    """Give a gold span another label: the new span is the reviewer's own version (origin = reviewer)."""
    edit = _edit(session, document_id, reviewer)
    _take_out(session, edit, span)
    edit.add(Span(span.start, span.end, label, span.text), edit.reviewer)
    return edit.done()


def draw(session: Session, document_id: int, reviewer: str, start: int, end: int, label: str) -> Decision:
    """Put a span of the reviewer's own into gold, where the annotators have none or all missed it."""
    edit = _edit(session, document_id, reviewer)
    span = Span(start, end, label, _cut(session, document_id, start, end))
    edit.add(span, edit.reviewer)
    edit.unreject(fingerprint([span]))  # drawn again after being taken out
    return edit.done()


def take_out(session: Session, document_id: int, reviewer: str, span: Span) -> Decision:
    """Take a span out of gold."""
    edit = _edit(session, document_id, reviewer)
    _take_out(session, edit, span)
    return edit.done()


def _take_out(session: Session, edit: GoldEdit, span: Span) -> None:
    """One every annotator agreed on is recorded as rejected, so that putting the agreed spans into gold
    again (on reopening) leaves it out."""
    if edit.has(span) is None:
        raise SpanRefused(f"[{span.start}, {span.end}) {span.label} is not in gold (changed elsewhere?)")
    edit.remove(span)
    document_id = edit.decision.document_id
    if span in compare_layers(layers_of(session, [document_id], at=(span.start, span.end)).get(document_id, {})).agreed:
        edit.reject(Rejected(fingerprint([span]), span.start, span.end, edit.reviewer))


def adopt_layer(session: Session, reviewer: str, layer: str, document_ids: Collection[int] | None = None
                ) -> list[Decision]:
    """Take a layer into gold, one decision per document: another project's gold merged in as ``gold@OTHER``,
    or a layer imported from elsewhere. Its spans become gold with the layer as their origin; spans already
    in gold stay, and one that would cross gold is refused (SpanRefused) with nothing adopted."""
    source = get_annotator(session, layer)
    if source is None or layer == GOLD:
        raise SpanRefused(f"there is no layer {layer} to adopt (`biaozhu annotators` lists them)")
    query = select(SpanRow.document_id).where(SpanRow.annotator_id == source.id).distinct()
    if document_ids is not None:
        query = query.where(SpanRow.document_id.in_(document_ids))
    decisions = []
    for document_id in sorted(session.scalars(query)):
        edit = _edit(session, document_id, reviewer)
        edit.load_all()
        for span in layers_of(session, [document_id], annotators=[layer])[document_id][layer]:
            edit.add(span, layer)
        link_relations(session, edit, [layer], agreed_origin=layer)
        decisions.append(edit.done())
    return decisions


def undo(session: Session, reviewer: str, decision: Decision) -> Decision:
    """Reverse a decision: take out what it added, put back what it removed (with their provenance), and
    the same for rejections. Returns the reverse decision, which undoes the undo (redo)."""
    edit = _edit(session, decision.document_id, reviewer)
    spans = [*decision.added, *(gold.span for gold in decision.removed),
             *(span for relation, _ in decision.linked for span in (relation.from_span, relation.to_span)),
             *(span for gone in decision.unlinked for span in (gone.relation.from_span, gone.relation.to_span))]
    if spans:  # one read for the whole range it touched
        edit.load(min(span.start for span in spans), max(span.end for span in spans))
    for span in decision.added:
        edit.remove(span)
    for old in decision.removed:
        edit.add(old.span, old.origin, old.decided_by)
    for rejected in decision.rejected:
        edit.unreject(rejected.versions)
    for rejected in decision.unrejected:
        edit.reject(rejected)
    for relation, _ in decision.linked:
        edit.unlink(relation)
    for gone in decision.unlinked:
        edit.link(gone.relation, gone.origin, gone.decided_by)
    return edit.done()


def set_adjudicated(session: Session, document_id: int, reviewer: str, adjudicated: bool = True) -> str | None:
    """Mark the document's review finished (gold status 'adjudicated') or open again; returns the old status."""
    return set_review_status(session, document_id, reviewer, "adjudicated" if adjudicated else "in_progress")
