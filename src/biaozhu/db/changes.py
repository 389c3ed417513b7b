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
their table's max(id), count and max(updated_at) (resolving stamps it); pins their count and how many are good;
relations their max(id) and count.

The app's own span edits move the token without reading it again: counting a million spans is what costs, and
an edit knows how many spans and trash items it added and removed, so :meth:`ChangeToken.after` moves the counts
by that; the rest of what an edit moves (the highest ids, the open layer's part) is :func:`edit_state`, which
indexes answer at once and the edit reads inside its own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.orm import Session

from biaozhu.db.models import (
    Comment,
    Document,
    DocumentStatus,
    Label,
    PinnedExample,
    ProjectSetting,
    Relation,
    Span,
    TrashItem,
)

Layer = tuple[int, int]  # (document id, annotator id)


@dataclass(frozen=True)
class ChangeToken:
    """A value that differs whenever a span, status, trash item, document, comment, pin or relation was added or
    removed, a label, setting or comment was changed in any way, or a span of the watched layer was changed in any
    way."""

    counts: tuple[int, int]  # spans, trash items: what a span edit moves by a known amount
    state: tuple[object, ...]  # see edit_state
    rest: tuple[object, ...]  # statuses, documents, labels: no span edit moves them

    def after(self, spans: int, trash: int, state: tuple[object, ...]) -> ChangeToken:
        """The token after an edit of our own that added ``spans`` spans and ``trash`` trash items (negative:
        removed) and left ``state`` (:func:`edit_state`, read in the edit's transaction)."""
        return replace(self, counts=(self.counts[0] + spans, self.counts[1] + trash), state=state)


def _state_columns(layer: Layer | None) -> list[ScalarSelect[Any]]:
    columns = [select(func.max(Span.id)).scalar_subquery(), select(func.max(TrashItem.id)).scalar_subquery()]
    if layer is not None:
        mine = (Span.document_id == layer[0], Span.annotator_id == layer[1])
        columns += [select(func.count()).select_from(Span).where(*mine).scalar_subquery(),
                    *(select(aggregate).where(*mine).scalar_subquery() for aggregate in (
                        func.max(Span.updated_at), func.sum(Span.label_id), func.sum(Span.start), func.sum(Span.end)))]
    return columns


def edit_state(session: Session, layer: Layer | None) -> tuple[object, ...]:
    """The highest span and trash ids, and ``layer``'s count, max(updated_at) and sums of labels and offsets:
    what a span edit moves besides the counts. Indexes answer each: cheap enough inside every edit."""
    return tuple(session.execute(select(*_state_columns(layer))).one())


def change_token(session: Session, layer: Layer | None = None) -> ChangeToken:
    """The project's token, with ``layer``'s (document id, annotator id) spans watched in every detail."""
    columns: list[ScalarSelect[Any]] = [
        select(func.count()).select_from(Span).scalar_subquery(),
        select(func.count()).select_from(TrashItem).scalar_subquery(),
        select(func.max(DocumentStatus.updated_at)).scalar_subquery(),
        select(func.count()).select_from(DocumentStatus).scalar_subquery(),
        select(func.max(Document.id)).scalar_subquery(), select(func.count()).select_from(Document).scalar_subquery(),
        select(func.max(Comment.id)).scalar_subquery(), select(func.count()).select_from(Comment).scalar_subquery(),
        select(func.max(Comment.updated_at)).scalar_subquery(),
        select(func.count()).select_from(PinnedExample).scalar_subquery(),
        select(func.count()).select_from(PinnedExample).where(PinnedExample.verdict == "good").scalar_subquery(),
        select(func.max(Relation.id)).scalar_subquery(), select(func.count()).select_from(Relation).scalar_subquery()]
    # One round trip: each aggregate is a scalar subquery over its own table.
    values = tuple(session.execute(select(*columns, *_state_columns(layer))).one())
    labels = tuple(tuple(row) for row in session.execute(
        select(Label.id, Label.name, Label.title, Label.color, Label.hotkey, Label.definition, Label.position)
        .order_by(Label.id)))
    settings = tuple(tuple(row) for row in session.execute(
        select(ProjectSetting.key, ProjectSetting.value).order_by(ProjectSetting.key)))
    return ChangeToken((values[0], values[1]), values[len(columns):], (*values[2:len(columns)], labels, settings))
