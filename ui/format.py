"""Money and dates in the current language's conventions (QLocale: "15,00 €" in French,
"€15.00" in English; times shown in Europe/Paris)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone

from kiosk_app.clock import to_paris

PARIS_ZONE = QTimeZone(b"Europe/Paris")


def money(cents: int, locale: QLocale | None = None) -> str:
    """Whole euros without decimals ("5 €"), otherwise with cents ("2,50 €")."""
    locale = locale or QLocale()
    decimals = 0 if cents % 100 == 0 else 2
    return locale.toCurrencyString(cents / 100, "€", decimals)


def minutes(total: int, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    hours, rest = divmod(total, 60)
    if hours and rest:
        return f"{locale.toString(hours)} h {rest:02d}"
    if hours:
        return f"{locale.toString(hours)} h"
    return f"{locale.toString(rest)} min"


def paris_datetime(moment: datetime, locale: QLocale | None = None) -> str:
    """ "jeudi 26 novembre, 10:00" / "Thursday 26 November, 10:00", Paris time."""
    locale = locale or QLocale()
    local = to_paris(moment)
    shown = QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute), PARIS_ZONE
    )
    return locale.toString(shown, "dddd d MMMM, HH:mm")


def paris_time(moment: datetime, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    local = to_paris(moment)
    return locale.toString(QTime(local.hour, local.minute), "HH:mm")
