"""A Lulu's onboarding, as the attendant follows it: moving the file along the pipeline,
ticking the checklist, choosing a tutor. Each change is one transaction holding the
change, its outbox op (a `lulu_file` patch the central server merges field by field)
and the audit entry with the attendant's id (None: a script, such as an import of Lulus
vetted on paper, with no attendant at the counter).

The pipeline, as the association runs it (MOVES below is the table):

    candidate         -> file in progress, inactive
    file in progress  -> onboarded, candidate, inactive
    onboarded         -> file in progress, inactive
    inactive          -> file in progress

- Forward one step at a time: a candidate is met (file in progress) before being
  onboarded, never onboarded straight from a phone call.
- Back one step: a file opened by mistake goes back to candidate; an onboarded Lulu
  whose insurance or registration lapsed goes back to file in progress.
- Inactive from any stage (withdrew, not retained, stopped); an inactive Lulu comes back
  through file in progress, their checklist kept for the attendant to check again.
- Onboarded only with the whole checklist ticked: the association vouches for them. So
  an onboarded Lulu's checklist is never unticked: the file goes back first.
- A tutor is an onboarded Lulu, never the Lulu themself; the tutor can be removed.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.protocol import Entity

from ..clock import Clock, utc_now
from ..domain.kinds import OnboardingStage
from ..errors import NotFound, ValidationError
from ..store.database import Store
from ..store.models import LuluFile
from ..views.lulus import CHECKLIST, MOVES, LuluView
from .journal import audit, enqueue_op
from .lulus import LuluService

_S = OnboardingStage


class OnboardingService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock
        self._lulus = LuluService(store, clock=clock)

    def move(
        self, lulu_id: uuid.UUID, to: OnboardingStage | str, *, attendant_id: uuid.UUID | None
    ) -> LuluView:
        """Move the Lulu's file to the stage `to`, if the pipeline allows it from here."""
        stage = _stage(to)
        with self._store.write() as session:
            file = _file(session, lulu_id)
            if stage not in MOVES[file.stage]:
                raise ValidationError({"stage": "stage.move_not_allowed"})
            if stage is _S.ONBOARDED and not all(getattr(file, item) for item in CHECKLIST):
                raise ValidationError({"stage": "stage.checklist_incomplete"})
            before = file.stage
            file.stage = stage
            file.stage_changed_at = self._clock()
            self._record(
                session,
                file,
                {"stage": stage.value},
                attendant_id,
                action="lulu.stage",
                details={"from": before.value, "to": stage.value},
            )
        return self._lulus.get(lulu_id)

    def tick(
        self, lulu_id: uuid.UUID, item: str, done: bool, *, attendant_id: uuid.UUID | None
    ) -> LuluView:
        """Tick (or untick) one item of the checklist."""
        if item not in CHECKLIST:
            raise ValidationError({"checklist": "checklist.unknown_item"})
        with self._store.write() as session:
            file = _file(session, lulu_id)
            if not done and file.stage is _S.ONBOARDED:
                raise ValidationError({"checklist": "checklist.onboarded_complete"})
            if bool(getattr(file, item)) is not bool(done):  # a second tap writes nothing
                setattr(file, item, bool(done))
                self._record(
                    session,
                    file,
                    {item: bool(done)},
                    attendant_id,
                    action="lulu.checklist",
                    details={"item": item, "done": bool(done)},
                )
        return self._lulus.get(lulu_id)

    def set_tutor(
        self, lulu_id: uuid.UUID, tutor_id: uuid.UUID | None, *, attendant_id: uuid.UUID | None
    ) -> LuluView:
        """Choose the Lulu's tutor (an onboarded Lulu, not themself), or none."""
        with self._store.write() as session:
            file = _file(session, lulu_id)
            if tutor_id is not None:
                _check_tutor(session, lulu_id, tutor_id)
            if file.tutor_id != tutor_id:
                file.tutor_id = tutor_id
                self._record(
                    session,
                    file,
                    {"tutor_id": tutor_id},
                    attendant_id,
                    action="lulu.tutor",
                    details={"tutor_id": tutor_id},
                )
        return self._lulus.get(lulu_id)

    def _check_tutor(self, lulu_id: uuid.UUID, tutor_id: uuid.UUID) -> None:
        with self._store.read() as session:
            _check_tutor(session, lulu_id, tutor_id)

    def take_to(
        self,
        lulu_id: uuid.UUID,
        stage: OnboardingStage,
        *,
        attendant_id: uuid.UUID | None,
        ticked: Collection[str] = (),
        tutor_id: uuid.UUID | None = None,
    ) -> LuluView:
        """Several steps at once, each by the rules and audited as at the counter: for a
        script bringing in Lulus vetted on paper. The `ticked` checklist items first
        (onboarding still needs the whole list), the tutor while still in training, then
        the table's moves to `stage`."""
        lulu = self._lulus.get(lulu_id)
        unknown = set(ticked) - set(CHECKLIST)
        if unknown:
            raise ValidationError({"checklist": "checklist.unknown_item"})
        path = _path(lulu.stage or _S.CANDIDATE, stage)
        left = {item for item, done in lulu.checklist.items() if not done} - set(ticked)
        if _S.ONBOARDED in path and left:
            # Refused before the first step: nothing is written.
            raise ValidationError({"stage": "stage.checklist_incomplete"})
        if tutor_id is not None:
            self._check_tutor(lulu_id, tutor_id)  # likewise, before the first step
        for item in ticked:
            self.tick(lulu_id, item, True, attendant_id=attendant_id)
        for step in path:
            if tutor_id is not None and step is _S.ONBOARDED:
                self.set_tutor(lulu_id, tutor_id, attendant_id=attendant_id)
                tutor_id = None
            self.move(lulu_id, step, attendant_id=attendant_id)
        if tutor_id is not None:
            self.set_tutor(lulu_id, tutor_id, attendant_id=attendant_id)
        return self._lulus.get(lulu_id)

    def tutor_choices(self, lulu_id: uuid.UUID) -> list[LuluView]:
        """Onboarded Lulus who can tutor this one: those sharing the most skills first,
        then from the same neighbourhood, then those tutoring the fewest, by name."""
        lulu = self._lulus.get(lulu_id)
        with self._store.read() as session:
            tutees: dict[uuid.UUID, int] = dict(
                session.execute(  # type: ignore[arg-type]
                    select(LuluFile.tutor_id, func.count())
                    .where(LuluFile.tutor_id.is_not(None))
                    .where(LuluFile.stage.in_((_S.CANDIDATE, _S.FILE_IN_PROGRESS)))
                    .group_by(LuluFile.tutor_id)
                ).all()
            )
        choices = [t for t in self._lulus.list(stage=_S.ONBOARDED) if t.id != lulu_id]
        return sorted(
            choices,
            key=lambda t: (
                -len(t.skills & lulu.skills),
                not lulu.neighbourhood or t.neighbourhood != lulu.neighbourhood,
                tutees.get(t.id, 0),
                t.display_name,
            ),
        )

    def _record(
        self,
        session: Session,
        file: LuluFile,
        patch: dict[str, Any],
        attendant_id: uuid.UUID | None,
        *,
        action: str,
        details: dict[str, Any],
    ) -> None:
        now = self._clock()
        enqueue_op(
            session,
            entity=Entity.LULU_FILE.value,
            entity_id=file.lulu_id,
            kind="patch",
            data=patch,
            now=now,
        )
        audit(
            session,
            attendant_id=attendant_id,
            action=action,
            entity="lulu",
            entity_id=file.lulu_id,
            now=now,
            details=details,
        )


def _stage(value: OnboardingStage | str) -> OnboardingStage:
    try:
        return OnboardingStage(value)
    except ValueError:
        raise ValidationError({"stage": "stage.unknown"}) from None


def _file(session: Session, lulu_id: uuid.UUID) -> LuluFile:
    file = session.get(LuluFile, lulu_id)
    if file is None:
        raise NotFound(entity="lulu")
    return file


def _check_tutor(session: Session, lulu_id: uuid.UUID, tutor_id: uuid.UUID) -> None:
    if tutor_id == lulu_id:
        raise ValidationError({"tutor": "tutor.not_self"})
    tutor = session.get(LuluFile, tutor_id)
    if tutor is None or tutor.stage is not _S.ONBOARDED:
        raise ValidationError({"tutor": "tutor.not_onboarded"})


def _path(start: OnboardingStage, goal: OnboardingStage) -> list[OnboardingStage]:
    """The fewest moves of the table from `start` to `goal` (none if already there)."""
    paths: dict[OnboardingStage, list[OnboardingStage]] = {start: []}
    frontier = [start]
    while frontier and goal not in paths:
        stage = frontier.pop(0)
        for step in MOVES[stage]:
            if step not in paths:
                paths[step] = [*paths[stage], step]
                frontier.append(step)
    return paths[goal]  # every stage reaches every other through the table
