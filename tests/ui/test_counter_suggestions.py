"""Assigning an order at the counter from the ranked suggestions: the attendant reads
each Lulu's reasons, chooses a Lulu in training, sends their tutor along; the store then
holds the assignment and the pairing, and the order's steps say so."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import OnboardingStage
from kiosk_app.services.suggestions import PAIRING_ACTION
from kiosk_app.store.models import AuditEntry
from kiosk_app.views.lulus import CHECKLIST
from sync.protocol import OrderStatus

from .counter_support import log_in, place_order
from .support import Resident


def add_lulu(
    comptoir: Comptoir,
    name: str,
    stage: OnboardingStage = OnboardingStage.ONBOARDED,
    tutor: uuid.UUID | None = None,
) -> uuid.UUID:
    lulu_id = comptoir.lulus.register_application(name, "07 81 22 33 44", ["bricolage"], "")
    comptoir.onboarding.take_to(lulu_id, stage, attendant_id=None, ticked=CHECKLIST, tutor_id=tutor)
    return lulu_id


def open_order(kiosk: Resident, number: str) -> None:
    """Tap the order's row in the queue, as the attendant does."""
    counter = kiosk.window.counter
    model, view = counter.queue.model, counter.queue.view
    row = next(r for r in range(model.rowCount()) if model.order_at(r).number == number)
    kiosk.tap(view.viewport(), view.visualRect(model.index(row, 0)).center())
    kiosk.qtbot.waitUntil(counter.detail.isVisible, timeout=2000)


def choose_lulu(kiosk: Resident, name: str) -> None:
    """Choose the Lulu's row. Not by a synthetic tap: the list is flickable, and its
    scroller holds a press then replays it at the press's place on the *screen*; the
    offscreen screen is 800 px wide and this column lies beyond, so a replayed press
    would find no widget there (a real counter's screen holds the whole window)."""
    lulus = kiosk.window.counter.detail.lulus
    row = next(r for r in range(lulus.count()) if lulus.item(r).text().startswith(name))
    lulus.setCurrentRow(row)
    QApplication.processEvents()


def rows(kiosk: Resident) -> list[str]:
    lulus = kiosk.window.counter.detail.lulus
    return [lulus.item(r).text() for r in range(lulus.count())]


def tap_below(kiosk: Resident, name: str) -> None:
    widget = next(
        w for w in kiosk.window.counter.detail.findChildren(QWidget) if w.accessibleName() == name
    )
    kiosk.window.counter.scroll_to(widget)
    kiosk.tap(widget)


def test_the_attendant_reads_the_reasons_and_assigns_a_trainee_with_their_tutor(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    tutor = add_lulu(comptoir, "Marie Curie")
    trainee = add_lulu(comptoir, "Inès Morel", OnboardingStage.FILE_IN_PROGRESS, tutor)
    busy = add_lulu(comptoir, "Bruno Petit")
    elsewhere = place_order(comptoir, hour=15, phone="06 99 88 77 66")  # 15:00–17:00 UTC
    comptoir.orders.confirm(elsewhere.id, attendant_id=None)
    comptoir.orders.assign(elsewhere.id, busy, attendant_id=None)
    order = place_order(comptoir)  # 14:00–16:00 UTC, 15:00 in Paris
    comptoir.orders.confirm(order.id, attendant_id=None)

    log_in(kiosk)
    open_order(kiosk, order.number)
    detail = kiosk.window.counter.detail

    shown = rows(kiosk)
    assert [row.split(" — ")[0] for row in shown] == ["Marie Curie", "Inès Morel", "Bruno Petit"]
    assert shown[0] == (
        "Marie Curie — a le savoir-faire · libre à 15\u00a0h · pas encore de note"
        " · en cours : 0 · cette semaine : 0"
    )
    assert "en formation — tuteur : Marie Curie (libre)" in shown[1]
    assert f"pas libre à ce moment ({elsewhere.number})" in shown[2]
    assert "en cours : 1 · cette semaine : 1" in shown[2]
    # Nothing is chosen for the attendant, and no tutor is offered yet.
    assert detail.lulus.chosen() is None
    assert not kiosk.find("Attribuer ce Lulu").isEnabled()
    assert detail.with_tutor.isHidden()

    choose_lulu(kiosk, "Bruno Petit")  # onboarded: no tutor to offer
    assert detail.with_tutor.isHidden()
    choose_lulu(kiosk, "Inès Morel")
    tap_below(kiosk, "Avec son tuteur Marie Curie")
    assert detail.with_tutor.isChecked()
    tap_below(kiosk, "Attribuer ce Lulu")

    stored = comptoir.orders.get(order.id)
    assert stored.status is OrderStatus.ASSIGNED and stored.lulu_id == trainee
    with comptoir.store.read() as session:
        pairing = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == PAIRING_ACTION, AuditEntry.entity_id == str(order.id)
            )
        ).one()
    assert pairing.attendant_id == kiosk.window.counter.attendant.id  # Camille
    assert pairing.details["tutor_id"] == str(tutor)
    assert pairing.details["lulu_id"] == str(trainee)
    assert detail.done_note.text() == "Attribuée à Inès Morel, avec son tuteur Marie Curie."
    assert "Attribuée à Inès Morel, avec son tuteur Marie Curie : " in detail.timeline.text()
    assert "Lulu : Inès Morel" in detail.summary.text()
    assert not detail.assign_box.isVisible()


def test_without_the_box_ticked_a_trainee_is_assigned_alone(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    tutor = add_lulu(comptoir, "Marie Curie")
    trainee = add_lulu(comptoir, "Inès Morel", OnboardingStage.FILE_IN_PROGRESS, tutor)
    order = place_order(comptoir)
    comptoir.orders.confirm(order.id, attendant_id=None)

    log_in(kiosk)
    open_order(kiosk, order.number)
    choose_lulu(kiosk, "Inès Morel")
    assert kiosk.find("Avec son tuteur Marie Curie").isVisible()
    tap_below(kiosk, "Attribuer ce Lulu")

    assert comptoir.orders.get(order.id).lulu_id == trainee
    with comptoir.store.read() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_id == str(order.id))
        ).all()
    assert "order.assigned" in actions and PAIRING_ACTION not in actions
    detail = kiosk.window.counter.detail
    assert detail.done_note.text() == "Attribuée à Inès Morel."
    assert "Attribuée à Inès Morel : " in detail.timeline.text()
    assert "avec son tuteur" not in detail.timeline.text()


def test_an_order_that_cannot_be_assigned_reads_no_suggestions(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    add_lulu(comptoir, "Marie Curie")
    order = place_order(comptoir)  # requested: it is confirmed before it is assigned

    log_in(kiosk)
    open_order(kiosk, order.number)

    detail = kiosk.window.counter.detail
    assert not detail.assign_box.isVisible() and detail.lulus.count() == 0


def test_the_reasons_are_read_in_english_too(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    tutor = add_lulu(comptoir, "Marie Curie")
    add_lulu(comptoir, "Inès Morel", OnboardingStage.FILE_IN_PROGRESS, tutor)
    busy = add_lulu(comptoir, "Bruno Petit")
    elsewhere = place_order(comptoir, hour=13, phone="06 99 88 77 66")  # 13:00–15:00 UTC
    comptoir.orders.confirm(elsewhere.id, attendant_id=None)
    comptoir.orders.assign(elsewhere.id, busy, attendant_id=None)
    order = place_order(comptoir)
    comptoir.orders.confirm(order.id, attendant_id=None)

    log_in(kiosk)
    open_order(kiosk, order.number)
    kiosk.window.set_language("en")
    kiosk.qtbot.waitUntil(lambda: rows(kiosk)[0].startswith("Marie Curie — has the skill"))

    assert rows(kiosk)[0] == (
        "Marie Curie — has the skill for it · free at 15:00 · not rated yet"
        " · open orders: 0 · this week: 0"
    )
    assert "in training — tutor: Marie Curie (free)" in rows(kiosk)[1]
    assert f"busy at that time ({elsewhere.number})" in rows(kiosk)[2]
    assert kiosk.window.counter.detail.lulus.accessibleName() == "Suggested Lulus"


def test_a_pairing_refused_by_the_store_is_said_beside_the_list_and_nothing_is_assigned(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    """The Lulu was onboarded at another counter while this one was choosing: the
    pairing no longer applies, the attendant is told where they chose, nothing moves."""
    tutor = add_lulu(comptoir, "Marie Curie")
    trainee = add_lulu(comptoir, "Inès Morel", OnboardingStage.FILE_IN_PROGRESS, tutor)
    order = place_order(comptoir)
    comptoir.orders.confirm(order.id, attendant_id=None)

    log_in(kiosk)
    open_order(kiosk, order.number)
    choose_lulu(kiosk, "Inès Morel")
    tap_below(kiosk, "Avec son tuteur Marie Curie")
    comptoir.onboarding.move(trainee, OnboardingStage.ONBOARDED, attendant_id=None)
    tap_below(kiosk, "Attribuer ce Lulu")

    detail = kiosk.window.counter.detail
    assert detail.lulu_error.text() == "Ce Lulu n’est pas en formation avec un tuteur."
    assert comptoir.orders.get(order.id).status is OrderStatus.CONFIRMED
    with comptoir.store.read() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_id == str(order.id))
        ).all()
    assert actions == []
