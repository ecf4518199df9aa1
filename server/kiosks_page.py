"""The kiosks page: every enrolled kiosk, when it was last seen and what needs a person,
in plain server-rendered HTML (French or English, no JavaScript). Everything a kiosk
sent or a device is named is escaped: the page shows it, never runs it."""

from __future__ import annotations

from datetime import datetime, timedelta
from html import escape
from zoneinfo import ZoneInfo

from documents.formats import clock_time
from sync.protocol import HealthReport, PrinterState

from .health import (
    CLOCK_OFF_AFTER,
    DISK_LOW_BELOW_BYTES,
    NO_BACKUP_AFTER,
    NO_SYNC_AFTER,
    OUTBOX_STUCK_AFTER,
    KioskHealth,
    KiosksOverview,
    Need,
)

PARIS = ZoneInfo("Europe/Paris")
REFRESH_S = 60

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


def _t(lang: str, french: str, english: str) -> str:
    return english if lang == "en" else french


def _n(count: int, lang: str, french: tuple[str, str], english: tuple[str, str]) -> str:
    """`count` with its noun, singular or plural (French: 0 and 1 are singular)."""
    one, many = english if lang == "en" else french
    singular = count == 1 if lang == "en" else count <= 1
    return f"{count} {one if singular else many}"


def _duration(delta: timedelta, lang: str) -> str:
    minutes = int(abs(delta).total_seconds() // 60)
    if minutes < 1:
        return _t(lang, "moins d’une minute", "less than a minute")
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {rest:02d}" if rest else f"{hours} h"
    return _n(hours // 24, lang, ("jour", "jours"), ("day", "days"))


def _time(at: datetime, now: datetime, lang: str) -> str:
    """A time in Paris: its day, then its hour ("26/11 à 10:02")."""
    local, today = at.astimezone(PARIS), now.astimezone(PARIS)
    day = f"{local:%d/%m}" if local.year == today.year else f"{local:%d/%m/%Y}"
    return f"{day} {_t(lang, 'à', 'at')} {clock_time(local, lang)}"


def _ago(at: datetime, now: datetime, lang: str) -> str:
    if timedelta(0) <= now - at < timedelta(minutes=1):
        return _t(lang, "à l’instant", "just now")
    ago = _t(lang, "il y a {}", "{} ago").format(_duration(now - at, lang))
    return f"{ago} ({_time(at, now, lang)})"


def _size(count: int, lang: str) -> str:
    gb = count / 1e9
    if gb >= 1:
        text, unit = f"{gb:.1f}".removesuffix(".0"), _t(lang, "Go", "GB")
    else:
        text, unit = f"{count / 1e6:.0f}", _t(lang, "Mo", "MB")
    return f"{text.replace('.', ',') if lang == 'fr' else text} {unit}"


def _fault(key: str | None, lang: str) -> tuple[str, str]:
    (what, action) = PRINTER_FAULTS.get(key or "", UNKNOWN_FAULT)
    return _t(lang, *what), _t(lang, *action)


def _printer_line(report: HealthReport, lang: str) -> str:
    printer = report.printer
    if printer.state is PrinterState.NONE:
        return _t(
            lang,
            "aucune (tickets enregistrés en fichiers)",
            "none (tickets saved as files)",
        )
    state = (
        _fault(printer.fault, lang)[0]
        if printer.state is PrinterState.FAULT
        else _t(lang, "en état", "working")
    )
    if not printer.jobs_waiting:
        return state
    waiting = _n(
        printer.jobs_waiting,
        lang,
        ("ticket en attente", "tickets en attente"),
        ("ticket waiting", "tickets waiting"),
    )
    return f"{state}, {waiting}"


def _clock_gap(report: HealthReport, seen: datetime, lang: str) -> str:
    gap = report.kiosk_time - seen
    if abs(gap) <= timedelta(minutes=1):
        return _t(lang, "à l’heure", "on time")
    ahead = gap > timedelta(0)
    return _t(
        lang, "en avance de {}" if ahead else "en retard de {}", "{} fast" if ahead else "{} slow"
    ).format(_duration(gap, lang))


def _need(need: Need, kiosk: KioskHealth, newest: str | None, now: datetime, lang: str) -> str:
    """What needs a person, in one sentence that says what to do."""
    report, seen = kiosk.report, kiosk.last_seen
    if need is Need.NEVER_SEEN:
        return _t(
            lang,
            "Jamais vu : ce kiosque n’a encore rien envoyé. Est-il installé, allumé et relié "
            "au serveur (kiosk enrol) ?",
            "Never seen: this kiosk has not reported yet. Is it installed, switched on and "
            "enrolled with this server (kiosk enrol)?",
        )
    assert seen is not None
    if need is Need.NO_SYNC:
        return _t(
            lang,
            "Aucune nouvelle depuis {} : vérifiez qu’il est allumé et que son réseau passe.",
            "No news for {}: check that it is on and that its network works.",
        ).format(_duration(now - seen, lang))
    assert report is not None
    if need is Need.PRINTER:
        what, action = _fault(report.printer.fault, lang)
        waiting = _n(
            report.printer.jobs_waiting,
            lang,
            ("ticket attend", "tickets attendent"),
            ("ticket waiting", "tickets waiting"),
        )
        return _t(lang, "Imprimante : {}, {}. {}.", "Printer: {}, {}. {}.").format(
            what, waiting, action
        )
    if need is Need.OUTBOX_STUCK:
        parts = []
        if report.oldest_pending_s is not None:
            oldest = _duration(timedelta(seconds=report.oldest_pending_s), lang)
            parts.append(
                _t(
                    lang,
                    "{} n’arrivent pas au serveur (le plus ancien attend depuis {})",
                    "{} not reaching the server (the oldest has waited {})",
                ).format(
                    _n(report.outbox_pending, lang, ("envoi", "envois"), ("change", "changes")),
                    oldest,
                )
            )
        if report.outbox_set_aside:
            parts.append(
                _t(
                    lang,
                    "{} refusés par le serveur et mis de côté",
                    "{} refused by the server and set aside",
                ).format(report.outbox_set_aside)
            )
        return _t(
            lang, "Envois bloqués : {} ; à voir au comptoir.", "Sync stuck: {}; see the counter."
        ).format(_t(lang, " ; ", "; ").join(parts))
    if need is Need.DISK_LOW:
        return _t(
            lang,
            "Disque presque plein : {} libres (alerte sous {}).",
            "Disk nearly full: {} free (alert below {}).",
        ).format(_size(report.disk_free_bytes or 0, lang), _size(DISK_LOW_BELOW_BYTES, lang))
    if need is Need.OUTDATED:
        return _t(
            lang,
            "Version {} : la {} existe, mettez ce kiosque à jour.",
            "Version {}: {} is out, update this kiosk.",
        ).format(escape(report.version), escape(newest or ""))
    if need is Need.CLOCK_OFF:
        return _t(
            lang,
            "Horloge {} : tickets et factures seraient mal datés. Réglez l’heure du kiosque.",
            "Clock {}: tickets and invoices would carry a wrong time. Set the kiosk’s clock.",
        ).format(_clock_gap(report, seen, lang))
    if report.last_backup_at is None:
        return _t(
            lang,
            "Jamais sauvegardé : vérifiez les sauvegardes (kiosk backup).",
            "Never backed up: check its backups (kiosk backup).",
        )
    return _t(
        lang,
        "Aucune sauvegarde depuis {} : vérifiez les sauvegardes (kiosk backup).",
        "No backup for {}: check its backups (kiosk backup).",
    ).format(_duration(report.kiosk_time - report.last_backup_at, lang))


def _details(kiosk: KioskHealth, now: datetime, lang: str) -> list[tuple[str, str]]:
    """The kiosk's latest report, field by field (label, escaped value)."""
    report, seen = kiosk.report, kiosk.last_seen
    if seen is None:
        return [(_t(lang, "Ajouté le", "Added on"), _time(kiosk.enrolled_at, now, lang))]
    rows = [(_t(lang, "Dernier contact", "Last seen"), _ago(seen, now, lang))]
    if report is None:
        return rows
    pending = str(report.outbox_pending) if report.outbox_pending else _t(lang, "aucun", "none")
    if report.outbox_set_aside:
        pending += _t(lang, ", et {} mis de côté", ", and {} set aside").format(
            report.outbox_set_aside
        )
    if report.disk_free_bytes is not None and report.disk_total_bytes:
        disk = _t(lang, "{} sur {}", "{} of {}").format(
            _size(report.disk_free_bytes, lang), _size(report.disk_total_bytes, lang)
        )
    else:
        disk = _t(lang, "inconnu", "unknown")
    if report.last_error is not None:
        words = SYNC_ERRORS.get(report.last_error)
        error = _t(lang, *words) if words else f"<code>{escape(report.last_error)}</code>"
        if report.last_error_at is not None:
            error += f", {_time(report.last_error_at, now, lang)}"
    else:
        error = _t(lang, "aucune", "none")
    backup = report.last_backup_at
    local_clock = report.kiosk_time.astimezone(PARIS)
    rows += [
        ("Version", escape(report.version)),
        (_t(lang, "Envois en attente", "Changes to send"), pending),
        (_t(lang, "Imprimante", "Printer"), _printer_line(report, lang)),
        (_t(lang, "Espace libre", "Free disk"), disk),
        (
            _t(lang, "Dernière sauvegarde", "Last backup"),
            _time(backup, now, lang) if backup else _t(lang, "aucune", "none"),
        ),
        (_t(lang, "Dernière erreur", "Last error"), error),
        (
            _t(lang, "Horloge", "Clock"),
            f"{clock_time(local_clock, lang)}, {_clock_gap(report, seen, lang)}",
        ),
    ]
    return rows


def _card(kiosk: KioskHealth, newest: str | None, now: datetime, lang: str) -> str:
    needs = [_need(need, kiosk, newest, now, lang) for need in kiosk.needs]
    state = "attention" if needs else "fine"
    badge = _t(lang, "À voir", "Needs a person") if needs else _t(lang, "Tout va bien", "All fine")
    parts = [
        f'<section class="kiosk {state}"><h2>{escape(kiosk.name)} '
        f'<span class="badge">{badge}</span></h2>'
    ]
    if needs:
        parts.append('<ul class="needs">' + "".join(f"<li>{n}</li>" for n in needs) + "</ul>")
    if Need.NO_SYNC in kiosk.needs and kiosk.report is not None:
        parts.append(
            '<p class="stale">'
            + _t(lang, "État au dernier contact :", "As of its last report:")
            + "</p>"
        )
    rows = "".join(
        f"<dt>{label}</dt><dd>{value}</dd>" for label, value in _details(kiosk, now, lang)
    )
    parts.append(f"<dl>{rows}</dl></section>")
    return "".join(parts)


def _rules(newest: str | None, lang: str) -> str:
    newest_text = escape(newest) if newest else "?"
    rules = [
        _t(lang, "aucune nouvelle depuis {}", "no news for {}").format(
            _duration(NO_SYNC_AFTER, lang)
        ),
        _t(
            lang,
            "imprimante en défaut (papier, capot, pas de réponse)",
            "printer fault (paper, cover, no answer)",
        ),
        _t(
            lang, "envois en attente depuis {}, ou refusés", "changes waiting for {}, or refused"
        ).format(_duration(OUTBOX_STUCK_AFTER, lang)),
        _t(lang, "moins de {} libres", "less than {} free").format(
            _size(DISK_LOW_BELOW_BYTES, lang)
        ),
        _t(
            lang,
            "version plus ancienne que la plus récente ({})",
            "a version older than the newest ({})",
        ).format(newest_text),
        _t(lang, "horloge décalée de plus de {}", "clock off by more than {}").format(
            _duration(CLOCK_OFF_AFTER, lang)
        ),
        _t(lang, "pas de sauvegarde depuis {}", "no backup for {}").format(
            _duration(NO_BACKUP_AFTER, lang)
        ),
    ]
    title = _t(lang, "Un kiosque est « à voir » quand :", "A kiosk needs a person when:")
    return (
        f"<footer><p>{title}</p><ul>" + "".join(f"<li>{r}</li>" for r in rules) + "</ul></footer>"
    )


STYLE = (
    "body{font-family:sans-serif;font-size:1rem;line-height:1.4;margin:0 auto;"
    "padding:1rem 1.5rem;max-width:80rem;color:#111;background:#f4f4f4}"
    "header{display:flex;justify-content:space-between;align-items:baseline;gap:1rem}"
    "h1{margin:.2rem 0}.summary{font-size:1.3rem;font-weight:bold;margin:.3rem 0}"
    ".meta{color:#444;margin:.2rem 0 1rem}"
    ".kiosks{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:1rem}"
    ".kiosk{background:#fff;border:1px solid #bbb;border-top:.5rem solid #2e7d32;"
    "border-radius:.4rem;padding:.6rem 1rem}"
    ".kiosk.attention{border-top-color:#b3261e}"
    ".kiosk h2{font-size:1.3rem;margin:.2rem 0 .5rem;display:flex;justify-content:space-between;"
    "gap:.5rem;flex-wrap:wrap}"
    ".badge{font-size:.95rem;padding:.1rem .6rem;border-radius:1rem;background:#e3f1e4;"
    "color:#1b4d1e;white-space:nowrap}"
    ".attention .badge{background:#fbe3e1;color:#8a1c16}"
    ".needs{margin:.3rem 0 .6rem;padding-left:1.2rem;color:#8a1c16;font-weight:bold}"
    ".needs li{margin:.2rem 0}.stale{color:#444;font-style:italic;margin:.2rem 0}"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0}"
    "dt{color:#444}dd{margin:0}"
    "footer{margin-top:1.5rem;color:#333}footer ul{margin:.2rem 0}"
    "a{color:#114b8c}"
)


def render_kiosks(view: KiosksOverview, lang: str) -> str:
    now, newest = view.server_time, view.newest_version
    kiosks = sorted(view.kiosks, key=lambda k: not k.needs)  # stable: by name within
    waiting = sum(1 for k in kiosks if k.needs)
    if not kiosks:
        summary = _t(
            lang,
            "Aucun kiosque enrôlé (kiosk-server enrol NOM).",
            "No kiosk enrolled yet (kiosk-server enrol NAME).",
        )
    elif waiting:
        summary = _t(lang, "{} sur {} {} besoin de quelqu’un.", "{} of {} {} a person.").format(
            _n(waiting, lang, ("kiosque", "kiosques"), ("kiosk", "kiosks")),
            len(kiosks),
            _t(lang, "a" if waiting == 1 else "ont", "needs" if waiting == 1 else "need"),
        )
    else:
        summary = _t(lang, "Tous les kiosques vont bien ({}).", "All kiosks are fine ({}).").format(
            len(kiosks)
        )
    other = "fr" if lang == "en" else "en"
    body = (
        f"<header><h1>{_t(lang, 'Kiosques', 'Kiosks')}</h1>"
        f'<a href="/kiosks?lang={other}" lang="{other}">{_t(lang, "English", "Français")}</a>'
        f'</header><p class="summary">{summary}</p>'
        '<p class="meta">'
        + _t(
            lang,
            "État au {} (heure de Paris) ; la page se recharge chaque minute.",
            "As of {} (Paris time); the page reloads every minute.",
        ).format(_time(now, now, lang))
        + "</p>"
        '<div class="kiosks">'
        + "".join(_card(kiosk, newest, now, lang) for kiosk in kiosks)
        + "</div>"
        + _rules(newest, lang)
    )
    title = _t(lang, "Kiosques", "Kiosks")
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="refresh" content="{REFRESH_S}">'
        f"<title>{title} · Comptoir</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )
