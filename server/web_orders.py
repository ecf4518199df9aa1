"""Orders placed on the association's web platform: created here the way its website
would, then pulled by the kiosks like any change."""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator
from sqlalchemy.orm import Session

from sync.protocol import WEB_SERIES_CODE, Channel, Entity, OrderStatus, refused_text_at

from .models import Counter
from .records import AddressFields, ClientRecord, OrderRecord, as_json, utc_text
from .writer import Rejected, Writer

# Web orders take numbers of the series "00", which the server never allocates to a
# kiosk (kiosks are "01" to "99", then "100" to "999"), and the number pad of the
# counter can still type them.
WEB_SERIES = "web_orders"
WEB_PREFIX = WEB_SERIES_CODE
E164 = Annotated[str, Field(pattern=r"^\+[1-9][0-9]{6,14}$")]


class WebClient(AddressFields):
    name: Annotated[str, Field(min_length=1, max_length=80)]
    phone: E164
    email: Annotated[str, Field(max_length=254)] | None = None
    lang: Annotated[str, Field(pattern="^(fr|en)$")] = "fr"


class WebOrderRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    service_code: Annotated[str, Field(min_length=1, max_length=60)]
    slot_start: AwareDatetime
    slot_end: AwareDatetime
    estimated_units: Annotated[int, Field(gt=0, le=1000)]
    description: Annotated[str, Field(max_length=2000)] = ""
    lang: Annotated[str, Field(pattern="^(fr|en)$")] = "fr"
    client: WebClient

    @model_validator(mode="before")
    @classmethod
    def stored_text_only(cls, data: Any) -> Any:
        """The kiosk's rule for stored text (sync.protocol): no NUL, no right-to-left
        override, no lone surrogate, anywhere in the request."""
        problem = refused_text_at(data, "body")
        if problem:
            raise ValueError(problem)
        return data

    @model_validator(mode="after")
    def slot_in_order(self) -> WebOrderRequest:
        if self.slot_end <= self.slot_start:
            raise ValueError("slot_end must come after slot_start")
        return self


class WebOrderCreated(BaseModel):
    id: uuid.UUID
    number: str
    status: OrderStatus
    public_token: str
    public_path: str


def _next_web_number(session: Session) -> int:
    counter = session.get(Counter, WEB_SERIES, with_for_update=True)
    if counter is None:
        counter = Counter(name=WEB_SERIES, value=0)
        session.add(counter)
    counter.value += 1
    return counter.value


def create_web_order(
    session: Session, request: WebOrderRequest, *, now: datetime
) -> WebOrderCreated:
    w = Writer(session, now)
    service = w.lookup(Entity.SERVICE, request.service_code)
    if service is None or not service.data.get("active", True):
        raise Rejected("unknown_service", "no such service in the catalogue")
    if request.estimated_units > int(service.data.get("max_units", 24)):
        raise Rejected("invalid", "estimated_units over the service's maximum")
    address = {name: getattr(request.client, name) for name in AddressFields.model_fields}
    client = w.lookup(Entity.CLIENT, request.client.phone)
    if client is None:
        client_id = uuid.uuid4()
        record = ClientRecord(
            id=client_id,
            name=request.client.name,
            phone=request.client.phone,
            email=request.client.email,
            lang=request.client.lang,
            consent_at=now,
            created_at=now,
            updated_at=now,
            **address,
        )
        w.insert(Entity.CLIENT, client_id, as_json(record), lookup=record.phone)
    else:
        client_id = client.entity_id
    order_id = uuid.uuid4()
    data: dict[str, Any] = {
        "id": order_id,
        "number": f"{WEB_PREFIX}-{_next_web_number(session):04d}",
        "client_id": client_id,
        "service_id": service.entity_id,
        "service_name_fr": service.data["name_fr"],
        "service_name_en": service.data["name_en"],
        "unit_minutes": service.data["unit_minutes"],
        "unit_price_cents": service.data["unit_price_cents"],
        "tax_credit": service.data["tax_credit"],
        "slot_start": request.slot_start,
        "slot_end": request.slot_end,
        "estimated_units": request.estimated_units,
        "description": request.description,
        "channel": Channel.WEB,
        "status": OrderStatus.REQUESTED,
        "lang": request.lang,
        "public_token": secrets.token_urlsafe(32),
        "created_at": utc_text(now),
        "updated_at": utc_text(now),
        "held_by": "",  # no kiosk yet: the first that takes it over (ownership.py)
        **address,
    }
    order = OrderRecord.model_validate(data)
    w.insert(Entity.ORDER, order_id, as_json(order), lookup=order.public_token)
    session.flush()  # the number series (ORM)
    w.finish()
    return WebOrderCreated(
        id=order_id,
        number=order.number,
        status=order.status,
        public_token=order.public_token,
        public_path=f"/o/{order.public_token}",
    )
