"""The kiosk's identity and the association's details, kept in the store's settings
table so that they travel with the data folder."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import DocumentDetailsMissing, KioskCodeNotSettable
from ..store.database import Store
from ..store.models import Setting
from ..views.settings import DEFAULTS, DOCUMENT_DETAILS, KioskSettings, siret_is_valid


def read_settings(session: Session) -> KioskSettings:
    stored = dict(session.execute(select(Setting.key, Setting.value)).all())
    return KioskSettings(**{key: stored.get(key, default) for key, default in DEFAULTS.items()})


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
    problems = document_problems(session)
    if problems:
        raise DocumentDetailsMissing(problems)
    return read_settings(session)


class SettingsService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self) -> KioskSettings:
        with self._store.read() as session:
            return read_settings(session)

    def document_problems(self) -> tuple[str, ...]:
        """Message keys of the association's details still missing for documents."""
        with self._store.read() as session:
            return document_problems(session)

    def update(self, **values: str) -> KioskSettings:
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
