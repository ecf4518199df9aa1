"""invoices and credit notes kept as documents: one per number, enforced by a partial
unique index (two server processes cannot both take a number).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHERE = sa.text("entity = 'invoice'")


def upgrade() -> None:
    op.create_index(
        "uq_records_invoice_number",
        "records",
        ["lookup"],
        unique=True,
        sqlite_where=WHERE,
        postgresql_where=WHERE,
    )


def downgrade() -> None:
    op.drop_index("uq_records_invoice_number", table_name="records")
