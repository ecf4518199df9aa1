"""The kiosk's health report, what the association's kiosks page shows."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, Field

from .wire import WireModel

# --- The kiosk's health report (DESIGN.md, "Sync protocol") ------------------------------
# Sent by the sync engine to `POST /sync/v1/health` after a sync, at most once a minute:
# what the association's kiosks page shows. Only counts, codes and times: nothing a
# resident typed, no name, no address. Its free fields are codes of a strict shape, so a
# hostile kiosk cannot put text there either.

HEALTH_PATH = "/sync/v1/health"
# A message key ("printer.paper_out", "sync.network_down"): lowercase words and dots.
KEY_PATTERN = r"^[a-z][a-z0-9_]{0,30}(\.[a-z0-9_]{1,30}){0,3}$"
# A package version (PEP 440's characters: "0.1.0", "1.2.0rc1", "0.3.dev4+g1a2b3c").
VERSION_PATTERN = r"^[0-9][0-9A-Za-z.+!_-]{0,39}$"
MAX_COUNT = 10**9
MAX_BYTES = 2**53  # exact in any JSON reader


def _in_utc(value: datetime) -> datetime:
    """An aware time, in UTC; one that cannot be (year 1 at +23:59) is refused here, not
    met later as an overflow."""
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValueError("a time out of range") from None


UtcTime = Annotated[AwareDatetime, AfterValidator(_in_utc)]
Key = Annotated[str, Field(pattern=KEY_PATTERN, max_length=64)]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Bytes = Annotated[int, Field(ge=0, le=MAX_BYTES)]


class PrinterState(StrEnum):
    NONE = "none"  # no printer configured: tickets are saved as files
    OK = "ok"
    FAULT = "fault"  # the first waiting job met a fault (its key says which)


class PrinterHealth(WireModel):
    state: PrinterState
    fault: Key | None = None  # printer.paper_out, printer.cover_open, printer.offline...
    jobs_waiting: Count = 0


class HealthReport(WireModel):
    """One kiosk's health as it sees it; the server adds when it received it (its own
    clock, never this one's)."""

    version: str = Field(pattern=VERSION_PATTERN)
    kiosk_time: UtcTime  # the kiosk's clock, to show a kiosk whose clock is wrong
    outbox_pending: Count
    outbox_set_aside: Count
    oldest_pending_s: Count | None = None  # the oldest unsent op's age, on the kiosk's clock
    printer: PrinterHealth
    disk_free_bytes: Bytes | None = None  # in the data folder's file system
    disk_total_bytes: Bytes | None = None
    last_error: Key | None = None  # the key of the last sync that failed
    last_error_at: UtcTime | None = None
    last_backup_at: UtcTime | None = None


class HealthReceived(WireModel):
    received_at: datetime  # the server's clock
