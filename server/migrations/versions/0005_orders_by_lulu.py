"""an order's record names its latest Lulu in `parent_id` (indexed already), so that
the server refuses a Lulu's second overlapping assignment by reading that Lulu's orders
only; orders assigned before this revision get theirs from their data.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 02:30:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "UPDATE records SET parent_id = (data->>'lulu_id')::uuid "
            "WHERE entity = 'order' AND data->>'lulu_id' IS NOT NULL"
        )
    else:  # SQLite keeps a UUID as 32 hexadecimal digits
        op.execute(
            "UPDATE records SET parent_id = replace(json_extract(data, '$.lulu_id'), '-', '') "
            "WHERE entity = 'order' AND json_extract(data, '$.lulu_id') IS NOT NULL"
        )


def downgrade() -> None:
    op.execute("UPDATE records SET parent_id = NULL WHERE entity = 'order'")
