"""Documents: stored once per normalised text (sha256), listed with their span counts."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import Refusal
from biaozhu.corpus.model import SourceDocument
from biaozhu.db.models import Annotator, Document, DocumentStatus, Span


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_by_text(session: Session, text: str) -> Document | None:
    return session.scalar(select(Document).where(Document.sha256 == text_sha256(text)))


def add_document(session: Session, source: SourceDocument) -> tuple[Document, bool]:
    """Store a document unless the same text is there already; returns it and whether it is new."""
    existing = find_by_text(session, source.text)
    if existing is not None:
        return existing, False
    document = Document(name=source.name, source=source.source, text=source.text, length=len(source.text),
                        sha256=text_sha256(source.text), normalisation=source.normalisation, meta=source.meta)
    session.add(document)
    session.flush()
    return document, True


class DocumentRefused(Refusal, ValueError):
    """A change of a document the rules refuse (an empty or too long name, no such document)."""


def rename_document(session: Session, document_id: int, name: str) -> str:
    """Give a document another name (what lists and exports show); returns the old one. Names need not be
    unique: documents are known by their text."""
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


_TEXTS: dict[str, str] = {}  # sha256 → text, the last few documents checked against
_TEXTS_KEPT = 2


def stored_text(session: Session, document_id: int) -> str | None:
    """The document's text for checking spans against, None if there is no such document.

    Checking ``text[start:end]`` in SQL (``substr``) walks a 5 MB text to the offset on every edit (~6 ms).
    Here the text is read once and kept, keyed by its sha256: the key names the content, so a kept text is
    never stale. The sha256 comes from the listing index, so SQLite does not read the text to find it.
    """
    sha256 = session.scalar(select(Document.sha256).where(Document.id == document_id)
                            .with_hint(Document, "INDEXED BY ix_documents_listing", "sqlite"))
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
    text = session.scalar(select(Document.text).where(Document.id == document_id))
    if text is None:
        raise LookupError(f"there is no document {document_id}")
    return text
