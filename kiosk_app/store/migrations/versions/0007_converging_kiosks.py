"""kiosks that converge: the tutor going along with an order's Lulu, as the central
server keeps it, and the notes of what the server decided against this kiosk (a Lulu's
slot taken at another kiosk, a rating refused) for the attendant.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 02:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # ADD COLUMN in place, its reference inline (Alembic cannot add a constraint on
    # SQLite but by copying the table, and `orders` cannot be dropped for the copy while
    # other tables reference it and foreign keys are checked).
    op.execute(
        "ALTER TABLE orders ADD COLUMN tutor_id CHAR(32) "
        "CONSTRAINT fk_orders_tutor_id_lulus REFERENCES lulus (id)"
    )
    op.create_table(
        "sync_notes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_notes")),
    )
    op.create_index(op.f("ix_sync_notes_order_id"), "sync_notes", ["order_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_notes_order_id"), table_name="sync_notes")
    op.drop_table("sync_notes")
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_orders_tutor_id_lulus"), type_="foreignkey")
        batch_op.drop_column("tutor_id")
