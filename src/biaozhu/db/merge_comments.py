"""Their comments, merged with their documents (:mod:`biaozhu.db.merge`): ids remapped to ours, spans found by
layer, position and label, authors by name; a comment we have already (same place, author, text and time) is not
added twice, so merging twice adds nothing. A comment on a span we did not take (a conflict kept ours), or on a
relation, stays behind and is counted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from biaozhu.db.models import Annotator, Comment, Label, Span

Key = tuple[int, int | None, int, str, str]  # our document, our span, our author, text, time


def _moment(when: datetime | None) -> str:
    """A time as both backends give it back (SQLite without its zone), to the second, in UTC."""
    if when is None:
        return ""
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC).isoformat(timespec="seconds")


def _span_places(session: Session, doc_ids: list[int]) -> dict[tuple[int, str, int, int, str], int]:
    """(document, layer name, start, end, label name) → span id."""
    return {tuple(row[:5]): row[5] for row in session.execute(  # type: ignore[misc]
        select(Span.document_id, Annotator.name, Span.start, Span.end, Label.name, Span.id)
        .join(Annotator, Span.annotator_id == Annotator.id).join(Label, Span.label_id == Label.id)
        .where(Span.document_id.in_(doc_ids)))}


def merge_comments(ours: Session, theirs: Session, our_id: dict[int, int], person: Callable[[str], int],
                   layer: Callable[[str], str]) -> tuple[int, int]:
    """Copy their comments on these documents (their id → our id) into ours; ``person`` finds or creates our
    annotator of a name, ``layer`` names the layer theirs came in as. Returns (added, left behind)."""
    their_spans = {span_id: (our_id[doc], layer(who), start, end, label) for (doc, who, start, end, label), span_id
                   in _span_places(theirs, list(our_id)).items()}
    our_spans = _span_places(ours, list(our_id.values()))
    names = dict(theirs.execute(select(Annotator.id, Annotator.name)).all())
    have: dict[Key, int] = {}
    for comment_id, doc, span, who, text, created in ours.execute(
            select(Comment.id, Comment.document_id, Comment.span_id, Comment.author_id, Comment.text,
                   Comment.created_at).where(Comment.document_id.in_(our_id.values()))):
        have[(doc, span, who, text, _moment(created))] = comment_id
    mapped: dict[int, int] = {}
    added = left = 0
    rows = theirs.execute(select(Comment).where(Comment.document_id.in_(our_id))
                          .order_by(Comment.parent_id.is_not(None), Comment.id)).scalars().all()
    for row in rows:
        span_id = None
        if row.span_id is not None:
            span_id = our_spans.get(their_spans.get(row.span_id, (0, "", 0, 0, "")))
        parent = mapped.get(row.parent_id) if row.parent_id is not None else None
        if row.relation_id is not None or (row.span_id is not None and span_id is None) \
                or (row.parent_id is not None and parent is None):
            left += 1
            continue
        key = (our_id[row.document_id], span_id, person(names[row.author_id]), row.text, _moment(row.created_at))
        if key in have:
            mapped[row.id] = have[key]
            continue
        resolver = person(names[row.resolved_by_id]) if row.resolved_by_id in names else None
        mapped[row.id] = have[key] = ours.execute(insert(Comment).values(
            document_id=key[0], span_id=span_id, parent_id=parent, author_id=key[2], text=row.text,
            created_at=row.created_at, updated_at=row.updated_at, resolved_at=row.resolved_at,
            resolved_by_id=resolver).returning(Comment.id)).scalar_one()
        added += 1
    return added, left
