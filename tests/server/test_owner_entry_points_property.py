"""Arbitrary text (emoji, huge pastes, SQL-looking strings, control characters) thrown
at the entry points of "One owner per order": the counter's look-up, a take-over and a
resolution's note. Each answers a 4xx with a clear message or a typed rejection, never
a server error, and a look-up finds nothing it was not asked for."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_harness import LiveServer

from server.database import Database, sqlite_url
from server.rate_limits import Rate, RateLimits
from server.scopes import DeviceKind

SYNC = {"Comptoir-Protocol": "1", "Comptoir-Schema": "1"}
NASTY = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "'; DROP TABLE records; --",
            "+33612345678' OR '1'='1",
            "<script>alert('x')</script>",
            "👵🏽🧺 +33 6 12 34 56 78",
            "\x00\x1b[31m\u202e",
            "\ud800",
            "9" * 5000,
        ]
    ),
)
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
)


@pytest.fixture(scope="module")
def module_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    folder: Path = tmp_path_factory.mktemp("owners")
    db = Database.open(sqlite_url(folder))
    lax = Rate(burst=10_000, every_s=0.001)
    server = LiveServer(db, rate_limits=RateLimits(lax, lax, lax)).start()
    try:
        yield server, server.enrol("property", datetime.now(UTC), kind=DeviceKind.KIOSK)
    finally:
        server.stop()
        db.close()


def _post(server: LiveServer, token: str, path: str, body: Any) -> requests.Response:
    import json

    # As ASCII JSON: a lone surrogate travels escaped, as a hostile client may send it.
    return requests.post(
        server.url + path,
        data=json.dumps(body, ensure_ascii=True),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json", **SYNC},
        timeout=10,
    )


@SETTINGS
@given(phone=NASTY, number=st.one_of(st.none(), NASTY))
def test_a_look_up_of_anything_answers_422_or_nothing_found(
    module_server: tuple[LiveServer, str], phone: str, number: str | None
) -> None:
    server, token = module_server
    body: dict[str, Any] = {"phone": phone}
    if number is not None:
        body["number"] = number
    answer = _post(server, token, "/sync/v1/lookup", body)
    assert answer.status_code in (200, 422), answer.text[:200]
    if answer.status_code == 200:
        assert answer.json() == {"clients": [], "order": None}  # nobody was ever created
    else:
        # Which field, and why; never the typed text itself (personal data).
        assert "detail" in answer.json()
        assert phone not in answer.text or len(phone) < 3


@SETTINGS
@given(note=NASTY, extra=NASTY)
def test_a_take_over_or_a_resolution_of_anything_is_rejected_with_a_reason(
    module_server: tuple[LiveServer, str], note: str, extra: str
) -> None:
    server, token = module_server
    ops = [
        {
            "op_id": str(uuid.uuid4()),
            "entity": "order",
            "entity_id": str(uuid.uuid4()),
            "kind": "take_over",
            "data": {"note": extra},
        },
        {
            "op_id": str(uuid.uuid4()),
            "entity": "to_resolve",
            "entity_id": str(uuid.uuid4()),
            "kind": "patch",
            "data": {"resolved_at": datetime.now(UTC).isoformat(), "note": note},
        },
    ]
    answer = _push_escaped(server, token, ops)
    assert answer.status_code == 200, answer.text[:200]
    results = answer.json()["results"]
    assert [r["outcome"] for r in results] == ["rejected", "rejected"]
    for result in results:
        assert result["code"] in ("unknown_order", "unknown_item", "not_owner", "invalid")
        assert result["message"]


def _push_escaped(server: LiveServer, token: str, ops: list[dict[str, Any]]) -> requests.Response:
    import json

    return requests.post(
        server.url + "/sync/v1/push",
        data=json.dumps({"ops": ops}, ensure_ascii=True),
        headers={
            "Authorization": f"Bearer {token}",
            "Idempotency-Key": uuid.uuid4().hex,
            "Content-Type": "application/json",
            **SYNC,
        },
        timeout=10,
    )
