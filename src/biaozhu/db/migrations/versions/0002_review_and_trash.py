"""Reviewer roles, provenance of gold spans, adjudicated status and the trash.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("annotators") as batch:
        batch.add_column(sa.Column("role", sa.String(length=16), nullable=False, server_default="annotator"))
        batch.create_check_constraint("role", "role IN ('annotator', 'reviewer')")
    with op.batch_alter_table("spans", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.add_column(sa.Column("origin_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("decided_by_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_spans_origin_id_annotators"), "annotators", ["origin_id"], ["id"],
                                 ondelete="SET NULL")
        batch.create_foreign_key(op.f("fk_spans_decided_by_id_annotators"), "annotators", ["decided_by_id"], ["id"],
                                 ondelete="SET NULL")
    with op.batch_alter_table("document_status") as batch:
        batch.drop_constraint(op.f("ck_document_status_status"), type_="check")
        batch.create_check_constraint("status", "status IN ('in_progress', 'done', 'adjudicated')")
    op.create_table('trash',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('annotator_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('span', 'document')", name=op.f('ck_trash_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trash'))
    )


def downgrade() -> None:
    op.drop_table("trash")
    with op.batch_alter_table("document_status") as batch:
        batch.drop_constraint(op.f("ck_document_status_status"), type_="check")
        batch.create_check_constraint("status", "status IN ('in_progress', 'done')")
    with op.batch_alter_table("spans", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_constraint(op.f("fk_spans_decided_by_id_annotators"), type_="foreignkey")
        batch.drop_constraint(op.f("fk_spans_origin_id_annotators"), type_="foreignkey")
        batch.drop_column("decided_by_id")
        batch.drop_column("origin_id")
    with op.batch_alter_table("annotators") as batch:
        batch.drop_constraint(op.f("ck_annotators_role"), type_="check")
        batch.drop_column("role")
