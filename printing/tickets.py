"""The counter's tickets as data: the order ticket and the payment receipt, in the
order's language (French, or English when the client chose it at the kiosk)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from documents import formats
from documents.content import QuoteContent
from kiosk_app.clock import to_paris
from kiosk_app.domain.kinds import PaymentKind
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.orders import OrderView
from kiosk_app.views.payments import PaymentView
from kiosk_app.views.settings import KioskSettings
from sync.protocol import OrderStatus, PaymentMethod

from .blocks import Align, Blank, Block, Cut, DrawerKick, Logo, Qr, Row, Rule, Text, Ticket

TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "kiosk": "Comptoir {name}",
        "order": "Votre commande",
        "service": "Prestation : {name}",
        "slot": "Créneau :",
        "address": "Adresse : {address}",
        "estimate": "Prix estimé ({units} × {minutes} min)",
        "after_credit": "Après crédit d’impôt de 50 %",
        "next_title": "Et maintenant ?",
        "next": (
            "Nous vous appelons pour confirmer le rendez-vous et vous présenter votre Lulu. "
            "Le prix final dépend du temps passé. Vous réglez au comptoir une fois le service "
            "rendu."
        ),
        "scan": "Suivez votre commande et notez le service : scannez ce code.",
        "receipt": "REÇU DE PAIEMENT",
        "receipt_copy": "DUPLICATA",
        "order_number": "Commande {number}",
        "amount_due": "Montant de la prestation",
        "paid": "Total réglé",
        "remaining": "Reste à payer",
        "invoice": "Facture n° {number}",
        "credit_note": "Avoir n° {number}",
        "tax_note": (
            "Crédit d’impôt : l’attestation fiscale vous est remise en début d’année "
            "(les espèces n’y ouvrent pas droit)."
        ),
        "thanks": "Merci et à bientôt !",
        "floor": "{floor}e étage",
        "ground_floor": "rez-de-chaussée",
        "refund": "Remboursement",
        "refund_receipt": "REÇU DE REMBOURSEMENT",
        "reprint": "*** RÉIMPRESSION (REPRINT) ***",
        "after_credit_line": "Après crédit d’impôt de 50 % : {amount}",
        "owed": "Montant dû, avoirs déduits",
    },
    "en": {
        "kiosk": "{name} counter",
        "order": "Your order",
        "service": "Service: {name}",
        "slot": "When:",
        "address": "Address: {address}",
        "estimate": "Estimated price ({units} × {minutes} min)",
        "after_credit": "After the 50% tax credit",
        "next_title": "What happens next?",
        "next": (
            "We will call you to confirm the appointment and introduce your Lulu. The final "
            "price depends on the time spent. You pay at the counter once the service is done."
        ),
        "scan": "Follow your order and rate the service: scan this code.",
        "receipt": "PAYMENT RECEIPT",
        "receipt_copy": "COPY",
        "order_number": "Order {number}",
        "amount_due": "Price of the service",
        "paid": "Total paid",
        "remaining": "Left to pay",
        "invoice": "Invoice no. {number}",
        "credit_note": "Credit note no. {number}",
        "tax_note": (
            "Tax credit: your tax certificate is given early next year (cash payments do "
            "not count)."
        ),
        "thanks": "Thank you, see you soon!",
        "floor": "floor {floor}",
        "ground_floor": "ground floor",
        "refund": "Refund",
        "refund_receipt": "REFUND RECEIPT",
        "reprint": "*** REPRINT ***",
        "after_credit_line": "After the 50% tax credit: {amount}",
        "owed": "Due after credit note(s)",
    },
}
METHODS: dict[str, dict[PaymentMethod, str]] = {
    "fr": {
        PaymentMethod.CASH: "Espèces",
        PaymentMethod.CARD: "Carte bancaire",
        PaymentMethod.CHEQUE: "Chèque",
        PaymentMethod.CESU: "CESU",
        PaymentMethod.TRANSFER: "Virement",
    },
    "en": {
        PaymentMethod.CASH: "Cash",
        PaymentMethod.CARD: "Card",
        PaymentMethod.CHEQUE: "Cheque",
        PaymentMethod.CESU: "CESU",
        PaymentMethod.TRANSFER: "Bank transfer",
    },
}


def _texts(lang: str) -> dict[str, str]:
    return TEXTS["en" if lang == "en" else "fr"]


def order_url(settings: KioskSettings, public_token: str) -> str:
    return f"{settings.server_url.rstrip('/')}/o/{public_token}"


def address_summary(address: AddressInput, lang: str) -> str:
    """Where the Lulu goes, without the access notes (door codes stay off paper)."""
    texts = _texts(lang)
    parts = [address.street, address.building]
    if address.floor is not None:
        parts.append(
            texts["ground_floor"]
            if address.floor == 0
            else texts["floor"].format(floor=address.floor)
        )
    parts.append(f"{address.postcode} {address.city}".strip())
    return ", ".join(part for part in parts if part)


def _slot_lines(order: OrderView, lang: str) -> str:
    """The day on one line, the hours on the next: neither splits on 32 columns."""
    day = formats.long_date(to_paris(order.slot_start).date(), lang)
    start = formats.clock_time(order.slot_start, lang)
    return f"{day}\n{start} – {formats.clock_time(order.slot_end, lang)}"


def _header(settings: KioskSettings, lang: str) -> list[Block]:
    blocks: list[Block] = [Logo(settings.ticket_logo)] if settings.ticket_logo else []
    blocks += [
        Text(settings.association_name, bold=True, align=Align.CENTER),
        Text(_texts(lang)["kiosk"].format(name=settings.kiosk_name), align=Align.CENTER),
    ]
    if settings.association_address:
        blocks.append(Text(settings.association_address, align=Align.CENTER))
    blocks.append(Rule())
    return blocks


def order_ticket(order: OrderView, settings: KioskSettings) -> Ticket:
    lang = order.lang
    texts = _texts(lang)
    price = order.estimated_price
    blocks = _header(settings, lang)
    blocks += [
        Text(texts["order"], align=Align.CENTER),
        Text(order.number, bold=True, big=True, align=Align.CENTER),
        Rule(),
        Text(texts["service"].format(name=order.service_name(lang))),
        Text(texts["slot"]),
        Text(_slot_lines(order, lang)),
        Text(texts["address"].format(address=address_summary(order.address, lang))),
        Blank(),
        Text(texts["estimate"].format(units=order.estimated_units, minutes=order.unit_minutes)),
        Text(formats.euros(price.total_cents, lang), bold=True, big=True, align=Align.RIGHT),
    ]
    if price.tax_credit_eligible:
        # Arrêté du 17 mars 2015: the tax advantage apart from the price, and smaller.
        blocks += [
            Blank(),
            Text(
                texts["after_credit_line"].format(
                    amount=formats.euros(price.after_tax_credit_cents, lang)
                )
            ),
        ]
    blocks += [
        Rule(),
        Text(texts["next_title"], bold=True),
        Text(texts["next"]),
        Blank(),
        Qr(order_url(settings, order.public_token)),
        Text(texts["scan"], align=Align.CENTER),
        Cut(),
    ]
    return Ticket("order_ticket", order.number, tuple(blocks))


@dataclass(frozen=True, slots=True)
class InvoiceRef:
    number: str
    credit_note: bool = False
    amount_cents: int = 0


def receipt(
    order: OrderView,
    payments: Sequence[PaymentView],
    settings: KioskSettings,
    *,
    invoices: Sequence[InvoiceRef] = (),
    copy: bool = False,
    refund: bool = False,
) -> Ticket:
    """The receipt of an order's payments so far (`refund`: of the refund just made).
    The original opens the cash drawer when the latest payment or refund was cash; a
    copy ("duplicata") never does. What is left to pay counts the credit notes: a
    refund on a paid order cancels that much of its invoice, it is not owed again."""
    lang = order.lang
    texts = _texts(lang)
    methods = METHODS["en" if lang == "en" else "fr"]
    blocks = _header(settings, lang)
    title = texts["refund_receipt"] if refund else texts["receipt"]
    blocks.append(Text(title, bold=True, align=Align.CENTER))
    if copy:
        blocks.append(Text(texts["receipt_copy"], bold=True, align=Align.CENTER))
    blocks += [
        Text(texts["order_number"].format(number=order.number), bold=True),
        Text(order.service_name(lang)),
        Text(_slot_lines(order, lang)),
        Rule(),
        Row(texts["amount_due"], formats.euros(order.price_due.total_cents, lang)),
    ]
    paid = 0
    for payment in payments:
        refund = payment.kind is PaymentKind.REFUND
        signed = -payment.amount_cents if refund else payment.amount_cents
        paid += signed
        label = methods[payment.method]
        if refund:
            label = f"{texts['refund']} ({label})"
        day = formats.short_date(payment.at.date())
        blocks.append(
            Row(
                f"{label} {day} {formats.clock_time(payment.at, lang)}", formats.euros(signed, lang)
            )
        )
    blocks.append(Row(texts["paid"], formats.euros(paid, lang), bold=True))
    credited = sum(ref.amount_cents for ref in invoices if ref.credit_note)
    if credited:
        owed = order.price_due.total_cents - credited
        blocks.append(Row(texts["owed"], formats.euros(owed, lang)))
    remaining = order.price_due.total_cents - credited - paid
    if remaining > 0 and order.status is not OrderStatus.CANCELLED:
        blocks.append(Row(texts["remaining"], formats.euros(remaining, lang), bold=True))
    for ref in invoices:
        if ref.credit_note:
            blocks.append(
                Row(
                    texts["credit_note"].format(number=ref.number),
                    formats.euros(-ref.amount_cents, lang),
                )
            )
        else:
            blocks.append(Text(texts["invoice"].format(number=ref.number)))
    if order.tax_credit:
        blocks += [Blank(), Text(texts["tax_note"])]
    blocks += [Blank(), Text(texts["thanks"], align=Align.CENTER)]
    if not copy and payments and payments[-1].method is PaymentMethod.CASH:
        blocks.append(DrawerKick())
    blocks.append(Cut())
    kind = "receipt_copy" if copy else "refund_receipt" if refund else "receipt"
    return Ticket(kind, order.number, tuple(blocks))


def marked_reprint(ticket: Ticket, lang: str) -> Ticket:
    """A job cut mid-way, printed again: said so at the top, and the cash drawer stays
    shut (it opened with the first, cut, copy)."""
    blocks = [b for b in ticket.blocks if not isinstance(b, DrawerKick)]
    mark = Text(_texts(lang)["reprint"], bold=True, align=Align.CENTER)
    return Ticket(ticket.kind, ticket.order_number, (mark, *blocks))


def quote_ticket(quote: QuoteContent, settings: KioskSettings, lang: str) -> Ticket:
    """The quote (devis) on paper, in French: the price per hour and in total TTC, the
    tax advantage apart from the price (arrêté du 17 mars 2015)."""
    line = quote.line
    blocks = _header(settings, "fr")
    blocks += [
        Text(f"DEVIS n° {quote.number}", bold=True, align=Align.CENTER),
        Text("Devis gratuit", align=Align.CENTER),
        Text(f"Valable jusqu’au {formats.short_date(quote.valid_until)}"),
        Rule(),
        Text(f"Prestation : {line.service_name}"),
        Text(f"Commande {line.order_number}"),
        Text(_slot_day(line.start)),
        Row("Durée estimée", formats.duration(line.minutes_worked)),
        Row("Prix horaire TTC", formats.euros(line.hourly_price_cents)),
        Text("Prix total TTC"),
        Text(formats.euros(quote.amount_cents), bold=True, big=True, align=Align.RIGHT),
        Text(quote.issuer.vat_mention),
    ]
    if line.tax_credit:
        blocks += [
            Blank(),
            Text(
                "Après crédit d’impôt de 50 % : "
                f"{formats.euros(quote.amount_cents - quote.tax_credit_cents)} "
                "(hors espèces)"
            ),
        ]
    blocks += [Blank(), Text(f"SAP n° {quote.issuer.sap_number}"), Cut()]
    return Ticket("quote_ticket", line.order_number, tuple(blocks))


def _slot_day(start: datetime) -> str:
    return f"{formats.long_date(formats.to_paris(start).date())}, {formats.clock_time(start)}"
