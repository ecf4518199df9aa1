"""The print queue against a fake printer on a loopback port: every fault leaves the job
queued with a warning for the attendant, and only a whole job counts as printed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from escpos_reader import read
from fake_printer import FakePrinter
from printing_support import CompleteOrder, PlaceOrder

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import PrintStatus
from printing.connections import NetworkConnection, PrinterStatus, connection_for
from printing.messages import printer_message
from printing.profiles import profile_for
from printing.queue import PrintEvent, PrintWorker


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    fake = FakePrinter()
    yield fake
    fake.close()


def _connection(printer: FakePrinter) -> NetworkConnection:
    return NetworkConnection(
        "127.0.0.1", printer.port, connect_timeout=1, send_timeout=1, status_timeout=0.3
    )


def _worker(
    comptoir: Comptoir, printer: FakePrinter, tmp_path: Path, events: list[PrintEvent]
) -> PrintWorker:
    return PrintWorker(
        comptoir,
        connection=_connection(printer),
        profile=profile_for("80", "cp858"),
        tickets_dir=tmp_path / "tickets",
        on_event=events.append,
        retry_delays=(0.0,),
    )


def test_a_queued_ticket_prints_whole_and_is_marked(
    association: Comptoir, place_order: PlaceOrder, printer: FakePrinter, tmp_path: Path
) -> None:
    order = place_order()
    events: list[PrintEvent] = []
    assert _worker(association, printer, tmp_path, events).run_once() == 1
    printout = read(printer.printed)
    assert order.number in printout.text and "15,00 €" in printout.text
    assert printout.cuts == 1
    [job] = association.print_jobs.for_order(order.id)
    assert job.status is PrintStatus.PRINTED and job.last_error is None
    assert [e.outcome for e in events] == ["printed"]


@pytest.mark.parametrize(
    ("fault", "key"),
    [("paper_out", "printer.paper_out"), ("cover_open", "printer.cover_open")],
)
def test_paper_out_or_cover_open_keeps_the_job_queued_and_prints_nothing(
    association: Comptoir,
    place_order: PlaceOrder,
    printer: FakePrinter,
    tmp_path: Path,
    fault: str,
    key: str,
) -> None:
    order = place_order()
    setattr(printer, fault, True)
    events: list[PrintEvent] = []
    worker = _worker(association, printer, tmp_path, events)
    assert worker.run_once() == 0
    [job] = association.print_jobs.for_order(order.id)
    assert job.status is PrintStatus.QUEUED and job.last_error == key
    assert [job.id for job in association.print_jobs.faults()] == [job.id]
    assert printer.printed == b""  # not a byte of the ticket was sent
    assert events[-1].outcome == "fault" and events[-1].message_key == key
    assert "papier" in printer_message(key) or "capot" in printer_message(key)

    setattr(printer, fault, False)  # the attendant fixes it: the same job prints
    assert worker.run_once() == 1
    assert association.print_jobs.get(job.id).status is PrintStatus.PRINTED
    assert association.print_jobs.faults() == []
    assert order.number in read(printer.printed).text


def test_printer_switched_off_keeps_the_job_queued(
    association: Comptoir, place_order: PlaceOrder, printer: FakePrinter, tmp_path: Path
) -> None:
    order = place_order()
    printer.close()  # nobody listens on the port any more
    worker = _worker(association, printer, tmp_path, [])
    assert worker.run_once() == 0
    [job] = association.print_jobs.for_order(order.id)
    assert (job.status, job.last_error, job.attempts) == (
        PrintStatus.QUEUED,
        "printer.offline",
        0,
    )


def test_connection_dropped_mid_job_is_retried_until_whole(
    association: Comptoir, place_order: PlaceOrder, printer: FakePrinter, tmp_path: Path
) -> None:
    order = place_order()
    printer.drop_after = 200  # a ticket is over a kilobyte
    worker = _worker(association, printer, tmp_path, [])
    assert worker.run_once() == 0
    [job] = association.print_jobs.for_order(order.id)
    assert (job.status, job.last_error, job.attempts) == (
        PrintStatus.QUEUED,
        "printer.dropped",
        1,
    )
    printer.drop_after = None
    assert worker.run_once() == 1
    assert association.print_jobs.get(job.id).status is PrintStatus.PRINTED
    assert (
        read(printer.received[-1].replace(b"\x10\x04\x02", b"").replace(b"\x10\x04\x04", b"")).cuts
        == 1
    )


def test_a_stalled_printer_is_not_taken_for_a_printed_job(
    association: Comptoir, place_order: PlaceOrder, printer: FakePrinter, tmp_path: Path
) -> None:
    order = place_order()
    printer.stall_after = 100  # answers the first status queries, then takes nothing
    worker = _worker(association, printer, tmp_path, [])
    assert worker.run_once() == 0
    [job] = association.print_jobs.for_order(order.id)
    assert job.status is PrintStatus.QUEUED and job.last_error == "printer.stalled"


def test_no_answer_to_a_status_query_counts_as_unknown(printer: FakePrinter) -> None:
    printer.answers_status = False
    printer.paper_out = True  # it would say so, if it answered
    assert _connection(printer).status() is PrinterStatus.UNKNOWN
    printer.answers_status = True
    assert _connection(printer).status() is PrinterStatus.PAPER_OUT
    printer.paper_out = False
    assert _connection(printer).status() is PrinterStatus.READY


def test_a_printer_without_status_still_prints(
    association: Comptoir, place_order: PlaceOrder, printer: FakePrinter, tmp_path: Path
) -> None:
    order = place_order()
    printer.answers_status = False
    assert _worker(association, printer, tmp_path, []).run_once() == 1
    assert association.print_jobs.for_order(order.id)[0].status is PrintStatus.PRINTED


def test_jobs_keep_their_order_behind_a_fault(
    association: Comptoir, place_order: PlaceOrder, printer: FakePrinter, tmp_path: Path, clock
) -> None:
    first = place_order(phone="06 11 11 11 11")
    clock.advance(minutes=1)
    second = place_order(phone="06 22 22 22 22")
    printer.paper_out = True
    worker = _worker(association, printer, tmp_path, [])
    worker.run_once()
    assert association.print_jobs.for_order(second.id)[0].last_error is None  # not tried
    printer.paper_out = False
    assert worker.run_once() == 2
    text = read(printer.printed).text
    assert text.index(first.number) < text.index(second.number)


def test_reprint_from_the_order_history_makes_a_new_job(
    association: Comptoir, place_order: PlaceOrder, printer: FakePrinter, tmp_path: Path
) -> None:
    order = place_order()
    worker = _worker(association, printer, tmp_path, [])
    worker.run_once()
    association.print_jobs.reprint(order.id)
    assert worker.run_once() == 1
    history = association.print_jobs.for_order(order.id)
    assert [job.status for job in history] == [PrintStatus.PRINTED, PrintStatus.PRINTED]
    assert read(printer.printed).text.count("Votre commande") == 2


def test_the_worker_thread_prints_without_anyone_waiting(
    association: Comptoir, place_order: PlaceOrder, printer: FakePrinter, tmp_path: Path
) -> None:
    printed = threading.Event()
    worker = PrintWorker(
        association,
        connection=_connection(printer),
        profile=profile_for("58", "cp1252"),
        tickets_dir=tmp_path / "tickets",
        on_event=lambda event: printed.set() if event.outcome == "printed" else None,
        poll_seconds=0.05,
    )
    worker.start()
    try:
        order = place_order()
        worker.wake()
        assert printed.wait(10)
    finally:
        worker.stop()
    assert order.number in read(printer.printed).text


def test_without_a_printer_tickets_are_saved_as_png_and_text(
    association: Comptoir, place_order: PlaceOrder, tmp_path: Path
) -> None:
    order = place_order(street="5 rue Charlemagne — cœur")
    events: list[PrintEvent] = []
    worker = PrintWorker.from_settings(association, tmp_path / "data", on_event=events.append)
    assert worker.run_once() == 1
    [event] = events
    assert event.outcome == "saved"
    png, text = event.files
    assert png.parent == tmp_path / "data" / "tickets"
    assert png.read_bytes().startswith(b"\x89PNG")
    content = text.read_text(encoding="utf-8")
    assert order.number in content and "5 rue Charlemagne - coeur" in content
    assert f"/o/{order.public_token}" in content
    assert association.print_jobs.for_order(order.id)[0].status is PrintStatus.PRINTED


def test_connections_from_settings() -> None:
    assert connection_for("none", "") is None
    assert connection_for("network", "192.0.2.7") == NetworkConnection("192.0.2.7", 9100)
    assert connection_for("network", "printer.local:9101") == NetworkConnection(
        "printer.local", 9101
    )


def test_reprinted_receipt_is_a_copy_that_keeps_the_drawer_shut(
    association: Comptoir,
    place_order: PlaceOrder,
    complete_order: CompleteOrder,
    printer: FakePrinter,
    tmp_path: Path,
) -> None:
    from sync.protocol import PaymentMethod

    order = complete_order(place_order(), methods=(PaymentMethod.CASH,))
    worker = _worker(association, printer, tmp_path, [])
    assert worker.run_once() == 2  # the order ticket, then the receipt
    first = read(printer.printed)
    assert first.drawer_kicks == 1 and "DUPLICATA" not in first.text
    association.print_jobs.reprint(order.id, "receipt")
    assert worker.run_once() == 1
    both = read(printer.printed)
    assert both.drawer_kicks == 1  # the copy did not open it again
    assert both.text.count("REÇU DE PAIEMENT") == 2 and "DUPLICATA" in both.text
    assert [job.kind for job in association.print_jobs.for_order(order.id)] == [
        "order_ticket",
        "receipt",
        "receipt_copy",
    ]
