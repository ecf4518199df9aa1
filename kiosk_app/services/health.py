"""The kiosk's health report for the central server (`sync.protocol.HealthReport`): the
installed version, the outbox, the printer (read from the print queue), the free disk
and the last backup of the data folder, the last sync error, and the kiosk's clock.

Built from the store and the data folder, in the core (no Qt, no network): the sync
engine sends it. It holds counts, codes and times only: nothing a resident typed.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.protocol import KEY_PATTERN, HealthReport, PrinterHealth, PrinterState

from ..backups import latest_backup
from ..domain.kinds import PrintStatus
from ..store.models import OutboxOp, PrintJob
from ..version import comptoir_version
from .settings import read_settings
from .sync_apply import get_setting

# The last sync that failed, as "key|ISO time": kept after later successes (unlike
# sync.last_error, which says whether the latest sync failed), so the association sees
# that a kiosk lost its network this morning even once it is back.
LAST_FAILURE = "health.last_failure"


def disk_space(data_dir: Path) -> tuple[int | None, int | None]:
    """(free, total) bytes of the data folder's file system; unknown if unreadable."""
    try:
        usage = shutil.disk_usage(data_dir)
    except OSError:
        return None, None
    return usage.free, usage.total


@dataclass(frozen=True, slots=True)
class HealthProbe:
    """What the report reads outside the store; tests give their own."""

    version: Callable[[], str] = comptoir_version
    disk_space: Callable[[Path], tuple[int | None, int | None]] = disk_space
    latest_backup: Callable[[Path], datetime | None] = latest_backup


def failure_mark(key: str, at: datetime) -> str:
    """The value of LAST_FAILURE."""
    return f"{key}|{at.isoformat()}"


def _key(value: str | None) -> str | None:
    """A message key as the wire takes it; anything else (a store edited by hand) is
    left out rather than sent."""
    return value if value and re.fullmatch(KEY_PATTERN, value) else None


def _last_failure(value: str | None) -> tuple[str | None, datetime | None]:
    key, _, at = (value or "").partition("|")
    if _key(key) is None:
        return None, None
    try:
        when = datetime.fromisoformat(at)
    except ValueError:
        return key, None
    return key, when if when.tzinfo is not None else None


def _printer(session: Session, printer_kind: str) -> PrinterHealth:
    """The print queue as the counter sees it: the first waiting job's fault (the worker
    stops there: the jobs behind wait for it) and how many jobs wait."""
    waiting = session.scalar(select(func.count()).where(PrintJob.status == PrintStatus.QUEUED))
    first_fault = session.scalar(
        select(PrintJob.last_error)
        .where(PrintJob.status == PrintStatus.QUEUED)
        .order_by(PrintJob.created_at, PrintJob.id)
        .limit(1)
    )
    if first_fault:
        state = PrinterState.FAULT
    elif printer_kind == "none":
        state = PrinterState.NONE
    else:
        state = PrinterState.OK
    return PrinterHealth(state=state, fault=_key(first_fault), jobs_waiting=waiting or 0)


def build_health(
    session: Session, data_dir: Path, *, now: datetime, probe: HealthProbe | None = None
) -> HealthReport:
    """The report as of `now` (the kiosk's clock), read in the caller's transaction."""
    probe = probe or HealthProbe()
    pending, aside, oldest = session.execute(
        select(
            func.count().filter(OutboxOp.set_aside.is_(False)),
            func.count().filter(OutboxOp.set_aside.is_(True)),
            func.min(OutboxOp.created_at).filter(OutboxOp.set_aside.is_(False)),
        )
    ).one()
    settings = read_settings(session)
    error_key, error_at = _last_failure(get_setting(session, LAST_FAILURE))
    free, total = probe.disk_space(data_dir)
    return HealthReport(
        version=probe.version(),
        kiosk_time=now,
        outbox_pending=pending,
        outbox_set_aside=aside,
        oldest_pending_s=max(0, int((now - oldest).total_seconds())) if oldest else None,
        printer=_printer(session, settings.printer_kind),
        disk_free_bytes=free,
        disk_total_bytes=total,
        last_error=error_key,
        last_error_at=error_at,
        last_backup_at=probe.latest_backup(data_dir),
    )
