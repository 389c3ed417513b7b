"""Time spent per document: seconds a person had a document open in the active window, added up per day (UTC).

The app adds what it measured in small transactions (on a document switch, when the window is left, every
minute, on closing), so a killed app loses at most the last minute. Adding is an upsert: two windows of the
same person, or two desktops on a server, never collide on the row of the day.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from biaozhu.db.models import Document, TimeSpent


def today() -> date:
    """The day time is counted under: UTC, as spans per day are."""
    return datetime.now(UTC).date()


def add_time(session: Session, document_id: int, annotator_id: int, seconds: int, day: date | None = None) -> bool:
    """Add ``seconds`` to what this person spent on this document that day; False if the document is gone
    (deleted by someone while it was open: its time goes with it)."""
    if seconds <= 0 or session.scalar(select(Document.id).where(Document.id == document_id)) is None:
        return False
    insert: Callable[..., Any] = sqlite_insert
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert  # imported only for a server

        insert = postgresql_insert
    statement = insert(TimeSpent).values(document_id=document_id, annotator_id=annotator_id,
                                         day=day or today(), seconds=seconds)
    session.execute(statement.on_conflict_do_update(
        index_elements=["document_id", "annotator_id", "day"],
        set_={"seconds": TimeSpent.seconds + statement.excluded.seconds}))
    return True


def seconds_by_day(session: Session) -> list[tuple[int, date, int]]:
    """(annotator id, day, seconds) over every document: the per-layer totals and the chart per day."""
    rows = session.execute(select(TimeSpent.annotator_id, TimeSpent.day, func.sum(TimeSpent.seconds))
                           .group_by(TimeSpent.annotator_id, TimeSpent.day))
    return [(annotator_id, day, int(seconds)) for annotator_id, day, seconds in rows]


def seconds_by_document(session: Session, document_ids: Collection[int]) -> dict[tuple[int, int], int]:
    """(document id, annotator id) → seconds, over all days, for these documents (a page of the matrix)."""
    if not document_ids:
        return {}
    rows = session.execute(select(TimeSpent.document_id, TimeSpent.annotator_id, func.sum(TimeSpent.seconds))
                           .where(TimeSpent.document_id.in_(list(document_ids)))
                           .group_by(TimeSpent.document_id, TimeSpent.annotator_id))
    return {(document_id, annotator_id): int(seconds) for document_id, annotator_id, seconds in rows}
