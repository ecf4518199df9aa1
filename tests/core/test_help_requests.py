"""A resident's "Besoin d'aide ?" in the core: one record per request id, waiting for
the counter until an attendant handles it, and nothing sent to the central server."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import Role
from kiosk_app.errors import NotFound, ValidationError

from .support import Clock, grown, row_counts


def test_a_call_for_help_waits_until_an_attendant_handles_it(
    comptoir: Comptoir, clock: Clock
) -> None:
    before = row_counts(comptoir)
    first = comptoir.help_requests.ask(request_id=uuid.uuid4())
    clock.advance(minutes=3)
    second = comptoir.help_requests.ask(request_id=uuid.uuid4())
    # Local to this kiosk: two calls and their request ids, nothing in the outbox.
    assert grown(before, row_counts(comptoir)) == {"help_requests": 2, "handled_requests": 2}
    assert [h.id for h in comptoir.help_requests.waiting()] == [first.id, second.id]
    assert first.asked_at == clock.now - timedelta(minutes=3)

    camille = comptoir.attendants.add("Camille", Role.ATTENDANT, "1234")
    clock.advance(minutes=1)
    handled = comptoir.help_requests.handle(first.id, camille.id)
    assert handled.handled_at == clock.now
    assert [h.id for h in comptoir.help_requests.waiting()] == [second.id]
    # Handled twice (two attendants at once): the first time is kept.
    clock.advance(minutes=1)
    assert comptoir.help_requests.handle(first.id, None).handled_at == handled.handled_at


def test_the_same_help_request_twice_is_one_call(comptoir: Comptoir) -> None:
    request_id = str(uuid.uuid4())
    first = comptoir.help_requests.ask(request_id=request_id)
    before = row_counts(comptoir)
    again = comptoir.help_requests.ask(request_id=request_id)
    assert again == first
    assert row_counts(comptoir) == before
    assert len(comptoir.help_requests.waiting()) == 1


def test_handling_an_unknown_call_is_refused(comptoir: Comptoir) -> None:
    with pytest.raises(NotFound):
        comptoir.help_requests.handle(uuid.uuid4(), None)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(request_id=st.one_of(st.text(max_size=300), st.just("'; DROP TABLE help_requests;--")))
def test_any_request_id_is_one_call_or_a_clear_refusal(comptoir: Comptoir, request_id: str) -> None:
    waiting = len(comptoir.help_requests.waiting())
    before = row_counts(comptoir)
    try:
        comptoir.help_requests.ask(request_id=request_id)
    except ValidationError as error:
        assert list(error.fields) == ["request_id"]
        assert row_counts(comptoir) == before
        return
    comptoir.help_requests.ask(request_id=request_id)
    assert len(comptoir.help_requests.waiting()) in (waiting, waiting + 1)
    assert grown(before, row_counts(comptoir)) in (
        {},
        {"help_requests": 1, "handled_requests": 1},
    )
