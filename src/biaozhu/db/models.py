"""The schema: documents, labels, annotators (layers), spans, relations between spans, per-layer document
status, rejections, trash, the audit log; comments, pinned guideline examples, project settings, time spent and
agreement history (issue 18)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from biaozhu.db.names import GOLD as GOLD
from biaozhu.db.names import MAJORITY as MAJORITY
from biaozhu.db.names import SCHEMA_REVISION as SCHEMA_REVISION
from biaozhu.db.names import SUGGESTIONS as SUGGESTIONS

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

REJECTED = "rejected "  # how a rejected suggestion's note starts (biaozhu.db.suggestions)
FROM_SUGGESTION = "from suggestion "  # how an accepted suggestion's span's note starts (biaozhu.db.suggestions)
# The spans with a note (every suggestion, every span accepted from one, few others), as the partial index
# ix_spans_noted holds them; a query must say it in these very words (no bound parameter) for SQLite and
# PostgreSQL to read that index.
NOTED = "note != ''"
ROLES = ("annotator", "reviewer")
STATUSES = ("in_progress", "done", "adjudicated")
TRASH_KINDS = ("span", "document", "relation", "comment")
VERDICTS = ("good", "bad")  # a pinned guideline example


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON, datetime: DateTime(timezone=True), date: Date}


class Annotator(Base):
    """A person, and the layer of spans only they may change. The gold layer is an annotator too."""

    __tablename__ = "annotators"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="annotator")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    __table_args__ = (CheckConstraint("role IN ('annotator', 'reviewer')", name="role"),)


class Label(Base):
    __tablename__ = "labels"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(64), default="")
    color: Mapped[str] = mapped_column(String(7))
    hotkey: Mapped[str | None] = mapped_column(String(16))
    definition: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(512))
    source: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    length: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    normalisation: Mapped[dict[str, Any]] = mapped_column(default=dict)
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    spans: Mapped[list[Span]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                             passive_deletes=True)
    # The document list and the span checks read these: from the index, SQLite never reads the texts.
    __table_args__ = (Index("ix_documents_listing", "id", "name", "length", "sha256"),)


class Span(Base):
    """``[start, end)`` in code points of the document's text; ``text`` repeats what it covers."""

    __tablename__ = "spans"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id", ondelete="RESTRICT"))
    label_id: Mapped[int] = mapped_column(ForeignKey("labels.id", ondelete="RESTRICT"))
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Gold spans: whose version was taken and which reviewer decided.
    origin_id: Mapped[int | None] = mapped_column(ForeignKey("annotators.id", ondelete="SET NULL"))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotators.id", ondelete="SET NULL"))
    # A METRIC span's figure (biaozhu.db.values): the exact decimal as plain digits, text not floats so that no
    # backend rounds it; NULL where the text is not a figure (flagged, never guessed) or the span is no METRIC.
    value: Mapped[str | None] = mapped_column(String(64))
    value_max: Mapped[str | None] = mapped_column(String(64))
    unit: Mapped[str | None] = mapped_column(String(32))
    qualifier: Mapped[str | None] = mapped_column(String(16))
    value_by_hand: Mapped[bool] = mapped_column(default=False, server_default=false())
    document: Mapped[Document] = relationship(back_populates="spans")
    __table_args__ = (
        UniqueConstraint("document_id", "annotator_id", "start", "end", "label_id"),
        CheckConstraint("start >= 0 AND start < \"end\"", name="range"),
        Index("ix_spans_layer", "document_id", "annotator_id", "start"),
        # biaozhu stats counts the suggestions decided, open and accepted from this small index, not every note.
        # Partial on both backends (migration 0008); said for SQLite only here, since naming PostgreSQL's option
        # imports its dialect (80 ms) at every start, and Alembic compares no index's WHERE anyway.
        Index("ix_spans_noted", "annotator_id", "note", sqlite_where=sql_text(NOTED)),
        {"sqlite_autoincrement": True},  # ids are never reused: undo and merge keep referring to the right span
    )


class DocumentStatus(Base):
    """Where one layer stands on one document: in progress, done, or (gold) adjudicated."""

    __tablename__ = "document_status"
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    __table_args__ = (CheckConstraint("status IN ('in_progress', 'done', 'adjudicated')", name="status"),)


class Rejection(Base):
    """A disagreement the reviewer rejected: none of its versions is in gold, and that is a decision.

    ``versions`` identifies the disagreement (:meth:`biaozhu.corpus.adjudication.Disagreement.fingerprint`):
    if an annotator later changes a version, it is another disagreement and open again.
    """

    __tablename__ = "rejections"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    versions: Mapped[str] = mapped_column(String(64))
    start: Mapped[int]
    end: Mapped[int]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotators.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)
    __table_args__ = (UniqueConstraint("document_id", "versions"),)


class TrashItem(Base):
    """A deleted span or document, kept whole as JSON until the trash is emptied."""

    __tablename__ = "trash"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    document_id: Mapped[int | None]
    annotator_id: Mapped[int | None]
    summary: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[dict[str, Any]]
    deleted_at: Mapped[datetime] = mapped_column(default=utcnow)
    __table_args__ = (CheckConstraint("kind IN ('span', 'document', 'relation', 'comment')", name="kind"),)


class AuditEntry(Base):
    """Who did what, when: an action that changes the project for everyone (import, delete, trash empty, merge,
    role change, gold decision). Written by the db function of that action, in its transaction; never edited."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index("ix_audit_log_at", "at"),)


class RelationType(Base):
    """A kind of link between two spans, and the labels it may join (by label name): 所属项目 from METRIC to
    PROGRAM, 责任机构 from METRIC or PROGRAM to ORGANIZATION. Edited like labels."""

    __tablename__ = "relation_types"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(64), default="")
    from_labels: Mapped[list[str]] = mapped_column(default=list)
    to_labels: Mapped[list[str]] = mapped_column(default=list)
    hotkey: Mapped[str | None] = mapped_column(String(16))
    definition: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)


class Relation(Base):
    """A directed link between two spans of one layer of one document. It belongs to its spans: deleting either
    end deletes it (the trash keeps it with the span), moving a boundary keeps it. Gold relations record whose
    version was taken and which reviewer decided, as gold spans do."""

    __tablename__ = "relations"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id", ondelete="RESTRICT"))
    type_id: Mapped[int] = mapped_column(ForeignKey("relation_types.id", ondelete="RESTRICT"))
    from_span_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"))
    to_span_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    origin_id: Mapped[int | None] = mapped_column(ForeignKey("annotators.id", ondelete="SET NULL"))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotators.id", ondelete="SET NULL"))
    __table_args__ = (
        UniqueConstraint("from_span_id", "to_span_id", "type_id"),
        CheckConstraint("from_span_id <> to_span_id", name="ends"),
        Index("ix_relations_layer", "document_id", "annotator_id"),
        Index("ix_relations_to_span_id", "to_span_id"),  # the cascade from a deleted span finds its relations
        {"sqlite_autoincrement": True},
    )


class Comment(Base):
    """A remark on a document, or on one span or relation in it; a reply names its parent. Resolved once the
    question is settled. Comments on a span or relation go to the trash with it."""

    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    span_id: Mapped[int | None] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"))
    relation_id: Mapped[int | None] = mapped_column(ForeignKey("relations.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("annotators.id", ondelete="RESTRICT"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    resolved_at: Mapped[datetime | None]
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotators.id", ondelete="SET NULL"))
    __table_args__ = (
        Index("ix_comments_document_id", "document_id"),
        Index("ix_comments_span_id", "span_id"),
        {"sqlite_autoincrement": True},
    )


class PinnedExample(Base):
    """A span a reviewer pinned as a good or a bad example of its label; the guide shows it in its context."""

    __tablename__ = "pinned_examples"
    id: Mapped[int] = mapped_column(primary_key=True)
    span_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"), unique=True)
    verdict: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(Text, default="")
    pinned_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotators.id", ondelete="SET NULL"))
    pinned_at: Mapped[datetime] = mapped_column(default=utcnow)
    __table_args__ = (CheckConstraint("verdict IN ('good', 'bad')", name="verdict"),)


class ProjectSetting(Base):
    """What the project holds for everyone under a name, such as its general guideline (``guideline``)."""

    __tablename__ = "project_settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class TimeSpent(Base):
    """Seconds one person had one document open in the active window, per day (added to as they work)."""

    __tablename__ = "time_spent"
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    seconds: Mapped[int] = mapped_column(default=0)


class AgreementSnapshot(Base):
    """The project's agreement as measured at one moment, so that it can be drawn over time."""

    __tablename__ = "agreement_history"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    f1: Mapped[float | None] = mapped_column(Float)
    kappa: Mapped[float | None] = mapped_column(Float)
    documents: Mapped[int] = mapped_column(default=0)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    __table_args__ = (Index("ix_agreement_history_at", "at"),)
