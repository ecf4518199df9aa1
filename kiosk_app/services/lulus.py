"""Lulus: public profiles, onboarding files, and applications made at the kiosk."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, selectinload

from ..clock import Clock, utc_now
from ..domain import validation
from ..domain.kinds import OnboardingStage
from ..errors import NotFound
from ..store.database import Store
from ..store.models import Category, Lulu, LuluApplication, LuluFile, LuluSkill
from ..views.lulus import CHECKLIST, LuluView
from .journal import enqueue_op


def _lulu_view(row: Lulu, codes: dict[uuid.UUID, str]) -> LuluView:
    file = row.file
    return LuluView(
        id=row.id,
        display_name=row.display_name,
        neighbourhood=row.neighbourhood,
        languages=tuple(code for code in row.languages.split(",") if code),
        skills=frozenset(codes[s.category_id] for s in row.skills if s.category_id in codes),
        rating_average=row.rating_sum / row.rating_count if row.rating_count else None,
        rating_count=row.rating_count,
        stage=file.stage if file else None,
        checklist={item: bool(getattr(file, item)) for item in CHECKLIST} if file else {},
        tutor_id=file.tutor_id if file else None,
    )


def _category_codes(session: Session) -> dict[uuid.UUID, str]:
    return dict(session.execute(select(Category.id, Category.code)).all())


class LuluService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def list(self, *, stage: OnboardingStage | None = None) -> list[LuluView]:
        query = select(Lulu).options(selectinload(Lulu.skills), selectinload(Lulu.file))
        if stage is not None:
            query = query.join(LuluFile, LuluFile.lulu_id == Lulu.id).where(LuluFile.stage == stage)
        with self._store.read() as session:
            codes = _category_codes(session)
            rows = session.scalars(query.order_by(Lulu.display_name))
            return [_lulu_view(row, codes) for row in rows]

    def get(self, lulu_id: uuid.UUID) -> LuluView:
        with self._store.read() as session:
            row = session.get(Lulu, lulu_id)
            if row is None:
                raise NotFound(entity="lulu")
            return _lulu_view(row, _category_codes(session))

    def register_application(
        self, name: str, phone: str, skills: Sequence[str], availability: str
    ) -> uuid.UUID:
        """Someone at the kiosk wants to become a Lulu: record the application and a
        candidate whom the attendant will call back."""
        checker = validation.Checker()
        clean_name = checker.check(lambda: validation.person_name(name))
        clean_phone = checker.check(lambda: validation.phone(phone))
        clean_availability = checker.check(
            lambda: validation.bounded_text(
                availability, field="availability", max_length=validation.AVAILABILITY_MAX
            )
        )
        now = self._clock()
        with self._store.write() as session:
            codes = {code: cid for cid, code in _category_codes(session).items()}
            unknown = [code for code in skills if code not in codes]
            if not skills or unknown:
                checker.fields["skills"] = "skills.required" if not skills else "skills.unknown"
            checker.done()
            assert clean_name and clean_phone
            lulu_id = uuid.uuid4()
            application_id = uuid.uuid4()
            session.add(Lulu(id=lulu_id, display_name=clean_name, created_at=now))
            session.flush()
            for code in dict.fromkeys(skills):
                session.add(LuluSkill(lulu_id=lulu_id, category_id=codes[code]))
            session.add(
                LuluFile(
                    lulu_id=lulu_id,
                    phone=clean_phone,
                    stage=OnboardingStage.CANDIDATE,
                    stage_changed_at=now,
                )
            )
            values = {
                "id": application_id,
                "name": clean_name,
                "phone": clean_phone,
                "skills": list(dict.fromkeys(skills)),
                "availability": clean_availability or "",
                "created_at": now,
                "lulu_id": lulu_id,
            }
            session.execute(insert(LuluApplication).values(values))
            enqueue_op(
                session,
                entity="lulu_application",
                entity_id=application_id,
                kind="append",
                data=values,
                now=now,
            )
            return lulu_id


def count_by_stage(session: Session) -> dict[OnboardingStage, int]:
    rows = session.execute(select(LuluFile.stage, func.count()).group_by(LuluFile.stage))
    counts = dict(rows.all())
    return {stage: counts.get(stage, 0) for stage in OnboardingStage}
