"""The kiosk's identity and the association's details, kept in the store's settings
table so that they travel with the data folder."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.database import Store
from ..store.models import Setting
from ..views.settings import DEFAULTS, KioskSettings


def read_settings(session: Session) -> KioskSettings:
    stored = dict(session.execute(select(Setting.key, Setting.value)).all())
    return KioskSettings(**{key: stored.get(key, default) for key, default in DEFAULTS.items()})


class SettingsService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self) -> KioskSettings:
        with self._store.read() as session:
            return read_settings(session)

    def update(self, **values: str) -> KioskSettings:
        unknown = set(values) - set(DEFAULTS)
        if unknown:
            raise KeyError(f"unknown settings: {sorted(unknown)}")
        if "kiosk_code" in values and not (
            # ASCII only: "٠١" or "²³" pass isdigit() but make numbers nobody can type.
            len(values["kiosk_code"]) == 2
            and values["kiosk_code"].isascii()
            and values["kiosk_code"].isdigit()
        ):
            raise ValueError("kiosk_code must be two digits")
        with self._store.write() as session:
            for key, value in values.items():
                session.merge(Setting(key=key, value=value))
            return read_settings(session)
