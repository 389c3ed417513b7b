"""Has anything changed since I last looked? One cheap query that the app polls, so an annotator sees a
teammate's edits (the document list's counts and statuses) without a server pushing anything.

The project-wide part is made of aggregates that indexes answer (well under a millisecond at 200,000
spans): a new span raises max(id), a deleted one lowers count(*), a status set or touched moves its
table's max(updated_at), and the trash and documents cover deletions and imports. Relabelling or
resizing moves none of these, and the document list does not show labels; it matters only for the
open document's own layer, so that layer's part (its count, max(updated_at), which the ORM stamps on
every update, and the sums of labels and offsets, which move even when another machine's clock is
behind) is read through the layer index: a scan of the whole table for updated_at would cost 25 ms
at 200,000 spans, every poll.

Labels are few (a dozen rows), so the token holds them whole: a label renamed, recoloured, rebound, reordered,
added or deleted elsewhere reaches every window. So are the project's settings (its guideline). Comments move
their table's max(id), count and max(updated_at) (resolving stamps it); pins their count and how many are good.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biaozhu.db.models import (
    Comment,
    Document,
    DocumentStatus,
    Label,
    PinnedExample,
    ProjectSetting,
    Span,
    TrashItem,
)

ChangeToken = tuple[object, ...]


def change_token(session: Session, layer: tuple[int, int] | None = None) -> ChangeToken:
    """A value that differs whenever a span, status, trash item, document, comment or pin was added or removed, a
    label, setting or comment was changed in any way, or a span of ``layer`` (document id, annotator id) was
    changed in any way."""
    columns = [select(func.max(Span.id)), select(func.count()).select_from(Span),
               select(func.max(DocumentStatus.updated_at)), select(func.count()).select_from(DocumentStatus),
               select(func.max(TrashItem.id)), select(func.count()).select_from(TrashItem),
               select(func.max(Document.id)), select(func.count()).select_from(Document),
               select(func.max(Comment.id)), select(func.count()).select_from(Comment),
               select(func.max(Comment.updated_at)), select(func.count()).select_from(PinnedExample),
               select(func.count()).select_from(PinnedExample).where(PinnedExample.verdict == "good")]
    if layer is not None:
        mine = (Span.document_id == layer[0], Span.annotator_id == layer[1])
        columns += [select(func.count()).select_from(Span).where(*mine),
                    *(select(aggregate).where(*mine) for aggregate in (
                        func.max(Span.updated_at), func.sum(Span.label_id), func.sum(Span.start), func.sum(Span.end)))]
    # One round trip: each aggregate is a scalar subquery over its own table.
    aggregates = tuple(session.execute(select(*(column.scalar_subquery() for column in columns))).one())
    labels = tuple(tuple(row) for row in session.execute(
        select(Label.id, Label.name, Label.title, Label.color, Label.hotkey, Label.definition, Label.position)
        .order_by(Label.id)))
    settings = tuple(tuple(row) for row in session.execute(
        select(ProjectSetting.key, ProjectSetting.value).order_by(ProjectSetting.key)))
    return (*aggregates, labels, settings)
