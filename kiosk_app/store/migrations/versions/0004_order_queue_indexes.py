"""indexes for the counter's order queue: newest first within a channel, a status, or
both; and orders by slot for the day filter. The channel's own index goes: the
(channel, created_at) index begins with it and answers the same lookups. And the order
steps by status and time, for the month's "services done" (it read every step).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 17:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Plain CREATE/DROP INDEX: SQLite does both in place, with no copy of the orders table.
_INDEXES = {
    "ix_orders_channel_created": ["channel", "created_at"],
    "ix_orders_status_created": ["status", "created_at"],
    "ix_orders_channel_status_created": ["channel", "status", "created_at"],
    "ix_orders_slot_start": ["slot_start"],
}


def upgrade() -> None:
    op.drop_index("ix_orders_channel", table_name="orders")
    for name, columns in _INDEXES.items():
        op.create_index(name, "orders", columns, unique=False)
    op.create_index("ix_order_events_to_status_at", "order_events", ["to_status", "at"])


def downgrade() -> None:
    op.drop_index("ix_order_events_to_status_at", table_name="order_events")
    for name in reversed(_INDEXES):
        op.drop_index(name, table_name="orders")
    op.create_index("ix_orders_channel", "orders", ["channel"], unique=False)
