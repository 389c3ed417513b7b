"""A partial index of the spans with a note (the suggestions, the spans accepted from one: ``from suggestion
rules 0.9``), so that ``biaozhu stats`` counts each engine's suggestions open, rejected and accepted without
reading every span's note (benchmarks/stats.py).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

# As biaozhu.db.models.NOTED says it, written out: a migration keeps the words it was made with.
NOTED = "note != ''"


def upgrade() -> None:
    op.create_index("ix_spans_noted", "spans", ["annotator_id", "note"], sqlite_where=sa.text(NOTED),
                    postgresql_where=sa.text(NOTED))


def downgrade() -> None:
    op.drop_index("ix_spans_noted", table_name="spans")
