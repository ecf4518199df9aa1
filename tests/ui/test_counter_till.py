"""The till at the counter, driven through its widgets after a PIN login: opened with a
float typed on its pad, followed through the day's payments, closed by counting; a
difference above the threshold needs a manager's PIN. The store, the audit log and the
closing report's ESC/POS bytes are checked after each step."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from kiosk_app.comptoir import Comptoir
from kiosk_app.store.models import Attendant
from kiosk_app.views.orders import OrderView
from printing.escpos import render
from printing.profiles import profile_for
from printing.sources import ticket_for
from sync.protocol import PaymentMethod
from tests.printing.escpos_reader import read
from ui.attendant.till import TillPage

from .counter_support import log_in, place_order
from .support import Resident
from .till_steps import audit_actions, person, till_page, type_on_pad

CASH, CARD, CHEQUE, CESU, TRANSFER = PaymentMethod


def done_order(comptoir: Comptoir, hour: int) -> OrderView:
    """A curtain hung in 55 minutes: 3 units, 15 € due."""
    order = place_order(comptoir, hour=hour)
    name = {10: "Inès Moreau", 13: "Karim Benali"}[hour]
    lulu = comptoir.lulus.register_application(
        name, f"07 81 22 33 {hour:02d}", ["bricolage"], "Le matin"
    )
    comptoir.orders.confirm(order.id, attendant_id=None)
    comptoir.orders.assign(order.id, lulu, attendant_id=None)
    return comptoir.orders.mark_done(order.id, 55, attendant_id=None)


def count(kiosk: Resident, page: TillPage, method: PaymentMethod, text: str) -> None:
    """Tap the method's line, erase what it holds, type the amount counted."""
    field = page.close_form.rows[method].field
    kiosk.tap(field)
    for _ in field.text():
        kiosk.tap(page.pad.erase)
    type_on_pad(kiosk, page, text)


def close_till(kiosk: Resident) -> None:
    """ "Clôturer la caisse", then "Oui" to the question it asks."""
    kiosk.tap_named("Clôturer la caisse et imprimer le Z")
    assert kiosk.window.counter.till.close_form.confirmation.isVisible()
    kiosk.tap_named("Oui, clôturer la caisse")


def till_jobs(comptoir: Comptoir) -> list[Any]:
    return [job for job in comptoir.print_jobs.queued(limit=100) if job.kind == "till_report"]


def printed_z(comptoir: Comptoir, job_id: uuid.UUID) -> str:
    """The Z as the printer receives it (ESC/POS, CP858), read back as text."""
    ticket = ticket_for(comptoir, "till_report", None, job_id=job_id)
    return read(render(ticket, profile_for("80", "cp858"))).text


def failed_pins(comptoir: Comptoir, attendant_id: uuid.UUID) -> int:
    with comptoir.store.read() as session:
        return int(
            session.scalar(select(Attendant.failed_attempts).where(Attendant.id == attendant_id))
            or 0
        )


def test_open_with_a_float_follow_the_payments_and_close_without_difference(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    camille = person(comptoir, "Camille")
    log_in(kiosk)
    page = till_page(kiosk)
    assert page.title.text() == "La caisse est fermée"
    assert not page.open_button.isEnabled()  # no float typed yet
    type_on_pad(kiosk, page, "150,00")
    assert page.float_field.text() == "150,00"
    kiosk.tap_named("Ouvrir la caisse")
    session = comptoir.till.current()
    assert session is not None and session.float_cents == 150_00
    assert session.opened_by == "Camille"
    assert page.title.text() == "La caisse est ouverte"
    assert "Ouverte par Camille" in page.status.text()
    assert "150\u00a0€" in page.status.text()
    assert page.note.text() == "La caisse est ouverte avec un fond de 150\u00a0€."

    # The day's payments, taken at the counter while the till is open.
    first, second = done_order(comptoir, 10), done_order(comptoir, 13)
    comptoir.payments.record(first.id, CASH, 15_00, attendant_id=camille.id)
    comptoir.payments.record(second.id, CARD, 10_00, attendant_id=camille.id)
    comptoir.payments.record(second.id, CESU, 5_00, attendant_id=camille.id)
    kiosk.tap(kiosk.window.counter.nav["queue"])
    page = till_page(kiosk)  # shown again: the figures are read afresh
    rows = page.close_form.rows
    assert rows[CASH].name.text() == "Espèces (1)"
    assert rows[CASH].expected.text() == "165\u00a0€"  # the float and the cash taken
    assert rows[CARD].expected.text() == "10\u00a0€"
    assert rows[CESU].expected.text() == "5\u00a0€"
    # Nothing expected, nothing to type: those lines start at 0.
    assert rows[CHEQUE].field.text() == "0" and rows[TRANSFER].field.text() == "0"
    assert rows[CASH].field.text() == ""

    count(kiosk, page, CASH, "165")
    count(kiosk, page, CARD, "10,00")
    count(kiosk, page, CESU, "5")
    assert [row.difference.text() for row in rows.values()] == ["0\u00a0€"] * 5
    assert page.close_form.total_counted.text() == "180\u00a0€"
    assert not page.close_form.manager_box.isVisible()
    close_till(kiosk)

    # The store: the session closed by Camille, with its counts and no approver.
    assert comptoir.till.current() is None
    closed = comptoir.till.get(session.number)
    assert closed.closed_by == "Camille" and closed.approved_by is None
    assert {line.method: (line.expected_cents, line.counted_cents) for line in closed.lines} == {
        CASH: (165_00, 165_00),
        CARD: (10_00, 10_00),
        CHEQUE: (0, 0),
        CESU: (5_00, 5_00),
        TRANSFER: (0, 0),
    }
    assert [(a, who) for a, who, _ in audit_actions(comptoir)] == [
        ("till.open", camille.id),
        ("till.close", camille.id),
    ]
    # The Z: queued for the printer, shown on the screen, and its bytes say the figures.
    (job,) = till_jobs(comptoir)
    assert page.note.text() == "La caisse est clôturée. Le rapport Z-0001 part à l’imprimante."
    assert page.title.text() == "La caisse est fermée"
    assert page.closings.history.item(0).text().startswith("Z-0001 · ")
    report = page.closings.report.text()
    assert "Espèces : attendu 165\u00a0€, compté 165\u00a0€, écart 0\u00a0€" in report
    z = printed_z(comptoir, job.id)
    assert "CLÔTURE DE CAISSE" in z and "Z-0001" in z
    assert "Fond de caisse" in z and "150,00 €" in z
    assert "Attendu" in z and "165,00 €" in z and "Compté" in z
    assert "Total compté" in z and "180,00 €" in z

    # A past closing printed again: a new print job, said on the screen.
    kiosk.tap_named("Réimprimer ce rapport")
    assert len(till_jobs(comptoir)) == 2
    assert page.note.text() == "Le rapport Z-0001 repart à l’imprimante."


def test_the_open_till_follows_the_payments_by_itself(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    camille = person(comptoir, "Camille")
    comptoir.till.open(20_00, camille.id)
    order = done_order(comptoir, 10)
    log_in(kiosk)
    page = till_page(kiosk)
    rows = page.close_form.rows
    count(kiosk, page, CASH, "35")
    assert rows[CASH].expected.text() == "20\u00a0€"
    assert rows[CASH].difference.text() == "+15\u00a0€"
    page.timer.setInterval(50)  # every 5 seconds at the counter
    # A payment taken at the counter (the order's detail, or another screen).
    assert rows[CHEQUE].field.text() == "0"  # nothing expected yet
    comptoir.payments.record(order.id, CASH, 10_00, attendant_id=camille.id)
    comptoir.payments.record(order.id, CHEQUE, 5_00, attendant_id=camille.id)
    kiosk.qtbot.waitUntil(lambda: rows[CASH].expected.text() == "30\u00a0€", timeout=3000)
    assert rows[CASH].name.text() == "Espèces (1)"
    assert rows[CASH].field.text() == "35"  # what was counted stays
    assert rows[CASH].difference.text() == "+5\u00a0€"
    # The 0 shown for cheques was no count: a cheque came in, the line waits for one.
    assert rows[CHEQUE].expected.text() == "5\u00a0€" and rows[CHEQUE].field.text() == ""
    assert rows[CHEQUE].difference.text() == "—"
    assert not page.close_form.manager_box.isVisible()
    kiosk.tap(kiosk.window.counter.nav["queue"])  # hidden: no more reading
    assert not page.timer.isActive()


def test_a_difference_above_the_threshold_needs_a_manager_pin(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    camille, karim = person(comptoir, "Camille"), person(comptoir, "Karim")
    comptoir.till.open(100_00, camille.id)
    order = done_order(comptoir, 10)
    comptoir.payments.record(order.id, CASH, 15_00, attendant_id=camille.id)
    log_in(kiosk)
    page = till_page(kiosk)
    form = page.close_form
    count(kiosk, page, CASH, "103")  # 12 € short of the 115 € expected
    assert form.rows[CASH].difference.text() == "−12\u00a0€"
    assert form.total_difference.text() == "−12\u00a0€"
    assert form.manager_box.isVisible()
    assert form.manager_text.text() == (
        "L’écart dépasse 5\u00a0€ : un responsable doit le valider avec son code."
    )

    # Camille alone: refused, in words, and nothing is written.
    close_till(kiosk)
    assert form.manager_error.text().startswith("Avec cet écart, la clôture demande un responsable")
    session = comptoir.till.current()
    assert session is not None and session.is_open
    assert till_jobs(comptoir) == []

    # Karim with a wrong PIN: refused, counted toward his lockout, the field emptied.
    kiosk.tap(form.manager_buttons[karim.id])
    type_on_pad(kiosk, page, "1111")
    assert form.pin.text() == "1111" and form.pin.echoMode() == form.pin.EchoMode.Password
    assert not page.pad.keys[","].isEnabled()  # a PIN has no comma
    close_till(kiosk)
    assert form.manager_error.text() == "Code incorrect."
    assert form.pin.text() == ""
    assert failed_pins(comptoir, karim.id) == 1
    assert comptoir.till.current() is not None and till_jobs(comptoir) == []

    # Karim's PIN: closed with the difference, Karim recorded as its approver.
    type_on_pad(kiosk, page, "2468")
    close_till(kiosk)
    assert form.pin.text() == ""
    assert comptoir.till.current() is None
    closed = comptoir.till.get(session.number)
    assert closed.approved_by == "Karim" and closed.closed_by == "Camille"
    assert closed.line(CASH).counted_cents == 103_00 and closed.line(CASH).expected_cents == 115_00
    assert failed_pins(comptoir, karim.id) == 0
    assert "Écart validé par Karim." in page.closings.report.text()
    (job,) = till_jobs(comptoir)
    z = printed_z(comptoir, job.id)
    assert "115,00 €" in z and "103,00 €" in z and "-12,00 €" in z
    assert "Écart validé par :" in z and "Karim" in z
    # No PIN anywhere in the audit log, nor left in a widget.
    assert not any(
        "2468" in details or "1111" in details for *_, details in audit_actions(comptoir)
    )
    assert all("2468" not in field.text() for field in page.findChildren(type(form.pin)))


def test_five_wrong_manager_pins_lock_the_manager_out(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    camille, karim = person(comptoir, "Camille"), person(comptoir, "Karim")
    comptoir.till.open(50_00, camille.id)
    log_in(kiosk)
    page = till_page(kiosk)
    form = page.close_form
    count(kiosk, page, CASH, "40")
    kiosk.tap(form.manager_buttons[karim.id])
    for _ in range(5):
        type_on_pad(kiosk, page, "9999")
        close_till(kiosk)
    type_on_pad(kiosk, page, "2468")  # the right one, too late
    close_till(kiosk)
    assert form.manager_error.text() == "Trop d’essais : réessayez dans quelques minutes."
    assert comptoir.till.current() is not None
    assert till_jobs(comptoir) == []


def test_a_manager_cannot_accept_their_own_difference(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    karim = person(comptoir, "Karim")
    comptoir.till.open(50_00, karim.id)
    log_in(kiosk, "Karim", "2468")
    page = till_page(kiosk)
    form = page.close_form
    count(kiosk, page, CASH, "20")
    assert form.manager_box.isVisible() and form.manager_buttons == {}
    assert "Aucun autre responsable" in form.manager_text.text()
    close_till(kiosk)
    assert comptoir.till.current() is not None


def test_locking_the_counter_forgets_the_counts_and_the_pin(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    camille, karim = person(comptoir, "Camille"), person(comptoir, "Karim")
    comptoir.till.open(50_00, camille.id)
    log_in(kiosk)
    page = till_page(kiosk)
    form = page.close_form
    count(kiosk, page, CASH, "12,5")
    kiosk.tap(form.manager_buttons[karim.id])
    type_on_pad(kiosk, page, "24")
    kiosk.tap(kiosk.window.counter.lock)
    assert form.pin.text() == "" and form.rows[CASH].field.text() == ""
    assert form.manager_id is None and page.session is None
    assert kiosk.window.current_screen is kiosk.window.welcome
