"""Which Lulu for this order: every Lulu who may work, ranked, each with the reasons as
data (the counter words them); and the assignment that pairs a Lulu in training with
their tutor.

The ranking reads a few queries whatever the number of Lulus (the order; the Lulus with
their file and skill; one aggregate over their orders; the orders that clash with the
slot), never one query per Lulu: an association has a couple of hundred Lulus.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, case, exists, func, select
from sqlalchemy.orm import Session

from sync.protocol import OrderStatus

from ..clock import PARIS, Clock, utc_now
from ..domain.kinds import OnboardingStage
from ..errors import NotFound, ValidationError
from ..store.database import Store
from ..store.models import AuditEntry, Lulu, LuluFile, LuluSkill, Order, OrderEvent, Service
from ..views.orders import OrderView
from ..views.suggestions import TRAINING_STAGES, LuluSuggestion, StepWithLulu, TutorSuggestion
from .availability import busy_lulus
from .journal import audit
from .order_lifecycle import apply_transition
from .order_rows import order_view

PAIRING_ACTION = "order.tutor_pairing"

# Orders that hold a Lulu's time and count in their load: an assigned order is still to
# do; done and paid ones are work done (this week's load, where they have worked).
# Cancelled orders count for nothing, and a withdrawn order no longer has a Lulu.
_WORKED = (OrderStatus.ASSIGNED, OrderStatus.DONE, OrderStatus.PAID)

# --- Scoring ---------------------------------------------------------------------------
# Points, added up. Being free at the slot outweighs everything else together (a Lulu
# cannot be in two places); having the service's skill outweighs all the soft points
# together. Soft points: at most +250 (area 150, rating 100) and at least -210 (load 100,
# week 50, training 60): a spread of 460, under SKILL_POINTS, itself under FREE_POINTS
# minus that spread. Ties go by name, so the list stays put between two looks.
FREE_POINTS = 1000
SKILL_POINTS = 500
AREA_POINTS = 150  # has already worked in the order's postcode
RATING_POINTS = 100  # for a 5-star average; a 1-star one gets 0
# Few ratings say little: the average is drawn towards a neutral 3.5 as if the Lulu had
# 3 more ratings of 3.5 (a new Lulu is neither pushed down nor up).
RATING_PRIOR_MEAN = 3.5
RATING_PRIOR_COUNT = 3
OPEN_ORDER_PENALTY = 20  # per assigned order still to do...
OPEN_ORDERS_MAX_PENALTY = 100  # ...up to this: spread the work among Lulus
WEEK_ORDER_PENALTY = 5  # per order in the slot's week (assigned, done or paid)...
WEEK_MAX_PENALTY = 50
TRAINING_PENALTY = 60  # all else equal, a Lulu the association already vouches for


def score(
    *,
    free: bool,
    has_skill: bool,
    knows_area: bool,
    rating_sum: int,
    rating_count: int,
    open_orders: int,
    week_orders: int,
    in_training: bool,
) -> int:
    """The ranking's points (see the constants above for why each weighs what it does)."""
    points = FREE_POINTS * free + SKILL_POINTS * has_skill + AREA_POINTS * knows_area
    drawn = (rating_sum + RATING_PRIOR_MEAN * RATING_PRIOR_COUNT) / (
        rating_count + RATING_PRIOR_COUNT
    )
    points += round((drawn - 1) / 4 * RATING_POINTS)
    points -= min(OPEN_ORDER_PENALTY * open_orders, OPEN_ORDERS_MAX_PENALTY)
    points -= min(WEEK_ORDER_PENALTY * week_orders, WEEK_MAX_PENALTY)
    points -= TRAINING_PENALTY * in_training
    return points


def _week_of(moment: datetime) -> tuple[datetime, datetime]:
    """Monday 00:00 to the next Monday 00:00, Paris time, of `moment`'s Paris day."""
    day = moment.astimezone(PARIS).date()
    monday = datetime.combine(day - timedelta(days=day.weekday()), time(), PARIS)
    return monday, datetime.combine(monday.date() + timedelta(days=7), time(), PARIS)


class SuggestionService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def for_order(self, order_id: uuid.UUID) -> list[LuluSuggestion]:
        """Lulus for `order_id`, best first. Inactive Lulus are left out: they stopped
        working and would only lengthen a list read while a resident waits. Candidates
        come last whatever their points, flagged: the core lets an attendant assign one
        (a first outing with a tutor), but never by accident at the top of the list."""
        with self._store.read() as session:
            found = session.execute(
                select(Order.slot_start, Order.slot_end, Order.postcode, Service.category_id)
                .join(Service, Service.id == Order.service_id)
                .where(Order.id == order_id)
            ).one_or_none()
            if found is None:
                raise NotFound(entity="order")
            start, end, postcode, category_id = found
            lulus = _lulus(session, category_id)
            loads = _loads(session, order_id, postcode, _week_of(start))
            busy = busy_lulus(session, order_id, start, end)
        names = {row.id: row.display_name for row in lulus}
        suggestions = [
            _suggestion(row, postcode, loads.get(row.id, (0, 0, 0)), busy, names)
            for row in lulus
            if row.stage is not OnboardingStage.INACTIVE
        ]
        suggestions.sort(key=lambda s: (not s.may_work, -s.score, s.display_name, s.lulu_id))
        return suggestions

    def assign(
        self,
        order_id: uuid.UUID,
        lulu_id: uuid.UUID,
        *,
        with_tutor: bool,
        attendant_id: uuid.UUID | None,
    ) -> OrderView:
        """Assign the Lulu and, `with_tutor`, record that their tutor goes along: the
        pairing is written in the same transaction as the assignment (through the
        lifecycle's own `apply_transition`), as an audit entry naming the assignment's
        history step. The store has no column for it, and a schema change is not this
        feature's to make; the audit log is where an attendant's decisions are kept."""
        if with_tutor and attendant_id is None:
            # The pairing lives in the audit log, which records attendants' actions only.
            raise ValueError("pairing a Lulu with their tutor is an attendant's action")
        now = self._clock()
        with self._store.write() as session:
            order = session.get(Order, order_id)
            if order is None:
                raise NotFound(entity="order")
            tutor_id = None
            if with_tutor:
                file = session.get(LuluFile, lulu_id)
                if file is None or file.tutor_id is None or file.stage not in TRAINING_STAGES:
                    raise ValidationError({"tutor": "tutor.not_pairable"})
                tutor_id = file.tutor_id
            apply_transition(
                session,
                order,
                OrderStatus.ASSIGNED,
                now=now,
                attendant_id=attendant_id,
                lulu_id=lulu_id,
                tutor_id=tutor_id,
            )
            if tutor_id is not None:
                step_id = session.scalar(
                    select(func.max(OrderEvent.id)).where(OrderEvent.order_id == order.id)
                )
                audit(
                    session,
                    attendant_id=attendant_id,
                    action=PAIRING_ACTION,
                    entity="order",
                    entity_id=order.id,
                    now=now,
                    details={"event_id": step_id, "lulu_id": lulu_id, "tutor_id": tutor_id},
                )
            return order_view(order)

    def steps(self, order_id: uuid.UUID) -> list[StepWithLulu]:
        """The order's history, each assignment with its Lulu and tutor. The current
        assignment's Lulu is the order's; an earlier one (withdrawn since) is known only
        when it was paired, from its audit entry."""
        with self._store.read() as session:
            lulu_id = session.scalar(select(Order.lulu_id).where(Order.id == order_id))
            events = session.execute(
                select(OrderEvent.id, OrderEvent.to_status, OrderEvent.at)
                .where(OrderEvent.order_id == order_id)
                .order_by(OrderEvent.id)
            ).all()
            assigned_at = {at for _, status, at in events if status is OrderStatus.ASSIGNED}
            pairings = _pairings(session, order_id, assigned_at)
            wanted = {lulu_id} | {id_ for pair in pairings.values() for id_ in pair}
            names = dict(
                session.execute(
                    select(Lulu.id, Lulu.display_name).where(Lulu.id.in_(wanted - {None}))
                ).all()
            )
        last_assignment = max(
            (event_id for event_id, status, _ in events if status is OrderStatus.ASSIGNED),
            default=None,
        )
        result = []
        for event_id, status, at in events:
            lulu_name = tutor_name = None
            if event_id in pairings:
                paired_lulu, tutor = pairings[event_id]
                lulu_name, tutor_name = names.get(paired_lulu), names.get(tutor)
            elif event_id == last_assignment and lulu_id is not None:
                lulu_name = names.get(lulu_id)
            result.append(StepWithLulu(status, at, lulu_name, tutor_name))
        return result


@dataclass(frozen=True, slots=True)
class _LuluRow:
    id: uuid.UUID
    display_name: str
    neighbourhood: str
    rating_sum: int
    rating_count: int
    stage: OnboardingStage | None
    tutor_id: uuid.UUID | None
    has_skill: bool


def _suggestion(
    row: _LuluRow,
    postcode: str,
    load: tuple[int, int, int],
    busy: dict[uuid.UUID, list[str]],
    names: dict[uuid.UUID, str],
) -> LuluSuggestion:
    open_orders, week_orders, in_postcode = load
    busy_with = tuple(sorted(busy.get(row.id, ())))
    in_training = row.stage in TRAINING_STAGES
    tutor = None
    if in_training and row.tutor_id is not None and row.tutor_id in names:
        tutor = TutorSuggestion(row.tutor_id, names[row.tutor_id], free=row.tutor_id not in busy)
    return LuluSuggestion(
        lulu_id=row.id,
        display_name=row.display_name,
        neighbourhood=row.neighbourhood,
        stage=row.stage,
        has_skill=row.has_skill,
        busy_with=busy_with,
        postcode=postcode,
        orders_in_postcode=in_postcode,
        rating_average=row.rating_sum / row.rating_count if row.rating_count else None,
        rating_count=row.rating_count,
        open_orders=open_orders,
        week_orders=week_orders,
        tutor=tutor,
        score=score(
            free=not busy_with,
            has_skill=row.has_skill,
            knows_area=in_postcode > 0,
            rating_sum=row.rating_sum,
            rating_count=row.rating_count,
            open_orders=open_orders,
            week_orders=week_orders,
            in_training=in_training,
        ),
    )


def _lulus(session: Session, category_id: uuid.UUID) -> list[_LuluRow]:
    """Every Lulu (tutors may be inactive themselves: their names are still needed)."""
    has_skill = (
        exists()
        .where(LuluSkill.lulu_id == Lulu.id, LuluSkill.category_id == category_id)
        .label("has_skill")
    )
    rows = session.execute(
        select(
            Lulu.id,
            Lulu.display_name,
            Lulu.neighbourhood,
            Lulu.rating_sum,
            Lulu.rating_count,
            LuluFile.stage,
            LuluFile.tutor_id,
            has_skill,
        ).outerjoin(LuluFile, LuluFile.lulu_id == Lulu.id)
    )
    return [_LuluRow(*row[:-1], has_skill=bool(row[-1])) for row in rows]


def _loads(
    session: Session, order_id: uuid.UUID, postcode: str, week: tuple[datetime, datetime]
) -> dict[uuid.UUID, tuple[int, int, int]]:
    """Per Lulu: assigned orders still to do, orders in the week, orders at `postcode`;
    one pass over the orders that have a Lulu."""

    def count(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    in_postcode = Order.postcode == postcode if postcode else Order.id.is_(None)
    rows = session.execute(
        select(
            Order.lulu_id,
            count(Order.status == OrderStatus.ASSIGNED),
            count(and_(Order.slot_start >= week[0], Order.slot_start < week[1])),
            count(in_postcode),
        )
        .where(Order.lulu_id.is_not(None), Order.status.in_(_WORKED), Order.id != order_id)
        .group_by(Order.lulu_id)
    )
    return {lulu_id: (int(a), int(b), int(c)) for lulu_id, a, b, c in rows if lulu_id}


def _pairings(
    session: Session, order_id: uuid.UUID, assigned_at: Iterable[datetime]
) -> dict[int, tuple[uuid.UUID, uuid.UUID]]:
    """Pairings recorded for the order's assignments: step id -> (Lulu, tutor). Found
    by the steps' times, which the audit log indexes (it has no index by entity)."""
    moments = list(assigned_at)
    if not moments:
        return {}
    rows = session.scalars(
        select(AuditEntry.details).where(
            AuditEntry.at.in_(moments),
            AuditEntry.action == PAIRING_ACTION,
            AuditEntry.entity == "order",
            AuditEntry.entity_id == str(order_id),
        )
    )
    pairings = {}
    for details in rows:
        pairings[int(details["event_id"])] = (
            uuid.UUID(details["lulu_id"]),
            uuid.UUID(details["tutor_id"]),
        )
    return pairings
