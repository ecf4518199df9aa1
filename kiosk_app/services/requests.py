"""Requests already handled (DESIGN.md, "Every tap once"): the screens give each action
a request id when its form is armed (a payment, an order, a till closing, a rating, a
refund); the core writes the id in the record's own transaction, and the same id again
answers with the first record instead of writing a second one. A double tap or a retry
is one payment, one order; nothing goes twice to the outbox either."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ..domain import validation
from ..errors import ValidationError
from ..store.models import HandledRequest

RequestId = uuid.UUID | str


def clean(request_id: object) -> str | None:
    """The request id as stored, None for none given; a malformed one is refused in
    words, before anything is written."""
    return None if request_id is None else validation.request_id(request_id)


def earlier(session: Session, request_id: str | None, action: str) -> uuid.UUID | None:
    """The record a request with this id made before, or None for a new request. An id
    already used by another kind of action is refused (a screen's mistake, not a retry)."""
    if request_id is None:
        return None
    row = session.get(HandledRequest, request_id)
    if row is None:
        return None
    if row.action != action:
        raise ValidationError({"request_id": "request_id.reused"})
    return row.record_id


def remember(
    session: Session, request_id: str | None, action: str, record_id: uuid.UUID, now: datetime
) -> None:
    """In the record's own transaction: both are written, or neither."""
    if request_id is None:
        return
    session.execute(
        insert(HandledRequest).values(
            request_id=request_id, action=action, record_id=record_id, at=now
        )
    )
