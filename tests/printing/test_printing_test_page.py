""" "Print a test page" on a loopback fake network printer: real ESC/POS bytes, read back
as a printer would; and the answer within the budget when the printer does not answer."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from escpos_reader import read
from fake_printer import FakePrinter

import printing.test_page as test_page_module
from kiosk_app.__main__ import main
from kiosk_app.comptoir import Comptoir
from printing.connections import NetworkConnection
from printing.messages import page_result_message
from printing.test_page import BUDGET_SECONDS, connection_within, print_test_page

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    fake = FakePrinter()
    yield fake
    fake.close()


@pytest.mark.parametrize(
    ("width", "codepage", "columns"), [("58", "cp858", 32), ("80", "cp1252", 48)]
)
def test_the_page_shows_accents_euro_and_a_qr_code(
    printer: FakePrinter, width: str, codepage: str, columns: int
) -> None:
    result = print_test_page(
        "network", f"127.0.0.1:{printer.port}", width, codepage,
        now=NOW, kiosk_name="Saint-Paul", qr_url="https://lulu.example.org/o/test",
    )  # fmt: skip
    assert (result.printed, result.key) == (True, "test_page.printed")
    printout = read(printer.printed)
    assert printout.codec == codepage  # selected with ESC t, the text in that page
    # Every accented letter of French, in both cases where the page has them.
    assert all(letter in printout.text for letter in "éèêëàâçôöùûüîïæÉÈÀÇÔ«»"), printout.text
    assert "Euro : 5,00 € " in printout.text and "12,50 €" in printout.text
    assert "€".encode(codepage) in printer.printed
    assert printout.qr_codes == ["https://lulu.example.org/o/test"]
    assert printout.cuts == 1
    assert ("1234567890" * 5)[:columns] in printout.text.splitlines()
    assert all(len(line.text) <= columns for line in printout.lines if not line.big)
    assert "14/03/2026 10:30" in printout.text  # Paris time


def test_cp858_has_no_oe_ligature_so_it_is_spelled_out(printer: FakePrinter) -> None:
    print_test_page("network", f"127.0.0.1:{printer.port}", "80", "cp858", now=NOW)
    text = read(printer.printed).text
    assert "ï oe æ" in text and "Ô OE" in text and "5,00 € - 12,50 €" in text


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_printer_that_is_not_there_did_not_answer() -> None:
    result = print_test_page("network", f"127.0.0.1:{free_port()}", "80", "cp858", now=NOW)
    assert (result.printed, result.key) == (False, "test_page.no_answer")
    assert page_result_message(result.key, "en") == (
        "The printer did not answer within 5 seconds: check that it is on and plugged in, "
        "and its address."
    )


def test_every_wait_of_an_unreachable_host_fits_in_five_seconds() -> None:
    # An unreachable host (TEST-NET-1, RFC 5737) may never refuse: the connection's own
    # waits bound how long the sender thread lives, the join the answer's time.
    connection = connection_within("network", "192.0.2.1:9100", BUDGET_SECONDS)
    assert isinstance(connection, NetworkConnection)
    assert BUDGET_SECONDS == 5.0
    assert connection.connect_timeout + connection.status_timeout * 2 <= BUDGET_SECONDS
    result = print_test_page("network", "192.0.2.1:9100", "80", "cp858", now=NOW, budget=0.5)
    assert (result.printed, result.key) == (False, "test_page.no_answer")


def test_a_printer_that_goes_silent_during_the_page_is_given_up_on(printer: FakePrinter) -> None:
    printer.status_delay_after_job = 3.0  # answers before the page, then nothing in time
    result = print_test_page("network", f"127.0.0.1:{printer.port}", "80", "cp858",
                             now=NOW, budget=1.0)  # fmt: skip
    assert (result.printed, result.key) == (False, "test_page.no_answer")


def test_paper_out_is_said(printer: FakePrinter) -> None:
    printer.paper_out = True
    result = print_test_page("network", f"127.0.0.1:{printer.port}", "80", "cp858", now=NOW)
    assert (result.printed, result.key) == (False, "printer.paper_out")
    assert page_result_message(result.key, "fr") == "L’imprimante n’a plus de papier."
    assert printer.printed == b""


def test_no_printer_chosen_and_a_missing_extra_are_said(monkeypatch: pytest.MonkeyPatch) -> None:
    assert print_test_page("none", "", "80", "cp858", now=NOW).key == "test_page.no_printer"
    # pycups absent (as where it was never built): the kind says which extra it needs.
    monkeypatch.setitem(test_page_module.EXTRAS, "cups", ("comptoir_no_such_module", "cups"))
    result = print_test_page("cups", "TM-T20", "80", "cp858", now=NOW)
    assert (result.key, result.params) == ("test_page.needs_extra", {"extra": "cups"})
    assert "« cups »" in page_result_message(result.key, "fr", **result.params)


def test_the_test_page_from_the_command_line(
    printer: FakePrinter,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    app = Comptoir.open(tmp_path / "kiosk")
    try:
        assert main(["test-page", "--data-dir", str(tmp_path / "kiosk")]) == 2  # no printer
        assert "No printer chosen" in capsys.readouterr().err
        app.printer_setup.save("network", f"127.0.0.1:{printer.port}", "58", "cp858")
        assert main(["test-page", "--data-dir", str(tmp_path / "kiosk")]) == 0
        assert capsys.readouterr().out.startswith("The test page went through")
        assert read(printer.printed).qr_codes == [app.settings.get().server_url]
        printer.paper_out = True
        assert main(["test-page", "--data-dir", str(tmp_path / "kiosk")]) == 4
        assert capsys.readouterr().err == "The printer is out of paper.\n"
        app.printer_setup.save("network", f"127.0.0.1:{free_port()}", "58", "cp858")
        assert main(["test-page", "--data-dir", str(tmp_path / "kiosk")]) == 1
    finally:
        app.close()
