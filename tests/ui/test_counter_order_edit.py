"""Editing an order from its detail at the counter, driven through the widgets after a
PIN login: a new slot, duration and description saved (the store, the detail and the
queue row follow), and a refusal shown beside the slot with nothing written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain import validation
from kiosk_app.messages import message
from kiosk_app.store.models import AuditEntry
from sync.protocol import OrderStatus

from .counter_support import log_in, place_order
from .support import Resident
from .test_counter import open_row


def tap_in_detail(kiosk: Resident, widget: QWidget) -> None:
    """Scroll the order's detail to a control (as a flick would), then tap it."""
    kiosk.window.counter.scroll_to(widget)
    kiosk.tap(widget)


def test_editing_the_slot_duration_and_description_saves_them(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    order = place_order(comptoir)  # today 14:00 UTC, 3 units of 20 minutes at 5 €
    log_in(kiosk)
    open_row(kiosk, order.number)
    detail = kiosk.window.counter.detail
    panel = detail.editor
    assert not panel.isVisible()
    kiosk.tap_named("Modifier la commande")
    assert panel.isVisible() and not detail.body.isVisible()
    assert "Modification : rien ne change avant d’enregistrer." in panel.title.text()
    assert panel.street.text == "1 rue Saint-Paul"
    assert panel.units.shown.text() == "3 × 20 min : 15\u00a0€"

    tap_in_detail(kiosk, panel.picker.day_buttons[1])  # tomorrow
    tap_in_detail(kiosk, panel.picker.window_buttons[2])  # 14:00 to 16:00, Paris
    tap_in_detail(kiosk, panel.units.plus)
    assert panel.units.shown.text() == "4 × 20 min : 20\u00a0€"
    kiosk.window.counter.scroll_to(panel.description.editor)
    kiosk.fill(panel.description.editor, "Rideau du salon")
    tap_in_detail(kiosk, panel.save)

    stored = comptoir.orders.get(order.id)
    start = datetime(2026, 11, 27, 13, 0, tzinfo=UTC)  # 14:00 in Paris
    assert (stored.slot_start, stored.slot_end) == (start, start + timedelta(hours=2))
    assert stored.estimated_units == 4
    assert stored.description == "Rideau du salon"
    assert stored.address == order.address
    assert not panel.isVisible() and detail.body.isVisible()
    assert detail.done_note.text() == (
        "Modifications enregistrées. Le nouveau ticket part à l’imprimante."
    )
    assert "Quand : vendredi 27 novembre, entre 14\u00a0h et 16\u00a0h" in detail.summary.text()
    assert "Demande : Rideau du salon" in detail.summary.text()
    assert "Devis : 20\u00a0€ pour 4 × 20 min" in detail.money_shown.text()
    jobs = comptoir.print_jobs.for_order(order.id)
    assert jobs[-1].kind == "order_ticket" and len(jobs) == 2
    # The queue's row follows without a manual refresh.
    model = kiosk.window.counter.queue.model
    assert model.order_at(0).slot_start == start
    # The audit names the attendant and the fields, never the values.
    with comptoir.store.read() as session:
        details = session.scalars(
            select(AuditEntry.details).where(AuditEntry.action == "order.edit")
        ).all()
    assert details == [{"fields": ["description", "estimated_units", "slot_end", "slot_start"]}]


def test_a_refused_edit_shows_beside_the_slot_and_writes_nothing(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    order = place_order(comptoir)
    other = place_order(comptoir, day=27, hour=13, phone="06 99 88 77 66")
    lulu_id = comptoir.lulus.register_application(
        "Karim Benali", "07 81 22 33 44", ["bricolage"], "Le matin"
    )
    for placed in (order, other):
        comptoir.orders.confirm(placed.id, attendant_id=None)
        comptoir.orders.assign(placed.id, lulu_id, attendant_id=None)
    before = comptoir.orders.get(order.id)
    log_in(kiosk)
    open_row(kiosk, order.number)
    detail = kiosk.window.counter.detail
    panel = detail.editor
    kiosk.tap_named("Modifier la commande")
    tap_in_detail(kiosk, panel.picker.day_buttons[1])
    tap_in_detail(kiosk, panel.picker.window_buttons[2])  # when Karim is at the other order
    tap_in_detail(kiosk, panel.save)

    assert panel.isVisible()  # still editing: the attendant reads why
    assert panel.slot_error.text() == (
        "Karim Benali n’est pas libre à ce moment-là : retirez d’abord le Lulu."
    )
    assert comptoir.orders.get(order.id) == before
    assert len(comptoir.print_jobs.for_order(order.id)) == 1

    # A bad postcode is refused beside its field as it is typed; Save waits for it.
    panel.postcode.set_text("99999")
    assert panel.postcode.message.text() == message("postcode.invalid", "fr")
    assert not panel.save.isEnabled()
    # Cancelling leaves the order as it was.
    tap_in_detail(kiosk, panel.cancel)
    assert not panel.isVisible() and detail.body.isVisible()
    assert comptoir.orders.get(order.id) == before


def test_the_edit_button_shows_only_while_the_order_is_editable(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    order = place_order(comptoir)
    log_in(kiosk)
    open_row(kiosk, order.number)
    detail = kiosk.window.counter.detail
    assert detail.edit.isVisible()
    detail.reason.set_text("Plus besoin")
    tap_in_detail(kiosk, detail.cancel)
    tap_in_detail(kiosk, detail.cancel_confirmation.yes)
    assert comptoir.orders.get(order.id).status is OrderStatus.CANCELLED
    assert not detail.edit.isVisible()


NASTY = [
    "'; DROP TABLE orders; --",
    "Robert'); DELETE FROM clients;--",
    "👵🏽🧺✨" * 30,
    "مرحبا بكم في الحي",
    "\u202eevil\u202c",
    "\x00\x07",
    "x" * 10_000,
    "",
    "   ",
    "-1",
    "75011",
]
ANY_TEXT = st.one_of(st.text(max_size=200), st.sampled_from(NASTY))
TYPED = ("description", "street", "postcode", "city", "building", "floor", "access_notes")


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(typed=st.dictionaries(st.sampled_from(TYPED), ANY_TEXT, min_size=1, max_size=4))
def test_the_edit_panel_saves_whole_or_says_why_beside_the_field(
    kiosk: Resident, comptoir: Comptoir, attendants: None, typed: dict[str, str]
) -> None:
    counter = kiosk.window.counter
    if kiosk.window.current_screen is not counter:
        place_order(comptoir)
        log_in(kiosk)
    (order,) = comptoir.orders.list(limit=1)
    counter.open_order(order)
    panel = counter.detail.editor
    counter.detail.edit.click()
    fields = panel.fields()
    for name, text in typed.items():
        fields[name].set_text(text)
    if not panel.save.isEnabled():
        # Refused as typed: each bad field says why, and nothing can be sent.
        event("refused as typed")
        bad = [f for f in fields.values() if not f.is_valid]
        assert bad and all(f.message.text() for f in bad)
        assert comptoir.orders.get(order.id) == order
        return
    panel.save.click()
    kiosk.window.tasks.settle()
    stored = comptoir.orders.get(order.id)
    if panel.isVisible():  # the core refused: the message is beside a field or above
        event("refused by the core")
        shown = [f.message.text() for f in fields.values()] + [panel.error.text()]
        assert any(shown)
        assert stored == order
        return
    event("saved")
    assert stored.description == validation.clean_text(fields["description"].text)
    assert stored.address.street == validation.clean_text(fields["street"].text)
    assert stored.address.floor == fields["floor"].value
