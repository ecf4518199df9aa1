"""Lulus as the counter shows them: profile, onboarding stages and the moves between
them, the checklist, the roster, history and ratings."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from sync.protocol import OrderStatus

from ..domain import validation
from ..domain.kinds import OnboardingStage

T = TypeVar("T")


def _phone_display(phone: str | None) -> str:
    return validation.format_phone(phone) if phone else ""


_S = OnboardingStage

CHECKLIST = ("identity_checked", "business_registered", "urssaf_declared", "insured", "trained")


@dataclass(frozen=True, slots=True)
class LuluView:
    id: uuid.UUID
    display_name: str
    neighbourhood: str
    languages: tuple[str, ...]
    skills: frozenset[str]  # category codes
    rating_average: float | None
    rating_count: int
    stage: OnboardingStage | None
    checklist: dict[str, bool]
    tutor_id: uuid.UUID | None

    @property
    def in_training(self) -> bool:
        return self.stage is not OnboardingStage.ONBOARDED


# Candidates first (people waiting for a call back), then along the pipeline.
STAGE_ORDER = (
    OnboardingStage.CANDIDATE,
    OnboardingStage.FILE_IN_PROGRESS,
    OnboardingStage.ONBOARDED,
    OnboardingStage.INACTIVE,
)


@dataclass(frozen=True, slots=True)
class RosterRow:
    id: uuid.UUID
    display_name: str
    neighbourhood: str
    stage: OnboardingStage
    phone: str | None  # E.164
    applied_at: datetime  # the first application, or when the profile was made
    stage_changed_at: datetime
    rating_average: float | None

    @property
    def phone_display(self) -> str:
        return _phone_display(self.phone)


@dataclass(frozen=True, slots=True)
class LuluTotals:
    services_done: int
    minutes_done: int
    rating_average: float | None
    rating_count: int


@dataclass(frozen=True, slots=True)
class LuluProfile:
    lulu: LuluView
    phone: str | None
    applied: bool  # applied at the kiosk (else known from the central server only)
    applied_at: datetime
    stage_changed_at: datetime
    availability: str  # from their latest application at the kiosk, if any
    tutor_name: str
    totals: LuluTotals

    @property
    def phone_display(self) -> str:
        return _phone_display(self.phone)


@dataclass(frozen=True, slots=True)
class HistoryRow:
    order_id: uuid.UUID
    number: str
    slot_start: datetime
    service_name_fr: str
    service_name_en: str
    client_first_name: str
    status: OrderStatus
    minutes: int  # actual once done, else estimated
    minutes_final: bool
    price_cents: int  # final once done, else the estimate

    def service_name(self, lang: str) -> str:
        return self.service_name_en if lang == "en" else self.service_name_fr


@dataclass(frozen=True, slots=True)
class RatingRow:
    order_number: str
    stars: int
    comment: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    rows: list[T]
    total: int
    offset: int


# Where a file may go from each stage (see the module's docstring).
MOVES: dict[OnboardingStage, tuple[OnboardingStage, ...]] = {
    _S.CANDIDATE: (_S.FILE_IN_PROGRESS, _S.INACTIVE),
    _S.FILE_IN_PROGRESS: (_S.ONBOARDED, _S.CANDIDATE, _S.INACTIVE),
    _S.ONBOARDED: (_S.FILE_IN_PROGRESS, _S.INACTIVE),
    _S.INACTIVE: (_S.FILE_IN_PROGRESS,),
}


def allowed_moves(stage: OnboardingStage) -> tuple[OnboardingStage, ...]:
    return MOVES[stage]
