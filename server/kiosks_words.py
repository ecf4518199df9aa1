"""The kiosks page's words: durations, times, sizes, a printer's state and fault, the
last sync error, in French or English (the page's sentences are in kiosks_page.py)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from documents.formats import clock_time
from sync.protocol import HealthReport, PrinterState

PARIS = ZoneInfo("Europe/Paris")

# A printer's fault: what it is, and what to do (the attendant's own words are on the
# kiosk, in printing/messages.py; the server imports nothing of the kiosk).
PRINTER_FAULTS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "printer.paper_out": (
        ("plus de papier", "out of paper"),
        ("Mettez un rouleau neuf", "Put in a new roll"),
    ),
    "printer.cover_open": (
        ("capot ouvert", "cover open"),
        ("Refermez le capot", "Close the cover"),
    ),
    "printer.offline": (
        ("ne répond pas", "not answering"),
        ("Vérifiez qu’elle est allumée et branchée", "Check that it is on and plugged in"),
    ),
    "printer.dropped": (
        ("connexion coupée pendant l’impression", "connection cut while printing"),
        ("Vérifiez son câble ou son réseau", "Check its cable or network"),
    ),
    "printer.stalled": (
        ("bloquée", "stuck"),
        ("Éteignez-la et rallumez-la", "Switch it off and on again"),
    ),
}
UNKNOWN_FAULT = (("en panne", "faulty"), ("Vérifiez-la", "Check it"))
# The last sync error, in a few words.
SYNC_ERRORS: dict[str, tuple[str, str]] = {
    "sync.network_down": ("réseau coupé", "network down"),
    "sync.server_error": ("erreur du serveur central", "central server error"),
    "sync.busy": ("serveur central occupé", "central server busy"),
    "sync.unauthorized": ("jeton refusé", "token refused"),
    "sync.upgrade_required": ("version refusée par le serveur", "version refused by the server"),
    "sync.refused_batch": ("envoi refusé par le serveur", "batch refused by the server"),
    "sync.tls": ("certificat du serveur non vérifié", "server certificate not verified"),
    "sync.insecure_url": ("adresse du serveur refusée", "server address refused"),
    "sync.busy_elsewhere": ("synchronisation déjà en cours", "a sync was already running"),
    "sync.not_enrolled": ("kiosque non relié", "kiosk not enrolled"),
}


def in_lang(lang: str, french: str, english: str) -> str:
    return english if lang == "en" else french


def counted(count: int, lang: str, french: tuple[str, str], english: tuple[str, str]) -> str:
    """`count` with its noun, singular or plural (French: 0 and 1 are singular)."""
    one, many = english if lang == "en" else french
    singular = count == 1 if lang == "en" else count <= 1
    return f"{count} {one if singular else many}"


def duration(delta: timedelta, lang: str) -> str:
    minutes = int(abs(delta).total_seconds() // 60)
    if minutes < 1:
        return in_lang(lang, "moins d’une minute", "less than a minute")
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {rest:02d}" if rest else f"{hours} h"
    return counted(hours // 24, lang, ("jour", "jours"), ("day", "days"))


def at_time(at: datetime, now: datetime, lang: str) -> str:
    """A time in Paris: its day, then its hour ("26/11 à 10:02")."""
    local, today = at.astimezone(PARIS), now.astimezone(PARIS)
    day = f"{local:%d/%m}" if local.year == today.year else f"{local:%d/%m/%Y}"
    return f"{day} {in_lang(lang, 'à', 'at')} {clock_time(local, lang)}"


def since(at: datetime, now: datetime, lang: str) -> str:
    if timedelta(0) <= now - at < timedelta(minutes=1):
        return in_lang(lang, "à l’instant", "just now")
    ago = in_lang(lang, "il y a {}", "{} ago").format(duration(now - at, lang))
    return f"{ago} ({at_time(at, now, lang)})"


def byte_size(count: int, lang: str) -> str:
    gb = count / 1e9
    if gb >= 1:
        text, unit = f"{gb:.1f}".removesuffix(".0"), in_lang(lang, "Go", "GB")
    else:
        text, unit = f"{count / 1e6:.0f}", in_lang(lang, "Mo", "MB")
    return f"{text.replace('.', ',') if lang == 'fr' else text} {unit}"


def fault_words(key: str | None, lang: str) -> tuple[str, str]:
    (what, action) = PRINTER_FAULTS.get(key or "", UNKNOWN_FAULT)
    return in_lang(lang, *what), in_lang(lang, *action)


def printer_line(report: HealthReport, lang: str) -> str:
    printer = report.printer
    if printer.state is PrinterState.NONE:
        return in_lang(
            lang,
            "aucune (tickets enregistrés en fichiers)",
            "none (tickets saved as files)",
        )
    state = (
        fault_words(printer.fault, lang)[0]
        if printer.state is PrinterState.FAULT
        else in_lang(lang, "en état", "working")
    )
    if not printer.jobs_waiting:
        return state
    waiting = counted(
        printer.jobs_waiting,
        lang,
        ("ticket en attente", "tickets en attente"),
        ("ticket waiting", "tickets waiting"),
    )
    return f"{state}, {waiting}"


def clock_gap(report: HealthReport, seen: datetime, lang: str) -> str:
    gap = report.kiosk_time - seen
    if abs(gap) <= timedelta(minutes=1):
        return in_lang(lang, "à l’heure", "on time")
    ahead = gap > timedelta(0)
    return in_lang(
        lang, "en avance de {}" if ahead else "en retard de {}", "{} fast" if ahead else "{} slow"
    ).format(duration(gap, lang))
