"""documents frozen at issue: an invoice's content snapshot, its hash and its PDF's
hash; the minutes actually worked on an order; quotes (devis); a refund's link to the
payment it gives back; print jobs that know their document, whether they were cut
mid-way and whether the attendant sent them elsewhere.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # ADD COLUMN in place: SQLite needs no copy of these tables for nullable columns.
    op.add_column("invoices", sa.Column("series", sa.String(length=40), nullable=True))
    op.add_column("invoices", sa.Column("content", sa.JSON(), nullable=True))
    op.add_column("invoices", sa.Column("content_sha256", sa.String(length=64), nullable=True))
    op.add_column("invoices", sa.Column("pdf_sha256", sa.String(length=64), nullable=True))
    op.add_column("orders", sa.Column("actual_minutes", sa.Integer(), nullable=True))
    with op.batch_alter_table("payments") as batch_op:
        batch_op.add_column(sa.Column("refunds_payment_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_payments_refunds_payment_id_payments"),
            "payments",
            ["refunds_payment_id"],
            ["id"],
        )
    op.add_column("print_jobs", sa.Column("document_id", sa.Uuid(), nullable=True))
    op.add_column("print_jobs", sa.Column("interrupted", sa.Boolean(), nullable=True))
    op.add_column("print_jobs", sa.Column("to_file", sa.Boolean(), nullable=True))
    op.create_table(
        "quotes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_quotes_order_id_orders")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
        sa.UniqueConstraint("number", name=op.f("uq_quotes_number")),
    )
    op.create_index(op.f("ix_quotes_order_id"), "quotes", ["order_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_quotes_order_id"), table_name="quotes")
    op.drop_table("quotes")
    with op.batch_alter_table("print_jobs") as batch_op:
        batch_op.drop_column("to_file")
        batch_op.drop_column("interrupted")
        batch_op.drop_column("document_id")
    with op.batch_alter_table("payments") as batch_op:
        batch_op.drop_constraint("fk_payments_refunds_payment_id_payments", type_="foreignkey")
        batch_op.drop_column("refunds_payment_id")
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_column("actual_minutes")
    with op.batch_alter_table("invoices") as batch_op:
        batch_op.drop_column("pdf_sha256")
        batch_op.drop_column("content_sha256")
        batch_op.drop_column("content")
        batch_op.drop_column("series")
