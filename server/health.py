"""The kiosks' health on the central server: each kiosk's latest report, kept as it
arrives (`record_report`, with the server's own time: "last seen"), and what of it needs
a person (`overview`): the endpoint and the kiosks page both read that."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from enum import StrEnum
from importlib import metadata

from packaging.version import InvalidVersion, Version
from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import HealthReport, PrinterState

from .models import Device, KioskReport
from .scopes import DeviceKind

log = logging.getLogger(__name__)

# What needs a person, and from when (the page says these thresholds too).
NO_SYNC_AFTER = timedelta(hours=1)
OUTBOX_STUCK_AFTER = timedelta(minutes=30)
DISK_LOW_BELOW_BYTES = 1_000_000_000  # 1 GB: a month of a kiosk's tickets and backups
CLOCK_OFF_AFTER = timedelta(minutes=5)  # invoices and tickets carry the kiosk's time
NO_BACKUP_AFTER = timedelta(days=2)  # backups are nightly: two missed nights


class Need(StrEnum):
    """Something about a kiosk that a person must look at."""

    NEVER_SEEN = "never_seen"  # enrolled, but no report ever came
    NO_SYNC = "no_sync"  # no report for NO_SYNC_AFTER
    PRINTER = "printer"  # out of paper, cover open, offline...
    DISK_LOW = "disk_low"
    OUTDATED = "outdated"  # older than the newest version a kiosk or the server runs
    OUTBOX_STUCK = "outbox_stuck"  # ops waiting for long, or set aside after refusals
    CLOCK_OFF = "clock_off"
    NO_BACKUP = "no_backup"


class Thresholds(BaseModel):
    no_sync_after_s: int
    outbox_stuck_after_s: int
    disk_low_below_bytes: int
    clock_off_after_s: int
    no_backup_after_s: int


THRESHOLDS = Thresholds(
    no_sync_after_s=int(NO_SYNC_AFTER.total_seconds()),
    outbox_stuck_after_s=int(OUTBOX_STUCK_AFTER.total_seconds()),
    disk_low_below_bytes=DISK_LOW_BELOW_BYTES,
    clock_off_after_s=int(CLOCK_OFF_AFTER.total_seconds()),
    no_backup_after_s=int(NO_BACKUP_AFTER.total_seconds()),
)


class KioskHealth(BaseModel):
    name: str
    enrolled_at: datetime
    last_seen: datetime | None  # when its latest report arrived, by the server's clock
    report: HealthReport | None
    needs: list[Need]


class KiosksOverview(BaseModel):
    server_time: datetime
    server_version: str | None
    newest_version: str | None  # the newest any kiosk or this server runs
    thresholds: Thresholds
    kiosks: list[KioskHealth]


def server_version() -> str | None:
    try:
        return metadata.version("comptoir")
    except metadata.PackageNotFoundError:
        return None


def record_report(session: Session, device_id: int, report: HealthReport, *, now: datetime) -> None:
    """Keep `report` as the device's latest. The caller holds the device's row locked
    (one report at a time per device)."""
    row = session.get(KioskReport, device_id)
    data = report.model_dump(mode="json")
    if row is None:
        session.add(KioskReport(device_id=device_id, received_at=now, report=data))
    else:
        row.received_at, row.report = now, data


def _version(text: str | None) -> Version | None:
    try:
        return Version(text) if text else None
    except InvalidVersion:
        return None


def needs_of(
    report: HealthReport | None,
    last_seen: datetime | None,
    *,
    now: datetime,
    newest: Version | None,
) -> list[Need]:
    """What needs a person about one kiosk, most urgent first."""
    if last_seen is None:
        return [Need.NEVER_SEEN]
    needs = [Need.NO_SYNC] if now - last_seen >= NO_SYNC_AFTER else []
    if report is None:
        return needs
    if report.printer.state is PrinterState.FAULT:
        needs.append(Need.PRINTER)
    stuck = report.oldest_pending_s is not None and report.oldest_pending_s >= (
        OUTBOX_STUCK_AFTER.total_seconds()
    )
    if stuck or report.outbox_set_aside:
        needs.append(Need.OUTBOX_STUCK)
    if report.disk_free_bytes is not None and report.disk_free_bytes < DISK_LOW_BELOW_BYTES:
        needs.append(Need.DISK_LOW)
    version = _version(report.version)
    if newest is not None and (version is None or version < newest):
        needs.append(Need.OUTDATED)
    if abs(report.kiosk_time - last_seen) > CLOCK_OFF_AFTER:
        needs.append(Need.CLOCK_OFF)
    backup = report.last_backup_at
    if backup is None or report.kiosk_time - backup >= NO_BACKUP_AFTER:
        needs.append(Need.NO_BACKUP)
    return needs


def _report(row: KioskReport | None, name: str) -> HealthReport | None:
    if row is None:
        return None
    try:
        return HealthReport.model_validate(row.report)
    except ValidationError:  # kept by another version of the server
        log.warning("the stored health report of %r is not readable", name)
        return None


def overview(session: Session, *, now: datetime) -> KiosksOverview:
    """Every enrolled kiosk (not the web platform nor the back office) with its latest
    report and what needs a person."""
    rows = session.execute(
        select(Device, KioskReport)
        .outerjoin(KioskReport, KioskReport.device_id == Device.id)
        .where(Device.revoked_at.is_(None), Device.kind == DeviceKind.KIOSK.value)
    ).all()
    reports = [(device, row, _report(row, device.name)) for device, row in rows]
    ours = server_version()
    versions = [_version(ours)] + [_version(r.version) for _, _, r in reports if r is not None]
    newest = max((v for v in versions if v is not None), default=None)
    kiosks = [
        KioskHealth(
            name=device.name,
            enrolled_at=device.created_at,
            last_seen=row.received_at if row is not None else None,
            report=report,
            needs=needs_of(
                report, row.received_at if row is not None else None, now=now, newest=newest
            ),
        )
        for device, row, report in reports
    ]
    kiosks.sort(key=lambda kiosk: (kiosk.name.casefold(), kiosk.name))
    return KiosksOverview(
        server_time=now,
        server_version=ours,
        newest_version=str(newest) if newest is not None else None,
        thresholds=THRESHOLDS,
        kiosks=kiosks,
    )
