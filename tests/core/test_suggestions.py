"""Lulu suggestions for an order, on a real store: who is free at the slot, who has the
skill, who knows the area, who is in training (with their tutor), in which order; and the
assignment that pairs a Lulu in training with their tutor."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import OnboardingStage
from kiosk_app.errors import NotFound, TransitionNotAllowed, ValidationError
from kiosk_app.messages import message
from kiosk_app.services.suggestions import PAIRING_ACTION
from kiosk_app.store.models import AuditEntry
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.lulus import CHECKLIST
from kiosk_app.views.orders import OrderView
from kiosk_app.views.suggestions import LuluSuggestion
from sync.protocol import OrderStatus

from .support import HOME, Clock, grown, order_request, row_counts


def add_lulu(
    comptoir: Comptoir,
    name: str,
    *,
    skills: tuple[str, ...] = ("manutention",),
    stage: OnboardingStage = OnboardingStage.ONBOARDED,
    tutor: uuid.UUID | None = None,
) -> uuid.UUID:
    """A Lulu through the pipeline an attendant follows: application, file, stage."""
    lulu_id = comptoir.lulus.register_application(name, "07 81 22 33 44", list(skills), "")
    if stage is not OnboardingStage.CANDIDATE:
        comptoir.onboarding.take_to(
            lulu_id, stage, attendant_id=None, ticked=CHECKLIST, tutor_id=tutor
        )
    return lulu_id


def place(
    comptoir: Comptoir,
    clock: Clock,
    *,
    start_minutes: int = 0,
    minutes: int = 60,
    postcode: str = "75004",
    service: str = "montee-courses",
) -> OrderView:
    """A confirmed order tomorrow at 10:00 UTC plus `start_minutes`, lasting `minutes`."""
    start = clock.now + timedelta(days=1, hours=1, minutes=start_minutes)
    order = comptoir.orders.place(
        order_request(
            comptoir,
            clock.now,
            service=service,
            slot_start=start,
            slot_end=start + timedelta(minutes=minutes),
            address=AddressInput(street=HOME.street, postcode=postcode),
        )
    )
    return comptoir.orders.confirm(order.id, attendant_id=None)


def assigned(
    comptoir: Comptoir,
    clock: Clock,
    lulu_id: uuid.UUID,
    *,
    start_minutes: int = 0,
    minutes: int = 60,
    postcode: str = "75004",
) -> OrderView:
    order = place(comptoir, clock, start_minutes=start_minutes, minutes=minutes, postcode=postcode)
    return comptoir.orders.assign(order.id, lulu_id, attendant_id=None)


def by_name(suggestions: list[LuluSuggestion]) -> dict[str, LuluSuggestion]:
    return {s.display_name: s for s in suggestions}


def names(suggestions: list[LuluSuggestion]) -> list[str]:
    return [s.display_name for s in suggestions]


def test_free_and_skilled_lulus_come_first_a_busy_one_below(
    comptoir: Comptoir, clock: Clock
) -> None:
    busy = add_lulu(comptoir, "Amina Busy")
    add_lulu(comptoir, "Bruno Free")
    add_lulu(comptoir, "Chloé Unskilled", skills=("couture",))
    clash = assigned(comptoir, clock, busy, start_minutes=30)
    order = place(comptoir, clock)

    suggestions = comptoir.suggestions.for_order(order.id)

    assert names(suggestions) == ["Bruno Free", "Chloé Unskilled", "Amina Busy"]
    seen = by_name(suggestions)
    assert seen["Bruno Free"].free and seen["Bruno Free"].has_skill
    assert not seen["Chloé Unskilled"].has_skill and seen["Chloé Unskilled"].free
    assert not seen["Amina Busy"].free and seen["Amina Busy"].busy_with == (clash.number,)
    assert seen["Amina Busy"].open_orders == 1 and seen["Amina Busy"].week_orders == 1


def test_skill_outweighs_area_rating_and_load(comptoir: Comptoir, clock: Clock) -> None:
    """A Lulu without the skill, though best rated, knowing the area and idle, comes
    after a skilled one with none of that."""
    skilled = add_lulu(comptoir, "Denis Skilled")
    local = add_lulu(comptoir, "Eva Local", skills=("couture",))
    for hours in (2, 4, 6, 8, 10):
        assigned(comptoir, clock, skilled, start_minutes=hours * 60, postcode="75011")
    done = assigned(comptoir, clock, local, start_minutes=-120)
    comptoir.orders.mark_done(done.id, 60, attendant_id=None)
    order = place(comptoir, clock)

    suggestions = comptoir.suggestions.for_order(order.id)

    assert names(suggestions) == ["Denis Skilled", "Eva Local"]
    eva = suggestions[1]
    assert eva.knows_area and eva.orders_in_postcode == 1 and eva.open_orders == 0
    assert suggestions[0].open_orders == 5 and not suggestions[0].knows_area


@pytest.mark.parametrize(
    ("start_minutes", "minutes", "free"),
    [
        (-60, 60, True),  # ends at 10:00 as ours starts: not an overlap
        (60, 30, True),  # starts at 11:00 as ours ends: not an overlap
        (-60, 61, False),  # one minute into ours
        (59, 30, False),  # starts one minute before ours ends
        (10, 20, False),  # inside ours
        (-30, 180, False),  # around ours
    ],
)
def test_a_lulu_is_busy_only_when_slots_truly_overlap(
    comptoir: Comptoir, clock: Clock, start_minutes: int, minutes: int, free: bool
) -> None:
    lulu = add_lulu(comptoir, "Farid Edge")
    assigned(comptoir, clock, lulu, start_minutes=start_minutes, minutes=minutes)
    order = place(comptoir, clock)  # 10:00 to 11:00 UTC tomorrow

    (suggestion,) = comptoir.suggestions.for_order(order.id)

    assert suggestion.free is free


def test_done_cancelled_and_withdrawn_orders_do_not_make_a_lulu_busy(
    comptoir: Comptoir, clock: Clock
) -> None:
    lulu = add_lulu(comptoir, "Gaëlle Clear")
    done = assigned(comptoir, clock, lulu)
    comptoir.orders.mark_done(done.id, 60, attendant_id=None)
    cancelled = assigned(comptoir, clock, lulu)
    comptoir.orders.cancel(cancelled.id, "Le client a annulé", attendant_id=None)
    withdrawn = assigned(comptoir, clock, lulu)
    comptoir.orders.withdraw(withdrawn.id, attendant_id=None)
    order = place(comptoir, clock)

    (suggestion,) = comptoir.suggestions.for_order(order.id)

    assert suggestion.free and suggestion.busy_with == ()
    # The done order is work of the week; nothing is still to do.
    assert suggestion.open_orders == 0 and suggestion.week_orders == 1


def test_a_busy_lulu_is_refused_at_the_assignment_and_nothing_is_written(
    comptoir: Comptoir, clock: Clock
) -> None:
    """The list says "busy"; the core refuses too, whoever asks (the order form's
    "assign right away" has no list to read)."""
    lulu = add_lulu(comptoir, "Iris Twice")
    first = assigned(comptoir, clock, lulu)
    order = place(comptoir, clock, start_minutes=30)
    before = row_counts(comptoir)

    with pytest.raises(ValidationError) as refused:
        comptoir.orders.assign(order.id, lulu, attendant_id=None)

    assert refused.value.fields == {"lulu": "lulu.busy"}
    shown = message("lulu.busy", "fr", **refused.value.params)
    assert shown == f"Iris Twice a déjà la commande {first.number} à ce moment-là : " + (
        "choisissez un autre Lulu."
    )
    assert grown(before, row_counts(comptoir)) == {}
    assert comptoir.orders.get(order.id).status is OrderStatus.CONFIRMED
    # Right after the first one ends, the Lulu is free.
    later = place(comptoir, clock, start_minutes=60)
    assert comptoir.orders.assign(later.id, lulu, attendant_id=None).lulu_id == lulu


def test_the_week_is_the_slots_paris_week(comptoir: Comptoir, clock: Clock) -> None:
    """Tomorrow is Friday 27 November 2026: an order on Monday 30 counts in another
    week, and so does nothing of the order's own."""
    lulu = add_lulu(comptoir, "Hugo Week")
    assigned(comptoir, clock, lulu, start_minutes=3 * 24 * 60)  # Monday 30, 10:00 UTC
    order = place(comptoir, clock)

    (suggestion,) = comptoir.suggestions.for_order(order.id)

    assert suggestion.open_orders == 1 and suggestion.week_orders == 0


def test_a_trainee_is_flagged_with_their_tutor_and_whether_the_tutor_is_free(
    comptoir: Comptoir, clock: Clock
) -> None:
    tutor = add_lulu(comptoir, "Marie Tutor")
    add_lulu(comptoir, "Inès Trainee", stage=OnboardingStage.FILE_IN_PROGRESS, tutor=tutor)
    order = place(comptoir, clock)

    trainee = by_name(comptoir.suggestions.for_order(order.id))["Inès Trainee"]
    assert trainee.in_training and trainee.may_work
    assert trainee.tutor is not None
    assert (trainee.tutor.id, trainee.tutor.display_name, trainee.tutor.free) == (
        tutor,
        "Marie Tutor",
        True,
    )

    assigned(comptoir, clock, tutor, start_minutes=15)
    trainee = by_name(comptoir.suggestions.for_order(order.id))["Inès Trainee"]
    assert trainee.tutor is not None and not trainee.tutor.free
    assert trainee.free  # the trainee themself still is


def test_candidates_come_last_and_inactive_lulus_not_at_all(
    comptoir: Comptoir, clock: Clock
) -> None:
    add_lulu(comptoir, "Aaron Candidate", stage=OnboardingStage.CANDIDATE)
    add_lulu(comptoir, "Zoé Unskilled", skills=("couture",))
    add_lulu(comptoir, "Jules Inactive", stage=OnboardingStage.INACTIVE)
    order = place(comptoir, clock)

    suggestions = comptoir.suggestions.for_order(order.id)

    assert names(suggestions) == ["Zoé Unskilled", "Aaron Candidate"]
    assert not suggestions[1].may_work and suggestions[1].in_training
    assert suggestions[1].has_skill and suggestions[1].free


def test_suggestions_for_an_unknown_order_are_not_found(comptoir: Comptoir) -> None:
    with pytest.raises(NotFound):
        comptoir.suggestions.for_order(uuid.uuid4())


def test_assigning_with_the_tutor_records_the_pairing_with_the_assignment(
    comptoir: Comptoir, clock: Clock, attendant: AttendantView
) -> None:
    tutor = add_lulu(comptoir, "Marie Tutor")
    trainee = add_lulu(
        comptoir, "Inès Trainee", stage=OnboardingStage.FILE_IN_PROGRESS, tutor=tutor
    )
    order = place(comptoir, clock)

    result = comptoir.suggestions.assign(
        order.id, trainee, with_tutor=True, attendant_id=attendant.id
    )

    stored = comptoir.orders.get(order.id)
    assert result.status is stored.status is OrderStatus.ASSIGNED
    assert stored.lulu_id == trainee
    with comptoir.store.read() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity_id == str(order.id))
        ).all()
    actions = [(e.action, e.attendant_id) for e in entries]
    assert ("order.assigned", attendant.id) in actions
    assert (PAIRING_ACTION, attendant.id) in actions
    pairing = next(e for e in entries if e.action == PAIRING_ACTION)
    assert pairing.details["lulu_id"] == str(trainee)
    assert pairing.details["tutor_id"] == str(tutor)
    steps = comptoir.suggestions.steps(order.id)
    assert [s.status for s in steps] == [
        OrderStatus.REQUESTED,
        OrderStatus.CONFIRMED,
        OrderStatus.ASSIGNED,
    ]
    assert (steps[-1].lulu_name, steps[-1].tutor_name) == ("Inès Trainee", "Marie Tutor")


def test_an_earlier_paired_assignment_keeps_its_names_after_a_withdrawal(
    comptoir: Comptoir, clock: Clock, attendant: AttendantView
) -> None:
    tutor = add_lulu(comptoir, "Marie Tutor")
    trainee = add_lulu(
        comptoir, "Inès Trainee", stage=OnboardingStage.FILE_IN_PROGRESS, tutor=tutor
    )
    order = place(comptoir, clock)
    comptoir.suggestions.assign(order.id, trainee, with_tutor=True, attendant_id=attendant.id)
    clock.advance(minutes=5)
    comptoir.orders.withdraw(order.id, attendant_id=attendant.id)
    clock.advance(minutes=5)
    comptoir.suggestions.assign(order.id, tutor, with_tutor=False, attendant_id=attendant.id)

    steps = [(s.status, s.lulu_name, s.tutor_name) for s in comptoir.suggestions.steps(order.id)]

    assert steps[2:] == [
        (OrderStatus.ASSIGNED, "Inès Trainee", "Marie Tutor"),
        (OrderStatus.CONFIRMED, None, None),
        (OrderStatus.ASSIGNED, "Marie Tutor", None),
    ]


@pytest.mark.parametrize("stage", [OnboardingStage.ONBOARDED, OnboardingStage.FILE_IN_PROGRESS])
def test_a_pairing_needs_a_lulu_in_training_with_a_tutor_and_writes_nothing_otherwise(
    comptoir: Comptoir, clock: Clock, attendant: AttendantView, stage: OnboardingStage
) -> None:
    lulu = add_lulu(comptoir, "Karl Alone", stage=stage)  # no tutor
    order = place(comptoir, clock)
    before = row_counts(comptoir)

    with pytest.raises(ValidationError) as refused:
        comptoir.suggestions.assign(order.id, lulu, with_tutor=True, attendant_id=attendant.id)

    assert refused.value.fields == {"tutor": "tutor.not_pairable"}
    assert grown(before, row_counts(comptoir)) == {}
    assert comptoir.orders.get(order.id).status is OrderStatus.CONFIRMED


def test_a_refused_assignment_writes_no_pairing(
    comptoir: Comptoir, clock: Clock, attendant: AttendantView
) -> None:
    tutor = add_lulu(comptoir, "Marie Tutor")
    trainee = add_lulu(
        comptoir, "Inès Trainee", stage=OnboardingStage.FILE_IN_PROGRESS, tutor=tutor
    )
    requested = comptoir.orders.place(order_request(comptoir, clock.now))  # not confirmed
    before = row_counts(comptoir)

    with pytest.raises(TransitionNotAllowed):
        comptoir.suggestions.assign(
            requested.id, trainee, with_tutor=True, attendant_id=attendant.id
        )

    assert grown(before, row_counts(comptoir)) == {}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    other_start=st.integers(min_value=-600, max_value=600),
    other_minutes=st.integers(min_value=1, max_value=600),
    ours_minutes=st.integers(min_value=1, max_value=600),
)
def test_busy_means_the_slots_overlap_for_any_slots(
    comptoir: Comptoir, clock: Clock, other_start: int, other_minutes: int, ours_minutes: int
) -> None:
    """Any two slots (to the minute, either side of ours): busy exactly when they share
    a moment, end-to-start contacts excluded."""
    # A new Lulu for each example (names are letters only).
    letters = "".join(chr(ord("a") + int(digit, 16)) for digit in uuid.uuid4().hex[:8])
    lulu = add_lulu(comptoir, f"Lulu {letters}")
    # Ours starts 12 h from tomorrow 10:00, so the other one is never in the past.
    other = assigned(comptoir, clock, lulu, start_minutes=720 + other_start, minutes=other_minutes)
    order = place(comptoir, clock, start_minutes=720, minutes=ours_minutes)

    mine = next(s for s in comptoir.suggestions.for_order(order.id) if s.lulu_id == lulu)

    overlap = other_start < ours_minutes and other_start + other_minutes > 0
    assert mine.free is not overlap
    assert mine.busy_with == ((other.number,) if overlap else ())


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(order_id=st.uuids(), lulu_id=st.uuids(), with_tutor=st.booleans())
def test_unknown_ids_are_refused_plainly_and_write_nothing(
    comptoir: Comptoir,
    attendant: AttendantView,
    order_id: uuid.UUID,
    lulu_id: uuid.UUID,
    with_tutor: bool,
) -> None:
    before = row_counts(comptoir)
    with pytest.raises(NotFound):
        comptoir.suggestions.for_order(order_id)
    with pytest.raises((NotFound, ValidationError)):
        comptoir.suggestions.assign(
            order_id, lulu_id, with_tutor=with_tutor, attendant_id=attendant.id
        )
    assert comptoir.suggestions.steps(order_id) == []
    assert grown(before, row_counts(comptoir)) == {}


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.text(min_size=1, max_size=80).filter(lambda s: s.strip()),
    postcode=st.sampled_from([f"750{n:02d}" for n in range(1, 21)] + ["93100"]),
)
def test_any_lulu_name_and_postcode_come_back_as_given(
    comptoir: Comptoir, clock: Clock, name: str, postcode: str
) -> None:
    """Names with emoji, quotes or SQL-looking text are data, never SQL."""
    try:
        lulu = add_lulu(comptoir, name)
    except ValidationError:
        return  # the application's own checks refuse it (tested with them)
    order = place(comptoir, clock, postcode=postcode)
    mine = next(s for s in comptoir.suggestions.for_order(order.id) if s.lulu_id == lulu)
    assert mine.display_name == comptoir.lulus.get(lulu).display_name
    assert mine.postcode == postcode and mine.orders_in_postcode == 0


def test_the_pairing_note_is_an_attendants_action(comptoir: Comptoir, clock: Clock) -> None:
    tutor = add_lulu(comptoir, "Marie Tutor")
    trainee = add_lulu(
        comptoir, "Inès Trainee", stage=OnboardingStage.FILE_IN_PROGRESS, tutor=tutor
    )
    order = place(comptoir, clock)
    with pytest.raises(ValueError):
        comptoir.suggestions.assign(order.id, trainee, with_tutor=True, attendant_id=None)
    assert comptoir.orders.get(order.id).status is OrderStatus.CONFIRMED


def test_order_of_equal_lulus_is_by_name(comptoir: Comptoir, clock: Clock) -> None:
    for name in ("Zacharie", "Albane", "Mehdi"):
        add_lulu(comptoir, name)
    order = place(comptoir, clock)
    assert names(comptoir.suggestions.for_order(order.id)) == ["Albane", "Mehdi", "Zacharie"]
