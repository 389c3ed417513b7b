"""The trash: deleted spans, relations, documents, labels and comments, kept whole until the trash is emptied.

Spans go in and out through :func:`biaozhu.db.spans.trash_span` / :func:`~biaozhu.db.spans.restore_span`.
Deleting a document and emptying the trash need a reviewer (:mod:`biaozhu.db.permissions`) and are logged.
Spans and labels take their relations along (:mod:`biaozhu.db.relations`); a relation deleted alone is an item
of its own (kind ``relation``). A document goes in with all its layers, statuses, rejections, relations and its
spans and relations already in the trash, so restoring it brings back exactly what was there, under its old id
when that id is still free.
A label goes in with every span that has it, as one item (kind ``span``, no document and no annotator: the
table's kinds are fixed by the schema); it comes back under its old id, which no new label takes.
Comments and pinned examples go with what they are on (span, document, label's spans) and come back with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, delete, func, insert, select, update
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import Refusal
from biaozhu.db.audit import record
from biaozhu.db.comments import comments_payload, restore_comments, restore_trashed_comment
from biaozhu.db.models import (
    Annotator,
    Document,
    DocumentStatus,
    Label,
    Rejection,
    Span,
    TrashItem,
)
from biaozhu.db.permissions import require_reviewer
from biaozhu.db.pins import pins_payload, restore_pins
from biaozhu.db.relations import RelationRefused, relations_payload, restore_relation, restore_relations
from biaozhu.db.spans import SpanRefused, add_span, restore_span
from biaozhu.db.values import VALUE_COLUMNS, value_columns

# A trashed label: a "span" item tied to no document and no annotator.
_IS_LABEL = and_(TrashItem.kind == "span", TrashItem.document_id.is_(None), TrashItem.annotator_id.is_(None))
_LABEL_FIELDS = ("id", "name", "title", "color", "hotkey", "definition", "position")
_SPAN_FIELDS = ("id", "annotator_id", "label_id", "start", "end", "text", "note", "origin_id", "decided_by_id",
                *VALUE_COLUMNS)


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
    kind = case((_IS_LABEL, "label"), else_=TrashItem.kind)
    rows = session.execute(select(TrashItem.id, kind, TrashItem.summary, TrashItem.deleted_at,
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
    spans = [dict(zip(("created_at", "updated_at", *_SPAN_FIELDS), (_iso(row[0]), _iso(row[1]), *row[2:]), strict=True))
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
    relations = relations_payload(session, document_id=document_id)
    comments = comments_payload(session, document_id=document_id)
    pins = pins_payload(session, select(Span.id).where(Span.document_id == document_id))
    trashed_spans = session.scalars(select(TrashItem).where(TrashItem.kind.in_(("span", "relation", "comment")),
                                                            TrashItem.document_id == document_id)).all()
    payload = {"id": document.id, "name": document.name, "source": document.source, "text": document.text,
               "sha256": document.sha256, "normalisation": document.normalisation, "meta": document.meta,
               "created_at": _iso(document.created_at), "spans": spans, "statuses": statuses,
               "rejections": rejections, "relations": relations, "comments": comments, "pins": pins,
               "trashed_spans": [{"kind": t.kind, "summary": t.summary, "annotator_id": t.annotator_id,
                                  "payload": t.payload, "deleted_at": _iso(t.deleted_at)} for t in trashed_spans]}
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


def trashed_label_ids(session: Session) -> list[int]:
    """The ids of the labels in the trash (no new label may take one)."""
    return [payload["label"]["id"] for payload in session.scalars(select(TrashItem.payload).where(_IS_LABEL))]


def trash_label(session: Session, label: Label) -> tuple[int, int]:
    """Delete a label into the trash with every span (any layer) that has it; (trash item id, spans)."""
    spans = [dict(zip(("created_at", "updated_at", "document_id", *_SPAN_FIELDS),
                      (_iso(row[0]), _iso(row[1]), *row[2:]), strict=True))
             for row in session.execute(select(Span.created_at, Span.updated_at, Span.document_id,
                                               *(getattr(Span, name) for name in _SPAN_FIELDS))
                                        .where(Span.label_id == label.id).order_by(Span.id))]
    caption = f"{label.name} {label.title}".strip()
    relations = relations_payload(session, label_id=label.id)
    of_label = select(Span.id).where(Span.label_id == label.id)  # a label may have 100,000: no IN list of ids
    item = TrashItem(kind="span", document_id=None, annotator_id=None, summary=f"{caption} ({len(spans)} spans)",
                     payload={"label": {name: getattr(label, name) for name in _LABEL_FIELDS}, "spans": spans,
                              "relations": relations, "comments": comments_payload(session, span_ids=of_label),
                              "pins": pins_payload(session, of_label)})
    session.add(item)
    session.execute(delete(Span).where(Span.label_id == label.id))
    session.delete(label)
    session.flush()
    return item.id, len(spans)


def _restore_label(session: Session, item: TrashItem) -> int:
    """The label back in its place with its spans; a span whose document is gone, or whose place a crossing
    span has taken meanwhile, stays in the trash as a span of its own."""
    p: dict[str, Any] = item.payload
    info = p["label"]
    if session.scalar(select(Label.id).where(Label.name == info["name"])) is not None:
        raise TrashRefused(f"there is a label {info['name']} again; rename it to restore this one")
    hotkey = info["hotkey"]
    if hotkey and session.scalar(select(Label.id).where(func.upper(Label.hotkey) == hotkey.upper())) is not None:
        hotkey = None  # the key went to another label meanwhile: the restored one has none
    for later in session.scalars(select(Label).where(Label.position >= info["position"])):
        later.position += 1
    free = session.get(Label, info["id"]) is None
    label = Label(**{**info, "hotkey": hotkey}) if free else Label(
        **{name: value for name, value in info.items() if name != "id"}, hotkey=hotkey)
    session.add(label)
    session.flush()
    span_ids: dict[int, int] = {}
    for span in p["spans"]:
        try:
            span_id = add_span(session, span["document_id"], span["annotator_id"], label.id, span["start"],
                               span["end"], span["text"], origin_id=span["origin_id"],
                               decided_by_id=span["decided_by_id"], values=span)
            if span["note"]:
                session.execute(update(Span).where(Span.id == span_id).values(note=span["note"]))
            span_ids[span["id"]] = span_id
        except SpanRefused:
            session.add(TrashItem(kind="span", document_id=span["document_id"], annotator_id=span["annotator_id"],
                                  summary=f"{label.name} {span['text']}",
                                  payload={**span, "label_id": label.id}))
    restore_relations(session, [{**relation, **{side: {**relation[side], "label_id": label.id}
                                                for side in ("from", "to")
                                                if relation[side]["label_id"] == info["id"]}}
                                for relation in p.get("relations", [])])
    if p.get("comments"):
        restore_comments(session, p["comments"], span_ids=span_ids)
    restore_pins(session, p.get("pins", []), span_ids)
    session.delete(item)
    session.flush()
    return label.id


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _restore_spans(session: Session, document_id: int, spans: list[dict[str, Any]]) -> None:
    """Spans back under their old ids (the app's undo history knows them by id), new ids where taken."""
    taken = set(session.scalars(select(Span.id).where(Span.id.in_([span["id"] for span in spans]))))
    labels = dict(session.execute(select(Label.id, Label.name)).all())
    # Spans trashed before values were stored get theirs computed.
    rows = [{**value_columns(labels.get(span["label_id"], ""), span["text"]), **span, "document_id": document_id,
             "created_at": _when(span["created_at"]), "updated_at": _when(span["updated_at"])} for span in spans]
    for group in ([row for row in rows if row["id"] not in taken],
                  [{k: v for k, v in row.items() if k != "id"} for row in rows if row["id"] in taken]):
        if group:
            session.execute(insert(Span), group)


def _span_ids(session: Session, document_id: int, spans: list[dict[str, Any]]) -> dict[int, int]:
    """Old span id → the id each restored span has now (the same, unless another span took it meanwhile)."""
    now = {tuple(row[:4]): row[4] for row in session.execute(
        select(Span.annotator_id, Span.start, Span.end, Span.label_id, Span.id).where(Span.document_id == document_id))}
    return {span["id"]: now[key] for span in spans
            if (key := (span["annotator_id"], span["start"], span["end"], span["label_id"])) in now}


def _check_labels_exist(session: Session, label_ids: list[int]) -> None:
    """Spans of a label that is itself in the trash cannot come back before it."""
    missing = set(label_ids) - set(session.scalars(select(Label.id)))
    if missing:
        names = sorted(info["name"] for info in (payload["label"] for payload in session.scalars(
            select(TrashItem.payload).where(_IS_LABEL))) if info["id"] in missing) or sorted(map(str, missing))
        raise TrashRefused(f"its spans have the label {', '.join(names)}, which is in the trash; "
                           "restore the label first")


def _restore_document(session: Session, item: TrashItem) -> int:
    p: dict[str, Any] = item.payload
    twin = session.scalar(select(Document.id).where(Document.sha256 == p["sha256"]))
    if twin is not None:
        raise TrashRefused(f"the same text is in the project again as document {twin}; "
                           "delete that one first to restore this one")
    _check_labels_exist(session, [span["label_id"] for span in p["spans"]]
                        + [t["payload"]["label_id"] for t in p["trashed_spans"] if "label_id" in t["payload"]])
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
    restore_relations(session, p.get("relations", []), document.id)
    if p.get("comments") or p.get("pins"):  # documents trashed before comments existed have none
        restored = _span_ids(session, document.id, p["spans"])
        restore_comments(session, p.get("comments", []), document_id=document.id, span_ids=restored)
        restore_pins(session, p.get("pins", []), restored)
    for trashed in p["trashed_spans"]:
        session.add(TrashItem(kind=trashed.get("kind", "span"), document_id=document.id,
                              annotator_id=trashed["annotator_id"],
                              summary=trashed["summary"], deleted_at=_when(trashed["deleted_at"]),
                              payload={**trashed["payload"], "document_id": document.id}))
    session.delete(item)
    session.flush()
    return document.id


def restore(session: Session, trash_id: int) -> tuple[str, int]:
    """Put a trash item back; returns its kind and the restored span's, relation's, document's or label's id."""
    item = session.get(TrashItem, trash_id)
    if item is None:
        raise TrashRefused(f"there is nothing in the trash with id {trash_id}")
    if item.kind == "span" and item.document_id is None and item.annotator_id is None:
        return "label", _restore_label(session, item)
    if item.kind == "span":
        _check_labels_exist(session, [item.payload["label_id"]])
        return "span", restore_span(session, trash_id)
    if item.kind == "relation":
        try:
            return "relation", restore_relation(session, trash_id)
        except RelationRefused as exc:
            raise TrashRefused(str(exc)) from None
    if item.kind == "comment":
        return "comment", restore_trashed_comment(session, item)
    return "document", _restore_document(session, item)


def empty_trash(session: Session, actor: str) -> int:
    """``actor`` (a reviewer) deletes everything in the trash for good; returns how many items went."""
    require_reviewer(session, actor, "empty the trash")
    count = session.scalar(select(func.count(TrashItem.id))) or 0
    session.execute(delete(TrashItem))
    record(session, actor, "trash empty", f"{count} items deleted for good")
    return count
