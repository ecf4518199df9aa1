"""record_access by record: who reads a record is asked by the record's id (each push's
access check, each numbering of the change log joins it), and the table's key leads
with the device. Without this index each of those read the whole table: the 500-kiosk
fleet after 20,000 pushed ops served 1,300 of 1,600 ops/s with a p95 of 2.7 s.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 01:20:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_record_access_entity", "record_access", ["entity_id"])


def downgrade() -> None:
    op.drop_index("ix_record_access_entity", table_name="record_access")
