"""The kiosk's identity and the association's details, kept in the store's settings
table so that they travel with the data folder. A person changes them through
`SettingsService.change` only (the wizard, the counter's settings section, `kiosk settings
set`): each value checked by kiosk_app.domain.setting_rules, audited, and sent to the
central server."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clock import Clock, paris_today, utc_now
from ..domain import setting_rules
from ..domain.kinds import Role
from ..domain.printer_setup import check_printer_setup
from ..errors import (
    DocumentDetailsMissing,
    KioskCodeNotSettable,
    ManagersOnly,
    SetupNotFinished,
    UnknownSetting,
    ValidationError,
)
from ..store.database import Store
from ..store.models import Attendant, Setting
from ..views.settings import DEFAULTS, DOCUMENT_DETAILS, KioskSettings, siret_is_valid
from .journal import audit, enqueue_op

# Who changed a setting: the first-run wizard, a manager at the counter, a shell.
Source = Literal["setup", "counter", "cli"]
SETUP_PENDING, SETUP_DONE = "pending", "done"


def read_settings(session: Session) -> KioskSettings:
    stored = dict(session.execute(select(Setting.key, Setting.value)).all())
    return KioskSettings(**{key: stored.get(key, default) for key, default in DEFAULTS.items()})


def _stored(session: Session, key: str) -> str | None:
    return session.scalar(select(Setting.value).where(Setting.key == key))


def refuse_until_set_up(session: Session) -> None:
    """No order and no document while the set-up wizard is not finished."""
    if _stored(session, "setup_state") == SETUP_PENDING:
        raise SetupNotFinished()


# The message key of each detail not set (literals: tests/core/test_messages.py).
_MISSING = {
    "association_name": "documents.name_missing",
    "association_address": "documents.address_missing",
    "association_siret": "documents.siret_missing",
    "association_sap_number": "documents.sap_number_missing",
    "association_sap_date": "documents.sap_date_missing",
}


def document_problems(session: Session) -> tuple[str, ...]:
    """What keeps the association's documents from being issued: a message key per
    detail not set by a person (a built-in default is a placeholder) or not valid."""
    stored = dict(
        session.execute(
            select(Setting.key, Setting.value).where(Setting.key.in_(DOCUMENT_DETAILS))
        ).all()
    )
    problems = []
    for key in DOCUMENT_DETAILS:
        value = stored.get(key, "").strip()
        if not value:
            problems.append(_MISSING[key])
        elif key == "association_siret" and not siret_is_valid(value):
            problems.append("documents.siret_invalid")
        elif key == "association_sap_date":
            try:
                date.fromisoformat(value)
            except ValueError:
                problems.append("documents.sap_date_invalid")
    return tuple(problems)


def require_document_details(session: Session) -> KioskSettings:
    """The settings, once every detail a legal document states is set; else refuses."""
    refuse_until_set_up(session)
    problems = document_problems(session)
    if problems:
        raise DocumentDetailsMissing(problems)
    return read_settings(session)


def checked_values(values: Mapping[str, str], today: date) -> dict[str, str]:
    """Every value checked: UnknownSetting for a name no setting has (before anything
    else), then one ValidationError naming every value refused."""
    for key in values:
        if key not in setting_rules.RULES:
            raise UnknownSetting(name=key)
    clean: dict[str, str] = {}
    refused: dict[str, str] = {}
    params: dict[str, object] = {}
    for key, text in values.items():
        try:
            clean[key] = setting_rules.checked(key, text, today)
        except ValidationError as error:
            refused.update(error.fields)
            params.update(error.params)
    if refused:
        raise ValidationError(refused, **params)
    return clean


PRINTER_KEYS = ("printer_kind", "printer_address", "printer_width", "printer_codepage")


def _check_printer(clean: dict[str, str], current: KioskSettings) -> None:
    """The printer's four settings are checked together (the address as the kind wants
    it: host[:port], "vendor:product", a device, a queue), as the set-up form checks
    them; the values changed are stored clean. Without a printer, an address typed
    ahead of the kind is kept as typed."""
    if not set(PRINTER_KEYS) & set(clean):
        return
    kind, address, width, codepage = (clean.get(k, getattr(current, k)) for k in PRINTER_KEYS)
    setup = check_printer_setup(kind, address, width, codepage)
    for key, value in setup.as_settings().items():
        if key in clean and not (key == "printer_address" and setup.kind == "none"):
            clean[key] = value


class SettingsService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def get(self) -> KioskSettings:
        with self._store.read() as session:
            return read_settings(session)

    def document_problems(self) -> tuple[str, ...]:
        """Message keys of the association's details still missing for documents."""
        with self._store.read() as session:
            return document_problems(session)

    def check(self, key: str, text: str) -> str:
        """The value `key` would store (the forms check as one types); refuses as
        `change` would."""
        return checked_values({key: text}, paris_today(self._clock))[key]

    def change(
        self, values: Mapping[str, str], *, source: Source, by: uuid.UUID | None = None
    ) -> KioskSettings:
        """Change settings as a person does: all checked first (nothing written when one
        is refused), then, for each value that differs, stored, audited and sent to the
        central server in one transaction. At the counter `by` must be a manager."""
        now = self._clock()
        clean = checked_values(values, paris_today(self._clock))
        with self._store.write() as session:
            if source == "counter" or (
                # The wizard writes while the set-up is pending; afterwards, a manager.
                source == "setup" and _stored(session, "setup_state") == SETUP_DONE
            ):
                row = session.get(Attendant, by) if by is not None else None
                if row is None or not row.active or row.role is not Role.MANAGER:
                    raise ManagersOnly()
            _check_printer(clean, read_settings(session))
            for key, value in clean.items():
                stored = _stored(session, key)
                if stored == value or (
                    # A default kept as it is: no change (but a document detail is set
                    # only by a person, even when it is the built-in text).
                    stored is None and value == DEFAULTS[key] and key not in DOCUMENT_DETAILS
                ):
                    continue
                session.merge(Setting(key=key, value=value))
                self._record(session, key, value, source=source, by=by, now=now)
            return read_settings(session)

    def _record(
        self,
        session: Session,
        key: str,
        value: str,
        *,
        source: Source,
        by: uuid.UUID | None,
        now: datetime,
    ) -> None:
        change_id = uuid.uuid4()
        private = setting_rules.RULES[key].private
        details: dict[str, object] = {"key": key, "source": source}
        if not private:
            details["value"] = value
        audit(
            session,
            attendant_id=by,
            action="setting.changed",
            entity="setting",
            entity_id=change_id,
            now=now,
            details=details,
            unattended=True,
        )
        enqueue_op(
            session,
            entity="setting",
            entity_id=change_id,
            kind="append",
            data={
                "id": change_id,
                "key": key,
                "value": None if private else value,
                "changed_at": now,
                "changed_by": by,
                "source": source,
            },
            now=now,
        )

    # --- the first run ---------------------------------------------------------------

    def setup_needed(self) -> bool:
        """Whether the window opens on the set-up wizard: a store marked pending, or a
        new one (not a demo store, no manager, the association's details not set)."""
        with self._store.read() as session:
            state = _stored(session, "setup_state") or ""
            if state:
                return state == SETUP_PENDING
            if _stored(session, "demo_store") == "1":
                return False
            managers = session.scalar(
                select(Attendant.id).where(Attendant.active, Attendant.role == Role.MANAGER)
            )
            return managers is None and bool(document_problems(session))

    def begin_setup(self) -> None:
        """Mark the store pending: until the wizard finishes, the core takes no order and
        issues no document (whatever else sets a detail meanwhile)."""
        with self._store.write() as session:
            session.merge(Setting(key="setup_state", value=SETUP_PENDING))

    def finish_setup(self) -> None:
        """The wizard's last step: refused while a document detail or a manager is
        missing (the wizard's steps set them)."""
        with self._store.write() as session:
            problems = document_problems(session)
            if problems:
                raise DocumentDetailsMissing(problems)
            managers = session.scalar(
                select(Attendant.id).where(Attendant.active, Attendant.role == Role.MANAGER)
            )
            if managers is None:
                raise ValidationError({"manager": "setup.manager_missing"})
            session.merge(Setting(key="setup_state", value=SETUP_DONE))

    def update(self, **values: str) -> KioskSettings:
        """Set values as Comptoir itself does (tests, the demo seed, enrolment's kiosk
        code): unchecked beyond the kiosk code, not audited. People use `change`."""
        unknown = set(values) - set(DEFAULTS)
        if unknown:
            raise KeyError(f"unknown settings: {sorted(unknown)}")
        if "kiosk_code" in values:
            # The series' code is the central server's to give (services/numbers.py): a
            # code typed here could be another kiosk's, and two kiosks share numbers.
            raise KioskCodeNotSettable()
        with self._store.write() as session:
            for key, value in values.items():
                session.merge(Setting(key=key, value=value))
            return read_settings(session)
