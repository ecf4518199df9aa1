"""A Lulu's onboarding at the counter (the pipeline, the checklist, the tutor), each
change audited with the attendant's id and queued for the central server; and what the
counter reads of a Lulu: the roster by stage, their orders, ratings and totals."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import OnboardingStage
from kiosk_app.errors import NotFound, ValidationError
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.lulus import CHECKLIST, MOVES
from server.records import LuluFilePatch
from sync.protocol import OrderStatus

from .support import Clock, order_request, row_counts, sqlite_file

S = OnboardingStage


def candidate(comptoir: Comptoir, name: str = "Aïcha Diallo", phone: str = "06 98 76 54 32"):
    return comptoir.lulus.register_application(name, phone, ["menage", "courses"], "Le matin")


def reach(comptoir: Comptoir, lulu_id: uuid.UUID, stage: OnboardingStage, who: uuid.UUID) -> None:
    """Bring a candidate to `stage` the way the counter does."""
    onboarding = comptoir.onboarding
    if stage is S.CANDIDATE:
        return
    if stage is S.INACTIVE:
        onboarding.move(lulu_id, S.INACTIVE, attendant_id=who)
        return
    onboarding.move(lulu_id, S.FILE_IN_PROGRESS, attendant_id=who)
    if stage is S.ONBOARDED:
        for item in CHECKLIST:
            onboarding.tick(lulu_id, item, True, attendant_id=who)
        onboarding.move(lulu_id, S.ONBOARDED, attendant_id=who)


def outbox(comptoir: Comptoir) -> list[tuple[str, str, str, dict[str, object]]]:
    with sqlite_file(comptoir.store.path) as conn:
        return [
            (entity, entity_id, kind, json.loads(data))
            for entity, entity_id, kind, data in conn.execute(
                "SELECT entity, entity_id, kind, data FROM outbox ORDER BY seq"
            )
        ]


def audit_rows(comptoir: Comptoir) -> list[tuple[str, str, str, dict[str, object]]]:
    with sqlite_file(comptoir.store.path) as conn:
        return [
            (attendant_id, action, entity_id, json.loads(details))
            for attendant_id, action, entity_id, details in conn.execute(
                # The attendants' own records (added...) are not the onboarding's.
                "SELECT attendant_id, action, entity_id, details FROM audit_log "
                "WHERE action NOT LIKE 'attendant.%' ORDER BY id"
            )
        ]


# --- the pipeline -----------------------------------------------------------------------


@pytest.mark.parametrize("start", list(S))
@pytest.mark.parametrize("to", list(S))
def test_a_file_moves_only_along_the_pipeline(
    comptoir: Comptoir, attendant: AttendantView, start: OnboardingStage, to: OnboardingStage
) -> None:
    lulu_id = candidate(comptoir)
    reach(comptoir, lulu_id, start, attendant.id)
    assert comptoir.lulus.get(lulu_id).stage is start
    before = row_counts(comptoir)
    if to is S.ONBOARDED and to in MOVES[start]:
        for item in CHECKLIST:
            comptoir.onboarding.tick(lulu_id, item, True, attendant_id=attendant.id)
        before = row_counts(comptoir)
    if to in MOVES[start]:
        assert comptoir.onboarding.move(lulu_id, to, attendant_id=attendant.id).stage is to
        assert row_counts(comptoir)["outbox"] == before["outbox"] + 1
    else:
        with pytest.raises(ValidationError) as refused:
            comptoir.onboarding.move(lulu_id, to, attendant_id=attendant.id)
        assert refused.value.fields == {"stage": "stage.move_not_allowed"}
        assert comptoir.lulus.get(lulu_id).stage is start
        assert row_counts(comptoir) == before


def test_the_pipeline_is_the_associations() -> None:
    assert MOVES == {
        S.CANDIDATE: (S.FILE_IN_PROGRESS, S.INACTIVE),
        S.FILE_IN_PROGRESS: (S.ONBOARDED, S.CANDIDATE, S.INACTIVE),
        S.ONBOARDED: (S.FILE_IN_PROGRESS, S.INACTIVE),
        S.INACTIVE: (S.FILE_IN_PROGRESS,),
    }


def test_onboarded_only_with_the_whole_checklist(
    comptoir: Comptoir, attendant: AttendantView
) -> None:
    lulu_id = candidate(comptoir)
    comptoir.onboarding.move(lulu_id, S.FILE_IN_PROGRESS, attendant_id=attendant.id)
    for item in CHECKLIST[:-1]:
        comptoir.onboarding.tick(lulu_id, item, True, attendant_id=attendant.id)
    before = row_counts(comptoir)
    with pytest.raises(ValidationError) as refused:
        comptoir.onboarding.move(lulu_id, S.ONBOARDED, attendant_id=attendant.id)
    assert refused.value.fields == {"stage": "stage.checklist_incomplete"}
    assert row_counts(comptoir) == before

    lulu = comptoir.onboarding.tick(lulu_id, CHECKLIST[-1], True, attendant_id=attendant.id)
    assert lulu.checklist == dict.fromkeys(CHECKLIST, True)
    lulu = comptoir.onboarding.move(lulu_id, S.ONBOARDED, attendant_id=attendant.id)
    assert lulu.stage is S.ONBOARDED and not lulu.in_training


def test_an_onboarded_lulus_checklist_stays_complete_until_the_file_goes_back(
    comptoir: Comptoir, attendant: AttendantView
) -> None:
    lulu_id = candidate(comptoir)
    reach(comptoir, lulu_id, S.ONBOARDED, attendant.id)
    with pytest.raises(ValidationError) as refused:
        comptoir.onboarding.tick(lulu_id, "insured", False, attendant_id=attendant.id)
    assert refused.value.fields == {"checklist": "checklist.onboarded_complete"}
    assert comptoir.lulus.get(lulu_id).checklist["insured"] is True
    # The insurance lapsed: the file goes back, then the item is unticked.
    comptoir.onboarding.move(lulu_id, S.FILE_IN_PROGRESS, attendant_id=attendant.id)
    lulu = comptoir.onboarding.tick(lulu_id, "insured", False, attendant_id=attendant.id)
    assert lulu.checklist["insured"] is False and lulu.stage is S.FILE_IN_PROGRESS


def test_a_stage_change_is_dated_audited_and_queued_for_the_server(
    comptoir: Comptoir, attendant: AttendantView, clock: Clock
) -> None:
    lulu_id = candidate(comptoir)
    clock.advance(days=2)
    comptoir.onboarding.move(lulu_id, S.FILE_IN_PROGRESS, attendant_id=attendant.id)
    comptoir.onboarding.tick(lulu_id, "identity_checked", True, attendant_id=attendant.id)
    assert comptoir.lulu_records.profile(lulu_id).stage_changed_at == clock.now
    ops = outbox(comptoir)[1:]  # after the application's own
    assert ops == [
        ("lulu_file", lulu_id.hex, "patch", {"stage": "file_in_progress"}),
        ("lulu_file", lulu_id.hex, "patch", {"identity_checked": True}),
    ]
    # What the central server's push handler checks each patch against.
    for *_, data in ops:
        LuluFilePatch.model_validate(data)
    assert audit_rows(comptoir) == [
        (
            attendant.id.hex,
            "lulu.stage",
            str(lulu_id),
            {"from": "candidate", "to": "file_in_progress"},
        ),
        (
            attendant.id.hex,
            "lulu.checklist",
            str(lulu_id),
            {"item": "identity_checked", "done": True},
        ),
    ]


def test_ticking_twice_writes_once(comptoir: Comptoir, attendant: AttendantView) -> None:
    lulu_id = candidate(comptoir)
    comptoir.onboarding.tick(lulu_id, "trained", True, attendant_id=attendant.id)
    before = row_counts(comptoir)
    assert comptoir.onboarding.tick(lulu_id, "trained", True, attendant_id=attendant.id).checklist[
        "trained"
    ]
    assert row_counts(comptoir) == before
    lulu = comptoir.onboarding.tick(lulu_id, "trained", False, attendant_id=attendant.id)
    assert lulu.checklist["trained"] is False
    assert outbox(comptoir)[-1][3] == {"trained": False}


def test_an_unknown_lulu_is_not_found(comptoir: Comptoir, attendant: AttendantView) -> None:
    nobody = uuid.uuid4()
    with pytest.raises(NotFound):
        comptoir.onboarding.move(nobody, S.FILE_IN_PROGRESS, attendant_id=attendant.id)
    with pytest.raises(NotFound):
        comptoir.onboarding.tick(nobody, "trained", True, attendant_id=attendant.id)
    with pytest.raises(NotFound):
        comptoir.onboarding.set_tutor(nobody, None, attendant_id=attendant.id)
    with pytest.raises(NotFound):
        comptoir.lulu_records.profile(nobody)


# --- the tutor --------------------------------------------------------------------------


def test_a_tutor_is_an_onboarded_lulu_other_than_themself(
    comptoir: Comptoir, attendant: AttendantView
) -> None:
    lulu_id = candidate(comptoir)
    other = candidate(comptoir, "Karim Benali", "07 81 22 33 44")
    before = row_counts(comptoir)
    for tutor_id, key in (
        (lulu_id, "tutor.not_self"),
        (other, "tutor.not_onboarded"),
        (uuid.uuid4(), "tutor.not_onboarded"),
    ):
        with pytest.raises(ValidationError) as refused:
            comptoir.onboarding.set_tutor(lulu_id, tutor_id, attendant_id=attendant.id)
        assert refused.value.fields == {"tutor": key}
    assert row_counts(comptoir) == before
    assert comptoir.lulus.get(lulu_id).tutor_id is None

    reach(comptoir, other, S.ONBOARDED, attendant.id)
    assert [t.id for t in comptoir.onboarding.tutor_choices(lulu_id)] == [other]
    assert comptoir.onboarding.tutor_choices(other) == []  # never themself
    lulu = comptoir.onboarding.set_tutor(lulu_id, other, attendant_id=attendant.id)
    assert lulu.tutor_id == other
    assert comptoir.lulu_records.profile(lulu_id).tutor_name == "Karim Benali"
    assert outbox(comptoir)[-1][3] == {"tutor_id": str(other)}
    assert audit_rows(comptoir)[-1][:2] == (attendant.id.hex, "lulu.tutor")

    lulu = comptoir.onboarding.set_tutor(lulu_id, None, attendant_id=attendant.id)
    assert lulu.tutor_id is None
    assert outbox(comptoir)[-1][3] == {"tutor_id": None}
    LuluFilePatch.model_validate({"tutor_id": None})


def test_tutors_sharing_skills_and_neighbourhood_come_first(
    comptoir: Comptoir, attendant: AttendantView
) -> None:
    learner = comptoir.lulus.register_application("Inès Moreau", "07 44 55 66 77", ["enfants"], "")
    tutors = {}
    for name, phone, skills in (
        ("Bruno Petit", "06 10 20 30 40", ["menage"]),
        ("Awa Diop", "06 10 20 30 41", ["enfants", "menage"]),
    ):
        tutors[name] = comptoir.lulus.register_application(name, phone, skills, "")
        reach(comptoir, tutors[name], S.ONBOARDED, attendant.id)
    names = [t.display_name for t in comptoir.onboarding.tutor_choices(learner)]
    assert names == ["Awa Diop", "Bruno Petit"]


# --- bad input --------------------------------------------------------------------------

ODD_TEXT = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["'; DROP TABLE lulu_files;--", "😀👨‍👩‍👧", "\x00", "ONBOARDED", "x" * 10_000]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(item=ODD_TEXT, stage=ODD_TEXT)
def test_arbitrary_checklist_items_and_stages_are_refused_in_words_and_write_nothing(
    comptoir: Comptoir, attendant: AttendantView, item: str, stage: str
) -> None:
    # The examples share the store: the first one makes the candidate.
    existing = comptoir.lulu_records.roster()
    lulu_id = existing[0].id if existing else candidate(comptoir)
    before = row_counts(comptoir)
    if item not in CHECKLIST:
        with pytest.raises(ValidationError) as refused:
            comptoir.onboarding.tick(lulu_id, item, True, attendant_id=attendant.id)
        assert refused.value.fields == {"checklist": "checklist.unknown_item"}
    if stage not in {s.value for s in S}:
        with pytest.raises(ValidationError) as refused:
            comptoir.onboarding.move(lulu_id, stage, attendant_id=attendant.id)
        assert refused.value.fields == {"stage": "stage.unknown"}
    assert row_counts(comptoir) == before
    assert comptoir.lulus.get(lulu_id).stage is S.CANDIDATE


# --- what the counter reads -------------------------------------------------------------


def test_the_roster_puts_candidates_waiting_longest_first(
    comptoir: Comptoir, attendant: AttendantView, clock: Clock
) -> None:
    first = candidate(comptoir, "Zoé Martin", "06 11 11 11 11")
    clock.advance(hours=3)
    second = candidate(comptoir, "Anne Roy", "06 22 22 22 22")
    working = candidate(comptoir, "Bruno Petit", "06 33 33 33 33")
    reach(comptoir, working, S.ONBOARDED, attendant.id)
    roster = comptoir.lulu_records.roster()
    assert [r.id for r in roster] == [first, second, working]
    assert roster[0].phone_display == "06 11 11 11 11"
    assert roster[0].applied_at == clock.now - timedelta(hours=3)
    assert [r.id for r in comptoir.lulu_records.roster(stage=S.ONBOARDED)] == [working]
    counts = comptoir.lulu_records.counts()
    assert counts == {S.CANDIDATE: 2, S.FILE_IN_PROGRESS: 0, S.ONBOARDED: 1, S.INACTIVE: 0}
    profile = comptoir.lulu_records.profile(first)
    assert profile.availability == "Le matin"
    assert profile.phone == "+33611111111"


def test_a_lulus_history_ratings_and_totals(
    comptoir: Comptoir, attendant: AttendantView, clock: Clock
) -> None:
    lulu_id = candidate(comptoir)
    reach(comptoir, lulu_id, S.ONBOARDED, attendant.id)
    orders = []
    for day in range(12):
        request = order_request(
            comptoir, clock.now + timedelta(days=day), phone=f"06 12 34 56 {day:02d}"
        )
        order = comptoir.orders.place(request)
        comptoir.orders.confirm(order.id, attendant_id=attendant.id)
        comptoir.orders.assign(order.id, lulu_id, attendant_id=attendant.id)
        orders.append(order)
    for order in orders[:3]:
        comptoir.orders.mark_done(order.id, 50, attendant_id=attendant.id)  # 3 × 20 min, 15 €
    comptoir.ratings.rate(orders[0].id, 5, "Très soigneuse")
    comptoir.ratings.rate(orders[1].id, 4)

    page = comptoir.lulu_records.history(lulu_id, limit=10)
    assert page.total == 12 and len(page.rows) == 10
    assert [r.number for r in page.rows] == [o.number for o in reversed(orders)][:10]
    newest = page.rows[0]
    assert newest.client_first_name == "Jeanne"  # never the surname
    assert newest.status is OrderStatus.ASSIGNED and not newest.minutes_final
    assert (newest.minutes, newest.price_cents) == (40, 1000)  # the estimate: 2 × 20 min
    older = comptoir.lulu_records.history(lulu_id, offset=10, limit=10)
    assert [r.number for r in older.rows] == [orders[1].number, orders[0].number]
    done = older.rows[-1]
    assert (done.status, done.minutes, done.minutes_final, done.price_cents) == (
        OrderStatus.DONE,
        60,
        True,
        1500,
    )

    ratings = comptoir.lulu_records.ratings(lulu_id)
    assert ratings.total == 2
    assert {(r.order_number, r.stars, r.comment) for r in ratings.rows} == {
        (orders[0].number, 5, "Très soigneuse"),
        (orders[1].number, 4, ""),
    }
    totals = comptoir.lulu_records.profile(lulu_id).totals
    assert (totals.services_done, totals.minutes_done) == (3, 180)
    assert (totals.rating_average, totals.rating_count) == (4.5, 2)
