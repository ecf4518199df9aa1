"""The till page's steps shared by the till's tests: the attendant who is who, the page
reached through the counter's menu, amounts typed on its pad, and the till's lines of the
audit log."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from kiosk_app.comptoir import Comptoir
from kiosk_app.store.models import AuditEntry
from kiosk_app.views.attendants import AttendantView
from ui.attendant.till import TillPage

from .support import Resident


def person(comptoir: Comptoir, name: str) -> AttendantView:
    return next(a for a in comptoir.attendants.list() if a.name == name)


def till_page(kiosk: Resident) -> TillPage:
    """The counter's till section, shown as the attendant reaches it."""
    counter = kiosk.window.counter
    kiosk.tap(counter.nav["till"])
    return counter.till


def type_on_pad(kiosk: Resident, page: TillPage, text: str) -> None:
    for key in text:
        kiosk.tap(page.pad.keys[key])


def audit_actions(comptoir: Comptoir) -> list[tuple[str, uuid.UUID | None, str]]:
    with comptoir.store.read() as session:
        rows = session.execute(
            select(AuditEntry.action, AuditEntry.attendant_id, AuditEntry.details).where(
                AuditEntry.action.like("till.%")
            )
        ).all()
    return [(action, who, str(details)) for action, who, details in rows]
