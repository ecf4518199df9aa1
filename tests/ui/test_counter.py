"""The attendant's counter, driven through its widgets after a PIN login: the queue,
an order's detail and its steps, with what the store holds checked after each."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from kiosk_app.comptoir import Comptoir
from kiosk_app.store.models import AuditEntry
from sync.protocol import Channel, OrderStatus, PaymentMethod
from ui import theme
from ui.attendant.queue_model import COLUMNS

from .conftest import MakeKiosk
from .counter_support import log_in, place_order
from .support import Resident


def row_numbers(kiosk: Resident) -> list[str]:
    model = kiosk.window.counter.queue.model
    return [model.order_at(row).number for row in range(model.rowCount())]


def open_row(kiosk: Resident, number: str) -> None:
    view = kiosk.window.counter.queue.view
    row = row_numbers(kiosk).index(number)
    rect = view.visualRect(view.model().index(row, 0))
    kiosk.tap(view.viewport(), rect.center())
    kiosk.qtbot.waitUntil(lambda: kiosk.window.counter.detail.isVisible(), timeout=2000)


def tap_below(kiosk: Resident, name: str) -> None:
    """Scroll the order's detail down to a control, then tap it."""
    widget = next(
        w for w in kiosk.window.counter.detail.findChildren(QWidget) if w.accessibleName() == name
    )
    kiosk.window.counter.scroll_to(widget)
    kiosk.tap(widget)


def test_an_order_goes_from_requested_to_paid_at_the_counter(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    order = place_order(comptoir)
    lulu_id = comptoir.lulus.register_application(
        "Karim Benali", "07 81 22 33 44", ["bricolage"], "Le matin"
    )
    log_in(kiosk)
    counter = kiosk.window.counter
    assert "Au comptoir : Camille" in kiosk.screen_text()
    assert row_numbers(kiosk) == [order.number]
    assert counter.queue.status_buttons[OrderStatus.REQUESTED].text() == "Demandée\n1"
    open_row(kiosk, order.number)
    detail = counter.detail
    assert detail.heading.text() == f"Commande {order.number} : Demandée"
    assert "Client : Odette Vidal, 06 11 22 33 44" in detail.summary.text()
    # Only what the lifecycle allows from "requested": confirm or cancel.
    assert detail.confirm.isVisible() and detail.cancel_box.isVisible()
    assert not detail.assign_box.isVisible() and not detail.done_box.isVisible()
    assert not detail.withdraw.isVisible()

    kiosk.tap_named("Confirmer la commande")
    assert comptoir.orders.get(order.id).status is OrderStatus.CONFIRMED
    assert detail.heading.text() == f"Commande {order.number} : Confirmée"
    assert not detail.confirm.isVisible() and detail.assign_box.isVisible()
    assert not kiosk.find("Attribuer ce Lulu").isEnabled()  # nobody chosen yet
    detail.lulus.setCurrentRow(0)
    assert "Karim Benali" in detail.lulus.item(0).text()
    assert "a le savoir-faire" in detail.lulus.item(0).text()
    assert "en formation" in detail.lulus.item(0).text()
    kiosk.tap_named("Attribuer ce Lulu")
    assigned = comptoir.orders.get(order.id)
    assert assigned.status is OrderStatus.ASSIGNED and assigned.lulu_id == lulu_id
    assert "Lulu : Karim Benali" in detail.summary.text()
    assert detail.withdraw.isVisible() and detail.done_box.isVisible()

    kiosk.fill(detail.minutes.editor, "55")
    kiosk.tap_named("Marquer réalisée")
    done = comptoir.orders.get(order.id)
    assert done.status is OrderStatus.DONE and done.actual_units == 3  # 55 min → 3 × 20
    assert not detail.assign_box.isVisible() and not detail.cancel_box.isVisible()
    assert detail.amount.text == "15"  # what is still due, ready to take
    assert "Reste dû : 15\u00a0€" in detail.money_shown.text()

    kiosk.tap_named("Espèces")
    kiosk.tap(detail.amount.editor)
    kiosk.erase(2)
    kiosk.type("10")
    tap_below(kiosk, "Enregistrer le paiement")
    assert comptoir.payments.balance_due(order.id) == 5_00
    assert comptoir.orders.get(order.id).status is OrderStatus.DONE
    kiosk.tap_named("Carte")
    tap_below(kiosk, "Enregistrer le paiement")  # the 5 € left, prefilled
    paid = comptoir.orders.get(order.id)
    assert paid.status is OrderStatus.PAID
    methods = [(p.method, p.amount_cents) for p in comptoir.payments.for_order(order.id)]
    assert methods == [(PaymentMethod.CASH, 10_00), (PaymentMethod.CARD, 5_00)]
    assert detail.heading.text() == f"Commande {order.number} : Réglée"
    assert not detail.pay_box.isVisible() and not detail.done_box.isVisible()

    # Every step was the logged-in attendant's, in the audit log.
    camille = next(a for a in comptoir.attendants.list() if a.name == "Camille")
    with comptoir.store.read() as session:
        entries = session.execute(
            select(AuditEntry.action, AuditEntry.attendant_id).where(
                AuditEntry.entity_id == str(order.id)
            )
        ).all()
    actions = [action for action, who in entries if who == camille.id]
    assert actions[:4] == ["order.confirmed", "order.assigned", "order.done", "payment.payment"]
    assert "order.paid" in actions and len(actions) == len(entries)

    kiosk.tap_named("Retour à la file")
    assert counter.queue.model.data(counter.queue.model.index(0, 3)) == "Réglée"
    assert counter.queue.status_buttons[OrderStatus.PAID].text() == "Réglée\n1"


def test_a_withdrawn_lulu_and_a_cancellation_with_its_reason(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    order = place_order(comptoir)
    comptoir.lulus.register_application("Inès Moreau", "07 44 55 66 77", ["menage"], "Soir")
    log_in(kiosk)
    open_row(kiosk, order.number)
    detail = kiosk.window.counter.detail
    kiosk.tap_named("Confirmer la commande")
    detail.lulus.setCurrentRow(0)
    assert "a le savoir-faire" not in detail.lulus.item(0).text()
    kiosk.tap_named("Attribuer ce Lulu")
    kiosk.tap_named("Retirer le Lulu")
    withdrawn = comptoir.orders.get(order.id)
    assert withdrawn.status is OrderStatus.CONFIRMED and withdrawn.lulu_id is None
    assert not detail.cancel.isEnabled()  # no reason, no cancelling
    kiosk.fill(detail.reason.editor, "Client hospitalise")
    tap_below(kiosk, "Annuler la commande")
    # Asked before: nothing is cancelled until "Oui".
    assert comptoir.orders.get(order.id).status is OrderStatus.CONFIRMED
    assert detail.cancel_confirmation.question.text() == (
        "Annuler définitivement cette commande ? Une commande annulée ne peut pas être rouverte."
    )
    tap_below(kiosk, "Oui, annuler la commande")
    cancelled = comptoir.orders.get(order.id)
    assert cancelled.status is OrderStatus.CANCELLED
    assert cancelled.cancel_reason == "Client hospitalise"
    # Cancelled is final: nothing left to do but print.
    for box in (detail.assign_box, detail.done_box, detail.pay_box, detail.cancel_box):
        assert not box.isVisible()
    assert not detail.confirm.isVisible() and not detail.withdraw.isVisible()
    assert "Motif : Client hospitalise" in detail.summary.text()


def test_the_core_refusals_show_beside_their_field(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    order = place_order(comptoir)
    log_in(kiosk)
    open_row(kiosk, order.number)
    detail = kiosk.window.counter.detail
    kiosk.tap_named("Espèces")
    detail.amount.set_text("150")  # paid ahead, but above the estimate: a typo of 15 €
    tap_below(kiosk, "Enregistrer le paiement")
    assert detail.amount.message.text() == "C’est plus que le montant restant dû."
    assert comptoir.payments.for_order(order.id) == []
    detail.amount.set_text("15,5O")
    assert detail.amount.message.text() == "Montant invalide."
    assert not detail.pay.isEnabled()
    # The order moved elsewhere meanwhile (another counter): the step is refused in words.
    comptoir.orders.cancel(order.id, "Doublon", attendant_id=None)
    kiosk.tap_named("Confirmer la commande")
    assert detail.error.text() == "Cette étape n’est pas possible pour cette commande."
    assert comptoir.orders.get(order.id).status is OrderStatus.CANCELLED


def test_reprinting_queues_a_new_ticket(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    order = place_order(comptoir)
    before = len(comptoir.print_jobs.for_order(order.id))
    log_in(kiosk)
    open_row(kiosk, order.number)
    tap_below(kiosk, "Réimprimer le ticket")
    jobs = comptoir.print_jobs.for_order(order.id)
    assert len(jobs) == before + 1 and jobs[-1].kind == "order_ticket"
    assert "Le ticket part à l’imprimante." in kiosk.screen_text()


def test_the_queue_filters_by_status_day_and_channel(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    today = place_order(comptoir, hour=14)
    counter_order = place_order(comptoir, hour=15, channel=Channel.COUNTER)
    tomorrow = place_order(comptoir, day=27, hour=10)
    comptoir.orders.confirm(counter_order.id, attendant_id=None)
    log_in(kiosk)
    queue = kiosk.window.counter.queue
    assert sorted(row_numbers(kiosk)) == sorted([today.number, counter_order.number])
    assert queue.day_shown.text() == "jeudi 26 novembre"
    kiosk.tap_named("Confirmée 1")
    assert row_numbers(kiosk) == [counter_order.number]
    kiosk.tap_named("Confirmée 1")  # off again: every status
    kiosk.tap_named("Kiosque")
    assert row_numbers(kiosk) == [today.number]
    assert queue.status_buttons[OrderStatus.CONFIRMED].text() == "Confirmée\n0"
    kiosk.tap_named("Jour suivant")
    assert queue.day_shown.text() == "vendredi 27 novembre"
    assert row_numbers(kiosk) == [tomorrow.number]
    kiosk.tap_named("Tous les canaux")
    kiosk.tap(queue.all_days)
    assert len(row_numbers(kiosk)) == 3
    kiosk.tap_named("Jour précédent")  # from every day: the day before today
    assert queue.day_shown.text() == "mercredi 25 novembre"
    assert row_numbers(kiosk) == []
    assert "Aucune commande ne correspond." in kiosk.screen_text()
    kiosk.tap_named("Aujourd’hui")
    assert len(row_numbers(kiosk)) == 2


def test_new_orders_appear_in_the_queue_by_themselves(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    first = place_order(comptoir)
    log_in(kiosk)
    queue = kiosk.window.counter.queue
    second = place_order(comptoir, hour=16)  # from the touchscreen, meanwhile
    kiosk.qtbot.waitUntil(lambda: len(row_numbers(kiosk)) == 2, timeout=5000)
    assert row_numbers(kiosk) == [second.number, first.number]
    assert queue.status_buttons[OrderStatus.REQUESTED].text() == "Demandée\n2"


def test_the_queue_reads_a_page_at_a_time(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    for index in range(130):
        place_order(
            comptoir, hour=10 + index % 12, phone=f"06 11 22 {index // 100:02d} {index % 100:02d}"
        )
    log_in(kiosk)
    queue = kiosk.window.counter.queue
    assert queue.model.rowCount() == 100
    assert queue.status_buttons[OrderStatus.REQUESTED].text() == "Demandée\n130"
    queue.view.scrollToBottom()
    kiosk.qtbot.waitUntil(lambda: queue.model.rowCount() == 130, timeout=2000)
    assert not queue.model.canFetchMore()


def test_the_counter_locks_itself_after_twice_the_residents_idle_time(
    make_kiosk: MakeKiosk, comptoir: Comptoir, attendants: None
) -> None:
    place_order(comptoir)
    kiosk = make_kiosk(idle_ms=1500, countdown_s=1, lock_warning_s=1)
    window = kiosk.window
    log_in(kiosk)
    kiosk.tap(window.counter.title)  # a last touch, then nothing
    kiosk.qtbot.wait(1700)  # past the residents' idle time: no countdown at the counter
    assert window.current_screen is window.counter and not window.overlay.isVisible()
    kiosk.qtbot.waitUntil(lambda: window.current_screen is window.welcome, timeout=3000)
    assert window.attendant is None
    assert window.counter.queue.model.rowCount() == 0 and not window.counter.queue.poll.isActive()
    assert "Camille" not in window.counter.title.text()


def test_locking_forgets_the_order_shown(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    order = place_order(comptoir)
    log_in(kiosk)
    open_row(kiosk, order.number)
    kiosk.fill(kiosk.window.counter.detail.reason.editor, "Erreur")
    kiosk.tap_named("Verrouiller")
    window = kiosk.window
    assert window.current_screen is window.welcome
    assert window.counter.detail.order is None
    assert window.counter.detail.reason.text == ""
    assert "Odette" not in window.counter.detail.summary.text()


def _on_window(kiosk: Resident, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(kiosk.window, QPoint(0, 0)), widget.size())


def test_a_portrait_counter_shows_its_screens_in_a_band_above_the_page(
    make_kiosk: MakeKiosk, attendants: None
) -> None:
    kiosk = make_kiosk(size=(1080, 1920))
    log_in(kiosk)
    counter = kiosk.window.counter
    queue, clients = counter.nav["queue"], counter.nav["clients"]
    kiosk.qtbot.waitUntil(lambda: queue.y() == clients.y(), timeout=2000)  # laid out
    nav = {name: _on_window(kiosk, button) for name, button in counter.nav.items()}
    # Four screens a row, large: "File d'attente" to "Clients" on the first, "Caisse" under.
    assert nav["queue"].top() == nav["new_order"].top() == nav["clients"].top()
    assert nav["queue"].left() < nav["new_order"].left() < nav["clients"].left()
    assert nav["till"].top() > nav["queue"].bottom()
    target = theme.current().px("target_px")
    assert all(rect.height() >= target for rect in nav.values())
    # Who is logged in and "Verrouiller" above them, the page below with the whole width.
    lock = _on_window(kiosk, counter.lock)
    assert lock.bottom() < nav["clients"].top() and lock.right() >= nav["clients"].right() - 2
    page = _on_window(kiosk, counter.pages)
    assert page.top() > nav["till"].bottom()
    assert page.width() >= 0.9 * kiosk.window.width()
    assert "Au comptoir : Camille" in kiosk.screen_text()

    # Turned to landscape: the column on the left again, the page beside it.
    kiosk.window.resize(1280, 800)
    kiosk.qtbot.waitUntil(
        lambda: (
            queue.x() == clients.x()
            and clients.y() > queue.y() + queue.height()
            and counter.pages.x() > queue.x() + queue.width()
        ),  # the page laid out beside
        timeout=2000,
    )
    column = {name: _on_window(kiosk, counter.nav[name]) for name in ("queue", "clients")}
    assert column["clients"].top() > column["queue"].bottom()
    assert _on_window(kiosk, counter.pages).left() > column["queue"].right()
    assert _on_window(kiosk, counter.lock).top() > column["clients"].bottom()


def test_on_a_wide_counter_every_slot_reads_on_one_line_beside_a_wide_service(
    make_kiosk: MakeKiosk, comptoir: Comptoir, attendants: None
) -> None:
    for day in (26, 27, 28):
        place_order(comptoir, day=day, hour=15)
    kiosk = make_kiosk(size=(1920, 1080))
    log_in(kiosk)
    queue = kiosk.window.counter.queue
    kiosk.tap(queue.all_days)  # every day: the slots with their dates
    view, model = queue.view, queue.model
    metrics = view.fontMetrics()
    width = {name: view.columnWidth(COLUMNS.index(name)) for name in COLUMNS}
    for row in range(model.rowCount()):
        for name in ("number", "slot", "status", "channel"):
            text = model.data(model.index(row, COLUMNS.index(name)))
            # "vendredi 27 novembre à 16 h" whole on the row's one line, not cut in two.
            assert metrics.horizontalAdvance(text) <= width[name] - 2, (name, text)
    # The service takes what the others leave, and they leave it the most.
    assert width["service"] > max(w for name, w in width.items() if name != "service")
    assert width["slot"] < view.viewport().width() / 3
