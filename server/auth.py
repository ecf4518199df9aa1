"""Device credentials: a random token shown once at enrolment, stored as its SHA-256
(a 256-bit random token needs no slow hash: there is nothing to guess from)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from sync.protocol import kiosk_code_of

from .models import Counter, Device
from .scopes import Caller, DeviceKind

# The counter of kiosk codes handed out: it only goes up, so no code is given twice.
KIOSK_CODES = "kiosk_codes"


class EnrolmentError(Exception):
    pass


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Enrolled:
    """What enrolment shows once: the token, and the kiosk's series code (None for the
    web platform and the back office)."""

    token: str
    code: str | None


def _next_kiosk_code(session: Session) -> str:
    counter = session.get(Counter, KIOSK_CODES, with_for_update=True)
    if counter is None:
        counter = Counter(name=KIOSK_CODES, value=0)
        session.add(counter)
    try:
        code = kiosk_code_of(counter.value + 1)
    except ValueError:
        raise EnrolmentError("every kiosk code (01 to 999) is taken") from None
    counter.value += 1
    return code


def enrol(
    session: Session, name: str, *, now: datetime, kind: DeviceKind = DeviceKind.KIOSK
) -> str:
    """The new device's token (see `enrol_device`)."""
    return enrol_device(session, name, now=now, kind=kind).token


def enrol_device(
    session: Session, name: str, *, now: datetime, kind: DeviceKind = DeviceKind.KIOSK
) -> Enrolled:
    """Create the device `name` of `kind` and return its token (the only time it is
    seen) and, for a kiosk, its new series code. A revoked device may be enrolled again
    under its name with a new token (and the kind given now): it is another kiosk, with
    a new code (the revoked one's numbers may be anywhere); `replace` keeps the code."""
    name = name.strip()
    if not name or len(name) > 80:
        raise EnrolmentError("a device name is 1 to 80 characters")
    token = secrets.token_urlsafe(32)
    device = session.scalar(select(Device).where(Device.name == name))
    if device is not None and device.revoked_at is None:
        raise EnrolmentError(f"{name!r} is already enrolled; revoke it first")
    code = _next_kiosk_code(session) if kind is DeviceKind.KIOSK else None
    if device is None:
        session.add(
            Device(
                name=name, token_hash=hash_token(token), kind=kind.value, code=code, created_at=now
            )
        )
    else:
        device.token_hash = hash_token(token)
        device.kind = kind.value
        device.code = code
        device.revoked_at = None
    return Enrolled(token, code)


def replace(session: Session, name: str) -> Enrolled:
    """A new token for the device `name` (a kiosk whose machine or disk was replaced):
    the old token stops working at once, the kind and series code stay, so the new
    machine continues the series (it pulls its orders back and numbers after them)."""
    device = session.scalar(select(Device).where(Device.name == name.strip()))
    if device is None:
        raise LookupError(name)
    token = secrets.token_urlsafe(32)
    device.token_hash = hash_token(token)
    device.revoked_at = None
    return Enrolled(token, device.code)


def revoke(session: Session, name: str, *, now: datetime) -> bool:
    device = session.scalar(select(Device).where(Device.name == name))
    if device is None or device.revoked_at is not None:
        return False
    device.revoked_at = now
    return True


DEVICES = Device.metadata.tables[Device.__tablename__]
# Built once (every request asks): run on the session's connection, a prebuilt statement
# costs a tenth of an ORM query built per call. Not cached across requests: a revocation
# (by `kiosk-server revoke`, another process) must refuse the very next request.
LIVE_DEVICE = select(DEVICES.c.id, DEVICES.c.kind, DEVICES.c.code, DEVICES.c.name).where(
    DEVICES.c.token_hash == bindparam("token_hash"), DEVICES.c.revoked_at.is_(None)
)
LIVE_DEVICE_LOCKED = LIVE_DEVICE.with_for_update()


def device_for_token(session: Session, token: str, *, lock: bool = False) -> Caller | None:
    """The live device holding `token` (its id, kind and series code), or None. With
    `lock`, its row
    stays locked until the transaction ends (on PostgreSQL: one push per device at a
    time)."""
    query = LIVE_DEVICE_LOCKED if lock else LIVE_DEVICE
    row = session.connection().execute(query, {"token_hash": hash_token(token)}).first()
    return None if row is None else Caller(row[0], DeviceKind(row[1]), row[2], row[3])


def device_name(session: Session, device_id: int) -> str:
    return session.get_one(Device, device_id).name
