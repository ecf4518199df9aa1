"""The counter's order queue over a store of any size: a page of lines at a time, newest
first, filtered by status, day and channel, with the counts per status.

Each query is answered from an index (migration 0004), whatever the filter:
- pages continue after the last line read (keyset: its creation time, then its rowid
  for orders created at the same instant) instead of skipping rows with OFFSET, so the
  page at the bottom of 100,000 orders costs what the first one does;
- a day narrows the orders to a few hundred by their slot: those are read first (a
  materialised CTE), then filtered and sorted;
- several statuses are one index walk each, merged (UNION ALL of pages), rather than
  one walk that must sort every order of those statuses;
- only the columns a line shows are read."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Integer,
    Select,
    bindparam,
    func,
    literal_column,
    select,
    tuple_,
    union_all,
)

from sync.protocol import Channel, OrderStatus

from ..clock import PARIS
from ..store.database import Store
from ..store.models import Order
from ..store.types import UTCDateTime
from ..views.queue import QueueFilter, QueueKey, QueueLine

if TYPE_CHECKING:  # orders.py imports this module
    pass

PAGE = 100
_Select = Select[*tuple[Any, ...]]
# SQLite's own row number: the tie-breaker of orders created at the same instant, and
# the last column of every index, so ordering by it costs no sort. Only a VACUUM
# renumbers it (the kiosk runs none); a key is held only while the queue is scrolled.
_ROWID: ColumnElement[int] = literal_column("orders.rowid")
QUEUE_ORDER = (Order.created_at.desc(), _ROWID.desc())


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """A day in Paris as an aware interval [start, end)."""
    start = datetime.combine(day, time(), PARIS)
    return start, datetime.combine(day + timedelta(days=1), time(), PARIS)


class OrderQueueService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def page(
        self, queue_filter: QueueFilter, *, after: QueueKey | None = None, limit: int = PAGE
    ) -> list[QueueLine]:
        """Up to `limit` lines, newest first, after the line keyed `after`."""
        with self._store.read() as session:
            statement = _page_statement(queue_filter, after is not None, limit)
            rows = session.execute(statement, _after_values(after))
            return [
                QueueLine(
                    row.id.hex,
                    row.number,
                    row.status.value,
                    row.channel.value,
                    row.service_name_fr,
                    row.service_name_en,
                    row.slot_start,
                    row.created_at,
                    row.seq,
                )
                for row in rows
            ]

    def counts(
        self, *, day: date | None = None, channel: Channel | None = None
    ) -> dict[OrderStatus, int]:
        """How many orders of each status the day and channel hold (one grouped query)."""
        with self._store.read() as session:
            found: dict[OrderStatus, int] = dict(session.execute(counts_query(day, channel)).all())
        return {status: found.get(status, 0) for status in OrderStatus}


def filtered(
    query: _Select,
    *,
    statuses: frozenset[OrderStatus] | None,
    day: date | None,
    channel: Channel | None,
) -> _Select:
    """`query` over the orders table narrowed to the filter (the whole orders read by
    `OrderService.list`; the queue's own lines come from `page_query`)."""
    if day is not None:
        start, end = day_bounds(day)
        query = query.where(Order.slot_start >= start, Order.slot_start < end)
    if statuses:
        query = query.where(Order.status.in_(sorted(statuses)))
    if channel is not None:
        query = query.where(Order.channel == channel)
    return query


def _lines(day: date | None) -> FromClause:
    """Where the lines are read from: the orders, or only the day's orders, taken first
    through the slot index and materialised (a few hundred rows at most), so that the
    planner cannot prefer walking a channel's or a status's orders newest first to skip
    sorting, which reads them all when the day holds fewer orders than a page."""
    columns = select(
        Order.id,
        Order.number,
        Order.status,
        Order.channel,
        Order.service_name_fr,
        Order.service_name_en,
        Order.slot_start,
        Order.created_at,
        _ROWID.label("seq"),
    )
    if day is None:
        return columns.subquery("lines")  # flattened by SQLite: the orders table itself
    start, end = day_bounds(day)
    day_orders = columns.where(Order.slot_start >= start, Order.slot_start < end)
    return day_orders.cte("day_orders").prefix_with("MATERIALIZED")


def _one_walk(
    lines: FromClause,
    queue_filter: QueueFilter,
    statuses: frozenset[OrderStatus],
    after: bool,
    limit: int,
) -> _Select:
    query = select(lines)
    if statuses:
        query = query.where(lines.c.status.in_(sorted(statuses)))
    if queue_filter.channel is not None:
        query = query.where(lines.c.channel == queue_filter.channel)
    if after:
        # A row value: SQLite walks the index from that key, reading nothing before it.
        query = query.where(
            tuple_(lines.c.created_at, lines.c.seq)
            < tuple_(
                bindparam("after_created_at", type_=UTCDateTime()),
                bindparam("after_rowid", type_=Integer()),
            )
        )
    return query.order_by(lines.c.created_at.desc(), lines.c.seq.desc()).limit(limit)


def page_query(
    queue_filter: QueueFilter, *, after: QueueKey | None = None, limit: int = PAGE
) -> _Select:
    """The statement of a page, its key's values bound (to show or explain it)."""
    statement = _page_statement(queue_filter, after is not None, limit)
    return statement.params(_after_values(after)) if after is not None else statement


def _after_values(after: QueueKey | None) -> dict[str, Any]:
    if after is None:
        return {}
    return {"after_created_at": after.created_at, "after_rowid": after.rowid}


# Built once per filter: each page of a scroll then only binds its key. Building the
# statement anew for each page left a few thousand objects in reference cycles over a
# long scroll, enough to set off a full pass of the garbage collector (tens of ms).
@lru_cache(maxsize=64)
def _page_statement(queue_filter: QueueFilter, after: bool, limit: int) -> _Select:
    lines = _lines(queue_filter.day)
    statuses = queue_filter.statuses
    if len(statuses) < 2 or queue_filter.day is not None:
        return _one_walk(lines, queue_filter, statuses, after, limit)
    walks = [
        select(_one_walk(lines, queue_filter, frozenset({status}), after, limit).subquery())
        for status in sorted(statuses)
    ]
    merged = union_all(*walks).subquery()
    return select(merged).order_by(merged.c.created_at.desc(), merged.c.seq.desc()).limit(limit)


def counts_query(day: date | None, channel: Channel | None) -> _Select:
    lines = _lines(day)
    query = select(lines.c.status, func.count()).group_by(lines.c.status)
    if channel is not None:
        query = query.where(lines.c.channel == channel)
    return query
