"""changes waiting for their number: on PostgreSQL a push commits its changes here,
without the change log's lock, and the same round trip then numbers every committed
waiting change at once, under the lock (server/changes.py). Writers no longer queue on
that lock one commit each.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 00:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "changes_waiting",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            primary_key=True,
            autoincrement=True,
        ),
        sa.Column("entity", sa.String(24), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("scope", sa.Uuid(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("changes_waiting")
