"""A bad kiosk or a hostile one: arbitrary text, huge numbers and impossible times in
its health report, and any name a kiosk was enrolled under. Each report is kept or
refused (422), never a server error; the endpoint still answers its schema and the page
shows the kiosk's name and fields as text, escaped, never as markup."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from kiosks_view import read_page
from sqlalchemy import delete
from sync_harness import LiveServer, database, pg_url

from server.health import KiosksOverview
from server.models import Device, KioskReport
from server.scopes import DeviceKind
from sync.protocol import (
    HEALTH_PATH,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
)

SERVER_KINDS = ["sqlite", *(["postgresql"] if pg_url() else [])]
# Every tag the page is made of: a kiosk's text never adds one.
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "a", "p", "div"}
PAGE_TAGS |= {"section", "h2", "span", "ul", "li", "dl", "dt", "dd", "code", "footer"}

NASTY = st.one_of(
    st.text(max_size=200),
    st.from_regex(r"[0-9][0-9a-z.+!_-]{0,20}", fullmatch=True),  # looks like a version
    st.from_regex(r"[a-z]{1,8}\.[a-z_]{1,12}", fullmatch=True),  # looks like a key
    st.sampled_from(
        [
            "<script>alert('x')</script>",
            "printer.paper_out<img src=x onerror=alert(1)>",
            '0.1.0"><b>',
            "'; DROP TABLE kiosk_reports; --",
            "👵🏽🧺 « vite » & co",
            "\x00\x1b[31m\u202e",
            "\ud800",
            "x" * 5000,
        ]
    ),
)
TIMES = st.one_of(
    st.datetimes(timezones=st.timezones()).map(datetime.isoformat),
    st.sampled_from(
        ["0001-01-01T00:00:00+23:59", "9999-12-31T23:59:59-23:59", "2026-11-26T09:00:00", ""]
    ),
    NASTY,
)
NUMBERS = st.one_of(st.integers(min_value=-(2**70), max_value=2**70), NASTY, st.none())
# A name given to `kiosk-server enrol` (text a shell can pass: no NUL, no lone surrogate).
NAMES = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), min_size=1, max_size=80
).filter(lambda name: name.strip() != "" and name.strip() != "Bureau")
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
)


@pytest.fixture(scope="module", params=SERVER_KINDS)
def live(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    folder: Path = tmp_path_factory.mktemp("health-property")
    with database(request.param, folder) as db:
        server = LiveServer(db).start()
        try:
            yield server
        finally:
            server.stop()


def report_body(fields: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = {
        "version": "0.1.0",
        "kiosk_time": datetime.now(UTC).isoformat(),
        "outbox_pending": 0,
        "outbox_set_aside": 0,
        "printer": {"state": "fault", "fault": "printer.paper_out", "jobs_waiting": 1},
        "disk_free_bytes": 10**10,
        "disk_total_bytes": 3 * 10**10,
        "last_error": "sync.network_down",
        "last_error_at": datetime.now(UTC).isoformat(),
    }
    for field, value in fields.items():
        if field.startswith("printer."):
            body["printer"][field.removeprefix("printer.")] = value
        else:
            body[field] = value
    return body


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@SETTINGS
@given(
    name=NAMES,
    fields=st.fixed_dictionaries(
        {},
        optional={
            "version": NASTY,
            "printer.fault": NASTY,
            "printer.state": NASTY,
            "printer.jobs_waiting": NUMBERS,
            "last_error": NASTY,
            "last_error_at": TIMES,
            "last_backup_at": TIMES,
            "kiosk_time": TIMES,
            "outbox_pending": NUMBERS,
            "oldest_pending_s": NUMBERS,
            "disk_free_bytes": NUMBERS,
            "extra": NASTY,
        },
    ),
    lang=st.sampled_from(["fr", "en"]),
)
def test_any_report_is_kept_or_refused_and_never_breaks_the_page(
    live: LiveServer, name: str, fields: dict[str, Any], lang: str
) -> None:
    with live.db.write() as session:  # each example from an empty server
        session.execute(delete(KioskReport))
        session.execute(delete(Device))
    token = live.enrol(name, datetime.now(UTC))
    admin = live.enrol("Bureau", datetime.now(UTC), kind=DeviceKind.ADMIN)
    sent = report_body(fields)
    posted = requests.post(
        live.url + HEALTH_PATH,
        # As a hostile kiosk may send it: ASCII JSON carries even a lone surrogate.
        data=json.dumps(sent),
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
            PROTOCOL_HEADER: str(PROTOCOL_VERSION),
            SCHEMA_HEADER: str(SCHEMA_VERSION),
        },
        timeout=30,
    )
    assert posted.status_code in (200, 422), posted.text[:300]
    event(f"report answered {posted.status_code}")

    answer = requests.get(
        live.url + "/api/v1/kiosks", headers={"Authorization": f"Bearer {admin}"}, timeout=30
    )
    assert answer.status_code == 200
    kiosks = {k.name: k for k in KiosksOverview.model_validate_json(answer.content).kiosks}
    assert name.strip() in kiosks
    kept = kiosks[name.strip()].report
    if posted.status_code == 200:
        assert kept is not None and kept.version == sent["version"]
        assert kept.printer.fault == sent["printer"]["fault"]
    else:
        assert kept is None and kiosks[name.strip()].needs == ["never_seen"]

    html = requests.get(live.url + "/kiosks", params={"lang": lang}, auth=("b", admin), timeout=30)
    assert html.status_code == 200
    page = read_page(html.text)
    assert set(page.tags) <= PAGE_TAGS
    card = page.card(flat(name))  # the name as its text, whatever it holds
    if kept is not None:
        assert flat(kept.version) in card
