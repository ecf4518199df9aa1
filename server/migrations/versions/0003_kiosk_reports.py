"""The kiosks' health: each kiosk's latest report and when the server received it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import server.models

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "kiosk_reports",
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("received_at", server.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_kiosk_reports_device_id_devices")
        ),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_kiosk_reports")),
    )


def downgrade() -> None:
    op.drop_table("kiosk_reports")
