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
indexes answer at once and the edit reads inside its own transaction. A review decision does the same, and also
moves the relations' count by what it linked and unlinked and the statuses by the one row it stamped (gold's on
its document, :func:`stamp`), so a decision reads nothing of the token's whole tables either.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from sqlalchemy import ScalarSelect, bindparam, exists, func, select
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

    counts: tuple[int, int, int]  # spans, trash items, relations: what our own writes move by a known amount
    state: tuple[object, ...]  # see edit_state
    statuses: tuple[object, int]  # the statuses' max(updated_at) and count: a review decision stamps one
    rest: tuple[object, ...]  # documents, comments, pins, labels, settings: no span edit or decision moves them

    def after(self, spans: int, trash: int, state: tuple[object, ...], relations: int = 0,
              stamped: tuple[object, bool] | None = None) -> ChangeToken:
        """The token after a write of our own that added ``spans`` spans, ``trash`` trash items and ``relations``
        relations (negative: removed) and left ``state`` (:func:`edit_state`, read in the write's transaction);
        ``stamped``: the updated_at it gave one status row (:func:`stamp`), and whether that row is new."""
        statuses = self.statuses
        if stamped is not None:
            latest, count = statuses
            at, new = stamped
            statuses = (at if latest is None or at > latest else latest, count + new)  # type: ignore[operator]
        return replace(self, counts=(self.counts[0] + spans, self.counts[1] + trash, self.counts[2] + relations),
                       state=state, statuses=statuses)


def stamp(session: Session, document_id: int, annotator_id: int | None) -> object | None:
    """The updated_at of a layer's status row (None: it has none): read before and after a write that touches it,
    what :meth:`ChangeToken.after` needs, through the primary key (the statuses' max would scan them all)."""
    if annotator_id is None:
        return None
    return session.scalar(select(DocumentStatus.updated_at).where(DocumentStatus.document_id == document_id,
                                                                  DocumentStatus.annotator_id == annotator_id))


def attached(session: Session, document_id: int) -> tuple[int, int]:
    """The comments on a document and the pins on its spans: a review decision that takes gold spans or relations
    out takes theirs along (the database's cascade), which it learns by reading these before and after."""
    comments = select(func.count()).select_from(Comment).where(Comment.document_id == document_id)
    # through the pins (a few) and their spans' primary keys, not the document's thousands of spans
    pins = select(func.count()).select_from(PinnedExample).where(
        exists().where(Span.id == PinnedExample.span_id, Span.document_id == document_id))
    found = session.execute(select(comments.scalar_subquery(), pins.scalar_subquery())).one()
    return found[0], found[1]


@lru_cache(maxsize=2)
def _state_columns(watched: bool) -> tuple[Any, ...]:
    """Built once (an edit reads them every time): the layer is given as the parameters ``document``, ``annotator``."""
    columns: list[Any] = [select(func.max(Span.id)).scalar_subquery(), select(func.max(TrashItem.id)).scalar_subquery(),
                          select(func.max(Relation.id)).scalar_subquery()]
    if watched:  # one pass over the layer's rows, through its index
        mine = select(func.count(), func.max(Span.updated_at), func.sum(Span.label_id), func.sum(Span.start),
                      func.sum(Span.end)).where(Span.document_id == bindparam("document"),
                                                Span.annotator_id == bindparam("annotator")).subquery()
        columns += list(mine.c)
    return tuple(columns)


def _parameters(layer: Layer | None) -> dict[str, int]:
    return {} if layer is None else {"document": layer[0], "annotator": layer[1]}


def edit_state(session: Session, layer: Layer | None) -> tuple[object, ...]:
    """The highest span, trash and relation ids, and ``layer``'s count, max(updated_at) and sums of labels and offsets:
    what a span edit moves besides the counts. Indexes answer each: cheap enough inside every edit."""
    return tuple(session.execute(select(*_state_columns(layer is not None)), _parameters(layer)).one())


def change_token(session: Session, layer: Layer | None = None) -> ChangeToken:
    """The project's token, with ``layer``'s (document id, annotator id) spans watched in every detail."""
    columns: list[ScalarSelect[Any]] = [
        select(func.count()).select_from(Span).scalar_subquery(),
        select(func.count()).select_from(TrashItem).scalar_subquery(),
        select(func.count()).select_from(Relation).scalar_subquery(),
        select(func.max(DocumentStatus.updated_at)).scalar_subquery(),
        select(func.count()).select_from(DocumentStatus).scalar_subquery(),
        select(func.max(Document.id)).scalar_subquery(), select(func.count()).select_from(Document).scalar_subquery(),
        select(func.max(Comment.id)).scalar_subquery(), select(func.count()).select_from(Comment).scalar_subquery(),
        select(func.max(Comment.updated_at)).scalar_subquery(),
        select(func.count()).select_from(PinnedExample).scalar_subquery(),
        select(func.count()).select_from(PinnedExample).where(PinnedExample.verdict == "good").scalar_subquery()]
    # One round trip: each aggregate is a scalar subquery over its own table.
    values = tuple(session.execute(select(*columns, *_state_columns(layer is not None)), _parameters(layer)).one())
    labels = tuple(tuple(row) for row in session.execute(
        select(Label.id, Label.name, Label.title, Label.color, Label.hotkey, Label.definition, Label.position)
        .order_by(Label.id)))
    settings = tuple(tuple(row) for row in session.execute(
        select(ProjectSetting.key, ProjectSetting.value).order_by(ProjectSetting.key)))
    return ChangeToken((values[0], values[1], values[2]), values[len(columns):], (values[3], values[4]),
                       (*values[5:len(columns)], labels, settings))
