"""`kiosk ticket`, `kiosk invoice` and `kiosk certificates` on a real data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from escpos_reader import read
from pdf_tools import assert_only_embedded_dejavu, pdf_text
from printing_support import CompleteOrder, PlaceOrder

from kiosk_app.__main__ import main
from kiosk_app.comptoir import Comptoir
from sync.protocol import PaymentMethod


def test_ticket_writes_escpos_bytes(
    association: Comptoir, place_order: PlaceOrder, tmp_path: Path
) -> None:
    order = place_order()
    association.settings.update(printer_width="58", printer_codepage="cp1252")
    data_dir = association.store.path.parent
    out = tmp_path / "ticket.bin"
    assert main(["ticket", "1-1", "--data-dir", str(data_dir), "--escpos", str(out)]) == 0
    printout = read(out.read_bytes())
    assert printout.codec == "cp1252"
    assert order.number in printout.text and "Prestation" in printout.text
    assert all(len(line.text) <= 32 for line in printout.lines)


def test_ticket_without_printer_saves_files(
    association: Comptoir, place_order: PlaceOrder, capsys: pytest.CaptureFixture[str]
) -> None:
    order = place_order()
    data_dir = association.store.path.parent
    assert main(["ticket", order.number, "--data-dir", str(data_dir)]) == 0
    png, text = capsys.readouterr().out.split()
    assert Path(png).parent == data_dir / "tickets"
    assert order.number in Path(text).read_text(encoding="utf-8")


@pytest.mark.dates
def test_invoice_and_certificates(
    association: Comptoir,
    place_order: PlaceOrder,
    complete_order: CompleteOrder,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    order = complete_order(place_order(), methods=(PaymentMethod.CHEQUE,))
    data_dir = association.store.path.parent
    pdf = tmp_path / "f.pdf"
    assert main(["invoice", order.number, "--data-dir", str(data_dir), "--pdf", str(pdf)]) == 0
    assert "FACTURE n° F01-2026-00001" in " ".join(pdf_text(pdf).split())
    assert_only_embedded_dejavu(pdf)

    out = tmp_path / "certs"
    args = ["certificates", "--year", "2026", "--data-dir", str(data_dir), "--out", str(out)]
    assert main(args) == 0
    [certificate] = out.glob("*.pdf")
    assert "Madeleine Légère" in pdf_text(certificate)


def test_unknown_order_says_so(
    association: Comptoir,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    data_dir = association.store.path.parent
    code = main(["invoice", "01-0999", "--data-dir", str(data_dir), "--pdf", str(tmp_path / "x")])
    assert code == 3
    error = capsys.readouterr().err
    assert "Aucune commande ne porte le numéro 01-0999." in error
    assert not (tmp_path / "x").exists()


def test_certificates_without_the_associations_details_say_which_are_missing(
    comptoir: Comptoir, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store whose association details were never set by a person issues no legal
    document: the command names every missing detail, one a line, status 2."""
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    from sqlalchemy import delete

    from kiosk_app.store.models import Setting

    with comptoir.store.write() as session:
        session.execute(delete(Setting).where(Setting.key.like("association_%")))
    data_dir = comptoir.store.path.parent
    assert main(["certificates", "--year", "2026", "--data-dir", str(data_dir)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 5
    assert any("SIRET" in line for line in lines)
    assert any(
        "date de la déclaration SAP" in line or "SAP declaration date" in line for line in lines
    )
    assert not (data_dir / "certificates").exists()


def test_kiosk_certificates_say_they_cover_this_kiosk_only(
    association: Comptoir,
    place_order: PlaceOrder,
    complete_order: CompleteOrder,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    complete_order(place_order(), methods=(PaymentMethod.CARD,))
    data_dir = association.store.path.parent
    out = tmp_path / "certs"
    assert (
        main(["certificates", "--year", "2026", "--data-dir", str(data_dir), "--out", str(out)])
        == 0
    )
    err = capsys.readouterr().err
    assert "kiosk-server certificates" in err
    [pdf] = out.glob("*.pdf")
    assert "comptoir 01 (Saint-Paul) seulement" in " ".join(pdf_text(pdf).split())
