"""A day's orders, and more: what residents and the attendant would place, in the
proportions of a busy counter (about 70 % known clients, recognised by their phone)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk_app.domain import validation
from kiosk_app.views.catalogue import ServiceView
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.orders import OrderRequest
from sync.protocol import Channel

from .store_data import START, demo_people

KNOWN_CLIENT_SHARE = 0.7
MOVED_SHARE = 0.1  # a known client ordering for another address (a per-field patch)
COUNTER_SHARE = 0.6  # taken by the attendant; the rest on the touchscreen
SECONDS_BETWEEN_ORDERS = 20


@dataclass(frozen=True, slots=True)
class PlannedOrder:
    """One order to place, and what a raw sqlite3 baseline needs to write the same rows
    without the library's validation."""

    at: datetime
    request: OrderRequest
    phone_e164: str
    at_counter: bool


@dataclass(frozen=True, slots=True)
class _Client:
    name: str
    phone: str
    email: str
    address: AddressInput
    lang: str


def _typed_phone(rng: random.Random, digits: str) -> str:
    """The same mobile number as people type it, in one of its usual French forms."""
    pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
    forms = (" ".join(pairs), digits, ".".join(pairs), f"+33 {digits[1]} {' '.join(pairs[1:])}")
    return rng.choice(forms)


def _address(rng: random.Random) -> AddressInput:
    people = demo_people()
    street = rng.choice(people["streets"])
    floor = rng.randint(0, 7)
    return AddressInput(
        street=f"{rng.randint(1, 120)} {street['street']}",
        postcode=street["postcode"],
        city="Paris",
        building=rng.choice(("", "", "Bât. A", "Escalier B", "Cour intérieure")),
        floor=floor,
        has_lift=None if floor == 0 else rng.random() < 0.4,
        access_notes=rng.choice(["", *people["access_notes_fr"]]),
    )


def _new_client(rng: random.Random, index: int) -> _Client:
    people = demo_people()
    name = f"{rng.choice(people['first_names'])} {rng.choice(people['last_names'])}"
    # 06 + the client's index: unique, and a valid French mobile number.
    digits = f"06{index:08d}"
    email = ""
    if rng.random() < 0.25:
        email = f"{name.split()[0].lower()}.{index}@exemple.fr"
    return _Client(name, digits, email, _address(rng), "en" if rng.random() < 0.1 else "fr")


def planned_orders(
    count: int, services: list[ServiceView], *, seed: int = 2026
) -> Iterator[PlannedOrder]:
    """`count` orders, one every SECONDS_BETWEEN_ORDERS of simulated time, reproducible
    from `seed`."""
    rng = random.Random(seed)
    people = demo_people()
    clients: list[_Client] = []
    for i in range(count):
        at = START + timedelta(seconds=i * SECONDS_BETWEEN_ORDERS)
        if clients and rng.random() < KNOWN_CLIENT_SHARE:
            known = rng.randrange(len(clients))
            client = clients[known]
            if rng.random() < MOVED_SHARE:
                client = _Client(client.name, client.phone, "", _address(rng), client.lang)
                clients[known] = client
        else:
            client = _new_client(rng, len(clients))
            clients.append(client)
        service = rng.choice(services)
        units = min(service.max_units, max(1, service.typical_units + rng.randint(-1, 2)))
        start = at + timedelta(minutes=30 * rng.randint(4, 13 * 48))
        request = OrderRequest(
            service_id=service.id,
            slot_start=start,
            slot_end=start + timedelta(minutes=units * service.unit_minutes),
            estimated_units=units,
            phone=_typed_phone(rng, client.phone),
            address=client.address,
            channel=Channel.COUNTER if rng.random() < COUNTER_SHARE else Channel.SELF_SERVICE,
            name=client.name,
            email=client.email,
            description=rng.choice(["", *people["order_descriptions_fr"]]),
            lang=client.lang,
            consent=True,
        )
        yield PlannedOrder(
            at=at,
            request=request,
            phone_e164=validation.phone(client.phone),
            at_counter=request.channel is Channel.COUNTER,
        )
