"""records pulled from the central server and set aside for a person: an order whose
number this kiosk already holds under another id no longer stops every pull.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 02:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pulled_aside",
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", name=op.f("pk_pulled_aside")),
    )


def downgrade() -> None:
    op.drop_table("pulled_aside")
