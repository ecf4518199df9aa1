"""Finding a client at the counter: by phone in any usual form, or by part of the name
without accents; SQL wildcards typed are plain characters."""

from __future__ import annotations

import pytest

from kiosk_app.comptoir import Comptoir
from kiosk_app.errors import ValidationError

from .support import Clock, order_request


@pytest.fixture
def residents(comptoir: Comptoir, clock: Clock) -> None:
    comptoir.orders.place(order_request(comptoir, clock.now))  # Jeanne Lefèvre, 06 12…
    comptoir.orders.place(
        order_request(comptoir, clock.now, name="Œdipe O'Neill", phone="01 42 72 00 00")
    )


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("lef", ["Jeanne Lefèvre"]),
        ("LEFEVRE", ["Jeanne Lefèvre"]),
        ("jeanne lef", ["Jeanne Lefèvre"]),
        ("oedipe", ["Œdipe O'Neill"]),
        ("o'neill", ["Œdipe O'Neill"]),
        ("06 12 34", ["Jeanne Lefèvre"]),
        ("+33 6 12 34 56 78", ["Jeanne Lefèvre"]),
        ("0142", ["Œdipe O'Neill"]),
        ("e", ["Jeanne Lefèvre", "Œdipe O'Neill"]),
        ("%", []),
        ("_", []),
        ("%e%", []),
        ("123", []),  # fewer than four digits: too vague for a phone
        ("", []),
    ],
)
def test_search_by_name_or_phone(
    comptoir: Comptoir, residents: None, typed: str, found: list[str]
) -> None:
    assert [client.name for client in comptoir.clients.search(typed)] == found


def test_find_by_phone(comptoir: Comptoir, residents: None) -> None:
    client = comptoir.clients.find_by_phone("0033612345678")
    assert client is not None and client.name == "Jeanne Lefèvre"
    assert comptoir.clients.find_by_phone("06 98 76 54 32") is None
    with pytest.raises(ValidationError) as raised:
        comptoir.clients.find_by_phone("06 12")
    assert raised.value.fields == {"phone": "phone.invalid"}
