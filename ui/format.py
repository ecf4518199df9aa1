"""Money and dates in the current language's conventions (QLocale: "15,00 €" in French,
"€15.00" in English; times shown in Europe/Paris). French times are written as French
people write them, "10 h 42" and "11 h" (no "11:00"), with no-break spaces so that
"11" and "h" never part at the end of a line; the printed tickets say the same
(documents/formats.py)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QTime

from kiosk_app.clock import to_paris

NBSP = "\u00a0"


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


def clock(hour: int, minute: int, locale: QLocale | None = None) -> str:
    """ "10 h 42", "11 h" in French; "10:42", "9:00" in English."""
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.French:
        return f"{hour}{NBSP}h{NBSP}{minute:02d}" if minute else f"{hour}{NBSP}h"
    return locale.toString(QTime(hour, minute), "H:mm")


def paris_datetime(moment: datetime, locale: QLocale | None = None) -> str:
    """ "jeudi 26 novembre à 10 h" / "Thursday 26 November, 10:00", Paris time."""
    locale = locale or QLocale()
    local = to_paris(moment)
    day = locale.toString(QDate(local.year, local.month, local.day), "dddd d MMMM")
    return day_at(day, clock(local.hour, local.minute, locale), locale)


def paris_date(moment: datetime, locale: QLocale | None = None) -> str:
    """ "3 décembre 2026" / "3 December 2026", the day in Paris."""
    locale = locale or QLocale()
    local = to_paris(moment)
    return locale.toString(QDate(local.year, local.month, local.day), "d MMMM yyyy")


def day_at(day: str, time: str, locale: QLocale | None = None) -> str:
    """A day's name and a time: "jeudi 26 novembre à 10 h", "Thursday 26 November, 10:00"."""
    locale = locale or QLocale()
    link = " à " if locale.language() == QLocale.Language.French else ", "
    return f"{day}{link}{time}"


def paris_time(moment: datetime, locale: QLocale | None = None) -> str:
    local = to_paris(moment)
    return clock(local.hour, local.minute, locale)


def paris_slot(start: datetime, end: datetime, locale: QLocale | None = None) -> str:
    """A time window, one way throughout a flow: "vendredi 27 novembre, entre 9 h et
    11 h" / "Friday 27 November, 9:00 to 11:00", Paris time."""
    locale = locale or QLocale()
    first, last = to_paris(start), to_paris(end)
    day = locale.toString(QDate(first.year, first.month, first.day), "dddd d MMMM")
    begin, until = clock(first.hour, first.minute, locale), clock(last.hour, last.minute, locale)
    if locale.language() == QLocale.Language.French:
        return f"{day}, entre {begin} et {until}"
    return f"{day}, {begin} to {until}"
