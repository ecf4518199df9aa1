"""The yearly tax certificate ("attestation fiscale", art. D7233-4 code du travail), with
the content servicesalapersonne.gouv.fr lists (docs/LEGAL.md), one PDF per client."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .. import formats, mentions
from ..content import CashRule, CertificateContent
from .base import bold, build, para, table
from .common import footer, hourly, interveners, issuer_lines, two_columns

PER_PROCESS_MIN = 50  # below this many certificates, starting processes costs more


def certificate_story(certificate: CertificateContent) -> list[Flowable]:
    issuer = certificate.issuer
    year = certificate.year
    heading = [
        bold(f"ATTESTATION FISCALE {year}", "title"),
        para("Services à la personne — art. D7233-4 du code du travail"),
        para(f"Mode d’intervention : {mentions.mode(issuer.intervention_mode)}"),
    ]
    if certificate.scope:
        heading.append(para(certificate.scope, "small"))
    client = [
        bold("Bénéficiaire", "heading"),
        para(certificate.client_name),
        para(certificate.client_address),
    ]
    story: list[Flowable] = [
        two_columns(issuer_lines(issuer), heading),
        Spacer(1, 8 * mm),
        two_columns(client, []),
        Spacer(1, 4 * mm),
        para(
            f"{issuer.name} atteste que {certificate.client_name} a bénéficié en {year} des "
            "services à la personne suivants, rendus à son domicile (récapitulatif "
            "mensuel des interventions) :"
        ),
        Spacer(1, 3 * mm),
        table(
            [
                "Mois",
                "Nature du service",
                "Intervenant(s) et identification",
                "Nombre",
                "Durée effective",
                "Prix horaire TTC",
                "Montant",
            ],
            [
                [
                    f"{formats.month_name(line.month.month)} {line.month.year}",
                    line.service_name,
                    interveners(line.interveners),
                    str(line.interventions),
                    formats.duration(line.minutes_worked),
                    hourly(line.hourly_price_cents),
                    formats.euros(line.amount_cents),
                ]
                for line in certificate.lines
            ],
            widths=[18, 30, 42, 14, 24, 26, 20],
            right=3,
        ),
        Spacer(1, 4 * mm),
        bold(
            f"Montant effectivement acquitté en {year}, net des avoirs : "
            f"{formats.euros(certificate.paid_cents)}"
        ),
        para(f"dont réglé en CESU préfinancés : {formats.euros(certificate.cesu_cents)}"),
        para(f"dont réglé en espèces : {formats.euros(certificate.cash_cents)}"),
        bold(
            "Montant ouvrant droit au crédit d’impôt, hors CESU préfinancés : "
            f"{formats.euros(certificate.eligible_cents)}"
        ),
        para(
            mentions.CASH_EXCLUDED
            if certificate.cash_rule is CashRule.EXCLUDED
            else mentions.CASH_INCLUDED
        ),
    ]
    if certificate.cesu_cents:
        story.append(para(mentions.CESU_SENTENCE))
    story += [
        Spacer(1, 4 * mm),
        para(
            f"{mentions.TAX_CREDIT}, dans la limite des plafonds en vigueur. Les aides "
            "perçues pour ces services (APA, PCH, aides des caisses de retraite) sont à "
            "déduire du montant déclaré."
        ),
        Spacer(1, 6 * mm),
        para(f"Fait le {formats.long_date(certificate.issued_on)}."),
        para(f"Pour {issuer.name}"),
    ]
    return story


def certificate_pdf(certificate: CertificateContent, target: Path | None = None) -> bytes:
    return build(
        certificate_story(certificate),
        title=f"Attestation fiscale {certificate.year} — {certificate.client_name}",
        footer=footer(certificate.issuer),
        target=target,
        demo=certificate.issuer.demo,
    )


def certificate_filename(certificate: CertificateContent) -> str:
    """Named by year and client, as the association files them; the client's short
    id keeps two namesakes apart."""
    short = re.sub(r"[^0-9a-f]", "", certificate.client_id.lower())[:6]
    return (
        f"attestation-{certificate.year}-{formats.file_slug(certificate.client_name)}-{short}.pdf"
    )


def _write_one(job: tuple[CertificateContent, Path]) -> Path:
    certificate, path = job
    certificate_pdf(certificate, target=path)
    os.chmod(path, 0o600)  # a person's name, address and spending
    return path


def write_certificates(
    certificates: list[CertificateContent], folder: Path, *, workers: int | None = None
) -> Iterator[Path]:
    """One PDF per client in `folder` (owner-only); yields each path once written.
    Laying out a PDF is pure CPU work: with many certificates, it is shared among
    processes (one per core by default), as the yearly run for a thousand clients needs."""
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    jobs = [(c, folder / certificate_filename(c)) for c in certificates]
    workers = min(workers or os.cpu_count() or 1, max(1, len(jobs) // PER_PROCESS_MIN))
    if workers <= 1:
        yield from map(_write_one, jobs)
        return
    with ProcessPoolExecutor(workers) as pool:
        yield from pool.map(_write_one, jobs, chunksize=max(1, len(jobs) // (workers * 8)))
