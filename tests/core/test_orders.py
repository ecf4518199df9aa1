"""Placing an order: one transaction writes the order, its history, its outbox rows and
its ticket's print job; a known phone is recognised; numbers are gapless; a resident
only ever finds their own order."""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk_app.comptoir import Comptoir
from kiosk_app.config import resources_dir
from kiosk_app.errors import KioskCodeNotSettable, NotEnrolledYet, NotFound, ValidationError
from kiosk_app.messages import message
from kiosk_app.services import order_placing
from kiosk_app.services.numbers import assign_kiosk_code
from kiosk_app.views.orders import OrderView
from sync.protocol import OrderStatus

from ..conftest import give_kiosk_code
from .support import HOME, Clock, grown, order_request, row_counts, sqlite_file


def outbox_rows(app: Comptoir) -> list[tuple[str, str, str, int | None]]:
    """(entity, entity_id as stored, kind, base_version) of every outbox row, in order."""
    with sqlite_file(app.store.path) as conn:
        return conn.execute(
            "SELECT entity, entity_id, kind, base_version FROM outbox ORDER BY seq"
        ).fetchall()


def test_placing_writes_order_history_outbox_and_print_job(
    comptoir: Comptoir, clock: Clock
) -> None:
    before = row_counts(comptoir)

    order = comptoir.orders.place(order_request(comptoir, clock.now))

    assert grown(before, row_counts(comptoir)) == {
        "orders": 1,
        "order_events": 1,
        "clients": 1,
        "outbox": 2,
        "print_jobs": 1,
    }
    assert order.status is OrderStatus.REQUESTED
    assert order.service_name_fr == "Montée de courses"
    assert order.estimated_price.total_cents == 2 * 500
    assert order.version == 1
    rows = outbox_rows(comptoir)
    assert ("client", order.client_id.hex, "create", None) in rows
    assert ("order", order.id.hex, "create", None) in rows
    with sqlite_file(comptoir.store.path) as conn:
        job = conn.execute("SELECT kind, order_id, status FROM print_jobs").fetchone()
        event = conn.execute("SELECT from_status, to_status FROM order_events").fetchone()
    assert job == ("order_ticket", order.id.hex, "queued")
    assert event == (None, "requested")
    assert [step.status for step in comptoir.orders.timeline(order.id)] == [OrderStatus.REQUESTED]


def test_the_order_keeps_a_snapshot_of_the_service(comptoir: Comptoir, clock: Clock) -> None:
    order = comptoir.orders.place(order_request(comptoir, clock.now))
    comptoir.catalogue.load(
        {
            "categories": [{"code": "courses", "name_fr": "Courses", "name_en": "Shopping"}],
            "services": [
                {
                    "code": "montee-courses",
                    "category": "courses",
                    "name_fr": "Portage de courses",
                    "name_en": "Carrying shopping",
                    "unit_price_cents": 600,
                }
            ],
        }
    )
    kept = comptoir.orders.get(order.id)
    assert (kept.service_name_fr, kept.unit_price_cents) == ("Montée de courses", 500)


def test_placed_data_is_stored_normalised(comptoir: Comptoir, clock: Clock) -> None:
    order = comptoir.orders.place(
        order_request(
            comptoir,
            clock.now,
            phone="06.12.34.56.78",
            name="  Jeanne   Lefèvre ",
            email="Jeanne@Example.FR",
        )
    )
    client = comptoir.clients.get(order.client_id)
    assert client.phone == "+33612345678"
    assert client.phone_display == "06 12 34 56 78"
    assert client.name == "Jeanne Lefèvre"
    assert client.email == "jeanne@example.fr"
    assert client.address == HOME
    assert client.consent_at == clock.now
    assert order.address == HOME


def test_a_known_phone_is_recognised_without_a_second_client(
    comptoir: Comptoir, clock: Clock
) -> None:
    first = comptoir.orders.place(order_request(comptoir, clock.now))
    before = row_counts(comptoir)

    # The same resident, typing the number another way, without name or consent.
    second = comptoir.orders.place(
        order_request(comptoir, clock.now, phone="+33 6 12 34 56 78", name="", consent=False)
    )

    assert second.client_id == first.client_id
    assert grown(before, row_counts(comptoir)) == {
        "orders": 1,
        "order_events": 1,
        "outbox": 1,
        "print_jobs": 1,
    }
    assert outbox_rows(comptoir)[-1] == ("order", second.id.hex, "create", None)


def test_a_known_client_with_a_new_address_gives_a_patch(comptoir: Comptoir, clock: Clock) -> None:
    first = comptoir.orders.place(order_request(comptoir, clock.now))
    moved = replace(HOME, street="3 rue Saint-Antoine", floor=2, has_lift=True)

    comptoir.orders.place(order_request(comptoir, clock.now, address=moved, name=""))

    client = comptoir.clients.get(first.client_id)
    assert client.address.street == "3 rue Saint-Antoine"
    assert client.address.floor == 2
    patches = [row for row in outbox_rows(comptoir) if row[2] == "patch"]
    assert patches == [("client", first.client_id.hex, "patch", 1)]
    with sqlite_file(comptoir.store.path) as conn:
        (data,) = conn.execute("SELECT data FROM outbox WHERE kind = 'patch'").fetchone()
        (version,) = conn.execute("SELECT version FROM clients").fetchone()
    # Only the fields that changed travel, per field, for the server's merge.
    assert '"street": "3 rue Saint-Antoine"' in data
    assert '"postcode"' not in data
    assert version == 2


def test_a_new_client_needs_consent_and_a_name(comptoir: Comptoir, clock: Clock) -> None:
    before = row_counts(comptoir)
    with pytest.raises(ValidationError) as raised:
        comptoir.orders.place(order_request(comptoir, clock.now, name="", consent=False))
    assert raised.value.fields == {"name": "name.required", "consent": "consent.required"}
    assert row_counts(comptoir) == before


@pytest.mark.dates
def test_every_bad_field_is_reported_at_once_and_nothing_written(
    comptoir: Comptoir, clock: Clock
) -> None:
    before = row_counts(comptoir)
    bad = replace(HOME, street="", postcode="7500", floor=99)
    with pytest.raises(ValidationError) as raised:
        comptoir.orders.place(
            order_request(
                comptoir,
                clock.now,
                phone="12",
                email="jeanne@",
                address=bad,
                estimated_units=4,  # "Montée de courses" goes up to 3 units
                slot_start=clock.now - timedelta(hours=1),
            )
        )
    assert raised.value.fields == {
        "slot": "slot.in_past",
        "phone": "phone.invalid",
        "email": "email.invalid",
        "street": "street.required",
        "postcode": "postcode.invalid",
        "floor": "floor.out_of_range",
        "units": "units.out_of_range",
    }
    assert row_counts(comptoir) == before


def test_an_unknown_or_withdrawn_service_is_refused(comptoir: Comptoir, clock: Clock) -> None:
    before = row_counts(comptoir)
    with pytest.raises(ValidationError) as raised:
        comptoir.orders.place(order_request(comptoir, clock.now, service_id=uuid.uuid4()))
    assert raised.value.fields == {"service": "service.unavailable"}
    assert row_counts(comptoir) == before


def test_order_numbers_follow_the_kiosk_series_without_gaps(
    comptoir: Comptoir, clock: Clock
) -> None:
    numbers = []
    for i in range(5):
        if i == 2:  # a refused order in between takes no number
            with pytest.raises(ValidationError):
                comptoir.orders.place(order_request(comptoir, clock.now, phone="garbage"))
        numbers.append(comptoir.orders.place(order_request(comptoir, clock.now)).number)
    assert numbers == ["01-0001", "01-0002", "01-0003", "01-0004", "01-0005"]

    give_kiosk_code(comptoir, "107")  # a new code from the server (the 107th kiosk)
    assert comptoir.orders.place(order_request(comptoir, clock.now)).number == "107-0006"


@pytest.mark.parametrize("typed", ["01-0001", "010001", "1-1", " 01-1 "])
def test_a_resident_finds_their_order_by_number_and_phone(
    comptoir: Comptoir, clock: Clock, typed: str
) -> None:
    order = comptoir.orders.place(order_request(comptoir, clock.now))
    found = comptoir.orders.find_for_resident(typed, "0612345678")
    assert found.id == order.id
    assert comptoir.orders.by_number(typed).id == order.id


def test_a_three_digit_kiosks_order_is_found_with_its_dash(
    comptoir: Comptoir, clock: Clock
) -> None:
    give_kiosk_code(comptoir, "100")  # the 100th kiosk of the network
    order = comptoir.orders.place(order_request(comptoir, clock.now))
    assert order.number == "100-0001"
    for typed in ("100-0001", "100-1", " 100-01 "):
        assert comptoir.orders.find_for_resident(typed, "0612345678").id == order.id


def test_a_wrong_phone_says_not_found_like_a_missing_number(
    comptoir: Comptoir, clock: Clock
) -> None:
    comptoir.orders.place(order_request(comptoir, clock.now))
    comptoir.orders.place(order_request(comptoir, clock.now, phone="06 98 76 54 32"))

    with pytest.raises(NotFound) as wrong_phone:
        comptoir.orders.find_for_resident("01-0001", "06 98 76 54 32")
    with pytest.raises(NotFound) as missing:
        comptoir.orders.find_for_resident("01-0099", "06 12 34 56 78")
    # Same error, same message: the screen cannot tell the two apart.
    assert (wrong_phone.value.key, wrong_phone.value.params) == (
        missing.value.key,
        missing.value.params,
    )


def test_find_for_resident_checks_what_was_typed(comptoir: Comptoir) -> None:
    with pytest.raises(ValidationError) as raised:
        comptoir.orders.find_for_resident("abc", "")
    assert raised.value.fields == {"number": "order_number.invalid", "phone": "phone.required"}


def test_a_resident_follows_their_orders_by_the_phone_alone(
    comptoir: Comptoir, clock: Clock
) -> None:
    """Under way, or within the last 30 days, newest slot first; another phone's never."""
    old = comptoir.orders.place(order_request(comptoir, clock.now))
    comptoir.orders.cancel(old.id, "Plus besoin", attendant_id=None)
    clock.advance(days=40)
    cancelled = comptoir.orders.place(order_request(comptoir, clock.now))
    comptoir.orders.cancel(cancelled.id, "Plus besoin", attendant_id=None)
    clock.advance(minutes=5)
    later = comptoir.orders.place(order_request(comptoir, clock.now))
    comptoir.orders.place(order_request(comptoir, clock.now, phone="06 98 76 54 32"))
    found = comptoir.orders.for_resident_phone("06 12 34 56 78")
    assert {o.id for o in found} == {cancelled.id, later.id}  # not the one of 40 days ago
    assert comptoir.orders.last_for_phone("0612345678").id == later.id  # type: ignore[union-attr]
    assert comptoir.orders.last_for_phone("0611111111") is None
    assert comptoir.orders.last_for_phone("pas un numéro") is None
    with pytest.raises(ValidationError) as raised:
        comptoir.orders.for_resident_phone("12")
    assert raised.value.fields == {"phone": "phone.invalid"}


def test_orders_list_and_counts(comptoir: Comptoir, clock: Clock, placed: OrderView) -> None:
    second = comptoir.orders.place(order_request(comptoir, clock.now, phone="0698765432"))
    comptoir.orders.cancel(second.id, "Plus besoin", attendant_id=None)

    clock.advance(minutes=5)
    third = comptoir.orders.place(order_request(comptoir, clock.now))

    # Newest first: the counter's queue.
    assert comptoir.orders.list()[0].id == third.id
    assert {o.id for o in comptoir.orders.list()} == {placed.id, second.id, third.id}
    assert [o.id for o in comptoir.orders.list(offset=1, limit=5)] == [
        o.id for o in comptoir.orders.list()[1:]
    ]
    requested = comptoir.orders.list(statuses=frozenset({OrderStatus.REQUESTED}))
    assert {o.id for o in requested} == {placed.id, third.id}
    counts = comptoir.orders.counts_by_status()
    assert counts[OrderStatus.REQUESTED] == 2
    assert counts[OrderStatus.CANCELLED] == 1
    assert counts[OrderStatus.PAID] == 0
    day = (clock.now + timedelta(days=1)).date()
    assert len(comptoir.orders.list(day=day)) == 3
    assert comptoir.orders.list(day=clock.now.date()) == []


def test_a_failure_midway_leaves_nothing_behind(
    comptoir: Comptoir, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The ticket's print job is the last write of the transaction: if it fails, the
    # order, its client, history and outbox rows and its number go with it.
    def broken_printer_queue(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(order_placing, "enqueue_print", broken_printer_queue)
    before = row_counts(comptoir)
    with pytest.raises(OSError, match="disk full"):
        comptoir.orders.place(order_request(comptoir, clock.now))
    assert row_counts(comptoir) == before

    monkeypatch.undo()
    assert comptoir.orders.place(order_request(comptoir, clock.now)).number == "01-0001"


def test_two_counters_on_one_folder_share_one_gapless_series(
    comptoir: Comptoir, clock: Clock
) -> None:
    # The attendant's counter and the self-service screen each with their own
    # connection pool, writing at once: BEGIN IMMEDIATE and the busy timeout serialise
    # them, and no number is taken twice or skipped.
    other = Comptoir.open(comptoir.store.path.parent, clock=clock)
    errors: list[BaseException] = []

    def place_many(app: Comptoir) -> None:
        try:
            for _ in range(15):
                app.orders.place(order_request(app, clock.now))
        except BaseException as error:  # reported below, on the test's thread
            errors.append(error)

    threads = [threading.Thread(target=place_many, args=(app,)) for app in (comptoir, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    other.close()

    assert errors == []
    numbers = sorted(order.number for order in comptoir.orders.list(limit=100))
    assert numbers == [f"01-{i:04d}" for i in range(1, 31)]
    assert row_counts(comptoir)["clients"] == 1


@pytest.mark.parametrize("code", ["02", "٠١", "²³", "1", "123", "AB"])
def test_the_kiosk_code_comes_from_the_server_only(comptoir: Comptoir, code: str) -> None:
    with pytest.raises(KioskCodeNotSettable) as refused:
        comptoir.settings.update(kiosk_code=code)
    assert message(refused.value.key, "en") == (
        "The kiosk's code is given by the central server at enrolment: it cannot be changed here."
    )
    assert comptoir.settings.get().kiosk_code == "01"


@pytest.mark.parametrize("code", ["00", "٠١", "²³", "1", "1000", "AB", "01\n", ""])
def test_only_a_code_the_server_allocates_is_kept(comptoir: Comptoir, code: str) -> None:
    with comptoir.store.write() as session, pytest.raises(ValueError, match="not a kiosk code"):
        assign_kiosk_code(session, code)  # ("00" is the web platform's series)
    assert comptoir.settings.get().kiosk_code == "01"


def test_a_kiosk_without_a_code_takes_no_order(tmp_path: Path, clock: Clock) -> None:
    app = Comptoir.open(tmp_path / "not-enrolled", clock=clock)
    try:
        app.catalogue.load(json.loads((resources_dir() / "demo" / "catalogue.json").read_text()))
        with pytest.raises(NotEnrolledYet) as refused:
            app.orders.place(order_request(app, clock.now))
        assert message(refused.value.key, "en").startswith(
            "This kiosk is not enrolled with the central server yet: "
        )
        assert message(refused.value.key, "fr").startswith(
            "Ce kiosque n’est pas encore inscrit auprès du serveur central : "
        )
        assert app.orders.list(limit=10) == []  # nothing half-written
        assert row_counts(app)["clients"] == 0
    finally:
        app.close()
