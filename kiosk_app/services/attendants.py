"""Attendants: personal PINs hashed with argon2id, a login locked after repeated
failures. A PIN is never stored, logged or audited in clear."""

from __future__ import annotations

import uuid
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from ..clock import Clock, utc_now
from ..domain import validation
from ..domain.kinds import Role
from ..errors import LoginLocked, NotFound, PinRefused, ValidationError
from ..store.database import Store
from ..store.models import Attendant
from ..views.attendants import PIN_MAX, PIN_MIN, AttendantView
from .journal import audit

MAX_FAILED_PINS = 5
LOCKOUT = timedelta(minutes=5)

_hasher = PasswordHasher()


def check_pin(pin: str) -> str:
    if not (pin.isascii() and pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX):
        raise ValidationError({"pin": "pin.invalid"}, min=PIN_MIN, max=PIN_MAX)
    return pin


class AttendantService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def add(self, name: str, role: Role, pin: str) -> AttendantView:
        checker = validation.Checker()
        clean_name = checker.check(lambda: validation.person_name(name))
        checker.check(lambda: check_pin(pin))
        checker.done()
        assert clean_name
        with self._store.write() as session:
            if session.scalar(select(Attendant.id).where(Attendant.name == clean_name)):
                raise ValidationError({"name": "attendant.exists"})
            row = Attendant(
                name=clean_name, role=role, pin_hash=_hasher.hash(pin), created_at=self._clock()
            )
            session.add(row)
            session.flush()
            return AttendantView(row.id, row.name, row.role)

    def list(self) -> list[AttendantView]:
        with self._store.read() as session:
            rows = session.scalars(
                select(Attendant).where(Attendant.active).order_by(Attendant.name)
            )
            return [AttendantView(r.id, r.name, r.role) for r in rows]

    def log_in(self, attendant_id: uuid.UUID, pin: str) -> AttendantView:
        """Check a PIN. After 5 wrong PINs that login waits 5 minutes, right PIN or not."""
        now = self._clock()
        refused: PinRefused | None = None
        with self._store.write() as session:
            row = session.get(Attendant, attendant_id)
            if row is None or not row.active:
                raise NotFound(entity="attendant")
            if row.locked_until is not None and now < row.locked_until:
                raise LoginLocked(until=row.locked_until.isoformat())
            try:
                _hasher.verify(row.pin_hash, pin)
            except (VerificationError, InvalidHashError):
                row.failed_attempts += 1
                remaining = MAX_FAILED_PINS - row.failed_attempts
                if remaining <= 0:
                    row.failed_attempts = 0
                    row.locked_until = now + LOCKOUT
                    audit(
                        session,
                        attendant_id=row.id,
                        action="attendant.locked",
                        entity="attendant",
                        entity_id=row.id,
                        now=now,
                    )
                # Raised once the count is committed: raising inside `write()` would
                # roll it back and let a guesser try forever.
                refused = PinRefused(remaining=max(remaining, 0))
            else:
                row.failed_attempts = 0
                row.locked_until = None
                audit(
                    session,
                    attendant_id=row.id,
                    action="attendant.login",
                    entity="attendant",
                    entity_id=row.id,
                    now=now,
                )
                view = AttendantView(row.id, row.name, row.role)
        if refused is not None:
            raise refused
        return view

    def manager_approval(
        self, manager_id: uuid.UUID | None, pin: str, *, asked_by: uuid.UUID | None
    ) -> uuid.UUID:
        """Another person, a manager, accepts with their PIN (a till difference, a large
        refund). The PIN is checked as a login: a wrong one counts toward the manager's
        lockout (committed before PinRefused is raised), and a locked login is refused."""
        if manager_id is None:
            raise ValidationError({"manager_id": "till.manager_required"})
        if manager_id == asked_by:
            raise ValidationError({"manager_id": "till.manager_not_self"})
        with self._store.read() as session:
            row = session.get(Attendant, manager_id)
            if row is None or not row.active:
                raise NotFound(entity="attendant")
            if row.role is not Role.MANAGER:
                raise ValidationError({"manager_id": "till.not_a_manager"})
        self.log_in(manager_id, pin)
        return manager_id
