"""A Lulu's monthly statement: the services they did, to build their own invoice to the
association."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .. import formats
from ..content import StatementContent
from .base import bold, build, para, table
from .common import footer, issuer_lines, two_columns


def statement_pdf(statement: StatementContent, target: Path | None = None) -> bytes:
    month = f"{formats.month_name(statement.month)} {statement.year}"
    heading = [
        bold("RELEVÉ MENSUEL DES PRESTATIONS", "title"),
        para(f"Mois : {month}"),
        para(f"Lulu : {statement.lulu_name}"),
        para(f"SIRET : {statement.lulu_siret or 'non communiqué'}"),
    ]
    if statement.scope:
        heading.append(para(statement.scope, "small"))
    story: list[Flowable] = [
        two_columns(issuer_lines(statement.issuer), heading),
        Spacer(1, 8 * mm),
        para(
            "Services réalisés ce mois-ci, pour établir votre facture à l’association "
            "(prix facturés aux clients) :"
        ),
        Spacer(1, 3 * mm),
        table(
            ["Date", "Commande", "Prestation", "Durée effective", "Prix unitaire", "Montant"],
            [
                [
                    f"{formats.short_date(formats.to_paris(line.start).date())} "
                    f"{formats.clock_time(line.start)}",
                    line.order_number,
                    line.service_name,
                    formats.duration(line.minutes_worked),
                    f"{formats.euros(line.unit_price_cents)} / {line.unit_minutes} min",
                    formats.euros(line.amount_cents),
                ]
                for line in statement.lines
            ],
            widths=[24, 22, 50, 18, 36, 24],
            right=3,
        ),
        Spacer(1, 4 * mm),
        bold(
            f"Prestations : {len(statement.lines)}, "
            f"{formats.duration(statement.total_minutes)}, "
            f"{formats.euros(statement.total_cents)}"
        ),
    ]
    return build(
        story,
        title=f"Relevé {month} — {statement.lulu_name}",
        footer=footer(statement.issuer),
        target=target,
        demo=statement.issuer.demo,
    )


def statement_filename(statement: StatementContent, lulu_key: str) -> str:
    return f"releve-{statement.year}-{statement.month:02d}-{lulu_key}.pdf"
