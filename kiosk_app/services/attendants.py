"""Attendants: personal PINs hashed with argon2id, a login locked after repeated
failures. A PIN is never stored, logged or audited in clear.

Managers keep the kiosk: the last active manager can be neither disabled nor made an
attendant (`LastManager`), or nobody could change the settings or approve a till
difference any more. Every change to an attendant is audited (who did it, what, never
the PIN)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..clock import Clock, utc_now
from ..domain import validation
from ..domain.kinds import Role
from ..errors import LastManager, LoginLocked, NotFound, PinRefused, ValidationError
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

    def add(self, name: str, role: Role, pin: str, *, by: uuid.UUID | None = None) -> AttendantView:
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
            self._audit(session, by, "attendant.added", row, role=role.value)
            return _view(row)

    def list(self, *, with_disabled: bool = False) -> list[AttendantView]:
        """Active attendants by name (the login list); `with_disabled` adds the others,
        after them (the settings section)."""
        with self._store.read() as session:
            query = select(Attendant).order_by(Attendant.active.desc(), Attendant.name)
            if not with_disabled:
                query = query.where(Attendant.active)
            return [_view(r) for r in session.scalars(query)]

    def by_name(self, name: str) -> AttendantView:
        """The attendant of that name, as typed on the command line (spaces around
        ignored), disabled or not."""
        typed = name.strip()
        # A broken paste (a lone surrogate) names nobody: SQLite could not even be asked.
        quoted = typed[:80].encode("utf-8", "backslashreplace").decode("utf-8")
        if quoted != typed[:80]:
            raise NotFound("attendant.unknown", name=quoted)
        with self._store.read() as session:
            row = session.scalar(select(Attendant).where(Attendant.name == typed))
            if row is None:
                raise NotFound("attendant.unknown", name=quoted)
            return _view(row)

    def disable(self, attendant_id: uuid.UUID, *, by: uuid.UUID | None = None) -> AttendantView:
        """They can no longer log in; their orders, payments and audit stay theirs."""
        with self._store.write() as session:
            row = self._row(session, attendant_id)
            if not row.active:
                return _view(row)  # a second tap changes nothing and audits nothing
            self._keep_a_manager(session, row)
            row.active = False
            self._audit(session, by, "attendant.disabled", row)
            return _view(row)

    def enable(self, attendant_id: uuid.UUID, *, by: uuid.UUID | None = None) -> AttendantView:
        with self._store.write() as session:
            row = self._row(session, attendant_id)
            if row.active:
                return _view(row)
            row.active = True
            row.failed_attempts = 0
            row.locked_until = None
            self._audit(session, by, "attendant.enabled", row)
            return _view(row)

    def set_role(
        self, attendant_id: uuid.UUID, role: Role, *, by: uuid.UUID | None = None
    ) -> AttendantView:
        with self._store.write() as session:
            row = self._row(session, attendant_id)
            if row.role is role:
                return _view(row)
            if role is not Role.MANAGER:
                self._keep_a_manager(session, row)
            row.role = role
            self._audit(session, by, "attendant.role", row, role=role.value)
            return _view(row)

    def reset_pin(
        self, attendant_id: uuid.UUID, pin: str, *, by: uuid.UUID | None = None
    ) -> AttendantView:
        """A new PIN (a forgotten one, or a locked login): the lockout is lifted too."""
        check_pin(pin)
        with self._store.write() as session:
            row = self._row(session, attendant_id)
            row.pin_hash = _hasher.hash(pin)
            row.failed_attempts = 0
            row.locked_until = None
            self._audit(session, by, "attendant.pin_reset", row)
            return _view(row)

    @staticmethod
    def _row(session: Session, attendant_id: uuid.UUID) -> Attendant:
        row = session.get(Attendant, attendant_id)
        if row is None:
            raise NotFound(entity="attendant")
        return row

    @staticmethod
    def _keep_a_manager(session: Session, row: Attendant) -> None:
        """Refuses to take away the last active manager (counted in the write
        transaction: two managers demoting each other at once cannot both succeed)."""
        if not (row.active and row.role is Role.MANAGER):
            return
        managers = session.scalar(
            select(func.count())
            .select_from(Attendant)
            .where(Attendant.active, Attendant.role == Role.MANAGER)
        )
        if (managers or 0) <= 1:
            raise LastManager()

    def _audit(
        self,
        session: Session,
        by: uuid.UUID | None,
        action: str,
        row: Attendant,
        **details: str,
    ) -> None:
        # From the command line nobody is logged in: the change is recorded as the
        # attendant's own (the store's audit rows need an attendant).
        audit(
            session,
            attendant_id=by or row.id,
            action=action,
            entity="attendant",
            entity_id=row.id,
            now=self._clock(),
            details=details or None,
        )

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
                view = _view(row)
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


def _view(row: Attendant) -> AttendantView:
    return AttendantView(row.id, row.name, row.role, row.active)
