"""One owner per order: which kiosk holds or may read each order and client.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 02:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import server.models

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "record_access",
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("owner", sa.Boolean(), nullable=False),
        sa.Column("granted_at", server.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_record_access_device_id_devices")
        ),
        sa.PrimaryKeyConstraint("device_id", "entity_id", name=op.f("pk_record_access")),
    )
    op.create_index(
        "uq_record_access_owner",
        "record_access",
        ["entity_id"],
        unique=True,
        sqlite_where=sa.text("owner"),
        postgresql_where=sa.text("owner"),
    )
    # No rows for records written before: a record no kiosk holds is read by every
    # kiosk (as web orders waiting for a kiosk) until one takes it over.


def downgrade() -> None:
    op.drop_index("uq_record_access_owner", table_name="record_access")
    op.drop_table("record_access")
