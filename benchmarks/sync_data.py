"""A kiosk's backlog for the sync suite and the week-offline test: orders like one
placed through the core, each with its outbox op, written in bulk (placing them one by
one is the store suite's measure, not this one's)."""

from __future__ import annotations

import secrets
import uuid

from sqlalchemy import insert, select, update

from kiosk_app.comptoir import Comptoir
from kiosk_app.services.numbers import ORDER_SERIES
from kiosk_app.store.models import NumberSeries, Order, OutboxOp


def clone_orders(app: Comptoir, template_id: uuid.UUID, count: int) -> None:
    """`count` more orders like `template_id`, numbered after it, each with the outbox
    op that placing it would have written."""
    with app.store.write() as session:
        op = session.scalars(select(OutboxOp).where(OutboxOp.entity_id == template_id)).one()
        row = session.get_one(Order, template_id)
        columns = {c.key: getattr(row, c.key) for c in Order.__table__.columns}
        code, _, first = row.number.partition("-")
        orders, ops = [], []
        for n in range(count):
            order_id = uuid.uuid4()
            number = f"{code}-{int(first) + n + 1:04d}"
            token = secrets.token_urlsafe(32)
            orders.append({**columns, "id": order_id, "number": number, "public_token": token})
            data = {**op.data, "id": str(order_id), "number": number, "public_token": token}
            ops.append(
                {
                    "op_id": uuid.uuid4(),
                    "entity": "order",
                    "entity_id": order_id,
                    "kind": "create",
                    "data": data,
                    "created_at": op.created_at,
                }
            )
        session.execute(insert(Order), orders)
        session.execute(insert(OutboxOp), ops)
        session.execute(
            update(NumberSeries)
            .where(NumberSeries.name == ORDER_SERIES)
            .values(next_value=int(first) + count + 1)
        )
