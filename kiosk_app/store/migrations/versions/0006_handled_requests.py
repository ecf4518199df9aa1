"""the requests already handled: a payment, an order, a till closing, a rating or a
refund sent twice under one request id (a double tap, a retry) is one record

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 02:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "handled_requests",
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("request_id", name=op.f("pk_handled_requests")),
    )


def downgrade() -> None:
    op.drop_table("handled_requests")
