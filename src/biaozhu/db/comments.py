"""Comments: remarks on a document, or on one span or relation in it, threaded (a reply names the thread's first
comment), with author and time, resolvable and reopenable.

A thread is resolved as a whole (its first comment holds the state). Comments on a span or relation go to the
trash with it and come back with it (:func:`comments_payload`, :func:`restore_comments`); a comment deleted on its
own goes to the trash with its replies (kind ``comment``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, func, insert, or_, select
from sqlalchemy.orm import Session, aliased

from biaozhu.corpus.errors import Refusal
from biaozhu.corpus.model import Span as DomainSpan
from biaozhu.db.models import Annotator, Comment, Document, Label, Relation, RelationType, Span, TrashItem, utcnow
from biaozhu.db.permissions import ensure_person, is_reviewer

LONGEST = 10_000  # characters in one comment
_FIELDS = ("id", "document_id", "span_id", "relation_id", "parent_id", "author_id", "text", "created_at",
           "updated_at", "resolved_at", "resolved_by_id")
_TIMES = ("created_at", "updated_at", "resolved_at")


class CommentRefused(Refusal, ValueError):
    """A comment that cannot be made, resolved or deleted; the message says why."""


@dataclass(frozen=True, slots=True)
class CommentRow:
    id: int
    author: str
    text: str
    created_at: datetime


@dataclass(slots=True)
class Thread:
    """A first comment with its replies, and what it is about: the document, a span or a relation."""

    id: int
    document_id: int
    document: str
    span_id: int | None
    relation_id: int | None
    comments: list[CommentRow] = field(default_factory=list)
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    span: tuple[int, int, str, str, str] | None = None  # start, end, text, label, layer
    relation: tuple[str, str, str] | None = None  # type (its title), from text, to text

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None

    def about(self) -> str:
        """What the thread is on, in words: “ORGANIZATION 泸州银行 [8, 12)”, “377.178亿元 →责任机构 泸州银行”,
        “document”."""
        if self.span is not None:
            return f"{self.span[3]} {self.span[2]} [{self.span[0]}, {self.span[1]})"
        if self.relation is not None:
            return f"{self.relation[1]} →{self.relation[0]} {self.relation[2]}"
        return f"relation {self.relation_id}" if self.relation_id is not None else "document"


def _text(text: str) -> str:
    text = text.strip()
    if not text:
        raise CommentRefused("a comment needs some text")
    if len(text) > LONGEST:
        raise CommentRefused(f"a comment holds at most {LONGEST} characters, not {len(text)}")
    return text


def add_comment(session: Session, document_id: int | None, author: str, text: str, *, span_id: int | None = None,
                relation_id: int | None = None, parent_id: int | None = None) -> int:
    """A comment by ``author`` on a document, a span or a relation, or a reply to a thread; returns its id. A
    reply to a reply joins the same thread."""
    text = _text(text)
    if parent_id is not None:
        parent = session.get(Comment, parent_id)
        if parent is None:
            raise CommentRefused(f"comment {parent_id} is gone (deleted elsewhere?)")
        document_id, span_id, relation_id = parent.document_id, parent.span_id, parent.relation_id
        parent_id = parent.parent_id or parent.id
    elif span_id is not None:
        document_id = session.scalar(select(Span.document_id).where(Span.id == span_id))
        if document_id is None:
            raise CommentRefused(f"span {span_id} is gone (deleted elsewhere?)")
    elif relation_id is not None:
        document_id = session.scalar(select(Relation.document_id).where(Relation.id == relation_id))
        if document_id is None:
            raise CommentRefused(f"relation {relation_id} is gone (deleted elsewhere?)")
    if document_id is None or session.scalar(select(Document.id).where(Document.id == document_id)) is None:
        raise CommentRefused(f"there is no document {document_id}")
    comment = Comment(document_id=document_id, span_id=span_id, relation_id=relation_id, parent_id=parent_id,
                      author_id=ensure_person(session, author).id, text=text)
    session.add(comment)
    session.flush()
    return comment.id


def _comment(session: Session, comment_id: int) -> Comment:
    comment = session.get(Comment, comment_id)
    if comment is None:
        raise CommentRefused(f"comment {comment_id} is gone (deleted elsewhere?)")
    return comment


def remove_comment(session: Session, comment_id: int) -> None:
    """Delete a comment outright (undoing its making); its replies go with it. Users delete into the trash."""
    session.execute(delete(Comment).where(Comment.id == comment_id))


def resolve_thread(session: Session, comment_id: int, who: str, resolved: bool = True) -> bool:
    """Resolve (or reopen) the thread of ``comment_id``; returns whether it was resolved before, for undo."""
    comment = _comment(session, comment_id)
    root = _comment(session, comment.parent_id) if comment.parent_id else comment
    was = root.resolved_at is not None
    if resolved and not was:
        root.resolved_at, root.resolved_by_id = utcnow(), ensure_person(session, who).id
    elif not resolved:
        root.resolved_at, root.resolved_by_id = None, None
    session.flush()
    return was


def _rows(session: Session, where: ColumnElement[bool]) -> list[dict[str, Any]]:
    """Comments as plain dicts (times as ISO text), for the trash's JSON."""
    found = []
    for row in session.execute(select(*(getattr(Comment, name) for name in _FIELDS)).where(where)
                               .order_by(Comment.id)):
        item = dict(zip(_FIELDS, row, strict=True))
        found.append({**item, **{name: item[name].isoformat() if item[name] else None for name in _TIMES}})
    return found


def comments_payload(session: Session, *, span_ids: list[int] | Select[Any] | None = None,
                     relation_ids: list[int] | Select[Any] | None = None, document_id: int | None = None,
                     ) -> list[dict[str, Any]]:
    """The comments (with their replies) on these spans or relations (ids, or a query of them), or on the whole
    document but its relations (those travel inside the relations' payload), as the trash keeps them beside what
    is deleted."""
    if document_id is not None:
        return _rows(session, (Comment.document_id == document_id) & Comment.relation_id.is_(None))
    if relation_ids is None:
        return _rows(session, Comment.span_id.in_([] if span_ids is None else span_ids))
    return _rows(session, or_(Comment.span_id.in_([] if span_ids is None else span_ids),
                              Comment.relation_id.in_(relation_ids)))


def restore_comments(session: Session, comments: list[dict[str, Any]], *, document_id: int | None = None,
                     span_ids: dict[int, int] | None = None, relation_ids: dict[int, int] | None = None) -> None:
    """Comments back from the trash under their old ids where free (an undo step may know them), on the spans,
    relations and document they came back as (old id → new id); those on a span that did not come back stay
    out."""
    taken = set(session.scalars(select(Comment.id).where(Comment.id.in_([c["id"] for c in comments]))))
    new_ids: dict[int, int] = {}
    for item in sorted(comments, key=lambda c: (c["parent_id"] is not None, c["id"])):
        row = {**item, **{name: datetime.fromisoformat(item[name]) if item[name] else None for name in _TIMES}}
        if document_id is not None:
            row["document_id"] = document_id
        if row["span_id"] is not None and span_ids is not None:
            row["span_id"] = span_ids.get(row["span_id"])
            if row["span_id"] is None:
                continue
        if row["relation_id"] is not None:
            row["relation_id"] = (relation_ids.get(row["relation_id"]) if relation_ids is not None
                                  else session.scalar(select(Relation.id).where(Relation.id == row["relation_id"])))
            if row["relation_id"] is None:  # the relation did not come back (its other end is gone)
                continue
        if row["parent_id"] is not None:
            row["parent_id"] = new_ids.get(row["parent_id"])
            if row["parent_id"] is None:
                continue
        if row["id"] in taken:
            del row["id"]
        new_ids[item["id"]] = session.execute(insert(Comment).values(**row).returning(Comment.id)).scalar_one()


def trash_comment(session: Session, comment_id: int, actor: str) -> int:
    """``actor`` (its author or a reviewer) deletes a comment into the trash with its replies; the trash item's
    id."""
    comment = _comment(session, comment_id)
    author = session.scalar(select(Annotator.name).where(Annotator.id == comment.author_id))
    if author != actor and not is_reviewer(session, actor):
        raise CommentRefused(f"only {author} (who wrote it) or a reviewer may delete this comment")
    payload = {"comments": _rows(session, or_(Comment.id == comment_id, Comment.parent_id == comment_id))}
    item = TrashItem(kind="comment", document_id=comment.document_id, annotator_id=comment.author_id,
                     summary=f"{author}: {comment.text[:60]}", payload=payload)
    session.add(item)
    session.execute(delete(Comment).where(Comment.id == comment_id))
    session.flush()
    return item.id


def restore_trashed_comment(session: Session, item: TrashItem) -> int:
    """A comment back from the trash with its replies; refused when what it was on is gone."""
    comments: list[dict[str, Any]] = item.payload["comments"]
    first = comments[0]
    for name, table in (("document_id", Document), ("span_id", Span), ("relation_id", Relation),
                        ("parent_id", Comment)):
        if first[name] is not None and session.get(table, first[name]) is None:
            raise CommentRefused(f"what the comment was on ({name.removesuffix('_id')} {first[name]}) is gone")
    restore_comments(session, comments)
    session.delete(item)
    session.flush()
    return int(first["id"])


def threads(session: Session, *, document_id: int | None = None, unresolved: bool = False,
            limit: int = 2000) -> list[Thread]:
    """Threads of one document (or the whole project), oldest first; only the open ones when asked; at most
    ``limit`` threads."""
    resolver, source, target = aliased(Annotator), aliased(Span), aliased(Span)
    query = (select(Comment.id, Comment.document_id, Document.name, Comment.span_id, Comment.relation_id,
                    Comment.resolved_at, resolver.name, Span.start, Span.end, Span.text, Label.name,
                    Annotator.name, func.coalesce(func.nullif(RelationType.title, ""), RelationType.name),
                    source.text, target.text)
             .join(Document, Comment.document_id == Document.id)
             .outerjoin(Relation, Comment.relation_id == Relation.id)
             .outerjoin(RelationType, Relation.type_id == RelationType.id)
             .outerjoin(source, Relation.from_span_id == source.id).outerjoin(target, Relation.to_span_id == target.id)
             .outerjoin(resolver, Comment.resolved_by_id == resolver.id)
             .outerjoin(Span, Comment.span_id == Span.id).outerjoin(Label, Span.label_id == Label.id)
             .outerjoin(Annotator, Span.annotator_id == Annotator.id)
             .where(Comment.parent_id.is_(None)))
    if document_id is not None:
        query = query.where(Comment.document_id == document_id)
    if unresolved:
        query = query.where(Comment.resolved_at.is_(None))
    found: dict[int, Thread] = {}
    for row in session.execute(query.order_by(Comment.document_id, Comment.created_at, Comment.id).limit(limit)):
        span = tuple(row[7:12]) if row.span_id is not None else None
        relation = tuple(row[12:15]) if row.relation_id is not None else None
        found[row.id] = Thread(row.id, row.document_id, row.name, row.span_id, row.relation_id, [],
                               row.resolved_at, row[6], span, relation)  # type: ignore[arg-type]
    if found:
        for comment_id, parent_id, author, text, created in session.execute(
                select(Comment.id, Comment.parent_id, Annotator.name, Comment.text, Comment.created_at)
                .join(Annotator, Comment.author_id == Annotator.id)
                .where(or_(Comment.id.in_(found), Comment.parent_id.in_(found)))
                .order_by(Comment.created_at, Comment.id)):
            found[parent_id or comment_id].comments.append(CommentRow(comment_id, author, text, created))
    return list(found.values())


def import_comments(session: Session, document_id: int, annotator_id: int, comments: list[tuple[DomainSpan, str]],
                    labels: dict[str, int]) -> int:
    """A file's remarks on its spans (brat's AnnotatorNotes) as the layer's comments on them; one the span has
    already (same author and text) is not added again. Returns how many were added."""
    added = 0
    for span, text in comments:
        span_id = session.scalar(select(Span.id).where(
            Span.document_id == document_id, Span.annotator_id == annotator_id, Span.start == span.start,
            Span.end == span.end, Span.label_id == labels.get(span.label, -1)))
        text = _text(text)
        if span_id is None or session.scalar(select(Comment.id).where(
                Comment.span_id == span_id, Comment.author_id == annotator_id, Comment.text == text)) is not None:
            continue
        session.add(Comment(document_id=document_id, span_id=span_id, author_id=annotator_id, text=text))
        added += 1
    session.flush()
    return added


def comments_signature(session: Session, document_id: int | None = None) -> tuple[object, ...]:
    """Count, newest id and last change of the comments of a document (or the project): a panel compares it
    before reading threads again after a deletion that may have taken none."""
    query = select(func.count(), func.max(Comment.id), func.max(Comment.updated_at)).select_from(Comment)
    if document_id is not None:
        query = query.where(Comment.document_id == document_id)
    return tuple(session.execute(query).one())


def span_marks(session: Session, document_id: int) -> dict[int, tuple[int, int]]:
    """The spans of a document that have comments: (threads, of which open)."""
    marks: dict[int, tuple[int, int]] = {}
    for span_id, resolved_at in session.execute(select(Comment.span_id, Comment.resolved_at).where(
            Comment.document_id == document_id, Comment.span_id.is_not(None), Comment.parent_id.is_(None))):
        if span_id is not None:
            count, still_open = marks.get(span_id, (0, 0))
            marks[span_id] = (count + 1, still_open + (resolved_at is None))
    return marks


def layer_marks(session: Session, document_id: int) -> dict[tuple[str, int, int, str], tuple[int, int]]:
    """:func:`span_marks` by layer name, start, end and label name: what review mode's lanes show."""
    found = span_marks(session, document_id)
    if not found:
        return {}
    return {(who, start, end, label): found[span_id] for span_id, who, start, end, label in session.execute(
        select(Span.id, Annotator.name, Span.start, Span.end, Label.name)
        .join(Annotator, Span.annotator_id == Annotator.id).join(Label, Span.label_id == Label.id)
        .where(Span.id.in_(found)))}
