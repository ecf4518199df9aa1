"""The A4 invoice ("facture") and credit note ("avoir") of an order, with the mentions
required for services à la personne (art. D7233-1 of the code du travail). Legal
documents are in French."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from kiosk_app.clock import to_paris
from kiosk_app.domain.kinds import InvoiceKind, PaymentKind
from kiosk_app.views.invoices import InvoiceDocument, InvoiceLine
from kiosk_app.views.settings import KioskSettings

from .. import formats
from ..tickets import METHODS
from .base import FONT, bold, build, para, table

REASONS = {"refund": "Remboursement"}
MODES = {
    "prestataire": "prestataire (l’association est le prestataire du service)",
    "mandataire": "mandataire (l’association agit pour le compte du client, employeur)",
}


def association_lines(association: KioskSettings) -> list[Flowable]:
    return [
        bold(association.association_name, "heading"),
        para(association.association_address or "Adresse : à renseigner"),
        para(f"SIRET : {association.association_siret or 'à renseigner'}"),
        para(
            "Déclaration de services à la personne n° "
            f"{association.association_sap_number or 'à renseigner'}"
        ),
    ]


def footer(association: KioskSettings) -> str:
    parts = [association.association_name]
    if association.association_siret:
        parts.append(f"SIRET {association.association_siret}")
    if association.association_sap_number:
        parts.append(f"SAP n° {association.association_sap_number}")
    return " — ".join(parts)


def unit_price(line: InvoiceLine) -> str:
    return f"{formats.euros(line.unit_price_cents)} / {line.unit_minutes} min"


def lulu(line: InvoiceLine) -> str:
    if not line.lulu_name:
        return "—"
    return f"{line.lulu_name} (SIRET {line.lulu_siret or 'non communiqué'})"


def two_columns(left: list[Flowable], right: list[Flowable]) -> Table:
    result = Table([[left, right]], colWidths=[95 * mm, 79 * mm])
    result.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return result


def boxed(flowables: list[Flowable]) -> Table:
    result = Table([[flowables]], colWidths=[174 * mm])
    result.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#4A6076")),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F3F6F9")),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
            ]
        )
    )
    return result


def invoice_story(document: InvoiceDocument) -> list[Flowable]:
    association = document.association
    credit_note = document.kind is InvoiceKind.CREDIT_NOTE
    title = "AVOIR" if credit_note else "FACTURE"
    issued = to_paris(document.issued_at)
    heading = [
        bold(f"{title} n° {document.number}", "title"),
        para(f"Date d’émission : {formats.short_date(issued.date())}"),
    ]
    if credit_note:
        heading.append(para(f"Annule (en tout ou partie) la facture n° {document.credits_number}"))
        heading.append(para(f"Motif : {REASONS.get(document.reason, document.reason)}"))
    client = [
        bold("Client", "heading"),
        para(document.client_name),
        para(document.client_address),
    ]
    story: list[Flowable] = [
        two_columns(association_lines(association), heading),
        Spacer(1, 8 * mm),
        two_columns(client, [bold("Lieu d’intervention", "heading"), para(document.place)]),
        Spacer(1, 6 * mm),
        table(
            ["Date", "Prestation", "Intervenant (Lulu)", "Durée", "Prix unitaire", "Montant"],
            [
                [
                    f"{formats.short_date(line.day)} {formats.clock_time(line.start)}",
                    f"{line.service_name} (commande {line.order_number})",
                    lulu(line),
                    formats.duration(line.minutes),
                    unit_price(line),
                    formats.euros(line.amount_cents),
                ]
                for line in document.lines
            ],
            widths=[22, 44, 38, 14, 34, 22],
            right=3,
        ),
        Spacer(1, 4 * mm),
    ]
    sign = -1 if credit_note else 1
    totals = [
        [
            "Total " + ("de l’avoir" if credit_note else "à payer"),
            formats.euros(sign * document.amount_cents),
        ],
    ]
    story.append(
        Table(
            [[para(label, "right"), bold(amount, "right")] for label, amount in totals],
            colWidths=[140 * mm, 34 * mm],
            style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)]),
        )
    )
    story.append(para(association.vat_mention))
    story.append(Spacer(1, 4 * mm))
    if document.tax_credit_cents:
        story.append(
            boxed(
                [
                    bold("Crédit d’impôt (art. 199 sexdecies du code général des impôts)"),
                    para(
                        "Part ouvrant droit au crédit d’impôt de 50 % : "
                        f"{formats.euros(sign * document.amount_cents)}, soit un crédit "
                        f"d’impôt de {formats.euros(sign * document.tax_credit_cents)}. "
                        "Seules les sommes réglées par un moyen de paiement autre que les "
                        "espèces (carte, chèque, virement, CESU) y ouvrent droit ; "
                        "l’attestation fiscale annuelle en fait le compte."
                    ),
                ]
            )
        )
    else:
        story.append(para("Ce service n’ouvre pas droit au crédit d’impôt."))
    story.append(Spacer(1, 4 * mm))
    mode = MODES.get(association.intervention_mode, association.intervention_mode)
    story.append(para(f"Mode d’intervention : {mode}"))
    if document.payments and not credit_note:
        story.append(bold("Règlements", "heading"))
        for payment in document.payments:
            label = METHODS["fr"][payment.method]
            if payment.kind is PaymentKind.REFUND:
                label = f"Remboursement ({label})"
            story.append(
                para(
                    f"{formats.short_date(to_paris(payment.at).date())} — {label} — "
                    f"{formats.euros(payment.amount_cents)}"
                )
            )
    return story


def invoice_pdf(document: InvoiceDocument, target: Path | None = None) -> bytes:
    kind = "Avoir" if document.kind is InvoiceKind.CREDIT_NOTE else "Facture"
    return build(
        invoice_story(document),
        title=f"{kind} {document.number}",
        footer=footer(document.association),
        target=target,
    )
