"""A failed print is visible at the counter: a badge says how many, its page says which
job and why, and "Retry", "Print elsewhere" and "Cancel" do what they say in the store."""

from __future__ import annotations

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import PrintStatus

from .counter_support import log_in, place_order
from .support import Resident


def test_a_failed_print_shows_a_badge_and_what_can_be_done(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    first = place_order(comptoir, phone="06 11 22 33 44")
    second = place_order(comptoir, phone="06 55 66 77 88", hour=16)
    [ticket] = comptoir.print_jobs.for_order(first.id)
    [other] = comptoir.print_jobs.for_order(second.id)
    # What the print worker records: paper out (waits), a reprint cut again (stopped).
    comptoir.print_jobs.record_fault(ticket.id, "printer.paper_out", attempted=False)
    comptoir.print_jobs.mark_interrupted(other.id, "printer.dropped")
    comptoir.print_jobs.mark_interrupted(other.id, "printer.dropped")
    log_in(kiosk)
    counter = kiosk.window.counter
    assert counter.print_badge.isVisible()
    assert counter.print_badge.text() == "⚠ 2 impressions\nen échec"
    kiosk.tap(counter.print_badge)
    page = counter.print_troubles
    assert page.isVisible()
    text = kiosk.screen_text()
    assert f"Ticket de commande, commande {first.number}" in text
    assert "Plus de papier : mettez un rouleau neuf." in text
    assert "En attente : elle est retentée toute seule." in text
    assert f"Ticket de commande, commande {second.number}" in text
    assert "Arrêtée : elle vous attend." in text

    _text, _retry, elsewhere, _cancel = page.rows[other.id]
    counter.scroll_to(elsewhere)
    kiosk.tap(elsewhere)
    kiosk.qtbot.waitUntil(lambda: other.id not in page.rows, timeout=3000)
    job = comptoir.print_jobs.get(other.id)
    assert (job.status, job.to_file) == (PrintStatus.QUEUED, True)  # the worker saves it
    assert counter.print_badge.text() == "⚠ 1 impression\nen échec"

    *_others, cancel = page.rows[ticket.id]
    kiosk.qtbot.waitUntil(cancel.isVisible, timeout=3000)  # the list, drawn again
    counter.scroll_to(cancel)
    kiosk.tap(cancel)
    kiosk.qtbot.waitUntil(lambda: not page.rows, timeout=3000)
    assert comptoir.print_jobs.get(ticket.id).status is PrintStatus.FAILED
    assert comptoir.print_jobs.troubles() == []
    assert not counter.print_badge.isVisible()
    assert "Toutes les impressions sont passées." in kiosk.screen_text()


def test_retry_sends_a_stopped_job_back_to_the_queue(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    order = place_order(comptoir)
    [job] = comptoir.print_jobs.for_order(order.id)
    comptoir.print_jobs.mark_interrupted(job.id, "printer.stalled")
    comptoir.print_jobs.mark_interrupted(job.id, "printer.stalled")
    log_in(kiosk)
    counter = kiosk.window.counter
    kiosk.tap(counter.print_badge)
    kiosk.tap(counter.print_troubles.rows[job.id][1])
    kiosk.qtbot.waitUntil(lambda: not counter.print_badge.isVisible(), timeout=3000)
    again = comptoir.print_jobs.get(job.id)
    assert (again.status, again.interrupted) == (PrintStatus.QUEUED, True)  # a REPRINT
    assert [j.id for j in comptoir.print_jobs.queued()] == [job.id]
