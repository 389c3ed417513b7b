"""Documents' outlines and page maps, read from their stored text and meta (headings from Word, ``pages``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from biaozhu.corpus.outline import Heading, outline
from biaozhu.db.models import Document


def document_meta(session: Session, document_id: int) -> dict[str, Any]:
    """The document's meta (``{}`` when it has none or there is no such document)."""
    return dict(session.scalar(select(Document.meta).where(Document.id == document_id)) or {})


def document_outlines(session: Session, document_id: int | None = None) -> Iterator[tuple[int, str, list[Heading]]]:
    """(id, name, headings) of one document or of all, by id; one text in memory at a time. Raises LookupError
    for a document that does not exist."""
    ids = [document_id] if document_id is not None else list(session.scalars(select(Document.id).order_by(Document.id)))
    for current in ids:
        row = session.execute(select(Document.name, Document.text, Document.meta).where(Document.id == current)).first()
        if row is None:
            raise LookupError(f"there is no document {current}")
        yield current, row.name, outline(row.text, row.meta)
