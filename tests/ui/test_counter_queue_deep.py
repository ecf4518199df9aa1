"""The order queue over a store of a few thousand orders, through the counter's widgets:
it scrolls to the oldest order a page at a time, each filter shows the rows the store
holds for it, and the counts on the status buttons are the store's."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from benchmarks.store_open import build_large_store
from kiosk_app.comptoir import Comptoir
from sync.protocol import Channel, OrderStatus

from ..conftest import ASSOCIATION
from .counter_support import log_in
from .support import Resident

ORDERS = 3000


@pytest.fixture(scope="module")
def large_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("queue") / "kiosk"
    build_large_store(data_dir, orders=ORDERS)
    return data_dir


@pytest.fixture
def comptoir(large_store: Path, tmp_path: Path, clock: Any) -> Iterator[Comptoir]:
    """This module's store (overriding the root one): a copy of the large store, its
    newest order placed just before the clock's morning."""
    data_dir = tmp_path / "kiosk"
    shutil.copytree(large_store, data_dir)
    app = Comptoir.open(data_dir, clock=clock)
    app.settings.update(**ASSOCIATION)  # a kiosk set up: the counter, not the wizard
    yield app
    app.close()


def fetch_all(kiosk: Resident) -> list[str]:
    """Every row the filter gives, as the view fetches them by scrolling down."""
    queue = kiosk.window.counter.queue
    while queue.model.canFetchMore():
        queue.model.fetchMore()
    model = queue.model
    return [str(model.data(model.index(row, 0))) for row in range(model.rowCount())]


def shown_counts(kiosk: Resident) -> dict[OrderStatus, int]:
    buttons = kiosk.window.counter.queue.status_buttons
    return {status: int(button.text().split("\n")[1]) for status, button in buttons.items()}


def test_the_queue_scrolls_to_the_oldest_order(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    log_in(kiosk)
    queue = kiosk.window.counter.queue
    kiosk.tap(queue.all_days)
    assert queue.model.rowCount() == 100  # one page read, of thousands
    bar = queue.view.verticalScrollBar()
    while queue.model.canFetchMore() or bar.value() < bar.maximum():
        queue.view.scrollToBottom()  # reaching the end fetches the next page
        QApplication.processEvents()
    model = queue.model
    last = model.index(model.rowCount() - 1, 0)
    oldest = comptoir.orders.list(offset=ORDERS - 1, limit=1)[0]
    assert model.rowCount() == ORDERS
    assert model.data(last) == oldest.number == "01-0001"
    assert queue.view.viewport().rect().contains(queue.view.visualRect(last))


def test_each_filter_shows_the_rows_and_counts_the_store_holds(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    log_in(kiosk)
    queue = kiosk.window.counter.queue
    taps = [queue.all_days]
    for status_button in queue.status_buttons.values():
        taps += [status_button, queue.channel_buttons[Channel.COUNTER], status_button]
    taps += [queue.channel_buttons[Channel.SELF_SERVICE], queue.channel_buttons[Channel.WEB]]
    taps += [queue.channel_buttons[None], queue.today, queue.previous_day]
    taps += [queue.status_buttons[OrderStatus.PAID], queue.next_day, queue.next_day]
    taps += [queue.channel_buttons[Channel.COUNTER], queue.status_buttons[OrderStatus.DONE]]
    taps += [queue.all_days, queue.channel_buttons[None]]  # two statuses, every day
    seen_rows = set()
    for button in taps:
        kiosk.tap(button)
        shown = queue.queue_filter
        store = comptoir.orders.list(
            statuses=shown.statuses or None, day=shown.day, channel=shown.channel, limit=ORDERS
        )
        assert fetch_all(kiosk) == [order.number for order in store], shown
        assert shown_counts(kiosk) == comptoir.orders.counts_by_status(
            day=shown.day, channel=shown.channel
        )
        seen_rows.add(len(store))
    # The taps went through empty, small and large lists alike.
    assert 0 in seen_rows and max(seen_rows) > 1000 and len(seen_rows) > 10
    assert sum(shown_counts(kiosk).values()) == ORDERS  # every day, every channel
