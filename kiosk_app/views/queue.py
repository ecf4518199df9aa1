"""The counter's order queue: its filter, the key each page continues from, its lines."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from sync.protocol import Channel, OrderStatus

from .orders import OrderView


@dataclass(frozen=True, slots=True)
class QueueFilter:
    statuses: frozenset[OrderStatus] = frozenset()  # empty: every status
    day: date | None = None  # the day of the slot, in Paris
    channel: Channel | None = None


@dataclass(frozen=True, slots=True, order=True)
class QueueKey:
    """Where a line sits in the queue: later keys come first."""

    created_at: datetime
    rowid: int


class QueueLine(NamedTuple):
    """What one line of the queue shows, and its key to read the next page from.

    Atoms only (strings, datetimes, an int), so that a holder of many lines can keep
    them as plain tuples, which CPython's garbage collector stops following (the
    counter's queue model does)."""

    id_hex: str
    number: str
    status_value: str
    channel_value: str
    service_name_fr: str
    service_name_en: str
    slot_start: datetime
    created_at: datetime
    rowid: int

    @property
    def id(self) -> uuid.UUID:
        return uuid.UUID(self.id_hex)

    @property
    def status(self) -> OrderStatus:
        return OrderStatus(self.status_value)

    @property
    def channel(self) -> Channel:
        return Channel(self.channel_value)

    @property
    def key(self) -> QueueKey:
        return QueueKey(self.created_at, self.rowid)

    def service_name(self, lang: str) -> str:
        return self.service_name_en if lang == "en" else self.service_name_fr

    @classmethod
    def of(cls, order: OrderView, key: QueueKey) -> QueueLine:
        """The line of an order read whole (after a change at the counter)."""
        return cls(
            order.id.hex,
            order.number,
            order.status.value,
            order.channel.value,
            order.service_name_fr,
            order.service_name_en,
            order.slot_start,
            key.created_at,
            key.rowid,
        )
