"""Rows written beside a change in the same transaction: the sync outbox, print jobs and
the attendants' audit log. Kept in one place so every change records them alike."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ..domain.kinds import PrintStatus
from ..store.fast import RowWriter
from ..store.models import AuditEntry, OutboxOp, PrintJob

# Every change writes these: they take the fast path (see store/fast.py).
_OUTBOX = RowWriter(OutboxOp.__table__)  # type: ignore[arg-type]
_PRINT_JOBS = RowWriter(PrintJob.__table__)  # type: ignore[arg-type]
_AUDIT = RowWriter(AuditEntry.__table__)  # type: ignore[arg-type]


def wire_value(value: Any) -> Any:
    """JSON-ready form of a column value: UUIDs and datetimes as ISO text."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def enqueue_op(
    session: Session,
    *,
    entity: str,
    entity_id: uuid.UUID,
    kind: str,
    data: dict[str, Any],
    now: datetime,
    base_version: int | None = None,
    op_id: uuid.UUID | None = None,
) -> None:
    """An op for the central server, in the caller's transaction (`op_id`: one derived
    from what the op is, when the same fact must always be the same op)."""
    _OUTBOX.insert(
        session,
        {
            "op_id": op_id or uuid.uuid4(),
            "entity": entity,
            "entity_id": entity_id,
            "kind": kind,
            "base_version": base_version,
            "data": {key: wire_value(value) for key, value in data.items()},
            "created_at": now,
        },
    )


def enqueue_print(
    session: Session,
    *,
    kind: str,
    order_id: uuid.UUID | None,
    lang: str,
    now: datetime,
    document_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """A print job, in the caller's transaction; `document_id` names the invoice, credit
    note or quote an A4 job saves."""
    job_id = uuid.uuid4()
    _PRINT_JOBS.insert(
        session,
        {
            "id": job_id,
            "kind": kind,
            "order_id": order_id,
            "lang": lang,
            "status": PrintStatus.QUEUED,
            "created_at": now,
            "document_id": document_id,
        },
    )
    return job_id


def audit(
    session: Session,
    *,
    attendant_id: uuid.UUID | None,
    action: str,
    entity: str,
    entity_id: uuid.UUID,
    now: datetime,
    details: dict[str, Any] | None = None,
    unattended: bool = False,
) -> None:
    """Record an attendant's action. Callers pass no personal data and never a PIN.
    `unattended`: recorded with no attendant too (a setting changed by the set-up
    wizard, before any attendant exists, or from a shell)."""
    if attendant_id is None and not unattended:
        return  # a resident's own action on the touchscreen is not an attendant's
    _AUDIT.insert(
        session,
        {
            "at": now,
            "attendant_id": attendant_id,
            "action": action,
            "entity": entity,
            "entity_id": str(entity_id),
            "details": {key: wire_value(value) for key, value in (details or {}).items()},
        },
    )
