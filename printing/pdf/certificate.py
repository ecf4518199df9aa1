"""The yearly tax certificate ("attestation fiscale", art. D7233-4 of the code du
travail) and a Lulu's monthly statement."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from kiosk_app.views.invoices import LuluStatement, TaxCertificate

from .. import formats
from .base import bold, build, para, table
from .invoice import association_lines, footer, lulu, two_columns, unit_price

PER_PROCESS_MIN = 50  # below this many certificates, starting processes costs more


def certificate_story(certificate: TaxCertificate, *, issued_on: date) -> list[Flowable]:
    association = certificate.association
    year = certificate.year
    heading = [
        bold(f"ATTESTATION FISCALE {year}", "title"),
        para("Services à la personne — art. D7233-4 du code du travail"),
    ]
    client = [bold("Bénéficiaire", "heading"), para(certificate.client_name)]
    client.append(para(certificate.client_address))
    return [
        two_columns(association_lines(association), heading),
        Spacer(1, 8 * mm),
        two_columns(client, []),
        Spacer(1, 4 * mm),
        para(
            f"{association.association_name} atteste que {certificate.client_name} a bénéficié "
            f"en {year} des services à la personne suivants, rendus à son domicile par les "
            "intervenants nommés ci-dessous :"
        ),
        Spacer(1, 3 * mm),
        table(
            ["Date", "Nature du service", "Intervenant (Lulu)", "Durée", "Montant"],
            [
                [
                    formats.short_date(line.day),
                    line.service_name,
                    lulu(line),
                    formats.duration(line.minutes),
                    formats.euros(line.amount_cents),
                ]
                for line in certificate.lines
            ],
            widths=[24, 58, 52, 18, 22],
            right=3,
        ),
        Spacer(1, 4 * mm),
        para(f"Montant total facturé : {formats.euros(certificate.invoiced_cents)}"),
        bold(
            "Montant effectivement acquitté par des moyens de paiement ouvrant droit au "
            f"crédit d’impôt en {year} : {formats.euros(certificate.paid_eligible_cents)}"
        ),
        para(
            f"Sommes réglées en espèces, qui n’ouvrent pas droit au crédit d’impôt : "
            f"{formats.euros(certificate.paid_cash_cents)}"
        ),
        Spacer(1, 4 * mm),
        para(
            "Ce montant est à reporter sur votre déclaration de revenus pour bénéficier du "
            "crédit d’impôt de 50 % (art. 199 sexdecies du code général des impôts), dans "
            "la limite des plafonds en vigueur. Les aides perçues pour ces services "
            "(APA, PCH, aides de caisses de retraite, CESU préfinancés par un employeur) "
            "sont à déduire."
        ),
        Spacer(1, 6 * mm),
        para(f"Fait à Paris, le {formats.long_date(issued_on)}."),
        para(f"Pour {association.association_name}"),
    ]


def certificate_pdf(
    certificate: TaxCertificate, *, issued_on: date, target: Path | None = None
) -> bytes:
    return build(
        certificate_story(certificate, issued_on=issued_on),
        title=f"Attestation fiscale {certificate.year} — {certificate.client_name}",
        footer=footer(certificate.association),
        target=target,
    )


def certificate_filename(certificate: TaxCertificate) -> str:
    return f"attestation-{certificate.year}-{certificate.client_id}.pdf"


def _write_one(job: tuple[TaxCertificate, Path, date]) -> Path:
    certificate, path, issued_on = job
    certificate_pdf(certificate, issued_on=issued_on, target=path)
    return path


def write_certificates(
    certificates: list[TaxCertificate],
    folder: Path,
    *,
    issued_on: date,
    workers: int | None = None,
) -> Iterator[Path]:
    """One PDF per client in `folder`; yields each path once written. Laying out a PDF
    is pure CPU work: with many certificates, it is shared among processes (one per
    core by default), as the yearly run for a thousand clients needs."""
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [(c, folder / certificate_filename(c), issued_on) for c in certificates]
    workers = min(workers or os.cpu_count() or 1, max(1, len(jobs) // PER_PROCESS_MIN))
    if workers <= 1:
        yield from map(_write_one, jobs)
        return
    with ProcessPoolExecutor(workers) as pool:
        yield from pool.map(_write_one, jobs, chunksize=max(1, len(jobs) // (workers * 8)))


def statement_pdf(statement: LuluStatement, target: Path | None = None) -> bytes:
    association = statement.association
    month = f"{formats.month_name(statement.month)} {statement.year}"
    heading = [
        bold("RELEVÉ MENSUEL DES PRESTATIONS", "title"),
        para(f"Mois : {month}"),
        para(f"Lulu : {statement.lulu_name}"),
        para(f"SIRET : {statement.lulu_siret or 'non communiqué'}"),
    ]
    story: list[Flowable] = [
        two_columns(association_lines(association), heading),
        Spacer(1, 8 * mm),
        para(
            "Services réalisés ce mois-ci, pour établir votre facture à l’association "
            "(prix facturés aux clients) :"
        ),
        Spacer(1, 3 * mm),
        table(
            ["Date", "Commande", "Prestation", "Durée", "Prix unitaire", "Montant"],
            [
                [
                    f"{formats.short_date(line.day)} {formats.clock_time(line.start)}",
                    line.order_number,
                    line.service_name,
                    formats.duration(line.minutes),
                    unit_price(line),
                    formats.euros(line.amount_cents),
                ]
                for line in statement.lines
            ],
            widths=[24, 22, 50, 18, 36, 24],
            right=3,
        ),
        Spacer(1, 4 * mm),
        bold(
            f"Total : {len(statement.lines)} prestation(s), "
            f"{formats.duration(statement.total_minutes)}, "
            f"{formats.euros(statement.total_cents)}"
        ),
    ]
    return build(
        story,
        title=f"Relevé {month} — {statement.lulu_name}",
        footer=footer(association),
        target=target,
    )
