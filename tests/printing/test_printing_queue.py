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
from sync.protocol import PaymentMethod


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    fake = FakePrinter()
    yield fake
    fake.close()


def _connection(printer: FakePrinter, *, after_job: float = 1.0) -> NetworkConnection:
    return NetworkConnection(
        "127.0.0.1",
        printer.port,
        connect_timeout=1,
        send_timeout=1,
        status_timeout=0.3,
        after_job_timeout=after_job,
    )


def _worker(
    comptoir: Comptoir,
    printer: FakePrinter,
    tmp_path: Path,
    events: list[PrintEvent],
    *,
    after_job: float = 1.0,
) -> PrintWorker:
    return PrintWorker(
        comptoir,
        connection=_connection(printer, after_job=after_job),
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


def _without_status_queries(data: bytes) -> bytes:
    return data.replace(b"\x10\x04\x02", b"").replace(b"\x10\x04\x04", b"")


def test_a_slow_status_after_the_job_prints_it_once_and_opens_the_drawer_once(
    association: Comptoir,
    place_order: PlaceOrder,
    complete_order: CompleteOrder,
    printer: FakePrinter,
    tmp_path: Path,
) -> None:
    """A printer busy printing answers its status 2.5 s after the job: the job took
    every byte, so it is done — not sent again at each retry (three copies were seen,
    the cash drawer opening each time)."""
    order = complete_order(place_order(), methods=(PaymentMethod.CASH,))
    printer.status_delay_after_job = 2.5
    events: list[PrintEvent] = []
    worker = _worker(association, printer, tmp_path, events, after_job=6.0)
    assert worker.run_once() == 2  # the order ticket, then the receipt
    assert worker.run_once() == 0  # nothing left to print again
    printout = read(printer.printed)
    assert printout.text.count("Votre commande") == 1
    assert printout.text.count("REÇU DE PAIEMENT") == 1
    assert printout.drawer_kicks == 1 and "REPRINT" not in printout.text
    assert [e.outcome for e in events] == ["printed", "printed"]
    assert [j.status for j in association.print_jobs.for_order(order.id)] == [
        PrintStatus.PRINTED,
        PrintStatus.PRINTED,
    ]


def test_a_connection_dropped_mid_job_reprints_it_once_marked_reprint(
    association: Comptoir,
    place_order: PlaceOrder,
    complete_order: CompleteOrder,
    printer: FakePrinter,
    tmp_path: Path,
) -> None:
    order = complete_order(place_order(), methods=(PaymentMethod.CASH,))
    association.print_jobs.mark_printed(association.print_jobs.for_order(order.id)[0].id)
    printer.drop_after = 200  # a receipt is over a kilobyte: cut after its header
    printer.drop_once = True
    worker = _worker(association, printer, tmp_path, [])
    assert worker.run_once() == 0
    [_ticket, receipt_job] = association.print_jobs.for_order(order.id)
    job = association.print_jobs.get(receipt_job.id)
    assert (job.status, job.last_error, job.interrupted) == (
        PrintStatus.QUEUED,
        "printer.dropped",
        True,
    )
    assert worker.run_once() == 1
    assert worker.run_once() == 0
    assert association.print_jobs.get(job.id).status is PrintStatus.PRINTED
    whole = read(_without_status_queries(printer.received[-1]))
    assert whole.cuts == 1 and "REPRINT" in whole.text
    everything = read(printer.printed)
    assert everything.text.count("REPRINT") == 1
    assert everything.drawer_kicks <= 1  # the cut copy never reached it; the reprint skips it


def test_a_reprint_cut_again_waits_for_the_attendant(
    association: Comptoir, place_order: PlaceOrder, printer: FakePrinter, tmp_path: Path
) -> None:
    order = place_order()
    printer.drop_after = 200  # every time
    events: list[PrintEvent] = []
    worker = _worker(association, printer, tmp_path, events)
    worker.run_once()
    worker.run_once()
    [job] = association.print_jobs.for_order(order.id)
    assert job.status is PrintStatus.FAILED and job.last_error == "printer.dropped"
    assert [t.id for t in association.print_jobs.troubles()] == [job.id]
    assert events[-1].outcome == "failed"
    assert worker.run_once() == 0  # no endless partial tickets
    assert len(printer.received) == 2

    association.print_jobs.print_elsewhere(job.id, attendant_id=None)
    assert worker.run_once() == 1  # saved as a picture and text instead
    assert association.print_jobs.get(job.id).status is PrintStatus.PRINTED
    assert association.print_jobs.troubles() == []
    assert len(printer.received) == 2 and list((tmp_path / "tickets").glob("*.png"))


def test_retry_and_cancel_a_failed_job(
    association: Comptoir, place_order: PlaceOrder, printer: FakePrinter, tmp_path: Path
) -> None:
    order = place_order()
    printer.drop_after = 200
    worker = _worker(association, printer, tmp_path, [])
    worker.run_once()
    worker.run_once()
    [job] = association.print_jobs.for_order(order.id)
    printer.drop_after = None
    association.print_jobs.retry(job.id, attendant_id=None)
    assert worker.run_once() == 1
    assert "REPRINT" in read(_without_status_queries(printer.received[-1])).text
    association.print_jobs.reprint(order.id)
    printer.paper_out = True
    worker.run_once()
    [_, again] = association.print_jobs.for_order(order.id)
    assert [t.id for t in association.print_jobs.troubles()] == [again.id]
    association.print_jobs.cancel(again.id, attendant_id=None)
    assert association.print_jobs.troubles() == []
    assert association.print_jobs.queued() == []


def test_invoices_are_saved_while_a_ticket_is_stuck(
    association: Comptoir,
    place_order: PlaceOrder,
    complete_order: CompleteOrder,
    printer: FakePrinter,
    tmp_path: Path,
) -> None:
    order = complete_order(place_order(), methods=(PaymentMethod.CARD,))
    printer.paper_out = True
    association.print_jobs.print_invoice(order.id, attendant_id=None)
    worker = _worker(association, printer, tmp_path, [])
    assert worker.run_once() == 1  # the invoice, behind two stuck tickets
    [invoice] = association.invoices.for_order(order.id)
    assert (tmp_path / "invoices" / f"{invoice.number}.pdf").is_file()
    assert worker.run_once() == 0  # the tickets wait for paper; the PDF is not redone


def test_a_stalled_printer_is_not_taken_for_a_printed_job(
    association: Comptoir, place_order: PlaceOrder, printer: FakePrinter, tmp_path: Path
) -> None:
    order = place_order()
    printer.stall_after = 100  # answers the first status queries, then takes nothing
    worker = _worker(association, printer, tmp_path, [])
    assert worker.run_once() == 0
    [job] = association.print_jobs.for_order(order.id)
    assert job.status is PrintStatus.QUEUED and job.last_error == "printer.stalled"
    assert job.interrupted  # it may be cut on paper: the next try says REPRINT


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


def test_a_printer_set_up_while_the_kiosk_runs_prints_the_next_ticket(
    association: Comptoir, place_order: PlaceOrder, printer: FakePrinter, tmp_path: Path
) -> None:
    """The wizard's or the Settings' printer is used at once, not at the next start."""
    events: list[PrintEvent] = []
    worker = PrintWorker.from_settings(association, tmp_path / "data", on_event=events.append)
    first = place_order()
    assert worker.run_once() == 1 and events[-1].outcome == "saved"  # no printer yet
    association.settings.update(printer_kind="network", printer_address=f"127.0.0.1:{printer.port}")
    second = place_order()
    assert worker.run_once() == 1
    assert events[-1].outcome == "printed"
    text = read(printer.printed).text
    assert second.number in text and first.number not in text
