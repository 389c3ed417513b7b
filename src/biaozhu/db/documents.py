"""Documents: stored once per normalised text (sha256), listed with their span counts."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy import text as sql_text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import Refusal
from biaozhu.corpus.model import SourceDocument
from biaozhu.db.models import Annotator, Document, DocumentStatus, Span
from biaozhu.db.permissions import require_reviewer


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_by_text(session: Session, text: str) -> Document | None:
    return session.scalar(select(Document).where(Document.sha256 == text_sha256(text)))


DOCUMENTS_LOCK_KEY = 0x62697A64  # 'bizd': new documents are stored one transaction at a time on PostgreSQL


def store_text(session: Session, text: str, name: str, **fields: Any) -> tuple[Document, bool]:
    """The document holding ``text``, stored now unless it is there already; and whether it is new.

    Several desktops may store the same text at the same moment. On PostgreSQL, checking first and then
    inserting collided on the sha256's unique constraint (the whole import failed), so the insert is
    ``ON CONFLICT DO NOTHING`` and the row is then read back, whoever stored it; and transactions storing
    new documents take one advisory lock first, so two importers of the same texts in different orders
    wait for each other instead of deadlocking. SQLite's write lock already serialises them. The length and
    sha256 are always computed here from the text, never taken from the caller.
    """
    sha256 = text_sha256(text)
    existing = session.scalar(select(Document).where(Document.sha256 == sha256))
    if existing is not None:
        return existing, False
    dialect = session.get_bind().dialect.name
    insert: Callable[..., Any] = sqlite_insert
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert  # 80 ms to import: only for a server

        session.execute(select(func.pg_advisory_xact_lock(DOCUMENTS_LOCK_KEY)))
        insert = postgresql_insert
    values = {"name": name, "text": text, "length": len(text), "sha256": sha256, **fields}
    new_id = session.scalar(insert(Document).values(values).on_conflict_do_nothing(index_elements=["sha256"])
                            .returning(Document.id))
    document = session.scalar(select(Document).where(Document.sha256 == sha256))
    assert document is not None, "stored or found just now"
    return document, new_id is not None


def add_document(session: Session, source: SourceDocument) -> tuple[Document, bool]:
    """Store a document unless the same text is there already; returns it and whether it is new."""
    return store_text(session, source.text, source.name, source=source.source,
                      normalisation=source.normalisation, meta=source.meta)


class DocumentRefused(Refusal, ValueError):
    """A change of a document the rules refuse (an empty or too long name, no such document)."""


def rename_document(session: Session, document_id: int, name: str, actor: str) -> str:
    """Give a document another name (what lists and exports show); returns the old one. Names need not be
    unique: documents are known by their text. The project's documents are a reviewer's to manage."""
    require_reviewer(session, actor, "rename documents")
    name = name.strip()
    if not name or len(name) > 512:
        raise DocumentRefused("a document name is 1 to 512 characters")
    document = session.get(Document, document_id)
    if document is None:
        raise DocumentRefused(f"there is no document {document_id}")
    old, document.name = document.name, name
    session.flush()
    return old


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A row of the document list: no text, just what a list shows."""

    id: int
    name: str
    length: int
    span_counts: dict[str, int]
    statuses: dict[str, str]


def list_documents(session: Session) -> list[DocumentSummary]:
    """Every document with span counts and status per annotator, in two grouped queries."""
    counts: dict[int, dict[str, int]] = {}
    for doc_id, name, count in session.execute(
            select(Span.document_id, Annotator.name, func.count(Span.id))
            .join(Annotator, Span.annotator_id == Annotator.id)
            .group_by(Span.document_id, Annotator.name)):
        counts.setdefault(doc_id, {})[name] = count
    statuses: dict[int, dict[str, str]] = {}
    for doc_id, name, status in session.execute(
            select(DocumentStatus.document_id, Annotator.name, DocumentStatus.status)
            .join(Annotator, DocumentStatus.annotator_id == Annotator.id)):
        statuses.setdefault(doc_id, {})[name] = status
    rows = session.execute(select(Document.id, Document.name, Document.length).order_by(Document.id))
    return [DocumentSummary(i, n, length, counts.get(i, {}), statuses.get(i, {})) for i, n, length in rows]


_SHA256_FROM_LISTING = sql_text("SELECT sha256 FROM documents INDEXED BY ix_documents_listing WHERE id = :id")
_TEXTS: dict[str, str] = {}  # sha256 → text, the last few documents checked against
_TEXTS_KEPT = 2


def stored_text(session: Session, document_id: int) -> str | None:
    """The document's text for checking spans against, None if there is no such document.

    Checking ``text[start:end]`` in SQL (``substr``) walks a 5 MB text to the offset on every edit (~6 ms).
    Here the text is read once and kept, keyed by its sha256: the key names the content, so a kept text is
    never stale. The sha256 comes from the listing index, so SQLite does not read the text to find it (SQLAlchemy
    renders no table hint for SQLite: ``with_hint`` was silently dropped, and every check walked the text's
    overflow pages to the sha256 after it, ~1 ms for 1 MB).
    """
    if session.get_bind().dialect.name == "sqlite":
        sha256 = session.scalar(_SHA256_FROM_LISTING, {"id": document_id})
    else:
        sha256 = session.scalar(select(Document.sha256).where(Document.id == document_id))
    if sha256 is None:
        return None
    text = _TEXTS.pop(sha256, None)
    if text is None:
        text = document_text(session, document_id)
    _TEXTS[sha256] = text  # most recent last
    while len(_TEXTS) > _TEXTS_KEPT:
        del _TEXTS[next(iter(_TEXTS))]
    return text


def document_text(session: Session, document_id: int) -> str:
    return named_text(session, document_id)[1]


def named_text(session: Session, document_id: int) -> tuple[str, str]:
    """The document's name and text (a window shows the name before the document list is read)."""
    row = session.execute(select(Document.name, Document.text).where(Document.id == document_id)).one_or_none()
    if row is None:
        raise LookupError(f"there is no document {document_id}")
    return row.name, row.text


def first_document(session: Session, preferred: int | None) -> int | None:
    """``preferred`` if that document exists, else the first one (None in an empty project): where a window
    opens, found without listing every document (at 1M spans the list takes a second to read)."""
    if preferred is not None and session.scalar(select(Document.id).where(Document.id == preferred)) is not None:
        return preferred
    return session.scalar(select(func.min(Document.id)))


def lock_layer(session: Session, document_id: int, annotator_id: int) -> None:
    """Hold one layer of one document until the transaction ends, so that checking a new range against the
    layer and storing it are one step: on PostgreSQL two desktops of one annotator could otherwise both check,
    both pass and store two spans that cross. SQLite needs nothing: every write transaction holds its lock."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(document_id, annotator_id)))
