"""The counter's queue read a page at a time (kiosk_app/services/order_queue.py): every
filter walks exactly the orders the store holds for it, newest first, each once; the
counts per status are the store's; every query is answered from an index; an older
store gets the indexes on migrating."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.dialects import sqlite

from benchmarks.store_open import build_large_store
from kiosk_app.clock import to_paris
from kiosk_app.comptoir import Comptoir
from kiosk_app.services.catalogue import CatalogueService, load_catalogue
from kiosk_app.services.numbers import assign_kiosk_code
from kiosk_app.services.order_queue import counts_query, page_query
from kiosk_app.services.orders import OrderService
from kiosk_app.store.database import STORE_FILENAME, Store, create_store_engine
from kiosk_app.store.migrations import HEAD
from kiosk_app.views.orders import OrderView
from kiosk_app.views.queue import QueueFilter, QueueKey, QueueLine
from sync.protocol import Channel, OrderStatus

from .support import Clock, order_request
from .test_store import alembic_config, revision_of

ORDERS = 2500
QUEUE_INDEXES = {
    "ix_orders_channel_created",
    "ix_orders_status_created",
    "ix_orders_channel_status_created",
    "ix_orders_slot_start",
}


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Comptoir]:
    """A store of a few thousand orders over months, every status and two channels."""
    data_dir = tmp_path_factory.mktemp("large") / "kiosk"
    build_large_store(data_dir, orders=ORDERS)
    app = Comptoir.open(data_dir)
    yield app
    app.close()


@pytest.fixture(scope="module")
def every_order(large: Comptoir) -> list[OrderView]:
    return large.orders.list(limit=ORDERS + 1)


def walk(app: Comptoir, queue_filter: QueueFilter, limit: int) -> list[QueueLine]:
    """Every line of the queue, a page at a time, as the counter scrolls."""
    lines: list[QueueLine] = []
    after: QueueKey | None = None
    while True:
        page = app.order_queue.page(queue_filter, after=after, limit=limit)
        lines.extend(page)
        if len(page) < limit:
            return lines
        after = page[-1].key


def matching(orders: list[OrderView], queue_filter: QueueFilter) -> list[OrderView]:
    """The filter applied by hand to every order, newest first."""
    found = [
        order
        for order in orders
        if (not queue_filter.statuses or order.status in queue_filter.statuses)
        and (queue_filter.channel is None or order.channel is queue_filter.channel)
        and (queue_filter.day is None or to_paris(order.slot_start).date() == queue_filter.day)
    ]
    return sorted(found, key=lambda order: order.created_at, reverse=True)


def test_the_large_store_has_orders_of_every_kind(every_order: list[OrderView]) -> None:
    # Without this, the filters below would compare empty lists.
    assert len(every_order) == ORDERS
    statuses = Counter(order.status for order in every_order)
    assert set(statuses) == set(OrderStatus)
    assert {order.channel for order in every_order} == {Channel.COUNTER, Channel.SELF_SERVICE}


# Days from before the first order's slot (the store spans 17 days to 26 November) to
# after the last one's.
days = st.dates(min_value=date(2026, 11, 5), max_value=date(2026, 12, 10))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    statuses=st.frozensets(st.sampled_from(OrderStatus)),
    day=st.none() | days,
    channel=st.none() | st.sampled_from(Channel),
    limit=st.integers(min_value=25, max_value=400),
)
def test_any_filter_walks_the_orders_it_matches_newest_first_each_once(
    large: Comptoir,
    every_order: list[OrderView],
    statuses: frozenset[OrderStatus],
    day: date | None,
    channel: Channel | None,
    limit: int,
) -> None:
    queue_filter = QueueFilter(statuses=statuses, day=day, channel=channel)
    lines = walk(large, queue_filter, limit)
    expected = matching(every_order, queue_filter)
    assert [line.number for line in lines] == [order.number for order in expected]
    # The store's other query (OrderService.list) agrees, and the lines show the orders.
    listed = large.orders.list(
        statuses=statuses or None, day=day, channel=channel, limit=ORDERS + 1
    )
    assert [line.id for line in lines] == [order.id for order in listed]
    for line, order in zip(lines[:5], listed, strict=False):
        assert (line.status, line.channel, line.slot_start) == (
            order.status,
            order.channel,
            order.slot_start,
        )
        assert line.service_name("fr") == order.service_name_fr


@settings(max_examples=30, deadline=None)
@given(day=st.none() | days, channel=st.none() | st.sampled_from(Channel))
def test_the_counts_per_status_are_the_stores(
    large: Comptoir, every_order: list[OrderView], day: date | None, channel: Channel | None
) -> None:
    counted = Counter(
        order.status for order in matching(every_order, QueueFilter(day=day, channel=channel))
    )
    assert large.order_queue.counts(day=day, channel=channel) == {
        status: counted.get(status, 0) for status in OrderStatus
    }
    assert large.orders.counts_by_status(day=day, channel=channel) == large.order_queue.counts(
        day=day, channel=channel
    )


def test_orders_placed_at_the_same_instant_are_each_read_once(
    comptoir: Comptoir, clock: Clock
) -> None:
    # The clock does not move: seven orders share their creation time.
    placed = [
        comptoir.orders.place(order_request(comptoir, clock.now, phone=f"06 12 34 56 {n:02d}"))
        for n in range(7)
    ]
    lines = walk(comptoir, QueueFilter(), limit=3)
    assert sorted(line.id for line in lines) == sorted(order.id for order in placed)
    assert [line.id for line in lines] == [order.id for order in comptoir.orders.list()]
    keys = [line.key for line in lines]
    assert keys == sorted(keys, reverse=True) and len(set(keys)) == 7


def plan(app: Comptoir, statement: object) -> list[str]:
    sql = str(
        statement.compile(  # type: ignore[attr-defined]
            dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}
        )
    )
    with closing(sqlite3.connect(app.store.path)) as connection:
        return [row[3] for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}")]


FILTER_SHAPES = [
    QueueFilter(statuses=statuses, day=day, channel=channel)
    for statuses in (
        frozenset(),
        frozenset({OrderStatus.PAID}),
        frozenset({OrderStatus.PAID, OrderStatus.CANCELLED}),
    )
    for day in (None, date(2026, 11, 26))
    for channel in (None, Channel.COUNTER)
]


def shape_id(queue_filter: QueueFilter) -> str:
    """The same name in every process: a frozenset's repr follows the string hashes, which
    change from one process to the next, and pytest-xdist's workers must collect the very
    same test ids."""
    statuses = "+".join(sorted(status.value for status in queue_filter.statuses)) or "any"
    day = queue_filter.day.isoformat() if queue_filter.day else "any-day"
    channel = queue_filter.channel.value if queue_filter.channel else "any-channel"
    return f"{statuses}-{day}-{channel}"


@pytest.mark.parametrize("queue_filter", FILTER_SHAPES, ids=shape_id)
def test_every_page_is_read_from_an_index_never_by_sorting_the_table(
    large: Comptoir, every_order: list[OrderView], queue_filter: QueueFilter
) -> None:
    middle = every_order[ORDERS // 2]
    after = QueueKey(middle.created_at, ORDERS // 2)
    for key in (None, after):
        steps = plan(large, page_query(queue_filter, after=key))
        reads = [step for step in steps if "orders" in step and "day_orders" not in step]
        assert reads, steps
        for step in reads:
            # The whole queue walks the creation index newest first and stops after a
            # page; every other read looks up a range of an index.
            assert step.startswith("SEARCH orders USING INDEX") or (
                step == "SCAN orders USING INDEX ix_orders_created_at"
                and queue_filter == QueueFilter()
            ), steps
        if queue_filter.day is None and len(queue_filter.statuses) < 2:
            # The index gives the order: nothing is sorted (sorting would read every
            # order of a channel or a status, the slowness this replaced).
            assert not any("TEMP B-TREE" in step for step in steps), steps
        if queue_filter.day is not None:
            assert "SEARCH orders USING INDEX ix_orders_slot_start" in " ".join(steps)


@pytest.mark.parametrize("day", [None, date(2026, 11, 26)])
@pytest.mark.parametrize("channel", [None, Channel.COUNTER])
def test_the_counts_are_read_from_an_index(
    large: Comptoir, day: date | None, channel: Channel | None
) -> None:
    steps = plan(large, counts_query(day, channel))
    reads = [step for step in steps if "orders" in step and "day_orders" not in step]
    assert reads and all("INDEX" in step for step in reads), steps


def test_an_older_store_gets_the_queue_indexes_and_keeps_its_orders(
    tmp_path: Path, clock: Clock, demo_catalogue: dict[str, object]
) -> None:
    folder = tmp_path / "kiosk"
    folder.mkdir()
    path = folder / STORE_FILENAME
    engine = create_store_engine(path)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    engine.dispose()
    old = Store(path)
    with old.write() as session:
        load_catalogue(session, demo_catalogue)
        assign_kiosk_code(session, "01")  # as its enrolment did
    placed = [
        OrderService(old, clock=clock).place(
            order_request(CatalogueService(old), clock.now + timedelta(minutes=n))
        )
        for n in range(3)
    ]
    old.close()

    def indexes() -> set[str]:
        with closing(sqlite3.connect(path)) as connection:
            rows = connection.execute(
                "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='orders'"
            )
            return {name for (name,) in rows}

    assert revision_of(path) == "0003" and not QUEUE_INDEXES & indexes()
    app = Comptoir.open(folder, clock=clock)
    try:
        assert revision_of(path) == HEAD
        assert indexes() >= QUEUE_INDEXES and "ix_orders_channel" not in indexes()
        lines = app.order_queue.page(QueueFilter(channel=Channel.SELF_SERVICE))
        assert [line.id for line in lines] == [order.id for order in reversed(placed)]
        assert app.order_queue.counts()[OrderStatus.REQUESTED] == 3
    finally:
        app.close()
