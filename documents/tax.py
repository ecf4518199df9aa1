"""What opens the right to the tax credit, and the yearly certificates built from the
invoices and credit notes themselves (the kiosk's, or every kiosk's on the server).

The rules and the texts they rest on are in docs/LEGAL.md:
- cash: art. D7233-3 code du travail lists the means of payment of an invoice that opens
  the right (card, direct debit, transfer, TIP, cheque, CESU); cash is not among them.
  Kept a setting (`certificate_cash_rule`) so that an accountant can decide otherwise.
- CESU préfinancés: shown apart; only the part the client financed gives a right, which
  the association cannot know (the financer's own certificate says it).
- a deposit counts once its invoice is issued (the invoice carries the payments received
  until then), in the year of that invoice; a refund counts in its credit note's year.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from .content import (
    CashRule,
    CertificateContent,
    CertificateLine,
    DocumentKind,
    Intervener,
    InvoiceContent,
    Issuer,
    PaymentEntry,
)
from .formats import to_paris

CESU = "cesu"
CASH = "cash"


@dataclass(frozen=True, slots=True)
class PaidSplit:
    """Money received, net of refunds, and how much of it opens the right."""

    paid_cents: int
    cesu_cents: int
    cash_cents: int
    eligible_cents: int  # paid less CESU préfinancés, less cash when cash is excluded

    def __add__(self, other: PaidSplit) -> PaidSplit:
        return PaidSplit(
            self.paid_cents + other.paid_cents,
            self.cesu_cents + other.cesu_cents,
            self.cash_cents + other.cash_cents,
            self.eligible_cents + other.eligible_cents,
        )


NOTHING = PaidSplit(0, 0, 0, 0)


def split(payments: Iterable[PaymentEntry], cash_rule: CashRule) -> PaidSplit:
    paid = cesu = cash = 0
    for payment in payments:
        paid += payment.signed_cents
        if payment.method == CESU:
            cesu += payment.signed_cents
        elif payment.method == CASH:
            cash += payment.signed_cents
    excluded = cesu + (cash if cash_rule is CashRule.EXCLUDED else 0)
    return PaidSplit(paid, cesu, cash, max(0, paid - excluded))


def document_split(document: InvoiceContent, cash_rule: CashRule) -> PaidSplit:
    """What a document adds to the year's certificate: an invoice its payments, a
    credit note less its refunds (nothing for a service without the tax credit)."""
    if not any(line.tax_credit for line in document.lines):
        return NOTHING
    result = split(document.payments, cash_rule)
    if document.kind is DocumentKind.CREDIT_NOTE:
        # A credit note's entries are the refunds it records: money going back.
        return PaidSplit(
            -abs(result.paid_cents),
            -abs(result.cesu_cents),
            -abs(result.cash_cents),
            -abs(result.eligible_cents),
        )
    return result


def _month(day: date) -> date:
    return day.replace(day=1)


def certificates(
    documents: Iterable[InvoiceContent],
    *,
    year: int,
    issuer: Issuer,
    issued_on: date,
    cash_rule: CashRule,
    scope: str,
    same_client: Callable[[str], str] = str,
) -> list[CertificateContent]:
    """One certificate per client who paid, in `year`, for services with the tax
    credit; sorted by client name. `documents` may hold any years and kinds.
    `same_client` maps a document's client id to the one person it stands for (the
    central server: two kiosks' records of one client)."""
    by_client: dict[str, list[InvoiceContent]] = defaultdict(list)
    for document in documents:
        if to_paris(document.issued_at).year == year:
            by_client[same_client(document.client_id)].append(document)
    result = []
    for client_id, own in by_client.items():
        own.sort(key=lambda d: (d.issued_at, d.number))
        total = NOTHING
        grouped: dict[tuple[date, str, tuple[Intervener, ...]], list[int]] = {}
        prices: dict[tuple[date, str, tuple[Intervener, ...]], int] = {}
        for document in own:
            total = total + document_split(document, cash_rule)
            if document.kind is not DocumentKind.INVOICE:
                continue
            for line in document.lines:
                if not line.tax_credit:
                    continue
                key = (_month(to_paris(line.start).date()), line.service_name, line.interveners)
                figures = grouped.setdefault(key, [0, 0, 0])
                figures[0] += 1
                figures[1] += line.minutes_worked
                figures[2] += line.amount_cents
                prices[key] = line.hourly_price_cents
        if total.paid_cents <= 0 and not grouped:
            continue
        latest = own[-1]
        lines = tuple(
            CertificateLine(
                month=month,
                service_name=service,
                interveners=interveners,
                interventions=count,
                minutes_worked=minutes,
                hourly_price_cents=prices[(month, service, interveners)],
                amount_cents=amount,
            )
            for (month, service, interveners), (count, minutes, amount) in sorted(
                grouped.items(), key=lambda item: (item[0][0], item[0][1])
            )
        )
        result.append(
            CertificateContent(
                issuer=issuer,
                year=year,
                issued_on=issued_on,
                client_id=client_id,
                client_name=latest.client_name,
                client_address=latest.client_address,
                lines=lines,
                paid_cents=total.paid_cents,
                cesu_cents=total.cesu_cents,
                cash_cents=total.cash_cents,
                eligible_cents=total.eligible_cents,
                cash_rule=cash_rule,
                scope=scope,
            )
        )
    result.sort(key=lambda c: (c.client_name.casefold(), c.client_id))
    return result
