"""Orders built through the core's services, as the counter builds them."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from printing_support import LULU_SIRET, CompleteOrder, FakeClock, PlaceOrder
from sqlalchemy import update

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import OnboardingStage
from kiosk_app.store.models import LuluFile
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.lulus import CHECKLIST
from kiosk_app.views.orders import OrderRequest, OrderView
from kiosk_app.views.settings import DEMO_SETTINGS
from sync.protocol import Channel, PaymentMethod


@pytest.fixture
def association(comptoir: Comptoir) -> Comptoir:
    comptoir.settings.update(**DEMO_SETTINGS)
    return comptoir


def _service_id(comptoir: Comptoir, *, tax_credit: bool) -> uuid.UUID:
    services = [s for s in comptoir.catalogue.all_services() if s.tax_credit is tax_credit]
    return services[0].id


@pytest.fixture
def place_order(association: Comptoir, clock: FakeClock) -> PlaceOrder:
    def place(
        *,
        name: str = "Madeleine Légère",
        phone: str = "06 12 34 56 78",
        street: str = "14 rue de l’Ave-Maria",
        floor: int | None = 3,
        access_notes: str = "Code 4B12, sonner chez Durand",
        lang: str = "fr",
        units: int = 3,
        tax_credit: bool = True,
        description: str = "",
    ) -> OrderView:
        start = clock.now + timedelta(days=1, hours=1)
        return association.orders.place(
            OrderRequest(
                service_id=_service_id(association, tax_credit=tax_credit),
                slot_start=start,
                slot_end=start + timedelta(hours=1),
                estimated_units=units,
                phone=phone,
                address=AddressInput(
                    street=street,
                    postcode="75004",
                    city="Paris",
                    floor=floor,
                    access_notes=access_notes,
                ),
                channel=Channel.COUNTER,
                name=name,
                description=description,
                lang=lang,
                consent=True,
            )
        )

    return place


@pytest.fixture
def lulu_id(association: Comptoir) -> uuid.UUID:
    """An onboarded Lulu with the SIRET of their micro-enterprise."""
    category = association.catalogue.categories()[0].code
    lulu = association.lulus.register_application(
        "Aïcha Benali", "06 98 76 54 32", [category], "le matin"
    )
    association.onboarding.take_to(
        lulu, OnboardingStage.ONBOARDED, attendant_id=None, ticked=CHECKLIST
    )
    # No service records a SIRET yet (the onboarding screen will): set it in the store.
    with association.store.write() as session:
        session.execute(update(LuluFile).where(LuluFile.lulu_id == lulu).values(siret=LULU_SIRET))
    return lulu


@pytest.fixture
def complete_order(association: Comptoir, lulu_id: uuid.UUID, clock: FakeClock) -> CompleteOrder:
    """Confirm, assign, do and pay an order: it gets its invoice."""

    def complete(
        order: OrderView,
        *,
        minutes: int = 50,
        methods: tuple[PaymentMethod, ...] = (PaymentMethod.CESU,),
    ) -> OrderView:
        association.orders.confirm(order.id, attendant_id=None)
        association.orders.assign(order.id, lulu_id, attendant_id=None)
        clock.advance(days=1, hours=2)
        done = association.orders.mark_done(order.id, minutes, attendant_id=None)
        due = done.price_due.total_cents
        share = due // len(methods)
        for i, method in enumerate(methods):
            amount = due - share * (len(methods) - 1) if i == len(methods) - 1 else share
            association.payments.record(order.id, method, amount, attendant_id=None)
        return association.orders.get(order.id)

    return complete
