"""A resident's "Besoin d'aide ?" (DESIGN.md, "Help at the kiosk"): the touchscreen
records a request, the counter's queue shows it at the top until an attendant marks it
handled. The records stay on this kiosk: no outbox op, nothing personal (no name, no
phone, no screen content), only when it was asked and when it was handled."""

from __future__ import annotations

import uuid

from sqlalchemy import insert, select

from ..clock import Clock, utc_now
from ..errors import NotFound
from ..store.database import Store
from ..store.models import HelpRequest
from ..views.help import HelpRequestView
from .requests import RequestId, clean, earlier, remember

SHOWN_MAX = 20  # more waiting calls than a counter can show is already a crowd


def _view(row: HelpRequest) -> HelpRequestView:
    return HelpRequestView(row.id, row.asked_at, row.handled_at)


class HelpRequestService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def ask(self, *, request_id: RequestId | None = None) -> HelpRequestView:
        """The same `request_id` again returns the first request (requests.py): a double
        tap on "Besoin d'aide ?" is one call at the counter."""
        request = clean(request_id)
        now = self._clock()
        with self._store.write() as session:
            first = earlier(session, request, "help")
            if first is not None:
                return _view(session.get_one(HelpRequest, first))
            help_id = uuid.uuid4()
            session.execute(insert(HelpRequest).values(id=help_id, asked_at=now))
            remember(session, request, "help", help_id, now)
            return HelpRequestView(help_id, now, None)

    def waiting(self) -> list[HelpRequestView]:
        """The calls no one has handled yet, the oldest first (it has waited longest)."""
        with self._store.read() as session:
            rows = session.scalars(
                select(HelpRequest)
                .where(HelpRequest.handled_at.is_(None))
                .order_by(HelpRequest.asked_at, HelpRequest.id)
                .limit(SHOWN_MAX)
            )
            return [_view(row) for row in rows]

    def handle(self, help_id: uuid.UUID, attendant_id: uuid.UUID | None) -> HelpRequestView:
        """Marked handled; handling it again (a double tap, a second attendant at the
        same moment) keeps the first time and the first attendant."""
        with self._store.write() as session:
            row = session.get(HelpRequest, help_id)
            if row is None:
                raise NotFound(entity="help_request")
            if row.handled_at is None:
                row.handled_at = self._clock()
                row.handled_by = attendant_id
            return _view(row)
