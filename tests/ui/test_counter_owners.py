"""One owner per order at the counter: what the central server put on this kiosk's list
to resolve is shown with what to do and marked resolved with a note; an order another
kiosk holds is read-only, says who holds it, and offers to take it over (once)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select, update

from kiosk_app.comptoir import Comptoir
from kiosk_app.services.sync_apply import apply_page
from kiosk_app.store.models import Order, OutboxOp
from sync.protocol import Change, Entity, PullResponse

from .counter_support import log_in, place_order
from .support import Resident


def _pulled_item(comptoir: Comptoir, order_id: uuid.UUID, number: str) -> uuid.UUID:
    """An item as the server sends it with a pull: money taken here for an order
    another kiosk holds."""
    item_id = uuid.uuid4()
    data = {
        "id": str(item_id),
        "order_id": str(order_id),
        "order_number": number,
        "reason": "not_owner",
        "action": "move_or_refund",
        "amount_cents": 2500,
        "payment_id": str(uuid.uuid4()),
        "created_at": datetime(2026, 11, 26, 9, 0, tzinfo=UTC).isoformat(),
        "resolved_at": None,
        "note": "",
    }
    change = Change(seq=1, entity=Entity.TO_RESOLVE, entity_id=item_id, version=1, data=data)
    with comptoir.store.write() as session:
        apply_page(session, PullResponse(changes=[change], next_cursor=1, has_more=False))
    return item_id


def test_the_list_to_resolve_says_what_to_do_and_takes_a_note(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    order = place_order(comptoir)
    item_id = _pulled_item(comptoir, order.id, order.number)
    log_in(kiosk)
    counter = kiosk.window.counter
    kiosk.tap(counter.nav["to_resolve"])
    page = counter.to_resolve
    text = kiosk.screen_text()
    # (Qt's French money puts a no-break space before the euro sign.)
    assert f"Commande {order.number}, 25\u00a0€, depuis le jeudi 26 novembre à 10\u00a0h" in text
    assert (
        "Encaissé ici pour une commande qu’un autre kiosque tient : reportez ce paiement "
        "sur la commande à ce kiosque, ou remboursez la personne." in text
    )
    _text, note, resolve = page.rows[item_id]
    assert not resolve.isEnabled()  # nothing written yet
    kiosk.fill(note.editor, "rembourse")
    kiosk.tap(resolve)
    kiosk.qtbot.waitUntil(lambda: not page.rows, timeout=3000)
    assert "Marqué comme réglé" in kiosk.screen_text()
    assert "Rien à régler." in kiosk.screen_text()
    [resolved] = comptoir.holding.to_resolve(include_resolved=True)
    assert resolved.resolved_at is not None and resolved.note == "rembourse"
    with comptoir.store.read() as session:
        ops = session.scalars(select(OutboxOp).where(OutboxOp.entity == "to_resolve")).all()
    assert [(op.kind, op.data["note"]) for op in ops] == [("patch", "rembourse")]


def test_an_order_held_elsewhere_is_read_only_with_a_take_over_button(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    order = place_order(comptoir)
    with comptoir.store.write() as session:  # as a pull shows a hand-over to another kiosk
        session.execute(update(Order).where(Order.id == order.id).values(held_by="bastille"))
    log_in(kiosk)
    counter = kiosk.window.counter
    counter.open_order(comptoir.orders.get(order.id))
    detail = counter.detail
    assert "Le kiosque « bastille » tient cette commande : lecture seule ici." in (
        kiosk.screen_text()
    )
    assert not detail.confirm.isVisible() and not detail.cancel_box.isVisible()
    assert not detail.edit.isVisible()
    kiosk.tap(detail.take_over)
    assert "Demandé : la commande arrive à ce kiosque" in kiosk.screen_text()
    assert not detail.take_over.isEnabled()  # asked once: a second tap sends nothing
    with comptoir.store.read() as session:
        kinds = session.scalars(
            select(OutboxOp.kind).where(
                OutboxOp.entity_id == order.id, OutboxOp.kind == "take_over"
            )
        ).all()
    assert kinds == ["take_over"]
