"""Relations between spans and their types (issue 16); comments, pinned guideline examples, project settings,
time spent per document and the agreement history (issue 18); the trash takes relations and comments.
Existing projects get the two default relation types.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

DEFAULT_TYPES = (
    {"name": "所属项目", "title": "所属项目", "from_labels": ["METRIC"], "to_labels": ["PROGRAM"], "position": 0,
     "definition": "The programme a figure belongs to: 377.178亿元 → “酒城同心·金融速贷”"},
    {"name": "责任机构", "title": "责任机构", "from_labels": ["METRIC", "PROGRAM"], "to_labels": ["ORGANIZATION"],
     "position": 1, "definition": "The organisation responsible for a figure or a programme: “万企兴万村”行动 → 市工商联"},
)


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), nullable=False)


def upgrade() -> None:
    types = op.create_table(
        "relation_types",
        _id(),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=64), nullable=False),
        sa.Column("from_labels", sa.JSON(), nullable=False),
        sa.Column("to_labels", sa.JSON(), nullable=False),
        sa.Column("hotkey", sa.String(length=16), nullable=True),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relation_types")),
        sa.UniqueConstraint("name", name=op.f("uq_relation_types_name")),
    )
    op.create_table(
        "relations",
        _id(),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("type_id", sa.Integer(), nullable=False),
        sa.Column("from_span_id", sa.Integer(), nullable=False),
        sa.Column("to_span_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_id", sa.Integer(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("from_span_id <> to_span_id", name=op.f("ck_relations_ends")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_relations_document_id_documents"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["annotator_id"], ["annotators.id"],
                                name=op.f("fk_relations_annotator_id_annotators"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["type_id"], ["relation_types.id"], name=op.f("fk_relations_type_id_relation_types"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["from_span_id"], ["spans.id"], name=op.f("fk_relations_from_span_id_spans"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["to_span_id"], ["spans.id"], name=op.f("fk_relations_to_span_id_spans"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["origin_id"], ["annotators.id"], name=op.f("fk_relations_origin_id_annotators"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["decided_by_id"], ["annotators.id"],
                                name=op.f("fk_relations_decided_by_id_annotators"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relations")),
        sa.UniqueConstraint("from_span_id", "to_span_id", "type_id",
                            name=op.f("uq_relations_from_span_id_to_span_id_type_id")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_relations_layer", "relations", ["document_id", "annotator_id"])
    op.create_index("ix_relations_to_span_id", "relations", ["to_span_id"])
    op.create_table(
        "comments",
        _id(),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("span_id", sa.Integer(), nullable=True),
        sa.Column("relation_id", sa.Integer(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_comments_document_id_documents"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["span_id"], ["spans.id"], name=op.f("fk_comments_span_id_spans"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["relation_id"], ["relations.id"], name=op.f("fk_comments_relation_id_relations"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["parent_id"], ["comments.id"], name=op.f("fk_comments_parent_id_comments"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["author_id"], ["annotators.id"], name=op.f("fk_comments_author_id_annotators"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["resolved_by_id"], ["annotators.id"],
                                name=op.f("fk_comments_resolved_by_id_annotators"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_comments_document_id", "comments", ["document_id"])
    op.create_index("ix_comments_span_id", "comments", ["span_id"])
    op.create_table(
        "pinned_examples",
        _id(),
        sa.Column("span_id", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(length=8), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("pinned_by_id", sa.Integer(), nullable=True),
        sa.Column("pinned_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("verdict IN ('good', 'bad')", name=op.f("ck_pinned_examples_verdict")),
        sa.ForeignKeyConstraint(["span_id"], ["spans.id"], name=op.f("fk_pinned_examples_span_id_spans"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["pinned_by_id"], ["annotators.id"],
                                name=op.f("fk_pinned_examples_pinned_by_id_annotators"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pinned_examples")),
        sa.UniqueConstraint("span_id", name=op.f("uq_pinned_examples_span_id")),
    )
    op.create_table(
        "project_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_project_settings")),
    )
    op.create_table(
        "time_spent",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_time_spent_document_id_documents"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["annotator_id"], ["annotators.id"],
                                name=op.f("fk_time_spent_annotator_id_annotators"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id", "annotator_id", "day", name=op.f("pk_time_spent")),
    )
    op.create_table(
        "agreement_history",
        _id(),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("f1", sa.Float(), nullable=True),
        sa.Column("kappa", sa.Float(), nullable=True),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_history")),
    )
    op.create_index("ix_agreement_history_at", "agreement_history", ["at"])
    with op.batch_alter_table("trash") as batch:
        batch.drop_constraint(op.f("ck_trash_kind"), type_="check")
        batch.create_check_constraint("kind", "kind IN ('span', 'document', 'relation', 'comment')")
    op.bulk_insert(types, list(DEFAULT_TYPES))


def downgrade() -> None:
    connection = op.get_bind()
    connection.execute(sa.text("DELETE FROM trash WHERE kind IN ('relation', 'comment')"))
    with op.batch_alter_table("trash") as batch:
        batch.drop_constraint(op.f("ck_trash_kind"), type_="check")
        batch.create_check_constraint("kind", "kind IN ('span', 'document')")
    op.drop_index("ix_agreement_history_at", table_name="agreement_history")
    for table in ("agreement_history", "time_spent", "project_settings", "pinned_examples"):
        op.drop_table(table)
    op.drop_index("ix_comments_span_id", table_name="comments")
    op.drop_index("ix_comments_document_id", table_name="comments")
    op.drop_table("comments")
    op.drop_index("ix_relations_to_span_id", table_name="relations")
    op.drop_index("ix_relations_layer", table_name="relations")
    op.drop_table("relations")
    op.drop_table("relation_types")
