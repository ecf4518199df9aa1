"""Arbitrary text at every entry point of the services: each call either succeeds with a
valid result or raises a typed error (ValidationError, NotFound...), never anything
else; and a refused call writes nothing at all.

One store per test function; each example compares row counts before and after itself,
so examples that share the store never depend on each other."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import Role
from kiosk_app.domain.validation import clean_text
from kiosk_app.errors import AlreadyRated, ComptoirError, NotFound, ValidationError
from kiosk_app.messages import MESSAGES
from kiosk_app.views.orders import OrderView, normalise_order_number
from sync.protocol import is_order_number

from .support import HOME, Clock, grown, order_request, row_counts

T = TypeVar("T")

SQL_AND_FRIENDS = [
    "'; DROP TABLE orders;--",
    "Robert'); DROP TABLE clients;--",
    '" OR 1=1 --',
    "%",
    "_",
    "\\",
    "*",
    'menage" OR "',
    "NEAR(a b)",
    "\x00",
    "\x00'; DELETE FROM outbox;--",
    "\u202eevil",
    "\ufeff",
    "\ud800",  # a lone surrogate, as a broken paste can give
    "😀👨‍👩‍👧🏳️‍🌈",
    "مرحبا بالعالم",
    "שלום",
    "ﷺ",
    "Ⅻ²³",
    "٠٦١٢٣٤٥٦٧٨",
    "\t\n\r",
    " " * 50,
    "",
]

# Values that pass validation, so that the success path is explored too.
GOOD_PHONES = ["06 12 34 56 78", "+33 7 81 22 33 44", "0033698765432", "01.42.72.00.00"]
GOOD_NAMES = ["Jeanne Lefèvre", "محمد علي", "Zoë d’Arc", "李小龍"]


def pastes() -> st.SearchStrategy[str]:
    """Huge pastes (up to 10,000 characters) made of a repeated random chunk."""
    return st.builds(
        lambda chunk, times: (chunk * times)[:10_000],
        st.text(min_size=1, max_size=20),
        st.integers(min_value=100, max_value=10_000),
    )


def nasty(*good: str) -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(),
        # Every code point, lone surrogates included (hypothesis leaves them out by default).
        st.text(st.characters(exclude_categories=())),
        st.sampled_from(SQL_AND_FRIENDS),
        pastes(),
        *([st.sampled_from(good)] if good else []),
    )


FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

EXPECTED = (ValidationError, NotFound)


def outcome(
    app: Comptoir, call: Callable[[], T], *, expected: tuple[type[ComptoirError], ...] = EXPECTED
) -> T | None:
    """Run `call`: a typed error leaves every table as it was and names only known
    message keys; any other exception fails the test."""
    before = row_counts(app)
    try:
        return call()
    except expected as error:
        assert row_counts(app) == before
        assert error.key in MESSAGES
        if isinstance(error, ValidationError):
            assert error.fields
            assert all(key in MESSAGES for key in error.fields.values()), error.fields
        return None


# --- Placing orders -----------------------------------------------------------------


ORDER_FIELDS = ("name", "phone", "email", "description", "lang")
ADDRESS_FIELDS = ("street", "postcode", "city", "building", "access_notes")


@FUZZ
@given(
    typed=st.dictionaries(
        st.sampled_from(ORDER_FIELDS + ADDRESS_FIELDS), nasty(), min_size=1, max_size=3
    ),
    floor=st.one_of(st.none(), st.integers(min_value=-4, max_value=61)),
    units=st.integers(min_value=0, max_value=19),  # "Ménage": 1 to 18
    consent=st.booleans(),
)
def test_place_takes_any_text(
    comptoir: Comptoir,
    clock: Clock,
    typed: dict[str, str],
    floor: int | None,
    units: int,
    consent: bool,
) -> None:
    # A valid order whose fields, up to three at a time, are replaced by arbitrary text.
    address_text: dict[str, Any] = {k: v for k, v in typed.items() if k in ADDRESS_FIELDS}
    address = replace(HOME, floor=floor, **address_text)
    request = order_request(
        comptoir,
        clock.now,
        service="menage",
        address=address,
        estimated_units=units,
        consent=consent,
        **{k: v for k, v in typed.items() if k in ORDER_FIELDS},
    )
    before = row_counts(comptoir)
    order = outcome(comptoir, lambda: comptoir.orders.place(request))
    event("placed" if order else "refused")
    if order is None:
        return
    delta = grown(before, row_counts(comptoir))
    new_client = delta.pop("clients", 0)
    assert new_client in (0, 1)
    assert delta.pop("outbox") in (1 + new_client, 2)  # a known client may get a patch
    assert delta == {"orders": 1, "order_events": 1, "print_jobs": 1}
    # What is stored is what was typed, tidied: read back, it is the same order.
    assert comptoir.orders.get(order.id) == order
    assert order.description == clean_text(request.description)
    assert order.address.street == clean_text(address.street)
    assert order.address.access_notes == clean_text(address.access_notes)
    assert order.lang in ("fr", "en")
    assert re.fullmatch(r"\d{2}-\d{4,}", order.number)


PRINTABLE = st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn", "Cf"))


@FUZZ
@given(
    description=st.text(PRINTABLE, max_size=100),
    access_notes=st.text(PRINTABLE, max_size=100),
)
def test_any_printable_text_is_stored_and_read_back(
    comptoir: Comptoir, clock: Clock, description: str, access_notes: str
) -> None:
    # Emoji, right-to-left scripts, symbols: people type them, the order keeps them.
    request = order_request(
        comptoir,
        clock.now,
        description=description,
        address=replace(HOME, access_notes=access_notes),
    )
    order = comptoir.orders.place(request)
    stored = comptoir.orders.get(order.id)
    assert stored.description == clean_text(description)
    assert stored.address.access_notes == clean_text(access_notes)


# --- Reading with what a resident or an attendant types --------------------------------


@FUZZ
@given(typed=nasty(*GOOD_PHONES, "06 12", "Jeanne", "lef"))
def test_client_lookups_take_any_text(comptoir: Comptoir, clock: Clock, typed: str) -> None:
    if row_counts(comptoir)["clients"] == 0:
        comptoir.orders.place(order_request(comptoir, clock.now))
    found = outcome(comptoir, lambda: comptoir.clients.find_by_phone(typed))
    if found is not None:
        assert found.phone == "+33612345678"
    results = outcome(comptoir, lambda: comptoir.clients.search(typed))
    assert results is not None
    assert all(client.name == "Jeanne Lefèvre" for client in results)


@FUZZ
@given(typed=nasty("menage", "rep", "montee courses"))
def test_catalogue_search_takes_any_text(comptoir: Comptoir, typed: str) -> None:
    results = outcome(comptoir, lambda: comptoir.catalogue.search(typed))
    assert results is not None
    assert len({service.id for service in results}) == len(results)
    assert all(service.name_fr for service in results)


@settings(max_examples=300, deadline=None)
@given(typed=nasty("01-0042", "010042", "1-42"))
def test_normalise_order_number_takes_any_text(typed: str) -> None:
    number = normalise_order_number(typed)
    assert number is None or re.fullmatch(r"\d{2,3}-\d{4,9}", number)
    assert number is None or is_order_number(number)  # the server's rule (sync.protocol)
    if number is not None:
        assert number.isascii()
        # Normalising is idempotent: a stored number finds itself.
        assert normalise_order_number(number) == number


@FUZZ
@given(number=nasty("01-0001", "1-1", "01-0002"), phone=nasty(*GOOD_PHONES))
def test_find_for_resident_takes_any_text(
    comptoir: Comptoir, clock: Clock, number: str, phone: str
) -> None:
    if row_counts(comptoir)["orders"] == 0:
        comptoir.orders.place(order_request(comptoir, clock.now))
    order = outcome(comptoir, lambda: comptoir.orders.find_for_resident(number, phone))
    if order is not None:
        # Only the order placed with that very phone is ever shown.
        assert order.number == "01-0001"
        assert comptoir.clients.get(order.client_id).phone == "+33612345678"
    outcome(comptoir, lambda: comptoir.orders.by_number(number))


@FUZZ
@given(phone=nasty(*GOOD_PHONES))
def test_following_by_phone_alone_takes_any_text(
    comptoir: Comptoir, clock: Clock, phone: str
) -> None:
    if row_counts(comptoir)["orders"] == 0:
        comptoir.orders.place(order_request(comptoir, clock.now))
    found = outcome(comptoir, lambda: comptoir.orders.for_resident_phone(phone))
    for order in found or []:
        # Only the orders placed with that very phone are ever shown.
        assert comptoir.clients.get(order.client_id).phone == "+33612345678"
    last = comptoir.orders.last_for_phone(phone)
    assert last is None or comptoir.clients.get(last.client_id).phone == "+33612345678"


# --- Writing what residents and attendants type -----------------------------------------


@FUZZ
@given(
    stars=st.integers(min_value=-1, max_value=7),
    comment=nasty("", "Très bien, merci !"),
    again=st.booleans(),
)
def test_rate_takes_any_comment(
    comptoir: Comptoir,
    clock: Clock,
    lulu_id: uuid.UUID,
    stars: int,
    comment: str,
    again: bool,
) -> None:
    order = done_order(comptoir, clock, lulu_id)
    if again:
        comptoir.ratings.rate(order.id, 5)
    rating = outcome(
        comptoir,
        lambda: comptoir.ratings.rate(order.id, stars, comment),
        expected=(ValidationError, AlreadyRated),
    )
    if rating is not None:
        assert comptoir.ratings.for_order(order.id) == rating
        assert rating.comment == clean_text(comment)


@FUZZ
@given(
    name=nasty(*GOOD_NAMES),
    phone=nasty(*GOOD_PHONES),
    skills=st.lists(st.one_of(st.sampled_from(["menage", "couture"]), nasty()), max_size=4),
    availability=nasty("", "Le samedi"),
)
def test_lulu_application_takes_any_text(
    comptoir: Comptoir, name: str, phone: str, skills: list[str], availability: str
) -> None:
    before = row_counts(comptoir)
    lulu_id = outcome(
        comptoir,
        lambda: comptoir.lulus.register_application(name, phone, skills, availability),
    )
    if lulu_id is None:
        return
    assert grown(before, row_counts(comptoir)) == {
        "lulus": 1,
        "lulu_files": 1,
        "lulu_applications": 1,
        "outbox": 1,
    }
    assert comptoir.lulus.get(lulu_id).skills == set(skills)


@settings(FUZZ, max_examples=30)  # each success hashes a PIN with argon2
@given(
    name=nasty(*GOOD_NAMES),
    pin=nasty("1234", "00000000"),
    role=st.sampled_from(Role),
)
def test_attendant_add_takes_any_text(comptoir: Comptoir, name: str, pin: str, role: Role) -> None:
    attendant = outcome(comptoir, lambda: comptoir.attendants.add(name, role, pin))
    if attendant is not None:
        assert comptoir.attendants.log_in(attendant.id, pin) == attendant


@FUZZ
@given(reason=nasty("Le résident a annulé"))
def test_cancel_takes_any_reason(comptoir: Comptoir, clock: Clock, reason: str) -> None:
    order = comptoir.orders.place(order_request(comptoir, clock.now))
    cancelled = outcome(
        comptoir, lambda: comptoir.orders.cancel(order.id, reason, attendant_id=None)
    )
    if cancelled is None:
        assert comptoir.orders.get(order.id) == order
    else:
        assert cancelled.cancel_reason == clean_text(reason)
        assert comptoir.orders.get(order.id) == cancelled


def done_order(comptoir: Comptoir, clock: Clock, lulu_id: uuid.UUID) -> OrderView:
    order = comptoir.orders.place(order_request(comptoir, clock.now))
    comptoir.orders.confirm(order.id, attendant_id=None)
    comptoir.orders.assign(order.id, lulu_id, attendant_id=None)
    return comptoir.orders.mark_done(order.id, 30, attendant_id=None)


@pytest.mark.parametrize("text", SQL_AND_FRIENDS)
def test_the_tables_survive_sql_looking_text(comptoir: Comptoir, clock: Clock, text: str) -> None:
    request = order_request(comptoir, clock.now, description=text)
    outcome(comptoir, lambda: comptoir.orders.place(request))
    outcome(comptoir, lambda: comptoir.clients.search(text))
    outcome(comptoir, lambda: comptoir.catalogue.search(text))
    assert len(comptoir.catalogue.all_services()) > 0
    assert set(row_counts(comptoir)) >= {"orders", "clients", "outbox"}
