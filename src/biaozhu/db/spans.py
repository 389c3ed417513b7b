"""One layer's spans on one document: read, add, relabel, resize, delete (to the trash), restore.

Every write checks the invariants the database cannot: the surface text equals the document's text
at ``[start, end)`` (against :func:`biaozhu.db.documents.stored_text`) and the new span does not cross
another span of the same layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import Refusal
from biaozhu.corpus.spans import first_crossing
from biaozhu.db.comments import comments_payload, restore_comments
from biaozhu.db.documents import lock_layer, stored_text
from biaozhu.db.models import Annotator, Document, Label, Span, TrashItem, utcnow
from biaozhu.db.pins import pins_payload, restore_pins
from biaozhu.db.relations import RelationRefused, check_relabel, relations_payload, restore_relations
from biaozhu.db.rows import PlacedSpan as PlacedSpan
from biaozhu.db.rows import SpanRow as SpanRow
from biaozhu.db.values import METRIC, VALUE_COLUMNS, carried_values, refresh_values, value_columns


class SpanRefused(Refusal, ValueError):
    """An edit that would break a rule (crossing, out of range, wrong text); the message says which."""


# What a SpanRow is read from, in its field order.
ROW = (Span.id, Span.start, Span.end, Span.label_id, Span.text, Span.annotator_id, Span.value, Span.value_max,
       Span.unit)


def layer_spans(session: Session, document_id: int, annotator_ids: list[int] | None = None, *,
                before: int | None = None) -> list[SpanRow]:
    """Spans of a document (of some layers), sorted by position, read through Core for speed (executed on the
    session's connection: the ORM's row processing took a third of reading a 5 MB report's 20,000 spans);
    ``before``: only those starting before that offset (the first screen of a long report, read first)."""
    query = select(*ROW).where(Span.document_id == document_id)
    if annotator_ids is not None:
        query = query.where(Span.annotator_id.in_(annotator_ids))
    if before is not None:
        query = query.where(Span.start < before)
    return [SpanRow(*row) for row in session.connection().execute(query.order_by(Span.start, Span.end.desc(),
                                                                                    Span.id))]


def _check(session: Session, document_id: int, annotator_id: int, start: int, end: int, text: str,
           ignore_id: int | None = None, label_id: int | None = None) -> None:
    """Refuse a range out of the text, a text that disagrees with it, a crossing and (given ``label_id``) the same
    span twice: the last two from one read of the layer's spans around the range."""
    lock_layer(session, document_id, annotator_id)
    if not 0 <= start < end:
        raise SpanRefused(f"empty or negative range [{start}, {end})")
    stored = stored_text(session, document_id)
    if stored is None:
        raise SpanRefused(f"there is no document {document_id}")
    if end > len(stored):
        raise SpanRefused(f"[{start}, {end}) runs past the end of the text ({len(stored)})")
    if stored[start:end] != text:
        raise SpanRefused(f"span text {text!r} disagrees with the document's {stored[start:end]!r}")
    rows = [tuple(row) for row in session.execute(_NEAR, {
        "document": document_id, "annotator": annotator_id, "start": start, "end": end,
        "ignore": -1 if ignore_id is None else ignore_id})]
    crossed = first_crossing(((s, e) for s, e, _ in rows), start, end)
    if crossed:
        raise SpanRefused(f"[{start}, {end}) would cross the span [{crossed[0]}, {crossed[1]}); "
                          "spans may nest but not cross")
    if label_id is not None and (start, end, label_id) in rows:
        raise SpanRefused(f"this span [{start}, {end}) is there already")


# The statements every edit in the window runs, built once: building one costs as much as running it.
_NEAR = select(Span.start, Span.end, Span.label_id).where(  # the layer's spans overlapping a range
    Span.document_id == bindparam("document"), Span.annotator_id == bindparam("annotator"),
    Span.start < bindparam("end"), Span.end > bindparam("start"), Span.id != bindparam("ignore"))
_LABEL_NAME = select(Label.name).where(Label.id == bindparam("label"))
_INSERT = insert(Span).returning(*ROW)


def _label_name(session: Session, label_id: int) -> str:
    name = session.scalar(_LABEL_NAME, {"label": label_id})
    if name is None:
        raise SpanRefused("its label was deleted (the trash can bring it back)")
    return name


def add_span(session: Session, document_id: int, annotator_id: int, label_id: int, start: int, end: int,
             text: str, *, origin_id: int | None = None, decided_by_id: int | None = None,
             values: dict[str, Any] | None = None) -> int:
    """Add a span to a layer; returns its id. The same span twice, or one of a deleted label, is refused.
    A METRIC span's value is computed from its text unless ``values`` (a trashed span's) are given."""
    return add_span_row(session, document_id, annotator_id, label_id, start, end, text, origin_id=origin_id,
                        decided_by_id=decided_by_id, values=values).id


def add_span_row(session: Session, document_id: int, annotator_id: int, label_id: int, start: int, end: int,
                 text: str, *, origin_id: int | None = None, decided_by_id: int | None = None,
                 values: dict[str, Any] | None = None) -> SpanRow:
    """:func:`add_span` returning the span as stored (its value computed): one INSERT … RETURNING, no ORM object,
    so that an edit in the window costs few round trips."""
    name = _label_name(session, label_id)
    _check(session, document_id, annotator_id, start, end, text, label_id=label_id)
    columns = value_columns(name, text) if values is None else carried_values(name, text, values)
    now = utcnow()
    return SpanRow(*session.execute(_INSERT, {
        "document_id": document_id, "annotator_id": annotator_id, "label_id": label_id, "start": start, "end": end,
        "text": text, "origin_id": origin_id, "decided_by_id": decided_by_id, "created_at": now, "updated_at": now,
        **columns}).one())


def get_span(session: Session, span_id: int) -> SpanRow:
    row = session.execute(select(*ROW).where(Span.id == span_id)).one_or_none()
    if row is None:
        raise SpanRefused(f"span {span_id} is gone (deleted elsewhere?)")
    return SpanRow(*row)


def relabel_span(session: Session, span_id: int, label_id: int) -> int:
    """Give a span another label; returns the old label id, for undo. Refused where the span's relations
    could not join the new label (:func:`biaozhu.db.relations.check_relabel`)."""
    return relabel_span_row(session, span_id, label_id)[0]


def relabel_span_row(session: Session, span_id: int, label_id: int) -> tuple[int, SpanRow]:
    """:func:`relabel_span` also returning the span as it is now: the span read once, its values computed here
    and written with the label in one UPDATE … RETURNING (a hand-set value stays: the text is the same)."""
    old = session.execute(select(*ROW, Span.document_id, Span.value_by_hand).where(Span.id == span_id)).one_or_none()
    if old is None:
        raise SpanRefused(f"span {span_id} is gone (deleted elsewhere?)")
    name = _label_name(session, label_id)
    try:
        check_relabel(session, span_id, name)
    except RelationRefused as exc:
        raise SpanRefused(str(exc)) from None
    if label_id != old.label_id and session.scalar(select(Span.id).where(
            Span.document_id == old.document_id, Span.annotator_id == old.annotator_id, Span.start == old.start,
            Span.end == old.end, Span.label_id == label_id)) is not None:
        raise SpanRefused(f"[{old.start}, {old.end}) has that label already (as another span)")
    columns = {} if old.value_by_hand else value_columns(name, old.text)
    row = session.execute(update(Span).where(Span.id == span_id).values(label_id=label_id, updated_at=utcnow(),
                                                                        **columns).returning(*ROW)).one()
    return old.label_id, SpanRow(*row)


def resize_span(session: Session, span_id: int, start: int, end: int, text: str) -> SpanRow:
    """Move a span's boundaries; returns the span as it was, for undo."""
    layer = session.execute(select(Span.document_id, Span.annotator_id).where(Span.id == span_id)).one_or_none()
    if layer is None:
        raise SpanRefused(f"span {span_id} is gone (deleted elsewhere?)")
    _check(session, layer.document_id, layer.annotator_id, start, end, text, ignore_id=span_id)
    old = get_span(session, span_id)  # read again under the layer's lock: as it is now
    session.execute(update(Span).where(Span.id == span_id).values(start=start, end=end, text=text,
                                                                  updated_at=utcnow()))
    refresh_values(session, span_id, text_changed=text != old.text)
    return old


def remove_span(session: Session, span_id: int) -> None:
    """Delete a span outright (undoing its creation); user deletions go through :func:`trash_span`."""
    session.execute(delete(Span).where(Span.id == span_id))


# What the trash keeps of a span, besides its relations, comments and pin; and the statements of a deletion.
_KEPT = ("document_id", "annotator_id", "label_id", "start", "end", "text", "note", "origin_id", "decided_by_id",
         *VALUE_COLUMNS)
_TO_TRASH = (select(*(getattr(Span, name) for name in _KEPT), Label.name.label("label_name"))
             .outerjoin(Label, Label.id == Span.label_id).where(Span.id == bindparam("span")))
_TRASH_ITEM = insert(TrashItem).returning(TrashItem.id)
_DELETE = delete(Span).where(Span.id == bindparam("span"))


def trash_span(session: Session, span_id: int) -> int:
    """Delete a span into the trash with its relations, comments and pin; returns the trash item's id."""
    return trash_span_carrying(session, span_id)[0]


def carried(payload: dict[str, Any]) -> frozenset[str]:
    """What a trashed span's item holds besides the span: "relations", "comments" (on the span or on its
    relations), "pins". What the window shows of those need not be read again for a deletion carrying none."""
    relations = payload.get("relations") or []
    kinds = {"relations"} if relations else set()
    if payload.get("comments") or any(item.get("comments") for item in relations):
        kinds.add("comments")
    if payload.get("pins"):
        kinds.add("pins")
    return frozenset(kinds)


def trash_span_carrying(session: Session, span_id: int) -> tuple[int, frozenset[str]]:
    """:func:`trash_span` also saying what went along (:func:`carried`). The span and its label's name are read
    in one query, and the item written and the span deleted without ORM objects."""
    span = session.execute(_TO_TRASH, {"span": span_id}).one_or_none()
    if span is None:
        raise SpanRefused(f"span {span_id} is gone (deleted elsewhere?)")
    payload = {**{name: getattr(span, name) for name in _KEPT},
               "relations": relations_payload(session, span_id=span_id),
               "comments": comments_payload(session, span_ids=[span_id]), "pins": pins_payload(session, [span_id])}
    trash_id: int = session.execute(_TRASH_ITEM, {
        "kind": "span", "document_id": span.document_id, "annotator_id": span.annotator_id,
        "summary": f"{span.label_name or '?'} {span.text}", "payload": payload, "deleted_at": utcnow()}).scalar_one()
    session.execute(_DELETE, {"span": span_id})
    return trash_id, carried(payload)



def restore_span(session: Session, trash_id: int) -> int:
    """Put a trashed span back with its comments, its pin and those of its relations whose other end is there;
    returns its new id."""
    return restore_span_carrying(session, trash_id)[0]


def restore_span_carrying(session: Session, trash_id: int) -> tuple[int, frozenset[str]]:
    """:func:`restore_span` also saying what its item held besides the span (:func:`carried`)."""
    item = session.get(TrashItem, trash_id)
    if item is None or item.kind != "span":
        raise SpanRefused(f"trash item {trash_id} is not a deleted span")
    p = item.payload
    span_id = add_span(session, p["document_id"], p["annotator_id"], p["label_id"], p["start"], p["end"], p["text"],
                       origin_id=p.get("origin_id"), decided_by_id=p.get("decided_by_id"), values=p)
    if p.get("note"):
        session.execute(update(Span).where(Span.id == span_id).values(note=p["note"]))
    if p.get("comments"):
        restore_comments(session, p["comments"], document_id=p["document_id"],
                         span_ids={p["comments"][0]["span_id"]: span_id})
    if p.get("pins"):
        restore_pins(session, p["pins"], {p["pins"][0]["span_id"]: span_id})
    session.delete(item)
    session.flush()
    restore_relations(session, p.get("relations", []), p["document_id"])
    return span_id, carried(p)


def spans_in_range(session: Session, document_id: int, annotator_id: int, start: int, end: int) -> list[SpanRow]:
    """Spans of a layer that overlap ``[start, end)``."""
    return [SpanRow(*row) for row in session.execute(
        select(*ROW).where(and_(
            Span.document_id == document_id, Span.annotator_id == annotator_id,
            Span.start < end, Span.end > start)))]


def find_layer_spans(session: Session, annotator_id: int, *, label_id: int | None = None, text: str = "",
                     unparsed: bool = False, limit: int = 2000) -> list[PlacedSpan]:
    """A layer's spans in every document, by document then position, at most ``limit``: of one label,
    containing ``text`` (Latin letters in any case), and METRIC spans without a value (``unparsed``), when
    asked."""
    query = (select(*ROW, Span.document_id, Document.name).join(Document, Span.document_id == Document.id)
             .where(Span.annotator_id == annotator_id))
    if label_id is not None:
        query = query.where(Span.label_id == label_id)
    if text:
        query = query.where(Span.text.icontains(text, autoescape=True))
    if unparsed:
        query = query.join(Label, Span.label_id == Label.id).where(Label.name == METRIC, Span.value.is_(None))
    rows = session.execute(query.order_by(Span.document_id, Span.start, Span.end.desc(), Span.id).limit(limit))
    return [PlacedSpan(SpanRow(*row[:9]), row[9], row[10]) for row in rows]


@dataclass(frozen=True, slots=True)
class SpanListing:
    """A row of ``biaozhu spans``: where and whose, and the start of its text (a span may cover a whole report)."""

    id: int
    document_id: int
    annotator: str
    label: str
    start: int
    end: int
    text_start: str


def list_spans(session: Session, document_id: int | None = None, annotator: str | None = None,
               shown: int = 40) -> list[SpanListing]:
    """Spans by document and position, of one document and/or annotator; only the first ``shown`` characters
    of each text are read."""
    query = (select(Span.id, Span.document_id, Annotator.name, Label.name, Span.start, Span.end,
                    func.substr(Span.text, 1, shown))
             .join(Annotator, Span.annotator_id == Annotator.id).join(Label, Span.label_id == Label.id))
    if document_id is not None:
        query = query.where(Span.document_id == document_id)
    if annotator is not None:
        query = query.where(Annotator.name == annotator)
    return [SpanListing(*row) for row in session.execute(query.order_by(Span.document_id, Span.start, Span.id))]
