"""Device credentials: a random token shown once at enrolment, stored as its SHA-256
(a 256-bit random token needs no slow hash: there is nothing to guess from)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from .models import Device
from .scopes import Caller, DeviceKind


class EnrolmentError(Exception):
    pass


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def enrol(
    session: Session, name: str, *, now: datetime, kind: DeviceKind = DeviceKind.KIOSK
) -> str:
    """Create the device `name` of `kind` and return its token (the only time it is
    seen). A revoked device may be enrolled again under its name with a new token (and
    the kind given now)."""
    name = name.strip()
    if not name or len(name) > 80:
        raise EnrolmentError("a device name is 1 to 80 characters")
    token = secrets.token_urlsafe(32)
    device = session.scalar(select(Device).where(Device.name == name))
    if device is not None and device.revoked_at is None:
        raise EnrolmentError(f"{name!r} is already enrolled; revoke it first")
    if device is None:
        session.add(
            Device(name=name, token_hash=hash_token(token), kind=kind.value, created_at=now)
        )
    else:
        device.token_hash = hash_token(token)
        device.kind = kind.value
        device.revoked_at = None
    return token


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
LIVE_DEVICE = select(DEVICES.c.id, DEVICES.c.kind, DEVICES.c.name).where(
    DEVICES.c.token_hash == bindparam("token_hash"), DEVICES.c.revoked_at.is_(None)
)
LIVE_DEVICE_LOCKED = LIVE_DEVICE.with_for_update()


def device_for_token(session: Session, token: str, *, lock: bool = False) -> Caller | None:
    """The live device holding `token` (its id and kind), or None. With `lock`, its row
    stays locked until the transaction ends (on PostgreSQL: one push per device at a
    time)."""
    query = LIVE_DEVICE_LOCKED if lock else LIVE_DEVICE
    row = session.connection().execute(query, {"token_hash": hash_token(token)}).first()
    return None if row is None else Caller(row[0], DeviceKind(row[1]), row[2])
