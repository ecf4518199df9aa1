"""the till: cash sessions, their closing counts, the link of a payment to its session
and of a closing report's print job to its session

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 15:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cash_sessions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("is_open", sa.Boolean(), nullable=True),
        sa.Column("float_cents", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("opened_by", sa.Uuid(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.Uuid(), nullable=True),
        sa.Column("approved_by", sa.Uuid(), nullable=True),
        sa.CheckConstraint("float_cents >= 0", name=op.f("ck_cash_sessions_float_not_negative")),
        sa.ForeignKeyConstraint(
            ["approved_by"], ["attendants.id"], name=op.f("fk_cash_sessions_approved_by_attendants")
        ),
        sa.ForeignKeyConstraint(
            ["closed_by"], ["attendants.id"], name=op.f("fk_cash_sessions_closed_by_attendants")
        ),
        sa.ForeignKeyConstraint(
            ["opened_by"], ["attendants.id"], name=op.f("fk_cash_sessions_opened_by_attendants")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_sessions")),
        sa.UniqueConstraint("is_open", name=op.f("uq_cash_sessions_is_open")),
        sa.UniqueConstraint("number", name=op.f("uq_cash_sessions_number")),
    )
    with op.batch_alter_table("cash_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cash_sessions_opened_at"), ["opened_at"], unique=False)

    op.create_table(
        "cash_counts",
        sa.Column("cash_session_id", sa.Uuid(), nullable=False),
        sa.Column(
            "method",
            sa.Enum(
                "cash",
                "card",
                "cheque",
                "cesu",
                "transfer",
                name="paymentmethod",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("expected_cents", sa.Integer(), nullable=False),
        sa.Column("counted_cents", sa.Integer(), nullable=False),
        sa.Column("payments", sa.Integer(), nullable=False),
        sa.CheckConstraint("counted_cents >= 0", name=op.f("ck_cash_counts_counted_not_negative")),
        sa.CheckConstraint("payments >= 0", name=op.f("ck_cash_counts_payments_not_negative")),
        sa.ForeignKeyConstraint(
            ["cash_session_id"],
            ["cash_sessions.id"],
            name=op.f("fk_cash_counts_cash_session_id_cash_sessions"),
        ),
        sa.PrimaryKeyConstraint("cash_session_id", "method", name=op.f("pk_cash_counts")),
    )

    op.create_table(
        "till_report_jobs",
        sa.Column("print_job_id", sa.Uuid(), nullable=False),
        sa.Column("cash_session_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cash_session_id"],
            ["cash_sessions.id"],
            name=op.f("fk_till_report_jobs_cash_session_id_cash_sessions"),
        ),
        sa.ForeignKeyConstraint(
            ["print_job_id"],
            ["print_jobs.id"],
            name=op.f("fk_till_report_jobs_print_job_id_print_jobs"),
        ),
        sa.PrimaryKeyConstraint("print_job_id", name=op.f("pk_till_report_jobs")),
    )
    op.create_index(
        op.f("ix_till_report_jobs_cash_session_id"),
        "till_report_jobs",
        ["cash_session_id"],
        unique=False,
    )

    # A new nullable column, added in place with SQLite's ADD COLUMN, which takes a
    # REFERENCES clause (Alembic's add_column refuses a foreign key on SQLite), rather
    # than by batch mode's copy of the table: a copy of every payment, and a rebuilt
    # table that loses the CHECK constraints SQLite cannot reflect. CHAR(32) is how
    # SQLAlchemy's Uuid type is stored on SQLite.
    op.execute(
        "ALTER TABLE payments ADD COLUMN cash_session_id CHAR(32) "
        "CONSTRAINT fk_payments_cash_session_id_cash_sessions REFERENCES cash_sessions (id)"
    )
    op.create_index(
        op.f("ix_payments_cash_session_id"), "payments", ["cash_session_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_till_report_jobs_cash_session_id"), table_name="till_report_jobs")
    op.drop_table("till_report_jobs")
    op.drop_index(op.f("ix_payments_cash_session_id"), table_name="payments")
    # SQLite cannot drop a column that holds a foreign key: batch mode copies the table.
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_column("cash_session_id")
    op.drop_table("cash_counts")
    with op.batch_alter_table("cash_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cash_sessions_opened_at"))
    op.drop_table("cash_sessions")
