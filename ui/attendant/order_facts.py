"""The counter's order detail (order_detail.py), its words about the order: what was
asked and by whom, each step with the Lulu it went to, and the order's invoice (printed
or not, and where its PDF is)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kiosk_app.domain.kinds import InvoiceKind
from kiosk_app.views.orders import OrderView
from kiosk_app.views.print_jobs import INVOICE_KIND
from kiosk_app.views.suggestions import StepWithLulu
from printing.files import invoice_file

from ..format import paris_datetime, paris_slot
from ..i18n import current_lang
from .words import WORDS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

    from ..context import KioskContext
    from ..widgets.buttons import TouchButton


# For the type checker the part is the widget it is mixed into (QObject.tr, signals,
# a parent for timers and watchers); at run time a plain class, before QWidget in the
# widget's bases.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget as _Widget
else:
    _Widget = object


class OrderFacts(_Widget):
    """The words' part of OrderDetailPage (a mixin: the page holds the widgets)."""

    # What the page (order_detail.py) builds. Attributes, not stub methods: Qt's
    # pyside6-lupdate loses the class's name (the words' context) after a stub method.
    if TYPE_CHECKING:
        _context: KioskContext
        print_invoice: TouchButton
        invoice_shown: QLabel

    def _step_text(self, step: StepWithLulu) -> str:
        when = paris_datetime(step.at)
        if step.lulu_name and step.tutor_name:
            return self.tr("Assigned to {name}, with their tutor {tutor}: {at}").format(
                name=step.lulu_name, tutor=step.tutor_name, at=when
            )
        if step.lulu_name:
            return self.tr("Assigned to {name}: {at}").format(name=step.lulu_name, at=when)
        return self.tr("{status}: {at}").format(status=WORDS.status(step.status), at=when)

    def _facts(self, order: OrderView) -> str:
        comptoir = self._context.comptoir
        client = comptoir.clients.get(order.client_id)
        address = order.address
        where = ", ".join(p for p in (address.street, address.postcode, address.city) if p)
        lines = [
            order.service_name(current_lang()),
            self.tr("When: {slot}").format(slot=paris_slot(order.slot_start, order.slot_end)),
            # An erased client has no phone left: no dangling comma.
            self.tr("Client: {name}, {phone}").format(name=client.name, phone=client.phone_display)
            if client.phone_display
            else self.tr("Client: {name}").format(name=client.name),
            self.tr("Address: {address}").format(address=where),
            self.tr("Channel: {channel}").format(channel=WORDS.channel(order.channel)),
        ]
        if order.description:
            lines.append(self.tr("Asked: {text}").format(text=order.description))
        if order.lulu_id is not None:
            lulu = comptoir.lulus.get(order.lulu_id)
            lines.append(self.tr("Lulu: {name}").format(name=lulu.display_name))
        if order.cancel_reason:
            lines.append(self.tr("Reason: {reason}").format(reason=order.cancel_reason))
        return "\n".join(lines)

    def _invoice(self, order: OrderView) -> tuple[str, bool, Path] | None:
        """The order's invoice (number, printed before?, where its PDF goes), or None."""
        comptoir = self._context.comptoir
        invoices = [
            i for i in comptoir.invoices.for_order(order.id) if i.kind is InvoiceKind.INVOICE
        ]
        if not invoices:
            return None
        number = invoices[-1].number
        printed = any(j.kind == INVOICE_KIND for j in comptoir.print_jobs.for_order(order.id))
        return number, printed, invoice_file(comptoir.store.path.parent, number)

    def _show_invoice(self, order: OrderView) -> None:
        invoice = self._invoice(order)
        self.print_invoice.setVisible(invoice is not None)
        self.invoice_shown.setVisible(invoice is not None)
        if invoice is None:
            return
        number, printed, path = invoice
        self.print_invoice.setText(
            self.tr("Reprint the invoice") if printed else self.tr("Print the invoice")
        )
        if path.is_file():
            self.invoice_shown.setText(
                self.tr("Invoice {number}. Saved: {path}").format(number=number, path=path)
            )
        elif printed:
            self.invoice_shown.setText(
                self.tr("Invoice {number}: its PDF is being saved as {path}").format(
                    number=number, path=path
                )
            )
        else:
            self.invoice_shown.setText(self.tr("Invoice {number}").format(number=number))
