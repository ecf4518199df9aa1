"""Kiosk visits: one per resident session started on the touchscreen."""

from __future__ import annotations

import uuid

from sqlalchemy import insert

from ..clock import Clock, utc_now
from ..store.database import Store
from ..store.models import KioskVisit
from .journal import enqueue_op


class VisitService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def count_visit(self, lang: str) -> uuid.UUID:
        now = self._clock()
        visit_id = uuid.uuid4()
        values = {"id": visit_id, "started_at": now, "lang": "en" if lang == "en" else "fr"}
        with self._store.write() as session:
            session.execute(insert(KioskVisit).values(values))
            enqueue_op(
                session, entity="visit", entity_id=visit_id, kind="append", data=values, now=now
            )
        return visit_id
