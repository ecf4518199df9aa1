"""the change log says whom each change is for: `changes.reader` is the kiosk that may
read the record (one row per reader), NULL for everyone (the catalogue, the Lulus, a
record no kiosk holds). A kiosk's pull then reads its own rows and everyone's by an
index, instead of the whole network's log filtered row by row. Rows written before
stay everyone's: the pull's record rules still filter them.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 21:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("changes", sa.Column("reader", sa.Integer(), nullable=True))
    op.create_index("ix_changes_reader_seq", "changes", ["reader", "seq"])


def downgrade() -> None:
    op.drop_index("ix_changes_reader_seq", table_name="changes")
    with op.batch_alter_table("changes") as batch:
        batch.drop_column("reader")
