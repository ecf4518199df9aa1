"""Arbitrary text (emoji, huge pastes, SQL-looking strings, control characters) thrown
at the server's entry points: each op is applied or rejected with a reason, never a
server error, and what is accepted is kept verbatim and shown escaped."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_harness import LiveServer, server_rows

from server.auth import device_for_token
from server.batch import push_batch
from server.database import Database, sqlite_url
from server.rate_limits import Rate, RateLimits
from server.scopes import DeviceKind
from sync.client import InsecureUrl, check_url
from sync.protocol import Outcome, PushRequest

NASTY = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "'; DROP TABLE records; --",
            "Robert'); DELETE FROM changes WHERE ('1'='1",
            "<script>alert('x')</script>",
            "👵🏽🧺🏢 Ménage & repassage « vite »",
            "\x00\x1b[31m\u202e",
            "x" * 5000,
        ]
    ),
)
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
)


@pytest.fixture(scope="module")
def module_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[LiveServer, str, str]]:
    """The server, a kiosk's token and the web platform's."""
    folder: Path = tmp_path_factory.mktemp("property")
    db = Database.open(sqlite_url(folder))
    # Hundreds of pages and ratings from one address: limits out of the way here
    # (tests/server/test_hardening.py tests them).
    lax = Rate(burst=10_000, every_s=0.001)
    server = LiveServer(db, rate_limits=RateLimits(lax, lax, lax)).start()
    try:
        server.import_demo_catalogue(datetime.now(UTC))
        kiosk = server.enrol("property", datetime.now(UTC))
        yield server, kiosk, server.enrol("web", datetime.now(UTC), kind=DeviceKind.WEB)
    finally:
        server.stop()
        db.close()


def client_op(name: str, street: str, notes: str) -> dict[str, Any]:
    now = datetime.now(UTC).isoformat()
    client_id = str(uuid.uuid4())
    return {
        "op_id": str(uuid.uuid4()),
        "entity": "client",
        "entity_id": client_id,
        "kind": "create",
        "data": {
            "id": client_id,
            "name": name,
            # One phone per client: the same phone twice would merge them.
            "phone": f"+336{uuid.UUID(client_id).int % 10**8:08d}",
            "street": street,
            "access_notes": notes,
            "created_at": now,
            "updated_at": now,
        },
    }


@SETTINGS
@given(name=NASTY, street=NASTY, notes=NASTY)
def test_pushed_text_is_applied_verbatim_or_rejected(
    module_server: tuple[LiveServer, str, str], name: str, street: str, notes: str
) -> None:
    server, kiosk_token, _ = module_server
    with server.db.read() as session:
        caller = device_for_token(session, kiosk_token)
    op = client_op(name, street, notes)
    request = PushRequest.model_validate({"ops": [op]})
    assert caller is not None
    with server.db.write() as session:
        (result,) = push_batch(session, caller, op["op_id"], request, now=datetime.now(UTC)).results
    kept = server_rows(server.db, "client").get(op["entity_id"])
    if result.outcome is Outcome.APPLIED:
        assert kept is not None
        assert (kept["name"], kept["street"], kept["access_notes"]) == (name, street, notes)
    else:
        assert result.outcome is Outcome.REJECTED and result.code == "invalid" and result.message
        assert kept is None


@SETTINGS
@given(name=NASTY, description=NASTY, comment=NASTY)
def test_web_orders_and_ratings_over_http(
    module_server: tuple[LiveServer, str, str], name: str, description: str, comment: str
) -> None:
    server, _, token = module_server
    start = datetime.now(UTC) + timedelta(days=1)
    body = {
        "service_code": "repassage",
        "slot_start": start.isoformat(),
        "slot_end": (start + timedelta(hours=1)).isoformat(),
        "estimated_units": 1,
        "description": description,
        "client": {"name": name, "phone": f"+3361{uuid.uuid4().int % 10**8:08d}"},
    }
    answer = requests.post(
        server.url + "/api/v1/orders",
        json=body,
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert answer.status_code in (201, 422), answer.text
    if answer.status_code != 201:
        return
    created = answer.json()
    order = server_rows(server.db, "order")[created["id"]]
    assert order["description"] == description
    browser = requests.Session()
    page = browser.get(server.url + created["public_path"], timeout=30)
    assert page.status_code == 200 and "<script>" not in page.text
    rated = browser.post(
        server.url + created["public_path"] + "/rating",
        data={"stars": "3", "comment": comment, "form_token": browser.cookies["rating_form"]},
        timeout=30,
        allow_redirects=False,
    )
    assert rated.status_code in (400, 409)  # not done yet, or a comment refused


@settings(max_examples=200, deadline=None, derandomize=True)
@given(url=st.one_of(st.text(max_size=200), st.from_regex(r"https?://[a-z.]{1,20}(:\d{1,5})?/?")))
def test_any_address_is_taken_or_refused_in_plain_words(url: str) -> None:
    try:
        checked = check_url(url)
    except InsecureUrl:
        return
    assert checked.startswith(("https://", "http://127.0.0.1", "http://localhost", "http://[::1]"))
