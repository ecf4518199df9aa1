"""The till's closing report (Z): its ESC/POS bytes read back with the code page the
stream selected, at both widths; printed by the queue from its job; its PDF read back
with pdftotext; `kiosk till-report`."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from escpos_reader import read
from hypothesis import given, settings
from hypothesis import strategies as st
from pdf_tools import assert_only_embedded_dejavu, pdf_text
from printing_support import CompleteOrder, FakeClock, PlaceOrder

from kiosk_app.__main__ import main
from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import PrintStatus, Role
from kiosk_app.services.journal import enqueue_print
from kiosk_app.views.settings import DEFAULTS, KioskSettings
from kiosk_app.views.till import CashSessionView, TillLine
from printing.escpos import render
from printing.profiles import profile_for
from printing.queue import PrintWorker
from printing.sources import ticket_for
from printing.till_report import till_report
from sync.protocol import PaymentMethod

MANAGER_PIN = "739104"


@pytest.fixture
def closed_day(
    association: Comptoir,
    place_order: PlaceOrder,
    complete_order: CompleteOrder,
    clock: FakeClock,
) -> uuid.UUID:
    """A day at the counter: the till opened at 9:00 (Paris) with a 150 € float, an
    order of 3 units (at 5 € for 20 min) paid part cash, part card, a second order paid
    by cheque; the drawer 6 € short, the card slips right, the cheque forgotten; a
    manager accepts. Returns the closing report's print job."""
    attendant = association.attendants.add("Camille Martin", Role.ATTENDANT, "482913")
    manager = association.attendants.add("Sophie Bernard", Role.MANAGER, MANAGER_PIN)
    first, second = place_order(), place_order(phone="07 81 22 33 44", name="Éloïse Dupré")
    clock.now = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    association.till.open(150_00, attendant.id)
    complete_order(first, minutes=60, methods=(PaymentMethod.CASH, PaymentMethod.CARD))
    complete_order(second, minutes=40, methods=(PaymentMethod.CHEQUE,))
    clock.now = datetime(2026, 11, 29, 18, 30, tzinfo=UTC)
    association.till.close(
        {PaymentMethod.CASH: 150_00 + 750 - 600, PaymentMethod.CARD: 750},
        attendant.id,
        manager_id=manager.id,
        manager_pin=MANAGER_PIN,
    )
    [job] = [j for j in association.print_jobs.queued() if j.kind == "till_report"]
    return job.id


Z_80 = """\
            Lulu dans ma rue (démo)
              Comptoir Saint-Paul
         12 rue Saint-Paul, 75004 Paris
------------------------------------------------
               CLÔTURE DE CAISSE
         Z-0001
------------------------------------------------
Ouverture : 27/11/2026 à 9 h
par Camille Martin
Clôture : 29/11/2026 à 19 h 30
par Camille Martin

Fond de caisse                          150,00 €
------------------------------------------------
Espèces (1 paiement)
  Attendu                               157,50 €
  Compté                                151,50 €
  Écart                                  -6,00 €
Carte bancaire (1 paiement)
  Attendu                                 7,50 €
  Compté                                  7,50 €
  Écart                                   0,00 €
Chèque (1 paiement)
  Attendu                                10,00 €
  Compté                                  0,00 €
  Écart                                 -10,00 €
CESU : aucun                              0,00 €
Virement : aucun                          0,00 €
------------------------------------------------
Nombre de paiements                            3
Total attendu                           175,00 €
Total compté                            159,00 €
Écart total                             -16,00 €

Écart validé par :
Sophie Bernard

Signature :


"""


@pytest.mark.parametrize("codepage", ["cp858", "cp1252"])
def test_the_z_at_80_mm_reads_back_exactly(
    association: Comptoir, closed_day: uuid.UUID, codepage: str
) -> None:
    ticket = ticket_for(association, "till_report", None, job_id=closed_day)
    printout = read(render(ticket, profile_for("80", codepage)))
    assert printout.codec == codepage
    assert [*printout.text.split("\n"), ""] == Z_80.split("\n")
    assert printout.cuts == 1 and printout.drawer_kicks == 0
    big = [line.text.strip() for line in printout.lines if line.big]
    assert big == ["Z-0001"]


def test_the_z_at_58_mm_keeps_every_figure_within_32_columns(
    association: Comptoir, closed_day: uuid.UUID
) -> None:
    ticket = ticket_for(association, "till_report", None, job_id=closed_day)
    printout = read(render(ticket, profile_for("58", "cp1252")))
    assert all(len(line.text) <= (16 if line.big else 32) for line in printout.lines)
    lines = [line.text for line in printout.lines]
    for expected in (
        "       CLÔTURE DE CAISSE",
        "Ouverture : 27/11/2026 à 9 h",
        "Fond de caisse          150,00 €",
        "  Écart                  -6,00 €",
        "Chèque (1 paiement)",
        "  Écart                 -10,00 €",
        "Virement : aucun          0,00 €",
        "Écart total             -16,00 €",
        "Écart validé par :",
        "Sophie Bernard",
    ):
        assert expected in lines


def test_the_queue_prints_the_z_from_its_job(
    association: Comptoir, closed_day: uuid.UUID, tmp_path: Path
) -> None:
    worker = PrintWorker(
        association, connection=None, profile=profile_for("80"), tickets_dir=tmp_path
    )
    # Two order tickets, three receipts and the Z, oldest first.
    assert worker.run_once() == 6
    assert association.print_jobs.get(closed_day).status is PrintStatus.PRINTED
    [text] = tmp_path.glob("Z-0001-till_report-*.txt")
    assert text.read_text(encoding="utf-8") == Z_80.replace(
        "         Z-0001", "Z-0001".center(48).rstrip()
    )


def test_a_z_job_without_its_session_is_set_aside_and_the_queue_goes_on(
    association: Comptoir, clock: FakeClock, tmp_path: Path
) -> None:
    with association.store.write() as session:
        orphan = enqueue_print(session, kind="till_report", order_id=None, lang="fr", now=clock.now)
    tickets = tmp_path / "tickets"
    worker = PrintWorker(
        association, connection=None, profile=profile_for("80"), tickets_dir=tickets
    )
    worker.run_once()
    assert not tickets.exists()  # nothing printed
    job = association.print_jobs.get(orphan)
    assert (job.status, job.last_error) == (PrintStatus.FAILED, "printer.unprintable")


def test_a_reprint_prints_the_same_report(association: Comptoir, closed_day: uuid.UUID) -> None:
    again = association.till.reprint(1)
    assert again != closed_day
    profile = profile_for("80")
    original = render(ticket_for(association, "till_report", None, job_id=closed_day), profile)
    assert render(ticket_for(association, "till_report", None, job_id=again), profile) == original


def test_kiosk_till_report_writes_the_pdf_and_the_bytes(
    association: Comptoir,
    closed_day: uuid.UUID,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data_dir = association.store.path.parent
    pdf, escpos = tmp_path / "z.pdf", tmp_path / "z.bin"
    args = ["till-report", "latest", "--data-dir", str(data_dir), "--pdf", str(pdf)]
    assert main([*args, "--escpos", str(escpos)]) == 0
    text = pdf_text(pdf)
    for expected in (
        "CLÔTURE DE CAISSE",
        "Z-0001",
        "Clôture : 29/11/2026 à 19 h 30",
        "Fond de caisse                          150,00 €",
        "Écart total                             -16,00 €",
        "Sophie Bernard",
    ):
        assert expected in text
    assert_only_embedded_dejavu(pdf)
    job = ticket_for(association, "till_report", None, job_id=closed_day)
    assert escpos.read_bytes() == render(job, profile_for())

    assert main(["till-report", "Z-0001", "--data-dir", str(data_dir), "--pdf", str(pdf)]) == 0
    assert main(["till-report", "2", "--data-dir", str(data_dir), "--pdf", str(tmp_path / "x")])
    assert "Introuvable" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


# --- Any text in the printed fields ----------------------------------------------------

nasty = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        ["'; DROP TABLE cash_sessions;--", "👵🏽‍🦳🎉" * 20, "x" * 3000, "\x00\x1b@\x1dV"]
    ),
)
WHEN = datetime(2026, 11, 27, 17, 45, tzinfo=UTC)


@settings(max_examples=40, deadline=None)
@given(
    association=nasty,
    kiosk=nasty,
    opened_by=nasty,
    approved_by=nasty,
    amounts=st.lists(st.integers(min_value=-(10**9), max_value=10**9), min_size=3, max_size=3),
    width=st.sampled_from(["80", "58"]),
)
def test_the_z_takes_any_text_and_amount(
    association: str,
    kiosk: str,
    opened_by: str,
    approved_by: str,
    amounts: list[int],
    width: str,
) -> None:
    expected, counted, float_cents = amounts
    session = CashSessionView(
        id=uuid.uuid4(),
        number=12,
        float_cents=abs(float_cents),
        opened_at=WHEN,
        opened_by=opened_by,
        closed_at=WHEN,
        closed_by=opened_by,
        approved_by=approved_by,
        lines=tuple(TillLine(m, expected, abs(counted), 2) for m in PaymentMethod),
    )
    settings_ = KioskSettings(**{**DEFAULTS, "association_name": association, "kiosk_name": kiosk})
    profile = profile_for(width)
    printout = read(render(till_report(session, settings_), profile))  # no stray control byte
    assert all(len(line.text) <= profile.columns for line in printout.lines)
    assert "CLÔTURE DE CAISSE" in printout.text
    # An open session prints as a reading (X), without counts.
    reading = dataclasses.replace(session, closed_at=None, closed_by=None, approved_by=None)
    assert "X-0012" in read(render(till_report(reading, settings_), profile)).text
