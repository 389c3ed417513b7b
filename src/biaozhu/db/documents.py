"""Documents: stored once per normalised text (sha256), listed with their span counts."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy import text as sql
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import Refusal
from biaozhu.corpus.model import SourceDocument
from biaozhu.db.bulk import insert_rows
from biaozhu.db.listing import listed
from biaozhu.db.models import Document, utcnow
from biaozhu.db.permissions import require_reviewer
from biaozhu.db.rows import DocumentSummary as DocumentSummary


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_by_text(session: Session, text: str) -> Document | None:
    return session.scalar(select(Document).where(Document.sha256 == text_sha256(text)))


DOCUMENTS_LOCK_KEY = 0x62697A64  # 'bizd': new documents are stored one transaction at a time on PostgreSQL


def _document_insert(session: Session) -> Any:
    """An INSERT of new documents that skips a text stored meanwhile (``ON CONFLICT DO NOTHING``).

    Several desktops may store the same text at the same moment: on PostgreSQL, checking first and then
    inserting collided on the sha256's unique constraint (the whole import failed), so rows that collide are
    skipped and then read back, whoever stored them; and transactions storing new documents take one advisory
    lock first, so two importers of the same texts in different orders wait for each other instead of
    deadlocking. SQLite's write lock already serialises them.
    """
    insert: Callable[..., Any] = sqlite_insert
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert  # 80 ms to import: only for a server

        session.execute(select(func.pg_advisory_xact_lock(DOCUMENTS_LOCK_KEY)))
        insert = postgresql_insert
    table = Document.__table__  # Core, not the ORM's bulk insert: its bookkeeping per row cost more than SQLite
    assert isinstance(table, Table)
    return insert(table).on_conflict_do_nothing(index_elements=["sha256"])


def store_text(session: Session, text: str, name: str, **fields: Any) -> tuple[Document, bool]:
    """The document holding ``text``, stored now unless it is there already; and whether it is new. The length
    and sha256 are always computed here from the text, never taken from the caller."""
    sha256 = text_sha256(text)
    existing = session.scalar(select(Document).where(Document.sha256 == sha256))
    if existing is not None:
        return existing, False
    values = {"name": name, "text": text, "length": len(text), "sha256": sha256, **fields}
    new_id = session.scalar(_document_insert(session).values(values).returning(Document.id))
    document = session.scalar(select(Document).where(Document.sha256 == sha256))
    assert document is not None, "stored or found just now"
    return document, new_id is not None


def add_document(session: Session, source: SourceDocument) -> tuple[Document, bool]:
    """Store a document unless the same text is there already; returns it and whether it is new."""
    return store_text(session, source.text, source.name, source=source.source,
                      normalisation=source.normalisation, meta=source.meta)


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """Where a source document went: its row's id and name, and whether this call stored it (only the first
    source of a text is; a later one with the same text finds it)."""

    id: int
    name: str
    created: bool


_BATCH = 500  # ids or digests per IN (...): well under every backend's limit on bound parameters


def _by_sha256(session: Session, digests: list[str]) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for offset in range(0, len(digests), _BATCH):
        found.update((sha256, (id_, name)) for id_, name, sha256 in session.execute(
            select(Document.id, Document.name, Document.sha256)
            .where(Document.sha256.in_(digests[offset:offset + _BATCH]))))
    return found


_DOCUMENT_COLUMNS = ("name", "source", "text", "length", "sha256", "normalisation", "meta")


def store_sources(session: Session, sources: Sequence[SourceDocument]) -> list[StoredDocument]:
    """:func:`store_text` for a whole file at once, one result per source in order: the texts already stored are
    read in batches, the others inserted in one executemany whose RETURNING says which rows this call made."""
    digests = [text_sha256(source.text) for source in sources]
    found = _by_sha256(session, sorted(set(digests)))
    missing: dict[str, dict[str, Any]] = {}
    now = utcnow()
    for source, sha256 in zip(sources, digests, strict=True):
        if sha256 not in found and sha256 not in missing:
            missing[sha256] = {"name": source.name, "source": source.source, "text": source.text,
                               "length": len(source.text), "sha256": sha256, "normalisation": source.normalisation,
                               "meta": source.meta, "created_at": now}
    made: set[str] = set()
    if missing and session.get_bind().dialect.name == "sqlite":
        # The transaction holds SQLite's write lock: nobody stored a text since the read above, and the new rows
        # get ids above every id there is; the driver takes them as tuples (db/bulk.py).
        last = session.scalar(select(func.max(Document.id))) or 0
        table = Document.__table__
        assert isinstance(table, Table)
        insert_rows(session, table, _DOCUMENT_COLUMNS, [tuple(row[name] for name in _DOCUMENT_COLUMNS)
                                                        for row in missing.values()], {"created_at": now})
        for id_, sha256 in session.execute(select(Document.id, Document.sha256).where(Document.id > last)):
            found[sha256] = (id_, missing[sha256]["name"])
            made.add(sha256)
    elif missing:
        rows = session.execute(_document_insert(session).returning(Document.id, Document.sha256),
                               list(missing.values()))
        for id_, sha256 in rows:
            found[sha256] = (id_, missing[sha256]["name"])
            made.add(sha256)
        found.update(_by_sha256(session, sorted(missing.keys() - made)))  # stored meanwhile by someone else
    stored = []
    for sha256 in digests:
        id_, name = found[sha256]
        stored.append(StoredDocument(id_, name, sha256 in made))
        made.discard(sha256)
    return stored


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


def list_documents(session: Session) -> list[DocumentSummary]:
    """Every document with span counts and status per annotator (:func:`biaozhu.db.listing.listed`), read through
    the driver's cursor in the session's transaction: row by row through SQLAlchemy's result the 100,000
    documents and their counts cost 0.25 s of Python on top of the SQL."""
    cursor = session.connection().connection.cursor()
    try:
        return listed(cursor)
    finally:
        cursor.close()


_SHA256_FROM_LISTING = sql("SELECT sha256 FROM documents INDEXED BY ix_documents_listing WHERE id = :id")
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


def lock_layers(session: Session, layers: Sequence[tuple[int, int]]) -> None:
    """:func:`lock_layer` for many ``(document_id, annotator_id)`` layers, a batch per statement, in sorted order
    so that two transactions locking overlapping layers wait for each other instead of deadlocking."""
    if session.get_bind().dialect.name != "postgresql":
        return
    ordered = sorted(set(layers))
    for offset in range(0, len(ordered), _BATCH):
        batch = ordered[offset:offset + _BATCH]
        session.execute(sql("SELECT pg_advisory_xact_lock(d, a) FROM unnest(CAST(:d AS integer[]), "
                             "CAST(:a AS integer[])) WITH ORDINALITY AS k(d, a, n) ORDER BY n"),
                        {"d": [d for d, _ in batch], "a": [a for _, a in batch]})
