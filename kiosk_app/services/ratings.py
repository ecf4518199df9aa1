"""Ratings: 1 to 5 stars and a comment, once per done order."""

from __future__ import annotations

import uuid

from sqlalchemy import insert, select, update

from ..clock import Clock, utc_now
from ..domain import validation
from ..errors import AlreadyRated, NotFound, NotRatable
from ..store.database import Store
from ..store.models import Lulu, Order, Rating
from ..views.orders import RATABLE, RatingView
from .journal import enqueue_op
from .requests import RequestId, clean, earlier, remember


class RatingService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def rate(
        self,
        order_id: uuid.UUID,
        stars: int,
        comment: str = "",
        *,
        request_id: RequestId | None = None,
    ) -> RatingView:
        """The same `request_id` again returns the first rating (requests.py)."""
        request = clean(request_id)
        checker = validation.Checker()
        checker.check(lambda: validation.stars(stars))
        text = checker.check(
            lambda: validation.bounded_text(
                comment, field="comment", max_length=validation.COMMENT_MAX
            )
        )
        checker.done()
        now = self._clock()
        with self._store.write() as session:
            first = earlier(session, request, "rating")
            if first is not None:
                row = session.get_one(Rating, first)
                return RatingView(row.id, row.order_id, row.stars, row.comment, row.at)
            order = session.get(Order, order_id)
            if order is None:
                raise NotFound(entity="order")
            if order.status not in RATABLE:
                raise NotRatable(status=order.status.value)
            if session.scalar(select(Rating.id).where(Rating.order_id == order_id)):
                raise AlreadyRated()
            rating_id = uuid.uuid4()
            values = {
                "id": rating_id,
                "order_id": order_id,
                "stars": stars,
                "comment": text or "",
                "at": now,
            }
            session.execute(insert(Rating).values(values))
            if order.lulu_id is not None:
                session.execute(
                    update(Lulu)
                    .where(Lulu.id == order.lulu_id)
                    .values(rating_sum=Lulu.rating_sum + stars, rating_count=Lulu.rating_count + 1)
                )
            enqueue_op(
                session, entity="rating", entity_id=rating_id, kind="append", data=values, now=now
            )
            remember(session, request, "rating", rating_id, now)
            return RatingView(rating_id, order_id, stars, text or "", now)

    def for_order(self, order_id: uuid.UUID) -> RatingView | None:
        with self._store.read() as session:
            row = session.scalar(select(Rating).where(Rating.order_id == order_id))
            return RatingView(row.id, row.order_id, row.stars, row.comment, row.at) if row else None
