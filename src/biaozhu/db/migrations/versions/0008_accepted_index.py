"""A partial index of the spans accepted from a suggestion (their note starts ``from suggestion``), so that
``biaozhu stats`` counts each engine's accepted suggestions without reading every span's note (benchmarks/stats.py).

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

# As biaozhu.db.models.ACCEPTED says it, written out: a migration keeps the words it was made with.
ACCEPTED = "note LIKE 'from suggestion %'"


def upgrade() -> None:
    op.create_index("ix_spans_accepted", "spans", ["annotator_id", "note"], sqlite_where=sa.text(ACCEPTED),
                    postgresql_where=sa.text(ACCEPTED))


def downgrade() -> None:
    op.drop_index("ix_spans_accepted", table_name="spans")
