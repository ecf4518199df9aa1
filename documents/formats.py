"""Prices and dates as printed: French conventions ("1 234,50 €", "jeudi 26 novembre
2026"), dates in Europe/Paris. Documents and tickets are laid out without Qt, so QLocale
is not at hand here; these few tables stand in for it."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def to_paris(moment: datetime) -> datetime:
    """An aware time as the counter's wall clock shows it."""
    return moment.astimezone(PARIS)


_DAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def euros(cents: int, lang: str = "fr") -> str:
    """15,00 € in French, grouped with a plain space (which every code page has);
    €15.00 in English, for a ticket the client asked in English."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    if lang == "en":
        return f"{sign}€{whole:,}.{rest:02d}"
    return f"{sign}{whole:,}".replace(",", " ") + f",{rest:02d} €"


def long_date(day: date, lang: str = "fr") -> str:
    lang = "en" if lang == "en" else "fr"
    weekday = _DAYS[lang][day.weekday()]
    month = _MONTHS[lang][day.month - 1]
    first = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{weekday} {first} {month} {day.year}"


def month_name(month: int, lang: str = "fr") -> str:
    return _MONTHS["en" if lang == "en" else "fr"][month - 1]


def short_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def clock_time(moment: datetime, lang: str = "fr") -> str:
    """ "10 h 05", "9 h" (as the screens say it, ui/format.py); "10:05" in English."""
    local = to_paris(moment)
    if lang == "en":
        return f"{local:%H:%M}"
    return f"{local.hour} h {local.minute:02d}" if local.minute else f"{local.hour} h"


def duration(minutes: int, lang: str = "fr") -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    if lang == "en":
        return f"{hours} h {rest:02d} min" if rest else f"{hours} h"
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def file_slug(text: str, *, limit: int = 40) -> str:
    """A name as part of a file name: ASCII letters, digits and dashes, never a path
    ("Geneviève Œttinger" → "Genevieve-OEttinger")."""
    for ligature, letters in (("Œ", "OE"), ("œ", "oe"), ("Æ", "AE"), ("æ", "ae"), ("ß", "ss")):
        text = text.replace(ligature, letters)
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", folded).strip("-")[:limit] or "sans-nom"
