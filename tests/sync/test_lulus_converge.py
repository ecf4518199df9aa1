"""Lulus and ratings across two kiosks (codes 01 and 02) on one live server: a Lulu is
never sent to two places at once (the second assignment to reach the server is refused
and its order is back to confirmed, with a note saying which order holds the slot and
at which kiosk), the tutor going with a trainee is on every store, a rating the server
refuses is taken back with a reason, and every store ends with the server's averages."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sync_harness import (
    Clock,
    Kiosk,
    LiveServer,
    assert_same_records,
    kiosk_rows,
    order_request,
    server_rows,
)

from kiosk_app.domain.kinds import OnboardingStage, Role
from kiosk_app.domain.validation import phone
from kiosk_app.messages import message
from kiosk_app.services.sync_state import set_aside_ops
from kiosk_app.store.models import Lulu, LuluFile
from server.catalogue import import_catalogue
from sync.protocol import OrderStatus

AWA = uuid.UUID("0c5a1a2e-0000-4000-8000-00000000a0a0")
INES = uuid.UUID("0c5a1a2e-0000-4000-8000-00000000b0b0")


def _lulus_on_server(central: LiveServer) -> None:
    document = {
        "lulus": [
            {"id": str(AWA), "display_name": "Awa D.", "skills": []},
            {"id": str(INES), "display_name": "Inès M.", "skills": []},
        ]
    }
    with central.db.write() as session:
        import_catalogue(session, document, now=datetime.now(UTC))


def _both_synced(*kiosks: Kiosk) -> None:
    """Each kiosk syncs twice, in turn: every answer and every change has arrived."""
    for _ in range(2):
        for k in kiosks:
            k.sync()


def _figures(k: Kiosk) -> dict[str, tuple[int, int]]:
    with k.app.store.read() as session:
        return {
            str(lulu.id): (lulu.rating_sum, lulu.rating_count)
            for lulu in session.scalars(select(Lulu))
        }


def _server_figures(central: LiveServer) -> dict[str, tuple[int, int]]:
    return {
        key: (row["rating_sum"], row["rating_count"])
        for key, row in server_rows(central.db, "lulu").items()
    }


def _looked_up(k: Kiosk, clock: Clock, n: int, number: str) -> None:
    """The resident comes to this kiosk's counter and is looked up: it reads the order
    (one owner per order: other kiosks do not pull it otherwise)."""
    k.client.lookup(phone(order_request(k.app, clock.now, n=n).phone), number)
    k.sync()


def _taken_over(k: Kiosk, order_id: uuid.UUID) -> None:
    """This kiosk takes the order over to change it (only its holder does)."""
    assert k.app.holding.ask_take_over(order_id, attendant_id=None)
    k.sync()
    assert k.app.holding.holder(order_id) is None


def _confirmed(k: Kiosk, clock: Clock, n: int) -> Any:
    order = k.app.orders.place(order_request(k.app, clock.now, n=n))
    return k.app.orders.confirm(order.id, attendant_id=None)


def test_a_lulu_assigned_at_two_kiosks_for_one_slot_keeps_the_first(
    kiosk: Kiosk, bastille: Kiosk, central: LiveServer, clock: Clock
) -> None:
    _lulus_on_server(central)
    _both_synced(kiosk, bastille)
    here = _confirmed(kiosk, clock, 1)
    there = _confirmed(bastille, clock, 2)  # the same slot, for another resident
    kiosk.app.orders.assign(here.id, AWA, attendant_id=None)
    bastille.app.orders.assign(there.id, AWA, attendant_id=None)  # offline: allowed here
    kiosk.sync()
    report = bastille.sync()
    assert report.pushed.conflict == 1
    assert bastille.app.orders.get(there.id).status is OrderStatus.CONFIRMED
    assert bastille.app.orders.get(there.id).lulu_id is None
    [note] = bastille.app.sync_notes.for_order(there.id)
    assert note.params == {
        "name": "Awa D.",
        "order": there.number,
        "number": here.number,
        "kiosk": here.number[:2],
    }
    text = message(note.key, "en", **note.params)
    assert f"already has order {here.number} (kiosk 01)" in text
    assert "Lefèvre" not in text
    _both_synced(kiosk, bastille)
    assert server_rows(central.db, "order")[str(there.id)]["status"] == "confirmed"
    for k in (kiosk, bastille):
        assert_same_records(k.app, central.db)
    # Another Lulu can take it: the refusal was about Awa at that time only.
    bastille.app.orders.assign(there.id, INES, attendant_id=None)
    assert bastille.sync().pushed.conflict == 0


def test_the_tutor_going_with_a_trainee_is_on_every_store(
    kiosk: Kiosk, bastille: Kiosk, central: LiveServer, clock: Clock
) -> None:
    _lulus_on_server(central)
    _both_synced(kiosk, bastille)
    who = kiosk.app.attendants.add("Camille Martin", Role.ATTENDANT, "1234").id
    with kiosk.app.store.write() as session:  # Inès is in training here, tutored by Awa
        session.add(
            LuluFile(
                lulu_id=INES,
                stage=OnboardingStage.FILE_IN_PROGRESS,
                tutor_id=AWA,
                stage_changed_at=clock.now,
            )
        )
    order = _confirmed(kiosk, clock, 3)
    kiosk.app.suggestions.assign(order.id, INES, with_tutor=True, attendant_id=who)
    _both_synced(kiosk, bastille)
    # Every kiosk that may read the order: its holder, and one that looked it up.
    _looked_up(bastille, clock, 3, order.number)
    for k in (kiosk, bastille):
        row = kiosk_rows(k.app, "order")[str(order.id)]
        assert (row["lulu_id"], row["tutor_id"]) == (str(INES), str(AWA))
        assert_same_records(k.app, central.db)
    # Withdrawn at the second kiosk, which took it over: the tutor goes with the Lulu,
    # everywhere.
    _taken_over(bastille, order.id)
    bastille.app.orders.withdraw(order.id, attendant_id=None)
    _both_synced(bastille, kiosk)
    for k in (kiosk, bastille):
        assert kiosk_rows(k.app, "order")[str(order.id)]["tutor_id"] is None


def _done(k: Kiosk, clock: Clock, n: int, lulu: uuid.UUID) -> Any:
    order = _confirmed(k, clock, n)
    k.app.orders.assign(order.id, lulu, attendant_id=None)
    return k.app.orders.mark_done(order.id, 40, attendant_id=None)


def test_ratings_from_two_kiosks_end_with_the_same_averages_and_a_refused_one_goes(
    kiosk: Kiosk, bastille: Kiosk, central: LiveServer, clock: Clock
) -> None:
    _lulus_on_server(central)
    _both_synced(kiosk, bastille)
    shared = _done(kiosk, clock, 4, AWA)
    clock.advance(hours=2)
    only_there = _done(bastille, clock, 5, AWA)
    _both_synced(kiosk, bastille)
    # The resident of the shared order comes to the second kiosk too: looked up there.
    _looked_up(bastille, clock, 4, shared.number)
    # Both kiosks rate the shared order offline; the second kiosk's arrives second.
    kiosk.app.ratings.rate(shared.id, 5, "Parfait")
    bastille.app.ratings.rate(shared.id, 2, "Bof")
    bastille.app.ratings.rate(only_there.id, 4)
    assert _figures(bastille)[str(AWA)] == (6, 2)  # counted here at once
    kiosk.sync()
    report = bastille.sync()
    assert report.pushed.conflict == 1
    assert bastille.app.ratings.for_order(shared.id).stars == 5  # the server's one
    [note] = bastille.app.sync_notes.for_order(shared.id)
    assert "had already been rated elsewhere" in message(note.key, "en", **note.params)
    _both_synced(kiosk, bastille)
    expected = {str(AWA): (9, 2), str(INES): (0, 0)}
    assert _server_figures(central) == expected
    for k in (kiosk, bastille):
        assert _figures(k) == expected
        assert_same_records(k.app, central.db)


def test_a_rating_of_an_order_the_server_cancelled_is_taken_back(
    kiosk: Kiosk, bastille: Kiosk, central: LiveServer, clock: Clock
) -> None:
    _lulus_on_server(central)
    _both_synced(kiosk, bastille)
    order = _confirmed(kiosk, clock, 6)
    kiosk.app.orders.assign(order.id, AWA, attendant_id=None)
    _both_synced(kiosk, bastille)
    # The second kiosk looks the resident up and takes the order over; the first
    # kiosk takes it back and cancels it.
    _looked_up(bastille, clock, 6, order.number)
    _taken_over(bastille, order.id)
    kiosk.sync()
    _taken_over(kiosk, order.id)
    kiosk.app.orders.cancel(order.id, "Cliente absente", attendant_id=None)
    kiosk.sync()
    # Offline (it still holds it here), the second kiosk marks it done and a resident
    # rates it.
    bastille.app.orders.mark_done(order.id, 40, attendant_id=None)
    bastille.app.ratings.rate(order.id, 1, "Jamais venue")
    report = bastille.sync()
    # The done came after the hand-back: set aside (not_owner); the rating is not set
    # aside but refused and taken back.
    assert report.pushed.rejected == 2 and report.set_aside == 1
    with bastille.app.store.read() as session:
        assert [(op.kind, op.entity) for op in set_aside_ops(session)] == [("transition", "order")]
    assert bastille.app.ratings.for_order(order.id) is None
    assert bastille.app.orders.get(order.id).status is OrderStatus.CANCELLED
    [note] = bastille.app.sync_notes.for_order(order.id)
    assert message(note.key, "fr", **note.params) == (
        f"La note de la commande {order.number} a été refusée par le serveur central "
        "(la prestation n’y est pas réalisée) et retirée ici."
    )
    _both_synced(kiosk, bastille)
    for k in (kiosk, bastille):
        assert _figures(k)[str(AWA)] == (0, 0)
        assert_same_records(k.app, central.db)
