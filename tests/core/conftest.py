"""Fixtures of the core's tests, over the root `comptoir` store and `clock`."""

from __future__ import annotations

import itertools
import json
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import PaymentKind, Role
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.orders import OrderView

from ..conftest import ASSOCIATION, FakeClock, give_kiosk_code
from .support import Clock, order_request
from .till_support import CARD, CASH, CESU, CHEQUE, done_order


@pytest.fixture(scope="session")
def migrated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder migrated once, with the demo catalogue: copied for each test, it
    spares every test the migrations (which `test_store.py` runs on fresh folders)."""
    from kiosk_app.config import resources_dir

    folder = tmp_path_factory.mktemp("template") / "kiosk"
    app = Comptoir.open(folder)
    with (resources_dir() / "demo" / "catalogue.json").open(encoding="utf-8") as f:
        app.catalogue.load(json.load(f))
    app.settings.update(**ASSOCIATION)
    give_kiosk_code(app)
    app.close()
    return folder


@pytest.fixture
def comptoir(tmp_path: Path, clock: Clock, migrated_store: Path) -> Iterator[Comptoir]:
    """The root fixture's store (real SQLite file, demo catalogue), from the template."""
    shutil.copytree(migrated_store, tmp_path / "kiosk")
    app = Comptoir.open(tmp_path / "kiosk", clock=clock)
    yield app
    app.close()


FreshComptoir = Callable[[], AbstractContextManager[tuple[Comptoir, FakeClock]]]


@pytest.fixture
def fresh_comptoir(tmp_path: Path, migrated_store: Path) -> FreshComptoir:
    """For property tests: each Hypothesis example opens its own store, copied from the
    template, on its own clock at the suite's START, so that no example inherits what
    an earlier one wrote (an order keeping a Lulu busy, a till left open)."""
    made = itertools.count()

    @contextmanager
    def fresh() -> Iterator[tuple[Comptoir, FakeClock]]:
        folder = tmp_path / f"example-{next(made)}"
        shutil.copytree(migrated_store, folder)
        clock = FakeClock()
        app = Comptoir.open(folder, clock=clock)
        try:
            yield app, clock
        finally:
            app.close()
            shutil.rmtree(folder, ignore_errors=True)

    return fresh


@pytest.fixture
def attendant(comptoir: Comptoir) -> AttendantView:
    return comptoir.attendants.add("Camille Martin", Role.ATTENDANT, "482913")


@pytest.fixture
def lulu_id(comptoir: Comptoir) -> uuid.UUID:
    """A candidate Lulu who can be assigned orders (the demo has none)."""
    return comptoir.lulus.register_application(
        "Karim Benali", "07 81 22 33 44", ["manutention", "courses"], "Le matin"
    )


@pytest.fixture
def placed(comptoir: Comptoir, clock: Clock) -> OrderView:
    """A requested order of "Montée de courses" (20-minute units at 5 €)."""
    return comptoir.orders.place(order_request(comptoir, clock.now))


@pytest.fixture
def done(
    comptoir: Comptoir, placed: OrderView, lulu_id: uuid.UUID, attendant: AttendantView
) -> OrderView:
    """The placed order, confirmed, assigned and done in 40 minutes (2 units, 10 €)."""
    comptoir.orders.confirm(placed.id, attendant_id=attendant.id)
    comptoir.orders.assign(placed.id, lulu_id, attendant_id=attendant.id)
    return comptoir.orders.mark_done(placed.id, 40, attendant_id=attendant.id)


@pytest.fixture
def day(
    comptoir: Comptoir,
    clock: Clock,
    done: OrderView,
    attendant: AttendantView,
    lulu_id: uuid.UUID,
) -> OrderView:
    """A day at the till (test_till*.py): a cheque taken before the till opened (not the
    session's), then the till opened with a 150 € float and a day of payments: cash 6 €,
    card 2 €, cash 10 € less a 3 € cash refund (a credit note: that order owes nothing
    more), CESU 3 € paid ahead on a third order."""
    comptoir.payments.record(done.id, CHEQUE, 200, attendant_id=attendant.id)
    clock.advance(minutes=5)
    comptoir.till.open(150_00, attendant.id)
    clock.advance(hours=1)
    comptoir.payments.record(done.id, CASH, 600, attendant_id=attendant.id)
    comptoir.payments.record(done.id, CARD, 200, attendant_id=attendant.id)
    second = done_order(comptoir, clock, attendant, lulu_id)
    comptoir.payments.record(second.id, CASH, 1000, attendant_id=attendant.id)
    comptoir.payments.record(
        second.id, CASH, 300, attendant_id=attendant.id, kind=PaymentKind.REFUND
    )
    third = done_order(comptoir, clock, attendant, lulu_id, phone="07 81 00 00 02")
    comptoir.payments.record(third.id, CESU, 300, attendant_id=attendant.id)
    clock.advance(hours=8)
    return second
