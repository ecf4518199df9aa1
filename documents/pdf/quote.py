"""The free written quote ("devis") given before a service of 100 € TTC or more
(arrêté du 17 mars 2015): the hourly price TTC, the total TTC, and the tax advantage
apart from the price, in smaller type."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .. import formats, mentions
from ..content import QuoteContent
from .base import bold, build, para, table
from .common import footer, hourly, interveners, issuer_lines, two_columns


def quote_story(quote: QuoteContent) -> list[Flowable]:
    line = quote.line
    issued = formats.to_paris(quote.issued_at)
    heading = [
        bold(f"DEVIS n° {quote.number}", "title"),
        bold(mentions.QUOTE_FREE),
        para(f"Date : {formats.short_date(issued.date())}"),
        para(f"Valable jusqu’au {formats.short_date(quote.valid_until)}"),
        para(f"Mode d’intervention : {mentions.mode(quote.issuer.intervention_mode)}"),
    ]
    client = [bold("Client", "heading"), para(quote.client_name), para(quote.client_address)]
    story: list[Flowable] = [
        two_columns(issuer_lines(quote.issuer), heading),
        Spacer(1, 8 * mm),
        two_columns(client, [bold("Lieu d’intervention", "heading"), para(quote.place)]),
        Spacer(1, 6 * mm),
        table(
            [
                "Date prévue",
                "Nature du service",
                "Intervenant",
                "Durée estimée",
                "Prix horaire TTC",
            ],
            [
                [
                    f"{formats.short_date(formats.to_paris(line.start).date())} "
                    f"{formats.clock_time(line.start)}",
                    f"{line.service_name} (commande {line.order_number}) — "
                    f"{line.billed_units} × {line.unit_minutes} min à "
                    f"{formats.euros(line.unit_price_cents)}",
                    interveners(line.interveners) if line.interveners else "à désigner",
                    formats.duration(line.minutes_worked),
                    hourly(line.hourly_price_cents),
                ]
            ],
            widths=[22, 62, 34, 22, 34],
            right=3,
        ),
        Spacer(1, 4 * mm),
        bold(f"Prix total TTC : {formats.euros(quote.amount_cents)}", "title"),
        para("Frais de déplacement : aucun. Frais de dossier : aucun."),
        para(quote.issuer.vat_mention),
        para("Le prix final dépend du temps effectivement passé, arrondi à l’unité supérieure."),
        Spacer(1, 4 * mm),
    ]
    if line.tax_credit:
        # Art. 5 of the arrêté: the advantage apart from the price, in smaller type.
        story.append(
            para(
                f"{mentions.TAX_CREDIT} : après crédit d’impôt, ce service vous reviendrait "
                f"à {formats.euros(quote.amount_cents - quote.tax_credit_cents)}, sous "
                "réserve d’un règlement par un moyen de paiement qui y ouvre droit. "
                + mentions.CASH_EXCLUDED,
                "small",
            )
        )
    story += [Spacer(1, 6 * mm), para(mentions.QUOTE_RULE, "small")]
    return story


def quote_pdf(quote: QuoteContent, target: Path | None = None) -> bytes:
    return build(
        quote_story(quote),
        title=f"Devis {quote.number}",
        footer=footer(quote.issuer),
        target=target,
        demo=quote.issuer.demo,
    )
