"""What needs a person about a kiosk, at each threshold, and how the kiosks page says
it in French and English (the sentence, the summary, the thresholds)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from kiosks_view import read_page
from packaging.version import Version

from server.health import THRESHOLDS, KioskHealth, KiosksOverview, Need, needs_of
from server.kiosks_page import render_kiosks
from sync.protocol import HealthReport, PrinterHealth, PrinterState

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)  # 16:00 in Paris
NEWEST = Version("0.2.0")


def report(**changes: Any) -> HealthReport:
    """A healthy kiosk's report, sent at NOW; `changes` override any field."""
    fields: dict[str, Any] = {
        "version": "0.2.0",
        "kiosk_time": NOW,
        "outbox_pending": 0,
        "outbox_set_aside": 0,
        "oldest_pending_s": None,
        "printer": PrinterHealth(state=PrinterState.OK, jobs_waiting=0),
        "disk_free_bytes": 20_000_000_000,
        "disk_total_bytes": 32_000_000_000,
        "last_backup_at": NOW - timedelta(hours=13),
    }
    return HealthReport(**(fields | changes))


def needs(sent: HealthReport | None, seen_ago: timedelta | None = timedelta(0)) -> list[Need]:
    seen = NOW - seen_ago if seen_ago is not None else None
    return needs_of(sent, seen, now=NOW, newest=NEWEST)


def test_a_healthy_kiosk_needs_nobody() -> None:
    assert needs(report()) == []


@pytest.mark.parametrize(
    ("changes", "seen_ago", "expected"),
    [
        ({}, timedelta(minutes=59, seconds=59), []),
        ({}, timedelta(hours=1), [Need.NO_SYNC]),
        ({"printer": PrinterHealth(state=PrinterState.NONE)}, timedelta(0), []),
        (
            {"printer": PrinterHealth(state=PrinterState.FAULT, fault="printer.cover_open")},
            timedelta(0),
            [Need.PRINTER],
        ),
        ({"outbox_pending": 4, "oldest_pending_s": 29 * 60 + 59}, timedelta(0), []),
        ({"outbox_pending": 4, "oldest_pending_s": 30 * 60}, timedelta(0), [Need.OUTBOX_STUCK]),
        ({"outbox_set_aside": 1}, timedelta(0), [Need.OUTBOX_STUCK]),
        ({"disk_free_bytes": 1_000_000_000}, timedelta(0), []),
        ({"disk_free_bytes": 999_999_999}, timedelta(0), [Need.DISK_LOW]),
        ({"disk_free_bytes": None}, timedelta(0), []),
        ({"version": "0.2.0.post1"}, timedelta(0), []),
        ({"version": "0.1.9"}, timedelta(0), [Need.OUTDATED]),
        ({"version": "0.2.0rc1"}, timedelta(0), [Need.OUTDATED]),
        ({"version": "0-not-a-version"}, timedelta(0), [Need.OUTDATED]),
        ({"kiosk_time": NOW + timedelta(minutes=5)}, timedelta(0), []),
        ({"kiosk_time": NOW - timedelta(minutes=5, seconds=1)}, timedelta(0), [Need.CLOCK_OFF]),
        ({"last_backup_at": NOW - timedelta(days=2) + timedelta(seconds=1)}, timedelta(0), []),
        ({"last_backup_at": NOW - timedelta(days=2)}, timedelta(0), [Need.NO_BACKUP]),
        ({"last_backup_at": None}, timedelta(0), [Need.NO_BACKUP]),
    ],
)
def test_each_need_from_its_threshold(
    changes: dict[str, Any], seen_ago: timedelta, expected: list[Need]
) -> None:
    sent = report(**({"kiosk_time": NOW - seen_ago} | changes))  # sent when last seen
    assert needs(sent, seen_ago) == expected


def test_a_kiosk_never_seen_and_one_with_everything_wrong() -> None:
    assert needs(None, None) == [Need.NEVER_SEEN]
    everything = report(
        version="0.1.0",
        kiosk_time=NOW - timedelta(hours=3, minutes=10),
        outbox_pending=12,
        outbox_set_aside=2,
        oldest_pending_s=5 * 3600,
        printer=PrinterHealth(state=PrinterState.FAULT, fault="printer.paper_out", jobs_waiting=3),
        disk_free_bytes=420_000_000,
        last_backup_at=None,
    )
    assert needs(everything, timedelta(hours=3)) == [
        Need.NO_SYNC,
        Need.PRINTER,
        Need.OUTBOX_STUCK,
        Need.DISK_LOW,
        Need.OUTDATED,
        Need.CLOCK_OFF,
        Need.NO_BACKUP,
    ]


def overview(*kiosks: tuple[str, HealthReport | None, timedelta | None]) -> KiosksOverview:
    return KiosksOverview(
        server_time=NOW,
        server_version="0.2.0",
        newest_version=str(NEWEST),
        thresholds=THRESHOLDS,
        kiosks=[
            KioskHealth(
                name=name,
                enrolled_at=NOW - timedelta(days=30),
                last_seen=NOW - ago if ago is not None else None,
                report=sent,
                needs=needs(sent, ago),
            )
            for name, sent, ago in kiosks
        ],
    )


def test_the_page_says_what_to_do_with_each_need_in_both_languages() -> None:
    sick = report(
        version="0.1.0",
        kiosk_time=NOW - timedelta(minutes=2) + timedelta(minutes=12),  # sent 2 min ago
        outbox_pending=12,
        outbox_set_aside=2,
        oldest_pending_s=2 * 3600 + 5 * 60,
        printer=PrinterHealth(state=PrinterState.FAULT, fault="printer.cover_open", jobs_waiting=3),
        disk_free_bytes=420_000_000,
        last_backup_at=NOW - timedelta(days=3, hours=1),
    )
    view = overview(("Marais", sick, timedelta(minutes=2)))
    french = read_page(render_kiosks(view, "fr")).card("Marais")
    assert french == (
        "Marais À voir "
        "Imprimante : capot ouvert, 3 tickets attendent. Refermez le capot. "
        "Envois bloqués : 12 envois n’arrivent pas au serveur (le plus ancien attend "
        "depuis 2 h 05) ; 2 refusés par le serveur et mis de côté ; à voir au comptoir. "
        "Disque presque plein : 420 Mo libres (alerte sous 1 Go). "
        "Version 0.1.0 : la 0.2.0 existe, mettez ce kiosque à jour. "
        "Horloge en avance de 12 min : tickets et factures seraient mal datés. Réglez l’heure "
        "du kiosque. "
        "Aucune sauvegarde depuis 3 jours : vérifiez les sauvegardes (kiosk backup). "
        "Dernier contact il y a 2 min (26/11 à 15 h 58) Version 0.1.0 "
        "Envois en attente 12, et 2 mis de côté "
        "Imprimante capot ouvert, 3 tickets en attente Espace libre 420 Mo sur 32 Go "
        "Dernière sauvegarde 23/11 à 15 h Dernière erreur aucune "
        "Horloge 16 h 10, en avance de 12 min"
    )
    english = read_page(render_kiosks(view, "en")).card("Marais")
    assert english == (
        "Marais Needs a person "
        "Printer: cover open, 3 tickets waiting. Close the cover. "
        "Sync stuck: 12 changes not reaching the server (the oldest has waited 2 h 05); "
        "2 refused by the server and set aside; see the counter. "
        "Disk nearly full: 420 MB free (alert below 1 GB). "
        "Version 0.1.0: 0.2.0 is out, update this kiosk. "
        "Clock 12 min fast: tickets and invoices would carry a wrong time. Set the kiosk’s "
        "clock. "
        "No backup for 3 days: check its backups (kiosk backup). "
        "Last seen 2 min ago (26/11 at 15:58) Version 0.1.0 "
        "Changes to send 12, and 2 set aside "
        "Printer cover open, 3 tickets waiting Free disk 420 MB of 32 GB "
        "Last backup 23/11 at 15:00 Last error none "
        "Clock 16:10, 12 min fast"
    )


def test_the_summary_counts_the_kiosks_that_need_a_person() -> None:
    fine = report()
    page = read_page(render_kiosks(overview(("A", fine, timedelta(0))), "fr"))
    assert "Tous les kiosques vont bien (1)." in page.outside
    late = report(kiosk_time=NOW - timedelta(hours=2))
    both = overview(("A", fine, timedelta(0)), ("B", None, None), ("C", late, timedelta(hours=2)))
    page = read_page(render_kiosks(both, "fr"))
    assert "2 kiosques sur 3 ont besoin de quelqu’un." in page.outside
    assert [card.split(" ")[0] for card in page.cards] == ["B", "C", "A"]
    assert "2 kiosks of 3 need a person." in read_page(render_kiosks(both, "en")).outside
    one = overview(("A", fine, timedelta(0)), ("B", None, None))
    assert "1 kiosque sur 2 a besoin de quelqu’un." in read_page(render_kiosks(one, "fr")).outside
    assert "1 kiosk of 2 needs a person." in read_page(render_kiosks(one, "en")).outside
    empty = read_page(render_kiosks(overview(), "en"))
    assert "No kiosk enrolled yet (kiosk-server enrol NAME)." in empty.outside


def test_the_page_states_its_thresholds() -> None:
    page = read_page(render_kiosks(overview(), "fr"))
    assert (
        "Un kiosque est « à voir » quand : aucune nouvelle depuis 1 h "
        "imprimante en défaut (papier, capot, pas de réponse) "
        "envois en attente depuis 30 min, ou refusés moins de 1 Go libres "
        "version plus ancienne que la plus récente (0.2.0) horloge décalée de plus de 5 min "
        "pas de sauvegarde depuis 2 jours"
    ) in page.outside
