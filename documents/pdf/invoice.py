"""The A4 invoice ("facture") and credit note ("avoir"), laid out from the content frozen
when the number was allocated, with every mention of art. D7233-1 code du travail and
the arrêté du 17 mars 2015 (docs/LEGAL.md)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from .. import formats, mentions
from ..content import CashRule, DocumentKind, InvoiceContent, Line
from ..tax import document_split
from .base import FONT, bold, build, para, table
from .common import boxed, footer, hourly, interveners, issuer_lines, two_columns

REASONS = {"refund": "Remboursement"}


def _nature(line: Line) -> str:
    return (
        f"{line.service_name} (commande {line.order_number}) — facturé "
        f"{line.billed_units} × {line.unit_minutes} min à {formats.euros(line.unit_price_cents)}"
    )


def _lines_table(document: InvoiceContent) -> Table:
    return table(
        [
            "Date",
            "Nature du service",
            "Intervenant(s)",
            "Durée effective",
            "Prix horaire TTC",
            "Montant TTC",
        ],
        [
            [
                f"{formats.short_date(formats.to_paris(line.start).date())} "
                f"{formats.clock_time(line.start)}",
                _nature(line),
                interveners(line.interveners),
                formats.duration(line.minutes_worked),
                hourly(line.hourly_price_cents),
                formats.euros(line.amount_cents),
            ]
            for line in document.lines
        ],
        widths=[19, 42, 35, 26, 28, 24],
        right=3,
    )


def _tax_box(document: InvoiceContent, sign: int) -> list[Flowable]:
    if not any(line.tax_credit for line in document.lines):
        return [para("Ce service n’ouvre pas droit au crédit d’impôt.")]
    paid = document_split(document, document.cash_rule)
    eligible = sign * abs(paid.eligible_cents)
    notes = [
        bold(mentions.TAX_CREDIT),
        para(
            f"Part ouvrant droit au crédit d’impôt : {formats.euros(eligible)}, soit un "
            f"crédit d’impôt estimé à {formats.euros(eligible // 2)}. L’attestation "
            "fiscale annuelle en fait le compte."
        ),
    ]
    if paid.cash_cents:
        notes.append(
            para(
                mentions.CASH_EXCLUDED
                if document.cash_rule is CashRule.EXCLUDED
                else mentions.CASH_INCLUDED
            )
        )
    if paid.cesu_cents:
        notes.append(para(mentions.CESU_SENTENCE))
    return [boxed(notes)]


def _payments(document: InvoiceContent, credit_note: bool) -> list[Flowable]:
    if not document.payments:
        return []
    title = "Remboursements" if credit_note else "Règlements reçus à la date de la facture"
    story: list[Flowable] = [bold(title, "heading")]
    for payment in document.payments:
        label = mentions.method(payment.method)
        if payment.kind == "refund":
            label = f"Remboursement ({label})"
        story.append(
            para(
                f"{formats.short_date(formats.to_paris(payment.at).date())} — {label} — "
                f"{formats.euros(payment.amount_cents)}"
            )
        )
    return story


def invoice_story(document: InvoiceContent) -> list[Flowable]:
    credit_note = document.kind is DocumentKind.CREDIT_NOTE
    title = "AVOIR" if credit_note else "FACTURE"
    issued = formats.to_paris(document.issued_at)
    heading = [
        bold(f"{title} n° {document.number}", "title"),
        para(f"Date d’émission : {formats.short_date(issued.date())}"),
        para(f"Série chronologique : {document.series}"),
        para(f"Mode d’intervention : {mentions.mode(document.issuer.intervention_mode)}"),
    ]
    if credit_note:
        heading.append(para(f"Annule (en tout ou partie) la facture n° {document.credits_number}"))
        heading.append(para(f"Motif : {REASONS.get(document.reason, document.reason)}"))
    client = [bold("Client", "heading"), para(document.client_name), para(document.client_address)]
    sign = -1 if credit_note else 1
    total_label = "Total de l’avoir TTC" if credit_note else "Total TTC"
    story: list[Flowable] = [
        two_columns(issuer_lines(document.issuer), heading),
        Spacer(1, 8 * mm),
        two_columns(client, [bold("Lieu d’intervention", "heading"), para(document.place)]),
        Spacer(1, 6 * mm),
        _lines_table(document),
        Spacer(1, 4 * mm),
        Table(
            [
                [
                    para(total_label, "right"),
                    bold(formats.euros(sign * document.amount_cents), "right"),
                ]
            ],
            colWidths=[140 * mm, 34 * mm],
            style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)]),
        ),
        para(document.issuer.vat_mention),
        Spacer(1, 4 * mm),
        *_tax_box(document, sign),
        Spacer(1, 4 * mm),
        *_payments(document, credit_note),
    ]
    return story


def invoice_pdf(document: InvoiceContent, target: Path | None = None) -> bytes:
    kind = "Avoir" if document.kind is DocumentKind.CREDIT_NOTE else "Facture"
    return build(
        invoice_story(document),
        title=f"{kind} {document.number}",
        footer=footer(document.issuer),
        target=target,
        demo=document.issuer.demo,
    )
