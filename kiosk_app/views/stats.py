"""The figures of a period (the month at a glance, `kiosk stats`), and month arithmetic."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any


@dataclass(frozen=True, slots=True)
class TopService:
    name_fr: str
    name_en: str
    orders: int


@dataclass(frozen=True, slots=True)
class Stats:
    start: date
    end: date  # inclusive
    orders: int
    services_done: int
    lulus_onboarded: int
    lulus_in_progress: int
    lulu_candidates: int
    kiosk_visits: int
    revenue_cents: int
    average_rating: float | None
    ratings: int
    orders_by_status: dict[str, int]
    orders_by_channel: dict[str, int]
    orders_per_day: dict[str, int]
    top_services: list[TopService]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"] = self.start.isoformat()
        data["end"] = self.end.isoformat()
        return data


def month_of(day: date) -> tuple[date, date]:
    """The calendar month holding `day`: its first and last days."""
    first = day.replace(day=1)
    following = (first + timedelta(days=31)).replace(day=1)
    return first, following - timedelta(days=1)


def months_after(day: date, count: int) -> date:
    """The first day of the month `count` months after `day`'s (before it if negative)."""
    index = day.year * 12 + day.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)
