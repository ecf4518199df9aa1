"""The kiosk's health report, built in the core from the store and the data folder:
what it says of the outbox, the print queue, the disk, the backups and the last failed
sync, and that nothing a resident typed is in it."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from sqlalchemy import update

from kiosk_app import __version__
from kiosk_app.backups import latest_backup, take_backup
from kiosk_app.comptoir import Comptoir
from kiosk_app.services.health import (
    LAST_FAILURE,
    HealthProbe,
    build_health,
    disk_space,
    failure_mark,
)
from kiosk_app.services.sync_apply import put_setting
from kiosk_app.store.models import OutboxOp
from sync.protocol import HealthReport, PrinterState

from .support import HOME, Clock, order_request

FIXED = HealthProbe(
    version=lambda: "0.1.0",
    disk_space=lambda _folder: (20_000_000_000, 32_000_000_000),
    latest_backup=lambda _folder: None,
)


def report_of(app: Comptoir, clock: Clock, probe: HealthProbe = FIXED) -> HealthReport:
    with app.store.read() as session:
        return build_health(session, app.store.path.parent, now=clock.now, probe=probe)


def test_a_quiet_kiosk_reports_an_empty_outbox_and_no_printer(
    comptoir: Comptoir, clock: Clock
) -> None:
    report = report_of(comptoir, clock)
    assert report.version == "0.1.0" and report.kiosk_time == clock.now
    assert (report.outbox_pending, report.outbox_set_aside, report.oldest_pending_s) == (0, 0, None)
    assert report.printer.state is PrinterState.NONE and report.printer.jobs_waiting == 0
    assert (report.disk_free_bytes, report.disk_total_bytes) == (20_000_000_000, 32_000_000_000)
    assert report.last_error is None and report.last_backup_at is None


def test_the_outbox_its_oldest_op_and_the_ops_set_aside(comptoir: Comptoir, clock: Clock) -> None:
    first = comptoir.orders.place(order_request(comptoir, clock.now))
    clock.advance(minutes=40)
    comptoir.orders.place(order_request(comptoir, clock.now, phone="06 98 76 54 32"))
    clock.advance(minutes=5)
    with comptoir.store.write() as session:  # the first order's op refused three times
        session.execute(
            update(OutboxOp).where(OutboxOp.entity_id == first.id).values(set_aside=True)
        )
    report = report_of(comptoir, clock)
    # Placed: a client and an order each time; the first order's op set aside.
    assert (report.outbox_pending, report.outbox_set_aside) == (3, 1)
    assert report.oldest_pending_s == 45 * 60  # the first client's op, 45 min ago


def test_the_printer_state_comes_from_the_print_queue(comptoir: Comptoir, clock: Clock) -> None:
    comptoir.settings.update(printer_kind="network", printer_address="192.0.2.7:9100")
    assert report_of(comptoir, clock).printer.state is PrinterState.OK
    comptoir.orders.place(order_request(comptoir, clock.now))
    comptoir.orders.place(order_request(comptoir, clock.now, phone="06 98 76 54 32"))
    printer = report_of(comptoir, clock).printer
    assert (printer.state, printer.jobs_waiting) == (PrinterState.OK, 2)
    # The worker met paper out on the first ticket in its order: it waits, the second
    # behind it.
    job = comptoir.print_jobs.queued()[0]
    comptoir.print_jobs.record_fault(job.id, "printer.paper_out", attempted=False)
    printer = report_of(comptoir, clock).printer
    assert (printer.state, printer.fault, printer.jobs_waiting) == (
        PrinterState.FAULT,
        "printer.paper_out",
        2,
    )
    comptoir.print_jobs.mark_printed(job.id)  # a new roll: it printed
    printer = report_of(comptoir, clock).printer
    assert (printer.state, printer.fault, printer.jobs_waiting) == (PrinterState.OK, None, 1)


def test_the_last_failed_sync_is_kept_with_its_time(comptoir: Comptoir, clock: Clock) -> None:
    with comptoir.store.write() as session:
        put_setting(session, LAST_FAILURE, failure_mark("sync.network_down", clock.now))
    clock.advance(hours=2)
    report = report_of(comptoir, clock)
    assert report.last_error == "sync.network_down"
    assert report.last_error_at == clock.now - timedelta(hours=2)
    # A value that is not a key (a store edited by hand) is left out, not sent.
    with comptoir.store.write() as session:
        put_setting(session, LAST_FAILURE, "Mme Dupont, 06 12 34 56 78|2026-11-26T09:00:00+00:00")
    assert report_of(comptoir, clock).last_error is None


def test_the_data_folder_gives_disk_space_and_the_newest_backup(
    comptoir: Comptoir, clock: Clock, tmp_path: Path
) -> None:
    data_dir = comptoir.store.path.parent
    free, total = disk_space(data_dir)
    usage = shutil.disk_usage(data_dir)
    assert total == usage.total and free is not None and 0 < free <= total
    assert disk_space(tmp_path / "gone") == (None, None)
    assert latest_backup(data_dir) is None  # no backups/ folder yet
    for hours_ago in (30, 6, 54):
        take_backup(data_dir, taken_at=clock.now - timedelta(hours=hours_ago), kiosk_code="01")
    (data_dir / "backups" / "not-a-backup.sqlite3").write_bytes(b"")  # a file put there
    assert latest_backup(data_dir) == clock.now - timedelta(hours=6)
    report = report_of(comptoir, clock, HealthProbe())  # the real probes
    assert report.last_backup_at == clock.now - timedelta(hours=6)
    assert report.disk_total_bytes == usage.total


def test_the_version_is_the_installed_packages() -> None:
    assert HealthProbe().version() == __version__  # the editable install of this source


def test_no_personal_data_in_the_report(comptoir: Comptoir, clock: Clock) -> None:
    """A resident's order waiting in the outbox and on a failed printer: the report
    has counts, codes and times, and none of what the resident typed."""
    comptoir.settings.update(printer_kind="network", printer_address="192.0.2.7:9100")
    order = comptoir.orders.place(order_request(comptoir, clock.now))
    [job] = comptoir.print_jobs.for_order(order.id)
    comptoir.print_jobs.record_fault(job.id, "printer.cover_open", attempted=True)
    with comptoir.store.write() as session:
        put_setting(session, LAST_FAILURE, failure_mark("sync.network_down", clock.now))
    wire = report_of(comptoir, clock).model_dump_json()
    typed = [
        "Jeanne",
        "Lefèvre",
        "06 12 34 56 78",
        "0612345678",
        "jeanne@example.fr",
        "Six packs",
        HOME.street,
        "rue des Rosiers",
        HOME.postcode,
        "1234A",
        order.number,
        str(order.id),
        "192.0.2.7",
    ]
    assert [text for text in typed if text in wire] == []
    assert "printer.cover_open" in wire and "sync.network_down" in wire
