"""Pieces every legal document shares: the issuer's block, the footer, two columns, a
boxed note, the people who intervened."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from .. import formats, mentions
from ..content import Intervener, Issuer
from .base import FONT, bold, para


def issuer_lines(issuer: Issuer) -> list[Flowable]:
    """Name and address, SIRET, the SAP declaration's number and date (D7233-1, 1°-2°)."""
    declared = f" du {formats.short_date(issuer.sap_date)}" if issuer.sap_date is not None else ""
    lines = [
        bold(issuer.name, "heading"),
        para(issuer.address),
        para(f"SIRET : {issuer.siret}"),
        para(f"Déclaration SAP n° {issuer.sap_number}{declared}"),
    ]
    if issuer.demo:
        lines.append(bold(mentions.DEMO_NOTICE))
    return lines


def footer(issuer: Issuer) -> str:
    parts = [issuer.name, f"SIRET {issuer.siret}", f"SAP n° {issuer.sap_number}"]
    if issuer.demo:
        parts.insert(0, "DEMO")
    return " — ".join(part for part in parts if part.strip())


def intervener(person: Intervener) -> str:
    """A person and what identifies them; a trainee with the tutor who went along."""
    own = f"{person.name} (SIRET {person.siret})" if person.siret else person.name
    if person.tutor_name:
        tutor = (
            f"{person.tutor_name} (SIRET {person.tutor_siret})"
            if person.tutor_siret
            else person.tutor_name
        )
        who = own if person.siret else f"{person.name}, en formation"
        return f"{who}, avec son tuteur {tutor}"
    if not person.siret:
        return f"{person.name} (SIRET non communiqué)"
    return own


def interveners(people: Sequence[Intervener]) -> str:
    return "; ".join(intervener(person) for person in people) or "—"


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


def hourly(cents: int) -> str:
    return f"{formats.euros(cents)} / h"
