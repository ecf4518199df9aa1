"""Kiosk codes: each kiosk's series code ("01"), unique, allocated by the server at
enrolment from the counter `kiosk_codes` (which only goes up, so a code is never given
twice). Kiosks enrolled before get codes in their enrolment order, the first "01" (the
code every kiosk used until now), and the counter starts after them.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTER = "kiosk_codes"


def upgrade() -> None:
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("code", sa.String(length=3), nullable=True))
        batch_op.create_unique_constraint("uq_devices_code", ["code"])
    connection = op.get_bind()
    kiosks = connection.execute(
        sa.text("SELECT id FROM devices WHERE kind = 'kiosk' ORDER BY id")
    ).scalars()
    rank = 0
    for rank, device_id in enumerate(list(kiosks)[:999], start=1):
        connection.execute(
            sa.text("UPDATE devices SET code = :code WHERE id = :id"),
            {"code": f"{rank:02d}", "id": device_id},
        )
    if rank:
        connection.execute(
            sa.text("INSERT INTO counters (name, value) VALUES (:name, :value)"),
            {"name": COUNTER, "value": rank},
        )


def downgrade() -> None:
    op.execute(sa.text(f"DELETE FROM counters WHERE name = '{COUNTER}'"))
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.drop_constraint("uq_devices_code", type_="unique")
        batch_op.drop_column("code")
