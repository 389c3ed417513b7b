"""Has anything changed since I last looked? One cheap query that the app polls, so an annotator sees a
teammate's edits (the document list's counts and statuses) without a server pushing anything.

The project-wide part is made of aggregates that indexes answer (well under a millisecond at 200,000
spans): a new span raises max(id), a deleted one lowers count(*), a status set or touched moves its
table's max(updated_at), and the trash and documents cover deletions and imports. Relabelling or
resizing moves none of these, and the document list does not show labels; it matters only for the
open document's own layer, so that layer's part is read through the layer index: its count and the sums of its
labels, offsets and update marks (:func:`mark`: each row's updated_at, which the ORM stamps on every update, in
milliseconds modulo a prime). Sums rather than max(updated_at): a mark moves even when another machine's clock is
behind, and a sum can be followed by what an edit did to its rows (a deleted row takes its mark out, where a max
would have to be found again among the rest).

Labels are few (a dozen rows), so the token holds them whole: a label renamed, recoloured, rebound, reordered,
added or deleted elsewhere reaches every window. So are the project's settings (its guideline). Comments move
their table's max(id), count and max(updated_at) (resolving stamps it); pins their count and how many are good;
relations their max(id) and count.

The app's own span edits move the token without reading it again: counting a million spans is what costs, and
an edit knows how many spans and trash items it added and removed, so :meth:`ChangeToken.after` moves the counts
by that; the highest ids the edit reads inside its own transaction (:func:`edit_state`: indexes answer at once),
and the open layer's part moves by what the rows the edit touched made up before it and make up after it
(:func:`rows_part`, read through the primary key: a pass over a 20,000-span layer in every edit cost 10 ms). A
review decision does the same, and also moves the relations' count by what it linked and unlinked and the
statuses by the one row it stamped (gold's on its document, :func:`stamp`), so a decision reads nothing of the
token's whole tables either.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, ScalarSelect, bindparam, cast, exists, func, select, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

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
Part = tuple[int, ...]  # of a layer's rows: their count and the sums of labels, starts, ends and marks; () unwatched
MARK_MODULUS = 1_000_000_007  # a mark stays below it, so a sum over a million rows fits 64 bits


@dataclass(frozen=True)
class ChangeToken:
    """A value that differs whenever a span, status, trash item, document, comment, pin or relation was added or
    removed, a label, setting or comment was changed in any way, or a span of the watched layer was changed in any
    way."""

    counts: tuple[int, int, int]  # spans, trash items, relations: what our own writes move by a known amount
    state: tuple[object, ...]  # the highest span, trash and relation ids: see edit_state
    layer: Part  # the watched layer's part: what its rows make up (see rows_part)
    statuses: tuple[object, int]  # the statuses' max(updated_at) and count: a review decision stamps one
    rest: tuple[object, ...]  # documents, comments, pins, labels, settings: no span edit or decision moves them

    def after(self, spans: int, trash: int, state: tuple[object, ...], moved: Part, relations: int = 0,
              stamped: tuple[object, bool] | None = None) -> ChangeToken:
        """The token after a write of our own that added ``spans`` spans, ``trash`` trash items and ``relations``
        relations (negative: removed), left ``state`` (:func:`edit_state`, read in the write's transaction) and
        moved the watched layer's part by ``moved`` (:func:`moved`); ``stamped``: the updated_at it gave one status
        row (:func:`stamp`), and whether that row is new."""
        statuses = self.statuses
        if stamped is not None:
            latest, count = statuses
            at, new = stamped
            statuses = (at if latest is None or at > latest else latest, count + new)  # type: ignore[operator]
        return replace(self, counts=(self.counts[0] + spans, self.counts[1] + trash, self.counts[2] + relations),
                       state=state, layer=tuple(a + b for a, b in zip(self.layer, moved, strict=True)),
                       statuses=statuses)


class _Millis(FunctionElement[int]):
    """A timestamp column in whole milliseconds, as each backend can say it (deterministic: the same stored value
    gives the same number whether one row or a whole layer is read)."""

    type = BigInteger()
    inherit_cache = True


@compiles(_Millis, "sqlite")
def _sqlite_millis(element: _Millis, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(julianday({compiler.process(element.clauses, **kw)}) * 86400000 AS INTEGER)"


@compiles(_Millis, "postgresql")
def _postgresql_millis(element: _Millis, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(floor(EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)}) * 1000) AS BIGINT)"


def mark(column: Any) -> ColumnElement[int]:
    """A row's update mark: its updated_at in milliseconds, modulo a prime (small enough to sum)."""
    return _Millis(column) % MARK_MODULUS


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


def _summed(column: Any) -> ColumnElement[int]:
    return cast(func.coalesce(func.sum(column), 0), BigInteger)  # an int on both backends, 0 over no rows


_PART = (func.count(), _summed(Span.label_id), _summed(Span.start), _summed(Span.end), _summed(mark(Span.updated_at)))
_HIGHEST = select(select(func.max(Span.id)).scalar_subquery(), select(func.max(TrashItem.id)).scalar_subquery(),
                  select(func.max(Relation.id)).scalar_subquery())
# The layer's part through its index (the poller's read, on a worker); some rows' through the primary key alone
# (an edit's, before and after it writes them: naming the layer there would let SQLite take the layer's index).
_LAYER = select(*_PART).where(Span.document_id == bindparam("document"),
                              Span.annotator_id == bindparam("annotator")).subquery()
_PIN = text("SELECT max(id) FROM labels")
_ROWS = select(Span.document_id, Span.annotator_id, Span.label_id, Span.start, Span.end,
               mark(Span.updated_at)).where(Span.id.in_(bindparam("ids", expanding=True)))


def rows_part(session: Session, layer: Layer | None, span_ids: Collection[int]) -> Part:
    """What the spans ``span_ids`` (those of them in ``layer`` now) make up of its part: read before an edit
    writes them and after, it says how far the edit moved the part (:func:`moved`), without a pass over the
    layer."""
    if layer is None:
        return ()
    part = [0] * len(_PART)
    for document_id, annotator_id, *values in session.execute(_ROWS, {"ids": list(span_ids)}) if span_ids else ():
        if (document_id, annotator_id) == layer:
            part[0] += 1
            for i, value in enumerate(values, 1):
                part[i] += value or 0  # no mark: an updated_at the backend cannot read (the layer's sum skips it)
    return tuple(part)


def edit_state(session: Session) -> tuple[object, ...]:
    """The highest span, trash and relation ids: what a span edit moves besides the counts and the layer's part
    (indexes answer each, cheap enough inside every edit)."""
    return tuple(session.execute(_HIGHEST).one())


def pin(session: Session) -> None:
    """Fix what a read session sees to the project as it is now, for work that runs on it later: a cheap read of a
    table (SQLite's snapshot begins with the first read), on PostgreSQL in REPEATABLE READ (each statement of
    READ COMMITTED would see the project anew)."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    session.execute(_PIN)  # plain SQL: at start the ORM's first statement would cost 30 ms more here


def moved(before: Part, after: Part) -> Part:
    """How far an edit moved the layer's part: what its rows make up after it, less what they made up before."""
    return tuple(a - b for a, b in zip(after, before, strict=True))


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
    values = tuple(session.execute(select(*columns, *_HIGHEST.selected_columns, *(() if layer is None else _LAYER.c)),
                                   {} if layer is None else {"document": layer[0], "annotator": layer[1]}).one())
    labels = tuple(tuple(row) for row in session.execute(
        select(Label.id, Label.name, Label.title, Label.color, Label.hotkey, Label.definition, Label.position)
        .order_by(Label.id)))
    settings = tuple(tuple(row) for row in session.execute(
        select(ProjectSetting.key, ProjectSetting.value).order_by(ProjectSetting.key)))
    highest = len(columns) + len(_HIGHEST.selected_columns)
    return ChangeToken((values[0], values[1], values[2]), values[len(columns):highest], values[highest:],
                       (values[3], values[4]), (*values[5:len(columns)], labels, settings))
