"""The counter's one-screen order, as an attendant takes it: a known client found by
phone, a new client typed in, with and without a Lulu right away; what the store holds
afterwards (order, client, assignment, ticket's print job, audit); bad input said beside
the field; and the invoice printed from the order's detail as a real PDF."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget
from sqlalchemy import select

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import OnboardingStage
from kiosk_app.store.models import AuditEntry
from printing.files import invoice_file
from printing.profiles import profile_for
from printing.queue import PrintWorker
from sync.protocol import Channel, OrderStatus, PaymentMethod

from .counter_support import log_in, place_order
from .support import Resident

CONFIRM = "Confirmer et imprimer"


class Counted:
    """Counts the attendant's taps and key presses (on the docked keyboard)."""

    def __init__(self, kiosk: Resident) -> None:
        self.taps = 0
        self._tap = kiosk.tap

        def tap(*args: object, **kwargs: object) -> None:
            self.taps += 1
            self._tap(*args, **kwargs)  # type: ignore[arg-type]

        kiosk.tap = tap  # type: ignore[method-assign]


def tap_item(kiosk: Resident, matches: QListWidget, text: str) -> None:
    row = next(
        r for r in range(matches.count()) if text in matches.item(r).text().replace("\xa0", " ")
    )
    kiosk.tap(matches.viewport(), matches.visualItemRect(matches.item(row)).center())


def onboarding_lulu(comptoir: Comptoir, name: str, skill: str) -> uuid.UUID:
    lulu_id = comptoir.lulus.register_application(name, "07 81 22 33 44", [skill], "Le matin")
    comptoir.onboarding.move(lulu_id, OnboardingStage.FILE_IN_PROGRESS, attendant_id=None)
    return lulu_id


def audited(comptoir: Comptoir, entity_id: uuid.UUID) -> list[str]:
    with comptoir.store.read() as session:
        return list(
            session.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == str(entity_id)))
        )


def test_a_known_client_tomorrow_morning_with_a_lulu_in_few_taps(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    earlier = place_order(comptoir)
    lulu_id = onboarding_lulu(comptoir, "Karim Benali", "bricolage")
    log_in(kiosk)
    counted = Counted(kiosk)
    kiosk.tap_named("Nouvelle commande")
    form = kiosk.window.counter.order_form
    assert not form.confirm.isEnabled()
    kiosk.fill(form.find_client, "0611")
    tap_item(kiosk, form.clients, "Odette Vidal · 06 11 22 33 44")
    assert form.street.text == "1 rue Saint-Paul" and form.postcode.text == "75004"
    kiosk.fill(form.find_service, "rid")
    tap_item(kiosk, form.services, "Poser un rideau")
    assert form.units.shown.text() == "1 × 20 min\n5\u00a0€"
    tap_item(kiosk, form.lulus, "Karim Benali")
    assert "encore en formation" in form.lulus.currentItem().text()
    kiosk.tap_named("vendredi 27 novembre")  # tomorrow
    kiosk.tap(form.picker.window_buttons[0])
    kiosk.tap_named(CONFIRM)
    # Counted, for the report: the typical order (known client, known service,
    # tomorrow morning) plus choosing a Lulu.
    assert counted.taps == 16, counted.taps

    newest = comptoir.orders.list(limit=1)[0]
    assert newest.id != earlier.id and newest.client_id == earlier.client_id
    assert newest.channel is Channel.COUNTER and newest.estimated_units == 1
    assert newest.status is OrderStatus.ASSIGNED and newest.lulu_id == lulu_id
    assert [j.kind for j in comptoir.print_jobs.for_order(newest.id)] == ["order_ticket"]
    assert audited(comptoir, newest.id) == ["order.place", "order.confirmed", "order.assigned"]
    # A clear confirmation with the number; the form is empty for the next resident.
    said = form.confirmation.text()
    assert f"Commande {newest.number} enregistrée" in said and "Karim Benali" in said
    assert form.find_client.text() == "" and form.service is None and form.phone.text == ""
    assert not form.confirm.isEnabled()
    kiosk.tap_named("Ouvrir cette commande")
    detail = kiosk.window.counter.detail
    assert detail.isVisible() and detail.order is not None and detail.order.id == newest.id


def test_a_new_client_typed_in_without_a_lulu(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    log_in(kiosk)
    kiosk.tap_named("Nouvelle commande")
    form = kiosk.window.counter.order_form
    kiosk.fill(form.find_client, "0699887766")
    assert form.clients.item(0).text() == "+ Nouveau client"
    # Enter on a physical keyboard takes the first match: here, a new client.
    kiosk.qtbot.keyClick(form.find_client, Qt.Key.Key_Return)
    assert form.phone.text == "0699887766" and form.client is None
    kiosk.fill(form.name.editor, "Rose Martin")
    kiosk.fill(form.street.editor, "3 rue du Prevot")
    kiosk.fill(form.postcode.editor, "75004")
    kiosk.fill(form.find_service, "rideau")
    kiosk.qtbot.keyClick(form.find_service, Qt.Key.Key_Return)
    assert form.service is not None and form.service.code == "raccourcir-rideaux"
    kiosk.tap(form.picker.day_buttons[1])
    kiosk.tap(form.picker.window_buttons[2])
    assert not form.confirm.isEnabled()  # no consent yet
    kiosk.tap(form.consent)
    kiosk.tap_named(CONFIRM)
    order = comptoir.orders.list(limit=1)[0]
    client = comptoir.clients.get(order.client_id)
    assert client.name == "Rose Martin" and client.phone_display == "06 99 88 77 66"
    assert client.consent_at is not None and client.address.street == "3 rue du Prevot"
    assert order.status is OrderStatus.REQUESTED and order.lulu_id is None
    assert [j.kind for j in comptoir.print_jobs.for_order(order.id)] == ["order_ticket"]
    assert f"Commande {order.number} enregistrée" in form.confirmation.text()


def test_with_the_counters_physical_keyboard_enter_and_tab_follow_the_flow(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    place_order(comptoir)
    log_in(kiosk)
    counted = Counted(kiosk)
    keys = 0

    def press(text: str = "", key: Qt.Key | None = None) -> None:
        nonlocal keys
        focused = QApplication.focusWidget()
        assert focused is not None
        if text:
            kiosk.qtbot.keyClicks(focused, text)
            keys += len(text)
        if key is not None:
            kiosk.qtbot.keyClick(focused, key)
            keys += 1
        kiosk.window.tasks.settle()

    kiosk.tap_named("Nouvelle commande")
    form = kiosk.window.counter.order_form
    kiosk.tap(form.find_client)
    press("0611", Qt.Key.Key_Return)
    assert form.client is not None and form.client.name == "Odette Vidal"
    assert QApplication.focusWidget() is form.find_service  # the next step's field
    press("rideau", Qt.Key.Key_Return)
    assert form.service is not None
    assert QApplication.focusWidget() is form.description.editor
    press("Deux rideaux", Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.lulus
    kiosk.tap(form.picker.day_buttons[1])  # tomorrow
    kiosk.tap(form.picker.window_buttons[0])
    kiosk.tap(form.confirm)
    order = comptoir.orders.list(limit=1)[0]
    assert order.description == "Deux rideaux" and order.channel is Channel.COUNTER
    # Counted, for the report: taps on the screen and keys on the keyboard.
    assert (counted.taps, keys) == (5, 25)  # 0611⏎ rideau⏎ "Deux rideaux"⇥
    # Tab from the first field walks the client's fields in reading order.
    kiosk.tap(form.find_client)
    walked = []
    for _ in range(6):
        press(key=Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == [
        form.clients,
        form.phone.editor,
        form.name.editor,
        form.street.editor,
        form.postcode.editor,
        form.access.editor,
    ]


def test_bad_input_is_said_beside_the_field_and_nothing_is_written(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    log_in(kiosk)
    kiosk.tap_named("Nouvelle commande")
    form = kiosk.window.counter.order_form
    kiosk.fill(form.phone.editor, "0612")
    kiosk.fill(form.postcode.editor, "7")
    assert form.phone.message.isVisible() and form.phone.message.text()
    assert form.postcode.message.isVisible() and form.postcode.message.text()
    assert not form.name.message.isVisible()  # untouched: nothing said yet
    assert not form.confirm.isEnabled()
    assert comptoir.orders.list(limit=1) == []


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    typed=st.one_of(
        st.text(max_size=60),
        st.just("'; DROP TABLE orders; --"),
        st.just("🧹" * 500),
        st.text(min_size=5000, max_size=6000),
    )
)
def test_anything_typed_anywhere_is_refused_in_words_or_placed_whole(
    kiosk: Resident, comptoir: Comptoir, attendants: None, typed: str
) -> None:
    counter = kiosk.window.counter
    if counter.attendant is None:
        log_in(kiosk)
    counter.show_section("new_order")
    form = counter.order_form
    before = len(comptoir.orders.list(limit=1000))
    form.find_client.setText(typed)
    form._take_first(form.clients)  # a new client, or whoever matched
    form.find_service.setText(typed)
    form.find_service.setText("rideau")
    form._take_first(form.services)
    for field in (form.name, form.street, form.access, form.description):
        field.set_text(typed)
    form.postcode.set_text("75004")
    form.phone.set_text("0611223344")
    form.consent.setChecked(True)
    form.picker.day_buttons[1].click()
    form.picker.window_buttons[0].click()
    if form.confirm.isEnabled():
        form.confirm.click()
        kiosk.window.tasks.settle()
        assert len(comptoir.orders.list(limit=1000)) == before + 1
        assert form.confirmation.text()
    else:
        refused = [f for f in (form.name, form.street, form.access, form.description)]
        assert any(not f.is_valid for f in refused)
        assert len(comptoir.orders.list(limit=1000)) == before


def test_the_invoice_is_printed_from_the_detail_as_a_real_pdf(
    kiosk: Resident, comptoir: Comptoir, attendants: None, tmp_path: Path
) -> None:
    order = place_order(comptoir)
    lulu_id = onboarding_lulu(comptoir, "Karim Benali", "bricolage")
    comptoir.orders.confirm(order.id, attendant_id=None)
    comptoir.orders.assign(order.id, lulu_id, attendant_id=None)
    comptoir.orders.mark_done(order.id, 60, attendant_id=None)
    comptoir.payments.record(order.id, PaymentMethod.CARD, 15_00, attendant_id=None)
    (invoice,) = comptoir.invoices.for_order(order.id)
    log_in(kiosk)
    counter = kiosk.window.counter
    counter.open_order(comptoir.orders.get(order.id))
    detail = counter.detail
    assert detail.invoice_shown.text() == f"Facture {invoice.number}"
    counter.scroll_to(detail.print_invoice)
    kiosk.tap_named("Imprimer la facture")
    jobs = [j for j in comptoir.print_jobs.for_order(order.id) if j.kind == "invoice"]
    assert len(jobs) == 1 and jobs[0].status.value == "queued"
    assert audited(comptoir, invoice.id) == ["invoice.print"]
    # The print worker (on its own thread in the kiosk) lays it out in the data folder.
    data_dir = comptoir.store.path.parent
    worker = PrintWorker(
        comptoir,
        connection=None,
        profile=profile_for("80", "cp858"),
        tickets_dir=data_dir / "tickets",
    )
    worker.run_once()
    pdf = invoice_file(data_dir, invoice.number)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert invoice.number in text and "15,00 €" in text
    assert comptoir.print_jobs.get(jobs[0].id).status.value == "printed"
    # Shown again: where the PDF is, and the button now reprints.
    counter.open_order(comptoir.orders.get(order.id))
    assert detail.invoice_shown.text() == f"Facture {invoice.number}. Enregistrée : {pdf}"
    counter.scroll_to(detail.print_invoice)
    kiosk.tap_named("Réimprimer la facture")
    assert len([j for j in comptoir.print_jobs.for_order(order.id) if j.kind == "invoice"]) == 2
