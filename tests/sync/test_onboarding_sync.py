"""A Lulu's onboarding at the counter reaches the central server: each change is a
`lulu_file` patch the server merges into the file it holds."""

from __future__ import annotations

from sync_harness import Clock, Kiosk, LiveServer, order_request, server_rows

from kiosk_app.domain.kinds import OnboardingStage, Role
from kiosk_app.views.lulus import CHECKLIST


def test_an_onboarding_reaches_the_server_field_by_field(kiosk: Kiosk, central: LiveServer) -> None:
    app = kiosk.app
    who = app.attendants.add("Camille Martin", Role.ATTENDANT, "1234").id
    tutor = app.lulus.register_application("Awa Diop", "06 10 20 30 41", ["menage"], "")
    learner = app.lulus.register_application("Inès Moreau", "07 44 55 66 77", ["menage"], "")
    for lulu_id in (tutor, learner):
        app.onboarding.move(lulu_id, OnboardingStage.FILE_IN_PROGRESS, attendant_id=who)
        for item in CHECKLIST:
            app.onboarding.tick(lulu_id, item, True, attendant_id=who)
    app.onboarding.move(tutor, OnboardingStage.ONBOARDED, attendant_id=who)
    app.onboarding.set_tutor(learner, tutor, attendant_id=who)
    app.onboarding.tick(learner, "insured", False, attendant_id=who)

    report = kiosk.sync()

    assert report.pushed.rejected == 0 and report.pushed.conflict == 0
    assert report.pending == 0
    files = server_rows(central.db, "lulu_file")
    assert files[str(tutor)]["stage"] == "onboarded"
    learner_file = files[str(learner)]
    assert learner_file["stage"] == "file_in_progress"
    assert learner_file["tutor_id"] == str(tutor)
    assert learner_file["insured"] is False and learner_file["trained"] is True
    applications = server_rows(central.db, "lulu_application")
    assert {a["lulu_id"] for a in applications.values()} == {str(tutor), str(learner)}


def test_a_trainee_sent_with_their_tutor_reaches_the_server_with_the_pairing(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    """The association pays the tutor's time: the central server's order names them,
    and withdrawing the Lulu takes the tutor off too."""
    app = kiosk.app
    who = app.attendants.add("Camille Martin", Role.ATTENDANT, "1234").id
    skill = next(s for s in app.catalogue.all_services() if s.code == "montee-courses")
    category = next(c.code for c in app.catalogue.categories() if c.id == skill.category_id)
    tutor = app.lulus.register_application("Awa Diop", "06 10 20 30 41", [category], "")
    app.onboarding.take_to(tutor, OnboardingStage.ONBOARDED, attendant_id=who, ticked=CHECKLIST)
    learner = app.lulus.register_application("Inès Moreau", "07 44 55 66 77", [category], "")
    app.onboarding.take_to(
        learner, OnboardingStage.FILE_IN_PROGRESS, attendant_id=who, tutor_id=tutor
    )
    order = app.orders.place(order_request(app, clock.now))
    app.orders.confirm(order.id, attendant_id=who)
    app.suggestions.assign(order.id, learner, with_tutor=True, attendant_id=who)
    kiosk.sync()

    there = server_rows(central.db, "order")[str(order.id)]
    assert (there["lulu_id"], there["tutor_id"]) == (str(learner), str(tutor))

    app.orders.withdraw(order.id, attendant_id=who)
    app.suggestions.assign(order.id, learner, with_tutor=False, attendant_id=who)
    report = kiosk.sync()
    assert report.pushed.rejected == report.pushed.conflict == 0
    there = server_rows(central.db, "order")[str(order.id)]
    assert (there["lulu_id"], there["tutor_id"]) == (str(learner), None)
