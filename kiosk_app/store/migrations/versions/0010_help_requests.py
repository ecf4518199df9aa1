"""a resident's "Besoin d'aide ?", waiting on the counter's queue until handled.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 05:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "help_requests",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.Column("handled_at", sa.DateTime(), nullable=True),
        sa.Column("handled_by", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_requests")),
    )
    op.create_index(op.f("ix_help_requests_asked_at"), "help_requests", ["asked_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_help_requests_asked_at"), table_name="help_requests")
    op.drop_table("help_requests")
