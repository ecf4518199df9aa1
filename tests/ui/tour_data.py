"""A done, unrated order for the screen tour, placed through the core; and Lulus in
training, whose rows in the counter's lists are the longest."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import update

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import OnboardingStage, Role
from kiosk_app.store.models.lulus import Lulu
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.orders import OrderRequest, OrderView
from sync.protocol import Channel
from ui.tour import TourData


def done_order(comptoir: Comptoir, phone: str = "06 11 22 33 44") -> OrderView:
    service = next(s for s in comptoir.catalogue.all_services() if s.tax_credit)
    order = comptoir.orders.place(
        OrderRequest(
            service_id=service.id,
            slot_start=datetime(2026, 11, 27, 9, tzinfo=UTC),
            slot_end=datetime(2026, 11, 27, 11, tzinfo=UTC),
            estimated_units=3,
            phone=phone,
            address=AddressInput(street="1 rue Saint-Paul", postcode="75004"),
            channel=Channel.SELF_SERVICE,
            name="Odette Vidal",
            consent=True,
        )
    )
    lulu: uuid.UUID = comptoir.lulus.register_application(
        "Karim Benali", "07 81 22 33 44", ["courses"], "Le matin"
    )
    comptoir.orders.confirm(order.id, attendant_id=None)
    comptoir.orders.assign(order.id, lulu, attendant_id=None)
    return comptoir.orders.mark_done(order.id, 55, attendant_id=None)


# As the demo names them: a first name, an initial, a neighbourhood of the 4th.
TRAINEES = (("Mei M.", "Marais"), ("Sophie M.", "Saint-Paul"), ("Jean-Baptiste R.", "Arsenal"))


def trainee(
    comptoir: Comptoir, name: str, neighbourhood: str, skills: tuple[str, ...] = ("bricolage",)
) -> uuid.UUID:
    """A Lulu whose file is in progress ("still in training"), from a neighbourhood."""
    lulu_id = comptoir.lulus.register_application(name, "07 81 22 33 44", list(skills), "")
    comptoir.onboarding.move(lulu_id, OnboardingStage.FILE_IN_PROGRESS, attendant_id=None)
    with comptoir.store.write() as session:  # no screen sets it: the association's data
        session.execute(update(Lulu).where(Lulu.id == lulu_id).values(neighbourhood=neighbourhood))
    return lulu_id


def add_attendants(comptoir: Comptoir) -> None:
    """The counter's two people: Camille (PIN 1234) and Karim, a manager (PIN 2468)."""
    comptoir.attendants.add("Camille", Role.ATTENDANT, "1234")
    comptoir.attendants.add("Karim", Role.MANAGER, "2468")


def fit_tour_data(comptoir: Comptoir) -> TourData:
    """The tour's data for the fit tests, with Lulus in training with the skills of the
    tour's curtain ("rideau": sewing, DIY): the new order's Lulu list then has the
    counter's longest rows (name · neighbourhood · still in training), which a fixed row
    height cut short with "…"."""
    for name, neighbourhood in TRAINEES:
        trainee(comptoir, name, neighbourhood, ("couture", "bricolage"))
    return TourData(done_order(comptoir).number, "0611223344")
