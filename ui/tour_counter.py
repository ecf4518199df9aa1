"""The tour's part at the counter (ui/tour.py walks it): the attendant's PIN, the queue,
an order's detail (payment, edit, assignment, invoice, refund), a new order, the
printer's troubles, the month, the till opened and closed, the Lulus, the clients, and
the residents' calls for help as the counter sees them."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QApplication

from kiosk_app.domain.kinds import OnboardingStage
from kiosk_app.views.orders import is_editable
from sync.protocol import EDITABLE_STATUSES, FINAL_STATUSES, OrderStatus, PaymentMethod

from .attendant.amounts import cents_to_typed
from .tour_setup import type_text, unfocus
from .tour_steps import Action, TourData, TourSteps
from .window import KioskWindow


def _till_payments(w: KioskWindow, data: TourData) -> None:
    """A few payments taken while the till is open: part of what the oldest orders done
    still owe, so that no order changes status and the other screens look the same in
    every language and size (never the tour's own order)."""
    comptoir = w.context.comptoir
    done = comptoir.orders.list(statuses=frozenset({OrderStatus.DONE}), limit=200)
    methods = (PaymentMethod.CASH, PaymentMethod.CARD, PaymentMethod.CASH, PaymentMethod.CESU)
    payable = [o for o in reversed(done) if o.number != data.number]
    for order, method in zip(payable, methods, strict=False):
        part = comptoir.payments.balance_due(order.id) // 200 * 100  # half, in whole euros
        if part > 0:
            comptoir.payments.record(order.id, method, part, attendant_id=None)


def _type_pin(w: KioskWindow, digits: str) -> None:
    """The PIN pad opened, the demo's first attendant chosen and `digits` typed."""
    w._open_pin_pad()
    next(iter(w.pin_pad.people.values())).click()
    for digit in digits:
        w.pin_pad.keys[digit].click()


def counter_steps(w: KioskWindow, data: TourData, *, settle: Action) -> TourSteps:
    """From the PIN pad to a client's erasure, logged in as the demo's first attendant."""
    steps = TourSteps()

    @steps.add("pin_pad")
    def _pin() -> None:
        _type_pin(w, "12")

    @steps.add("counter")
    def _counter() -> None:
        for digit in "34":
            w.pin_pad.keys[digit].click()
        w.pin_pad.enter.click()
        settle()

    @steps.add("counter_every_day")
    def _every_day() -> None:
        w.counter.queue.all_days.click()

    @steps.add("counter_order_done")
    def _order_done() -> None:
        w.counter.open_order(w.context.comptoir.orders.by_number(data.number))

    @steps.add("counter_payment")
    def _payment() -> None:
        # A method chosen: the chosen state (green, ✓) beside the others.
        detail = w.counter.detail
        detail.methods[PaymentMethod.CASH].click()
        w.counter.scroll_to(detail.pay)

    @steps.add("counter_order_open")
    def _order_open() -> None:
        # The newest order still moving through its steps (the demo has some): the
        # screen with the most actions on it.
        model = w.counter.queue.model
        rows = [model.order_at(row) for row in range(model.rowCount())]
        moving = [o for o in rows if o.status not in FINAL_STATUSES] or rows
        w.counter.open_order(w.context.comptoir.orders.get(moving[0].id))

    @steps.add("counter_order_edit")
    def _order_edit() -> None:
        # An order still editable, its edit panel open with a new day and time chosen but
        # not saved: the screens after this one show the store as it was.
        detail = w.counter.detail
        if detail.order is None or not is_editable(detail.order.status):
            comptoir = w.context.comptoir
            editable = comptoir.orders.list(statuses=EDITABLE_STATUSES, limit=1)
            if not editable:
                return  # nothing editable in this store: the previous screen stays
            w.counter.open_order(editable[0])
        detail.edit.click()
        detail.editor.picker.day_buttons[2].click()
        detail.editor.picker.window_buttons[1].click()
        # The detail just changed its height: its layout, then its scrolling page, then
        # the layout again at the new size (one event round each) before the shot.
        for _ in range(3):
            QApplication.processEvents()
        w.counter.scroll_to(detail.editor.title)

    @steps.add("counter_assign")
    def _assign() -> None:
        # A confirmed order of the demo, its Lulus ranked with their reasons, and a Lulu
        # in training chosen: the "with their tutor" box shows too.
        comptoir = w.context.comptoir
        ready = comptoir.orders.list(statuses=frozenset({OrderStatus.CONFIRMED}), limit=1)
        if not ready:
            return  # nothing to assign in this store: the previous screen stays
        detail = w.counter.detail
        w.counter.open_order(ready[0])
        lulus = detail.lulus
        paired = [row for row in range(lulus.count()) if lulus.suggestion_at(row).tutor]
        if paired:
            lulus.setCurrentRow(paired[0])
        w.counter.scroll_to(detail.assign_box)

    @steps.add("counter_new_order")
    def _new_order() -> None:
        form = w.counter.order_form
        w.counter.nav["new_order"].click()
        digits = "".join(ch for ch in data.phone if ch.isdigit())
        national = "0" + digits[2:] if digits.startswith("33") else digits
        type_text(form.find_client, national[:8])  # as the attendant types it: "06 12 34 5"
        form._take_first(form.clients)
        type_text(form.find_service, "rideau")
        form._take_first(form.services)
        form.units.plus.click()
        form.lulus.setCurrentRow(form.lulus.count() - 1)
        type_text(form.description.editor, "Deux rideaux au salon")
        form.picker.day_buttons[1].click()
        form.picker.window_buttons[0].click()
        unfocus()
        # The keyboard just went down: let the page take the room back before the shot.
        QApplication.processEvents()
        w.counter.scroll_to(form.find_client)

    @steps.add("counter_invoice")
    def _invoice() -> None:
        # A paid order of the demo, its invoice printed: the detail says where the PDF is.
        comptoir = w.context.comptoir
        paid = comptoir.orders.list(statuses=frozenset({OrderStatus.PAID}), limit=50)
        order = next((o for o in paid if comptoir.invoices.for_order(o.id)), None)
        if order is None:  # a store with no paid order yet (the tests' own)
            return
        w.counter.open_order(order)
        w.counter.detail.print_invoice.click()
        settle()
        w.counter.open_order(comptoir.orders.get(order.id))
        w.counter.scroll_to(w.counter.detail.invoice_shown)

    @steps.add("counter_refund")
    def _refund() -> None:
        # The same paid order, 2 € of a payment given back: the credit note's number and
        # what is still due in the note, the credit note in the money column.
        detail = w.counter.detail
        if detail.order is None or not detail.refunds.payment_buttons:
            return  # no paid order in this store: the previous screen stays
        documents = w.context.comptoir.invoices.for_order(detail.order.id)
        if len(documents) > 1:  # refunded at an earlier size or language: shown as is
            w.counter.scroll_to(detail.refunds)
            return
        next(iter(detail.refunds.payment_buttons.values())).click()
        detail.refunds.amount.set_text("2")
        detail.refunds.refund.click()
        detail.refunds.confirmation.yes.click()
        settle()
        w.counter.scroll_to(detail.refunds)

    @steps.add("counter_print_troubles")
    def _print_troubles() -> None:
        # A ticket cut twice by a printer that dropped the connection: the badge, and the
        # page that says which job, why, and what can be done.
        jobs = w.context.comptoir.print_jobs
        order = w.counter.detail.order
        if order is None:
            return
        if not jobs.troubles():  # once, whatever the size and language
            job_id = jobs.reprint(order.id)
            jobs.mark_interrupted(job_id, "printer.dropped")
            jobs.mark_interrupted(job_id, "printer.dropped")
        w.counter.show_print_troubles()
        QApplication.processEvents()

    @steps.add("counter_month")
    def _month() -> None:
        unfocus()
        w.counter.nav["month"].click()
        settle()

    @steps.add("counter_month_calendar")
    def _month_calendar() -> None:
        w.counter.month.this_month.click()
        settle()

    @steps.add("counter_till_open")
    def _till_open() -> None:
        unfocus()
        till = w.counter.till
        w.counter.nav["till"].click()
        if till.session is None:  # the first language and size open it; the others find it
            for key in "150,00":
                till.pad.keys[key].click()
            till.open_button.click()
            settle()
            _till_payments(w, data)
            till.refresh()

    @steps.add("counter_till_close")
    def _till_close() -> None:
        # Counted as expected except 12 € short in the drawer: above the threshold, so
        # closing asks for a manager's PIN.
        form = w.counter.till.close_form
        for method, row in form.rows.items():
            expected = row.line.expected_cents if row.line is not None else 0
            row.field.tapped.emit()
            row.field.clear()
            short = 12_00 if method is PaymentMethod.CASH else 0
            for key in cents_to_typed(max(expected - short, 0)):
                w.counter.till.pad.keys[key].click()
        form.close_button.click()
        form.confirmation.yes.click()
        settle()
        QApplication.processEvents()  # the manager's box is laid out before scrolling
        w.counter.scroll_to(form.close_button)

    @steps.add("counter_till_closed")
    def _till_closed() -> None:
        # The demo's manager accepts the difference: the Z is printed and shown. (The PIN
        # is typed into a masked field that the closing empties; no screenshot has it.)
        till = w.counter.till
        form = till.close_form
        manager = next(iter(form.manager_buttons.values()), None)
        if manager is None:
            return
        manager.click()
        for key in "2468":
            till.pad.keys[key].click()
        form.close_button.click()
        form.confirmation.yes.click()
        settle()
        QApplication.processEvents()
        w.counter.scroll_to(till.closings.reprint)

    @steps.add("counter_lulus")
    def _lulus() -> None:
        # The onboarded Lulu with the most services done: a profile with its history.
        unfocus()
        w.counter.nav["lulus"].click()
        page, records = w.counter.lulus, w.context.comptoir.lulu_records
        rows = [r for r in page.rows if r.stage is OnboardingStage.ONBOARDED] or page.rows
        if rows:
            busiest = max(rows, key=lambda r: records.totals(r.id).services_done)
            page.show_lulu(busiest.id)

    @steps.add("counter_lulu_candidate")
    def _lulu_candidate() -> None:
        page = w.counter.lulus
        w.counter.nav["lulus"].click()
        page.filters[OnboardingStage.CANDIDATE].click()
        if page.rows:
            page.show_lulu(page.rows[0].id)  # the one waiting longest for a call back

    @steps.add("counter_clients")
    def _clients() -> None:
        # A regular whose orders are all settled: a history to read, and erasable.
        unfocus()
        page, records = w.counter.clients, w.context.comptoir.client_records
        w.counter.nav["clients"].click()
        orders = Counter(o.client_id for o in w.context.comptoir.orders.list(limit=400))
        histories = [records.history(client_id) for client_id, _ in orders.most_common(40)]
        settled = [h for h in histories if h.open_orders == 0 and not h.client.erased]
        if histories:
            chosen = (settled or histories)[0].client
            type_text(page.search, chosen.name.split(" ")[-1])
            unfocus()
            page.show_client(chosen.id)

    @steps.add("counter_client_erase")
    def _client_erase() -> None:
        profile = w.counter.clients.profile
        if profile.history is None:
            return
        if profile.erase.isEnabled():
            profile.erase.click()
        else:  # a store without a settled client (the tests'): the words all the same
            profile._ask_erase()
        w.counter.scroll_to(profile.confirm_box)

    return steps


def help_call_steps(w: KioskWindow, *, settle: Action) -> TourSteps:
    """The resident's call (help_steps) as the counter sees it, then the counter's lock
    warning; walked last (see ui/tour.py)."""
    steps = TourSteps()

    @steps.add("counter_help_call")
    def _help_call() -> None:
        _type_pin(w, "1234")
        w.pin_pad.enter.click()
        settle()
        w.counter.queue.check_new()  # as its poll does every two seconds

    @steps.add("counter_lock_warning")
    def _lock_warning() -> None:
        w.lock_warning.start()

    @steps.add("counter_calls_handled")
    def _calls_handled() -> None:
        # The calls marked handled, as the attendant would: the next walk (another
        # language or size, on the same store) shows a queue without them.
        w.lock_warning.dismiss()
        calls = w.context.comptoir.help_requests
        for call in calls.waiting():
            calls.handle(call.id, None)
        w.counter.queue.help_calls.refresh()

    return steps
