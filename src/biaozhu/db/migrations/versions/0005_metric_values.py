"""METRIC values stored with the span (issue 16): value, value_max, unit, qualifier, and whether set by hand.
The METRIC spans already there get their values computed here.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from biaozhu.corpus.quantities import parse_quantity, plain

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

COLUMNS = ("value", "value_max", "unit", "qualifier", "value_by_hand")


def upgrade() -> None:
    # Plain ADD COLUMN, which SQLite does in place: a batch copy of the table would lose its AUTOINCREMENT.
    op.add_column("spans", sa.Column("value", sa.String(length=64), nullable=True))
    op.add_column("spans", sa.Column("value_max", sa.String(length=64), nullable=True))
    op.add_column("spans", sa.Column("unit", sa.String(length=32), nullable=True))
    op.add_column("spans", sa.Column("qualifier", sa.String(length=16), nullable=True))
    op.add_column("spans", sa.Column("value_by_hand", sa.Boolean(), server_default=sa.false(), nullable=False))
    connection = op.get_bind()
    spans = sa.table("spans", sa.column("id", sa.Integer), sa.column("label_id", sa.Integer),
                     sa.column("text", sa.Text), *(sa.column(name) for name in COLUMNS[:4]))
    labels = sa.table("labels", sa.column("id", sa.Integer), sa.column("name", sa.String))
    rows = connection.execute(sa.select(spans.c.id, spans.c.text).join(labels, labels.c.id == spans.c.label_id)
                              .where(labels.c.name == "METRIC")).all()
    updates = []
    for span_id, text in rows:
        quantity = parse_quantity(text)
        if quantity is not None:
            updates.append({"span_id": span_id, "v": plain(quantity.value), "unit_": quantity.unit,
                            "q": quantity.qualifier.value,
                            "vm": None if quantity.value_max is None else plain(quantity.value_max)})
    if updates:
        connection.execute(spans.update().where(spans.c.id == sa.bindparam("span_id")).values(
            value=sa.bindparam("v"), value_max=sa.bindparam("vm"), unit=sa.bindparam("unit_"),
            qualifier=sa.bindparam("q")), updates)


def downgrade() -> None:
    with op.batch_alter_table("spans", table_kwargs={"sqlite_autoincrement": True}) as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
