"""Money is never refused (DESIGN.md, "One owner per order"), on a live server (SQLite
and PostgreSQL): a payment beyond the price, one for a cancelled order, and a
cancellation of an order that still holds money are all kept, each with an item to
resolve held by the kiosk concerned; a replay makes no second item."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import requests
from sync_harness import LiveServer, server_rows
from wire_ops import Server, new_client, new_order, op, step

from server.database import Database
from server.scopes import DeviceKind

SYNC = {"Comptoir-Protocol": "1", "Comptoir-Schema": "1"}


def _push(live: LiveServer, token: str, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    answer = requests.post(
        live.url + "/sync/v1/push",
        json={"ops": ops},
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": uuid.uuid4().hex, **SYNC},
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    results: list[dict[str, Any]] = answer.json()["results"]
    return results


def _payment(order_id: uuid.UUID, cents: int) -> dict[str, Any]:
    payment_id = uuid.uuid4()
    data = {
        "id": str(payment_id),
        "order_id": str(order_id),
        "method": "cash",
        "amount_cents": cents,
        "at": datetime.now(UTC).isoformat(),
    }
    return op("payment", payment_id, "append", data)


def _items(live: LiveServer) -> list[tuple[str | None, str, str, int]]:
    admin = live.enrol(f"office-{uuid.uuid4().hex[:6]}", datetime.now(UTC), kind=DeviceKind.ADMIN)
    listed = requests.get(
        live.url + "/api/v1/to-resolve", headers={"Authorization": f"Bearer {admin}"}, timeout=10
    ).json()
    return [
        (e["kiosk"], e["item"]["reason"], e["item"]["action"], e["item"]["amount_cents"])
        for e in listed["open"]
    ]


def test_money_beyond_the_price_or_after_a_cancellation_is_kept_and_listed(
    live: LiveServer, token: str
) -> None:
    client_id, order_id = uuid.uuid4(), uuid.uuid4()
    # The order's price: 2 units of 5 € (wire_ops.new_order).
    created = _push(live, token, [new_client(client_id), new_order(order_id, client_id)])
    assert [r["outcome"] for r in created] == ["applied", "applied"]
    first, second = _payment(order_id, 1000), _payment(order_id, 700)
    assert [r["outcome"] for r in _push(live, token, [first, second])] == ["applied", "applied"]
    assert _push(live, token, [second])[0]["outcome"] == "duplicate"  # a replay
    assert _items(live) == [("saint-paul", "overpaid", "refund_excess", 700)]
    # Cancelled while it holds 17 € (7 € of them listed already); then 3 € more arrive.
    cancel = step(order_id, "requested", "cancelled", reason="Plus besoin")
    late = _payment(order_id, 300)
    assert [r["outcome"] for r in _push(live, token, [cancel, late])] == ["applied", "applied"]
    assert sorted(_items(live)) == sorted(
        [
            ("saint-paul", "overpaid", "refund_excess", 700),
            ("saint-paul", "cancelled_holding", "refund", 1000),
            ("saint-paul", "cancelled", "refund", 300),
        ]
    )
    # Every payment is on the server: money never goes missing.
    assert {p["amount_cents"] for p in server_rows(live.db, "payment").values()} == {1000, 700, 300}
    # Only the kiosk concerned may mark an item resolved.
    other = live.enrol("bastille", datetime.now(UTC))
    [item_id] = [
        key
        for key, row in server_rows(live.db, "to_resolve").items()
        if row["reason"] == "cancelled"
    ]
    resolution = {"resolved_at": datetime.now(UTC).isoformat(), "note": "Rendu en espèces"}
    refused = _push(live, other, [op("to_resolve", uuid.UUID(item_id), "patch", resolution)])
    assert (refused[0]["outcome"], refused[0]["code"]) == ("rejected", "not_owner")
    done = _push(live, token, [op("to_resolve", uuid.UUID(item_id), "patch", resolution)])
    assert done[0]["outcome"] == "applied"
    assert len(_items(live)) == 2


def test_an_order_cancelled_with_its_invoice_standing_asks_for_a_credit_note(
    db: Database,
) -> None:
    from test_invoice_documents import document_op, invoice

    server = Server(db)
    client_id, order_id = uuid.uuid4(), uuid.uuid4()
    document = document_op(invoice(), order_id=str(order_id))
    cancel = step(order_id, "requested", "cancelled", reason="Erreur de saisie")
    results = server.push([new_client(client_id), new_order(order_id, client_id), document, cancel])
    assert [r.outcome.value for r in results] == ["applied"] * 4
    items = [
        (row["reason"], row["action"], row["order_number"])
        for row in server_rows(db, "to_resolve").values()
    ]
    assert items == [("invoice_not_credited", "credit_note", "01-0001")]


def test_a_deposit_above_the_final_price_is_listed_to_give_back(
    live: LiveServer, token: str
) -> None:
    """Paid 10 € ahead for two units; the work took one (5 €): the 5 € over are kept
    and listed for the kiosk to give back."""
    client_id, order_id = uuid.uuid4(), uuid.uuid4()
    _push(live, token, [new_client(client_id), new_order(order_id, client_id)])
    assert _push(live, token, [_payment(order_id, 1000)])[0]["outcome"] == "applied"
    assert _items(live) == []
    steps = [
        step(order_id, "requested", "confirmed"),
        step(order_id, "confirmed", "assigned", lulu_id=str(uuid.uuid4())),
        step(order_id, "assigned", "done", actual_units=1),
    ]
    assert [r["outcome"] for r in _push(live, token, steps)] == ["applied"] * 3
    assert _items(live) == [("saint-paul", "overpaid", "refund_excess", 500)]
