"""The kiosks page: every enrolled kiosk, when it was last seen and what needs a person,
in plain server-rendered HTML (French or English, no JavaScript). Everything a kiosk
sent or a device is named is escaped: the page shows it, never runs it."""

from __future__ import annotations

from datetime import datetime, timedelta
from html import escape

from documents.formats import clock_time

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
from .kiosks_words import (
    PARIS,
    SYNC_ERRORS,
    at_time,
    byte_size,
    clock_gap,
    counted,
    duration,
    fault_words,
    in_lang,
    printer_line,
    since,
)

REFRESH_S = 60


def _need(need: Need, kiosk: KioskHealth, newest: str | None, now: datetime, lang: str) -> str:
    """What needs a person, in one sentence that says what to do."""
    report, seen = kiosk.report, kiosk.last_seen
    if need is Need.NEVER_SEEN:
        return in_lang(
            lang,
            "Jamais vu : ce kiosque n’a encore rien envoyé. Est-il installé, allumé et relié "
            "au serveur (kiosk enrol) ?",
            "Never seen: this kiosk has not reported yet. Is it installed, switched on and "
            "enrolled with this server (kiosk enrol)?",
        )
    assert seen is not None
    if need is Need.NO_SYNC:
        return in_lang(
            lang,
            "Aucune nouvelle depuis {} : vérifiez qu’il est allumé et que son réseau passe.",
            "No news for {}: check that it is on and that its network works.",
        ).format(duration(now - seen, lang))
    assert report is not None
    if need is Need.PRINTER:
        what, action = fault_words(report.printer.fault, lang)
        waiting = counted(
            report.printer.jobs_waiting,
            lang,
            ("ticket attend", "tickets attendent"),
            ("ticket waiting", "tickets waiting"),
        )
        return in_lang(lang, "Imprimante : {}, {}. {}.", "Printer: {}, {}. {}.").format(
            what, waiting, action
        )
    if need is Need.OUTBOX_STUCK:
        parts = []
        if report.oldest_pending_s is not None:
            oldest = duration(timedelta(seconds=report.oldest_pending_s), lang)
            parts.append(
                in_lang(
                    lang,
                    "{} n’arrivent pas au serveur (le plus ancien attend depuis {})",
                    "{} not reaching the server (the oldest has waited {})",
                ).format(
                    counted(
                        report.outbox_pending, lang, ("envoi", "envois"), ("change", "changes")
                    ),
                    oldest,
                )
            )
        if report.outbox_set_aside:
            parts.append(
                in_lang(
                    lang,
                    "{} refusés par le serveur et mis de côté",
                    "{} refused by the server and set aside",
                ).format(report.outbox_set_aside)
            )
        return in_lang(
            lang, "Envois bloqués : {} ; à voir au comptoir.", "Sync stuck: {}; see the counter."
        ).format(in_lang(lang, " ; ", "; ").join(parts))
    if need is Need.DISK_LOW:
        return in_lang(
            lang,
            "Disque presque plein : {} libres (alerte sous {}).",
            "Disk nearly full: {} free (alert below {}).",
        ).format(
            byte_size(report.disk_free_bytes or 0, lang), byte_size(DISK_LOW_BELOW_BYTES, lang)
        )
    if need is Need.OUTDATED:
        return in_lang(
            lang,
            "Version {} : la {} existe, mettez ce kiosque à jour.",
            "Version {}: {} is out, update this kiosk.",
        ).format(escape(report.version), escape(newest or ""))
    if need is Need.CLOCK_OFF:
        return in_lang(
            lang,
            "Horloge {} : tickets et factures seraient mal datés. Réglez l’heure du kiosque.",
            "Clock {}: tickets and invoices would carry a wrong time. Set the kiosk’s clock.",
        ).format(clock_gap(report, seen, lang))
    if report.last_backup_at is None:
        return in_lang(
            lang,
            "Jamais sauvegardé : vérifiez les sauvegardes (kiosk backup).",
            "Never backed up: check its backups (kiosk backup).",
        )
    return in_lang(
        lang,
        "Aucune sauvegarde depuis {} : vérifiez les sauvegardes (kiosk backup).",
        "No backup for {}: check its backups (kiosk backup).",
    ).format(duration(report.kiosk_time - report.last_backup_at, lang))


def _details(kiosk: KioskHealth, now: datetime, lang: str) -> list[tuple[str, str]]:
    """The kiosk's latest report, field by field (label, escaped value)."""
    report, seen = kiosk.report, kiosk.last_seen
    if seen is None:
        return [(in_lang(lang, "Ajouté le", "Added on"), at_time(kiosk.enrolled_at, now, lang))]
    rows = [(in_lang(lang, "Dernier contact", "Last seen"), since(seen, now, lang))]
    if report is None:
        return rows
    pending = (
        str(report.outbox_pending) if report.outbox_pending else in_lang(lang, "aucun", "none")
    )
    if report.outbox_set_aside:
        pending += in_lang(lang, ", et {} mis de côté", ", and {} set aside").format(
            report.outbox_set_aside
        )
    if report.disk_free_bytes is not None and report.disk_total_bytes:
        disk = in_lang(lang, "{} sur {}", "{} of {}").format(
            byte_size(report.disk_free_bytes, lang), byte_size(report.disk_total_bytes, lang)
        )
    else:
        disk = in_lang(lang, "inconnu", "unknown")
    if report.last_error is not None:
        words = SYNC_ERRORS.get(report.last_error)
        error = in_lang(lang, *words) if words else f"<code>{escape(report.last_error)}</code>"
        if report.last_error_at is not None:
            error += f", {at_time(report.last_error_at, now, lang)}"
    else:
        error = in_lang(lang, "aucune", "none")
    backup = report.last_backup_at
    local_clock = report.kiosk_time.astimezone(PARIS)
    rows += [
        ("Version", escape(report.version)),
        (in_lang(lang, "Envois en attente", "Changes to send"), pending),
        (in_lang(lang, "Imprimante", "Printer"), printer_line(report, lang)),
        (in_lang(lang, "Espace libre", "Free disk"), disk),
        (
            in_lang(lang, "Dernière sauvegarde", "Last backup"),
            at_time(backup, now, lang) if backup else in_lang(lang, "aucune", "none"),
        ),
        (in_lang(lang, "Dernière erreur", "Last error"), error),
        (
            in_lang(lang, "Horloge", "Clock"),
            f"{clock_time(local_clock, lang)}, {clock_gap(report, seen, lang)}",
        ),
    ]
    return rows


def _card(kiosk: KioskHealth, newest: str | None, now: datetime, lang: str) -> str:
    needs = [_need(need, kiosk, newest, now, lang) for need in kiosk.needs]
    state = "attention" if needs else "fine"
    badge = (
        in_lang(lang, "À voir", "Needs a person")
        if needs
        else in_lang(lang, "Tout va bien", "All fine")
    )
    parts = [
        f'<section class="kiosk {state}"><h2>{escape(kiosk.name)} '
        f'<span class="badge">{badge}</span></h2>'
    ]
    if needs:
        parts.append('<ul class="needs">' + "".join(f"<li>{n}</li>" for n in needs) + "</ul>")
    if Need.NO_SYNC in kiosk.needs and kiosk.report is not None:
        parts.append(
            '<p class="stale">'
            + in_lang(lang, "État au dernier contact :", "As of its last report:")
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
        in_lang(lang, "aucune nouvelle depuis {}", "no news for {}").format(
            duration(NO_SYNC_AFTER, lang)
        ),
        in_lang(
            lang,
            "imprimante en défaut (papier, capot, pas de réponse)",
            "printer fault (paper, cover, no answer)",
        ),
        in_lang(
            lang, "envois en attente depuis {}, ou refusés", "changes waiting for {}, or refused"
        ).format(duration(OUTBOX_STUCK_AFTER, lang)),
        in_lang(lang, "moins de {} libres", "less than {} free").format(
            byte_size(DISK_LOW_BELOW_BYTES, lang)
        ),
        in_lang(
            lang,
            "version plus ancienne que la plus récente ({})",
            "a version older than the newest ({})",
        ).format(newest_text),
        in_lang(lang, "horloge décalée de plus de {}", "clock off by more than {}").format(
            duration(CLOCK_OFF_AFTER, lang)
        ),
        in_lang(lang, "pas de sauvegarde depuis {}", "no backup for {}").format(
            duration(NO_BACKUP_AFTER, lang)
        ),
    ]
    title = in_lang(lang, "Un kiosque est « à voir » quand :", "A kiosk needs a person when:")
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
        summary = in_lang(
            lang,
            "Aucun kiosque enrôlé (kiosk-server enrol NOM).",
            "No kiosk enrolled yet (kiosk-server enrol NAME).",
        )
    elif waiting:
        summary = in_lang(
            lang, "{} sur {} {} besoin de quelqu’un.", "{} of {} {} a person."
        ).format(
            counted(waiting, lang, ("kiosque", "kiosques"), ("kiosk", "kiosks")),
            len(kiosks),
            in_lang(lang, "a" if waiting == 1 else "ont", "needs" if waiting == 1 else "need"),
        )
    else:
        summary = in_lang(
            lang, "Tous les kiosques vont bien ({}).", "All kiosks are fine ({})."
        ).format(len(kiosks))
    other = "fr" if lang == "en" else "en"
    body = (
        f"<header><h1>{in_lang(lang, 'Kiosques', 'Kiosks')}</h1>"
        f'<a href="/kiosks?lang={other}" lang="{other}">{in_lang(lang, "English", "Français")}</a>'
        f'</header><p class="summary">{summary}</p>'
        '<p class="meta">'
        + in_lang(
            lang,
            "État au {} (heure de Paris) ; la page se recharge chaque minute.",
            "As of {} (Paris time); the page reloads every minute.",
        ).format(at_time(now, now, lang))
        + "</p>"
        '<div class="kiosks">'
        + "".join(_card(kiosk, newest, now, lang) for kiosk in kiosks)
        + "</div>"
        + _rules(newest, lang)
    )
    title = in_lang(lang, "Kiosques", "Kiosks")
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="refresh" content="{REFRESH_S}">'
        f"<title>{title} · Comptoir</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )
