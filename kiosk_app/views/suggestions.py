"""Lulus suggested for an order, ranked, each with its reasons; a step with its Lulu."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sync.protocol import OrderStatus

from ..domain.kinds import OnboardingStage


@dataclass(frozen=True, slots=True)
class TutorSuggestion:
    id: uuid.UUID
    display_name: str
    free: bool  # no assigned order of theirs overlaps the slot: they can go along


@dataclass(frozen=True, slots=True)
class LuluSuggestion:
    lulu_id: uuid.UUID
    display_name: str
    neighbourhood: str
    # None: a profile pulled from the central server with no onboarding file here; the
    # association published it, so it vouches for that Lulu (not in training).
    stage: OnboardingStage | None
    has_skill: bool  # of the service's category
    busy_with: tuple[str, ...]  # numbers of their assigned orders overlapping the slot
    postcode: str  # the order's
    orders_in_postcode: int  # their orders (assigned, done, paid) at that postcode
    rating_average: float | None
    rating_count: int
    open_orders: int  # assigned to them, still to do
    week_orders: int  # theirs in the week (Monday to Sunday, Paris) of the order's slot
    tutor: TutorSuggestion | None  # for a Lulu in training who has one
    score: int

    @property
    def free(self) -> bool:
        return not self.busy_with

    @property
    def knows_area(self) -> bool:
        return self.orders_in_postcode > 0

    @property
    def in_training(self) -> bool:
        return self.stage in TRAINING_STAGES

    @property
    def may_work(self) -> bool:
        """A candidate has only applied: the association has not checked, insured or
        trained them yet."""
        return self.stage is not OnboardingStage.CANDIDATE


@dataclass(frozen=True, slots=True)
class StepWithLulu:
    """A step of an order's history; an assignment says to whom (when known) and with
    which tutor (when paired)."""

    status: OrderStatus
    at: datetime
    lulu_name: str | None = None
    tutor_name: str | None = None


# Stages of someone still learning the job: flagged, and who may go with their tutor.
TRAINING_STAGES = frozenset({OnboardingStage.CANDIDATE, OnboardingStage.FILE_IN_PROGRESS})
