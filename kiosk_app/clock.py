"""Time: stored as aware UTC, shown in Europe/Paris (DESIGN.md, "Durability")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")

# A clock is any callable returning an aware UTC datetime; tests pass a fixed one.
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_paris(moment: datetime) -> datetime:
    return moment.astimezone(PARIS)


def paris_today(clock: Clock) -> date:
    """Today in Paris by `clock` (the machine's own time zone may differ: UTC, most
    often, which is still yesterday for an hour after midnight in Paris)."""
    return to_paris(clock()).date()
