"""one owner per order: the kiosk holding an order when it is another, and the items a
person must settle (pulled from the central server).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 02:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("orders", sa.Column("held_by", sa.String(length=80), nullable=True))
    op.create_table(
        "to_resolve",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("order_number", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=24), nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_to_resolve")),
    )
    op.create_index(op.f("ix_to_resolve_order_id"), "to_resolve", ["order_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_to_resolve_order_id"), table_name="to_resolve")
    op.drop_table("to_resolve")
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_column("held_by")
