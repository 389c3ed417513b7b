"""The trash: deleted spans and documents, kept whole until the trash is emptied.

Spans go in and out through :func:`biaozhu.db.spans.trash_span` / :func:`~biaozhu.db.spans.restore_span`.
Deleting a document and emptying the trash need a reviewer (:mod:`biaozhu.db.permissions`) and are logged.
A document goes in with all its layers, statuses, rejections and its spans already in the trash, so restoring it
brings back exactly what was there, under its old id when that id is still free.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import Refusal
from biaozhu.db.audit import record
from biaozhu.db.models import (
    Annotator,
    Document,
    DocumentStatus,
    Rejection,
    Span,
    TrashItem,
)
from biaozhu.db.permissions import require_reviewer
from biaozhu.db.spans import restore_span

_SPAN_FIELDS = ("id", "annotator_id", "label_id", "start", "end", "text", "note", "origin_id", "decided_by_id")


class TrashRefused(Refusal, ValueError):
    """A trash item that cannot come back (or does not exist); the message says why."""


@dataclass(frozen=True, slots=True)
class TrashEntry:
    """A row of the trash list."""

    id: int
    kind: str
    summary: str
    deleted_at: datetime
    document_id: int | None
    annotator: str | None


def list_trash(session: Session) -> list[TrashEntry]:
    """Everything in the trash, newest first."""
    rows = session.execute(select(TrashItem.id, TrashItem.kind, TrashItem.summary, TrashItem.deleted_at,
                                  TrashItem.document_id, Annotator.name)
                           .outerjoin(Annotator, TrashItem.annotator_id == Annotator.id)
                           .order_by(TrashItem.deleted_at.desc(), TrashItem.id.desc()))
    return [TrashEntry(*row) for row in rows]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def trash_document(session: Session, document_id: int, actor: str) -> int:
    """``actor`` (a reviewer) deletes a document into the trash with every layer's spans and statuses; returns
    the trash item's id."""
    require_reviewer(session, actor, "delete documents")
    document = session.get(Document, document_id)
    if document is None:
        raise TrashRefused(f"there is no document {document_id}")
    spans = [dict(zip(("created_at", "updated_at", *_SPAN_FIELDS), (_iso(row[0]), _iso(row[1]), *row[2:])))
             for row in session.execute(select(Span.created_at, Span.updated_at,
                                               *(getattr(Span, name) for name in _SPAN_FIELDS))
                                        .where(Span.document_id == document_id).order_by(Span.id))]
    statuses = [{"annotator_id": who, "status": status, "updated_at": _iso(when)} for who, status, when in
                session.execute(select(DocumentStatus.annotator_id, DocumentStatus.status, DocumentStatus.updated_at)
                                .where(DocumentStatus.document_id == document_id))]
    rejections = [{"versions": versions, "start": start, "end": end, "decided_by_id": who, "decided_at": _iso(when)}
                  for versions, start, end, who, when in session.execute(
                      select(Rejection.versions, Rejection.start, Rejection.end, Rejection.decided_by_id,
                             Rejection.decided_at).where(Rejection.document_id == document_id))]
    trashed_spans = session.scalars(select(TrashItem).where(TrashItem.kind == "span",
                                                            TrashItem.document_id == document_id)).all()
    payload = {"id": document.id, "name": document.name, "source": document.source, "text": document.text,
               "sha256": document.sha256, "normalisation": document.normalisation, "meta": document.meta,
               "created_at": _iso(document.created_at), "spans": spans, "statuses": statuses,
               "rejections": rejections,
               "trashed_spans": [{"summary": t.summary, "annotator_id": t.annotator_id, "payload": t.payload,
                                  "deleted_at": _iso(t.deleted_at)} for t in trashed_spans]}
    item = TrashItem(kind="document", document_id=document_id, annotator_id=None,
                     summary=f"{document.name} ({len(spans)} spans)", payload=payload)
    session.add(item)
    for trashed in trashed_spans:
        session.delete(trashed)
    session.execute(delete(Span).where(Span.document_id == document_id))
    session.execute(delete(DocumentStatus).where(DocumentStatus.document_id == document_id))
    session.execute(delete(Rejection).where(Rejection.document_id == document_id))
    session.execute(delete(Document).where(Document.id == document_id))
    session.expunge(document)
    session.flush()
    record(session, actor, "delete", f"document {document_id} {payload['name']} ({len(spans)} spans), "
                                     f"trash item {item.id}")
    return item.id


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _restore_spans(session: Session, document_id: int, spans: list[dict[str, Any]]) -> None:
    """Spans back under their old ids (the app's undo history knows them by id), new ids where taken."""
    taken = set(session.scalars(select(Span.id).where(Span.id.in_([span["id"] for span in spans]))))
    rows = [{**span, "document_id": document_id, "created_at": _when(span["created_at"]),
             "updated_at": _when(span["updated_at"])} for span in spans]
    for group in ([row for row in rows if row["id"] not in taken],
                  [{k: v for k, v in row.items() if k != "id"} for row in rows if row["id"] in taken]):
        if group:
            session.execute(insert(Span), group)


def _restore_document(session: Session, item: TrashItem) -> int:
    p: dict[str, Any] = item.payload
    twin = session.scalar(select(Document.id).where(Document.sha256 == p["sha256"]))
    if twin is not None:
        raise TrashRefused(f"the same text is in the project again as document {twin}; "
                           "delete that one first to restore this one")
    free = session.get(Document, p["id"]) is None
    document = Document(name=p["name"], source=p["source"], text=p["text"], length=len(p["text"]),
                        sha256=p["sha256"], normalisation=p["normalisation"], meta=p["meta"],
                        created_at=_when(p["created_at"]), **({"id": p["id"]} if free else {}))
    session.add(document)
    session.flush()
    _restore_spans(session, document.id, p["spans"])
    if p["statuses"]:
        session.execute(insert(DocumentStatus), [{**status, "document_id": document.id,
                                                  "updated_at": _when(status["updated_at"])}
                                                 for status in p["statuses"]])
    if p.get("rejections"):  # documents trashed before rejections were recorded have none
        session.execute(insert(Rejection), [{**rejection, "document_id": document.id,
                                             "decided_at": _when(rejection["decided_at"])}
                                            for rejection in p["rejections"]])
    for trashed in p["trashed_spans"]:
        session.add(TrashItem(kind="span", document_id=document.id, annotator_id=trashed["annotator_id"],
                              summary=trashed["summary"], deleted_at=_when(trashed["deleted_at"]),
                              payload={**trashed["payload"], "document_id": document.id}))
    session.delete(item)
    session.flush()
    return document.id


def restore(session: Session, trash_id: int) -> tuple[str, int]:
    """Put a trash item back; returns its kind and the restored span's or document's id."""
    item = session.get(TrashItem, trash_id)
    if item is None:
        raise TrashRefused(f"there is nothing in the trash with id {trash_id}")
    if item.kind == "span":
        return "span", restore_span(session, trash_id)
    return "document", _restore_document(session, item)


def empty_trash(session: Session, actor: str) -> int:
    """``actor`` (a reviewer) deletes everything in the trash for good; returns how many items went."""
    require_reviewer(session, actor, "empty the trash")
    count = session.scalar(select(func.count(TrashItem.id))) or 0
    session.execute(delete(TrashItem))
    record(session, actor, "trash empty", f"{count} items deleted for good")
    return count
