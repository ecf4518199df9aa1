"""What the counter reads about Lulus: the roster by onboarding stage (candidates waiting
for a call back first), a Lulu's private file, their orders and ratings, a page at a
time, and their totals. Reads only; the onboarding's writes are in `onboarding.py`."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from sync.protocol import OrderStatus

from ..domain.kinds import OnboardingStage
from ..domain.pricing import price_for
from ..errors import NotFound
from ..store.database import Store
from ..store.models import Client, Lulu, LuluApplication, LuluFile, Order, Rating
from ..views.lulus import (
    STAGE_ORDER,
    HistoryRow,
    LuluProfile,
    LuluTotals,
    LuluView,
    Page,
    RatingRow,
    RosterRow,
)
from .lulus import LuluService, count_by_stage

WORKED = (OrderStatus.DONE, OrderStatus.PAID)


def first_name(name: str) -> str:
    """A client's first name only: a Lulu's history names no one in full (an erased
    client's name is empty)."""
    words = name.split()
    return words[0] if words else ""


class LuluRecordService:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._lulus = LuluService(store)

    def counts(self) -> dict[OnboardingStage, int]:
        with self._store.read() as session:
            return count_by_stage(session)

    def roster(self, *, stage: OnboardingStage | None = None) -> list[RosterRow]:
        """Lulus by stage: candidates who applied longest ago first, then the others by
        name within their stage."""
        applied = (
            select(LuluApplication.lulu_id, func.min(LuluApplication.created_at).label("at"))
            .group_by(LuluApplication.lulu_id)
            .subquery()
        )
        query = (
            select(Lulu, LuluFile, applied.c.at)
            .join(LuluFile, LuluFile.lulu_id == Lulu.id)
            .outerjoin(applied, applied.c.lulu_id == Lulu.id)
        )
        if stage is not None:
            query = query.where(LuluFile.stage == stage)
        with self._store.read() as session:
            rows = [
                RosterRow(
                    id=lulu.id,
                    display_name=lulu.display_name,
                    neighbourhood=lulu.neighbourhood,
                    stage=file.stage,
                    phone=file.phone,
                    applied_at=at or lulu.created_at,
                    stage_changed_at=file.stage_changed_at,
                    rating_average=(
                        lulu.rating_sum / lulu.rating_count if lulu.rating_count else None
                    ),
                )
                for lulu, file, at in session.execute(query)
            ]

        def rank(row: RosterRow) -> tuple[int, str, str]:
            waiting = row.applied_at.isoformat() if row.stage is OnboardingStage.CANDIDATE else ""
            return (STAGE_ORDER.index(row.stage), waiting, row.display_name.casefold())

        return sorted(rows, key=rank)

    def profile(self, lulu_id: uuid.UUID) -> LuluProfile:
        lulu = self._lulus.get(lulu_id)
        with self._store.read() as session:
            file = session.get(LuluFile, lulu_id)
            if file is None:
                raise NotFound(entity="lulu")
            applications = session.execute(
                select(LuluApplication.created_at, LuluApplication.availability)
                .where(LuluApplication.lulu_id == lulu_id)
                .order_by(LuluApplication.created_at)
            ).all()
            tutor = session.get(Lulu, file.tutor_id) if file.tutor_id else None
            created = session.get_one(Lulu, lulu_id).created_at
            return LuluProfile(
                lulu=lulu,
                phone=file.phone,
                applied=bool(applications),
                applied_at=applications[0][0] if applications else created,
                stage_changed_at=file.stage_changed_at,
                availability=applications[-1][1] if applications else "",
                tutor_name=tutor.display_name if tutor else "",
                totals=self.totals(lulu_id, lulu=lulu),
            )

    def totals(self, lulu_id: uuid.UUID, *, lulu: LuluView | None = None) -> LuluTotals:
        lulu = lulu or self._lulus.get(lulu_id)
        with self._store.read() as session:
            done, minutes = session.execute(
                select(
                    func.count(),
                    func.coalesce(func.sum(Order.actual_units * Order.unit_minutes), 0),
                ).where(Order.lulu_id == lulu_id, Order.status.in_(WORKED))
            ).one()
        return LuluTotals(
            services_done=done,
            minutes_done=int(minutes or 0),
            rating_average=lulu.rating_average,
            rating_count=lulu.rating_count,
        )

    def history(self, lulu_id: uuid.UUID, *, offset: int = 0, limit: int = 10) -> Page[HistoryRow]:
        """The Lulu's orders, newest slot first, a page at a time. The clients' names are
        read for the page's rows only: joining them before the sort would look up the
        client of every order the Lulu ever had."""
        offset, limit = max(offset, 0), max(limit, 0)
        query = (
            select(
                Order.id,
                Order.number,
                Order.slot_start,
                Order.service_name_fr,
                Order.service_name_en,
                Order.client_id,
                Order.status,
                Order.unit_minutes,
                Order.unit_price_cents,
                Order.estimated_units,
                Order.actual_units,
            )
            .where(Order.lulu_id == lulu_id)
            .order_by(Order.slot_start.desc(), Order.number.desc())
            .offset(offset)
            .limit(limit)
        )
        with self._store.read() as session:
            total = session.scalar(select(func.count()).where(Order.lulu_id == lulu_id)) or 0
            orders = session.execute(query).all()
            names: dict[uuid.UUID, str] = dict(
                session.execute(
                    select(Client.id, Client.name).where(
                        Client.id.in_({order.client_id for order in orders})
                    )
                ).all()
            )
        rows = []
        for order in orders:
            units = order.actual_units if order.actual_units is not None else order.estimated_units
            rows.append(
                HistoryRow(
                    order_id=order.id,
                    number=order.number,
                    slot_start=order.slot_start,
                    service_name_fr=order.service_name_fr,
                    service_name_en=order.service_name_en,
                    client_first_name=first_name(names.get(order.client_id, "")),
                    status=order.status,
                    minutes=units * order.unit_minutes,
                    minutes_final=order.actual_units is not None,
                    price_cents=price_for(
                        units, order.unit_price_cents, tax_credit_eligible=False
                    ).total_cents,
                )
            )
        return Page(rows, total, offset)

    def ratings(self, lulu_id: uuid.UUID, *, offset: int = 0, limit: int = 5) -> Page[RatingRow]:
        """Ratings of the Lulu's orders, with their comments, newest first."""
        query = (
            select(Order.number, Rating.stars, Rating.comment, Rating.at)
            .join(Order, Order.id == Rating.order_id)
            .where(Order.lulu_id == lulu_id)
        )
        with self._store.read() as session:
            total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
            rows = [
                RatingRow(number, stars, comment, at)
                for number, stars, comment, at in session.execute(
                    query.order_by(Rating.at.desc(), Order.number.desc())
                    .offset(max(offset, 0))
                    .limit(max(limit, 0))
                )
            ]
        return Page(rows, total, max(offset, 0))
