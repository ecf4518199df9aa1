"""Who may do what: every route of the app tried with every kind of credential (none,
garbled, revoked, a kiosk's, the web platform's, the back office's), against a table
written out here; a route the app gains without a line here fails the test. Then the
per-record hook (server.scopes.RecordRules) that per-kiosk rules plug into."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import requests
from fastapi.routing import APIRoute
from sync_harness import LiveServer, server_rows
from wire_ops import new_client, web_order_body

from server.auth import revoke
from server.catalogue import import_catalogue
from server.rate_limits import Limiter, Rate, RateLimits
from server.scopes import SCOPES, Caller, DeviceKind, OpenRecords, app_routes, unscoped_routes
from sync.protocol import Change, Op

SYNC = {"Comptoir-Protocol": "1", "Comptoir-Schema": "1"}
CREDENTIALS = ("none", "garbled", "revoked", "kiosk", "web", "admin")
PUBLIC = frozenset(CREDENTIALS)
# Who may use each route (the credentials that get the route's own answer); the others
# get 401 (no live token) or 403 (a live token of another kind).
ALLOWED: dict[tuple[str, str], frozenset[str]] = {
    ("GET", "/sync/v1/meta"): PUBLIC,
    ("POST", "/sync/v1/push"): frozenset({"kiosk", "admin"}),
    ("GET", "/sync/v1/pull"): frozenset({"kiosk", "admin"}),
    ("POST", "/api/v1/orders"): frozenset({"web", "admin"}),
    ("GET", "/o/{token}"): PUBLIC,
    ("POST", "/o/{token}/rating"): PUBLIC,
    ("GET", "/docs"): frozenset({"admin"}),
    ("GET", "/openapi.json"): frozenset({"admin"}),
    ("POST", "/sync/v1/health"): frozenset({"kiosk", "admin"}),
    ("GET", "/sync/v1/device"): frozenset({"kiosk", "admin"}),
    ("GET", "/api/v1/kiosks"): frozenset({"admin"}),
    ("GET", "/kiosks"): frozenset({"admin"}),
    ("POST", "/sync/v1/lookup"): frozenset({"kiosk", "admin"}),
    ("GET", "/api/v1/to-resolve"): frozenset({"admin"}),
    ("GET", "/to-resolve"): frozenset({"admin"}),
}


def test_every_route_is_in_the_table_and_in_the_servers_scopes(live: LiveServer) -> None:
    routes = list(app_routes(live.app.routes))
    found = {(method, path) for method, path, _ in routes}
    assert found == set(ALLOWED), "a route without a scope: add it here and in server.scopes"
    assert found == set(SCOPES)
    others = [route for _, _, route in routes if not isinstance(route, APIRoute)]
    assert others == [], "a route outside FastAPI's (static files, mounts) escapes the table"


def test_the_app_refuses_to_start_with_a_route_left_out(live: LiveServer) -> None:
    live.app.add_api_route("/admin/forgotten", lambda: {}, methods=["GET"])
    assert unscoped_routes(live.app.routes) == {("GET", "/admin/forgotten")}


def _credentials(live: LiveServer) -> dict[str, str | None]:
    now = datetime.now(UTC)
    revoked = live.enrol("gone", now)
    with live.db.write() as session:
        revoke(session, "gone", now=now)
    return {
        "none": None,
        "garbled": "Bearer " + "é" * 3,  # not even a token's alphabet
        "revoked": f"Bearer {revoked}",
        "kiosk": f"Bearer {live.enrol('saint-paul', now)}",
        "web": f"Bearer {live.enrol('web-platform', now, kind=DeviceKind.WEB)}",
        "admin": f"Bearer {live.enrol('back-office', now, kind=DeviceKind.ADMIN)}",
    }


def _new_resident() -> dict[str, str]:
    return {"name": "Jeanne Lefèvre", "phone": f"+336{uuid.uuid4().int % 10**8:08d}"}


HEALTH_REPORT = {
    "version": "1.0.0",
    "kiosk_time": "2026-12-05T10:00:00Z",
    "outbox_pending": 0,
    "outbox_set_aside": 0,
    "printer": {"state": "ok"},
}

# Each route's request, as the device it is meant for sends it, and the answer it gets
# when allowed.
Send = Callable[[str, dict[str, str]], requests.Response]
REQUESTS: dict[tuple[str, str], tuple[Send, int]] = {
    ("GET", "/sync/v1/meta"): (lambda url, h: requests.get(url + "/sync/v1/meta", headers=h), 200),
    ("POST", "/sync/v1/push"): (
        lambda url, h: requests.post(
            url + "/sync/v1/push",
            json={"ops": [new_client(uuid.uuid4())]},
            headers={**h, **SYNC, "Idempotency-Key": uuid.uuid4().hex},
        ),
        200,
    ),
    ("GET", "/sync/v1/pull"): (
        lambda url, h: requests.get(url + "/sync/v1/pull", headers={**h, **SYNC}),
        200,
    ),
    ("POST", "/api/v1/orders"): (
        lambda url, h: requests.post(
            url + "/api/v1/orders", json=web_order_body(client=_new_resident()), headers=h
        ),
        201,
    ),
    # A token no order has: the page's own answer, whoever asks.
    ("GET", "/o/{token}"): (lambda url, h: requests.get(url + "/o/" + "x" * 43, headers=h), 404),
    ("POST", "/o/{token}/rating"): (
        lambda url, h: requests.post(
            url + "/o/" + "x" * 43 + "/rating", data={"stars": "5"}, headers=h
        ),
        404,
    ),
    ("GET", "/docs"): (lambda url, h: requests.get(url + "/docs", headers=h), 200),
    ("GET", "/openapi.json"): (lambda url, h: requests.get(url + "/openapi.json", headers=h), 200),
    ("POST", "/sync/v1/health"): (
        lambda url, h: requests.post(
            url + "/sync/v1/health", json=HEALTH_REPORT, headers={**h, **SYNC}
        ),
        200,
    ),
    ("GET", "/sync/v1/device"): (
        lambda url, h: requests.get(url + "/sync/v1/device", headers=h),
        200,
    ),
    ("GET", "/api/v1/kiosks"): (
        lambda url, h: requests.get(url + "/api/v1/kiosks", headers=h),
        200,
    ),
    ("GET", "/kiosks"): (lambda url, h: requests.get(url + "/kiosks", headers=h), 200),
    ("POST", "/sync/v1/lookup"): (
        lambda url, h: requests.post(
            url + "/sync/v1/lookup", json={"phone": "+33612345678"}, headers={**h, **SYNC}
        ),
        200,
    ),
    ("GET", "/api/v1/to-resolve"): (
        lambda url, h: requests.get(url + "/api/v1/to-resolve", headers=h),
        200,
    ),
    ("GET", "/to-resolve"): (lambda url, h: requests.get(url + "/to-resolve", headers=h), 200),
}


def test_every_route_with_every_credential(live: LiveServer) -> None:
    # Failed credentials are limited per address (test_hardening.py): not here.
    lax = Rate(burst=10_000, every_s=0.001)
    live.app.state.limiter = Limiter(RateLimits(lax, lax, lax))
    credentials = _credentials(live)
    expected: dict[tuple[str, str, str], int] = {}
    got: dict[tuple[str, str, str], int] = {}
    for route, allowed in ALLOWED.items():
        send, ok = REQUESTS[route]
        for name, header in credentials.items():
            refused = 401 if name in ("none", "garbled", "revoked") else 403
            want = ok if name in allowed else refused
            headers = {"Authorization": header} if header else {}
            expected[(*route, name)] = want
            got[(*route, name)] = send(live.url, headers).status_code
    wrong = {key: (got[key], want) for key, want in expected.items() if got[key] != want}
    assert not wrong, f"(route, credential): (got, expected) {wrong}"
    # What was refused left nothing: one web order per allowed kind, one pushed client
    # per allowed kind (plus the web orders' clients).
    assert len(server_rows(live.db, "order")) == 2
    assert len(server_rows(live.db, "client")) == 2 + 2


def test_the_docs_ask_a_browser_for_the_admin_token(live: LiveServer) -> None:
    admin = live.enrol("back-office", datetime.now(UTC), kind=DeviceKind.ADMIN)
    kiosk = live.enrol("saint-paul", datetime.now(UTC))
    asked = requests.get(live.url + "/docs", timeout=10)
    assert asked.status_code == 401 and asked.headers["WWW-Authenticate"].startswith("Basic")
    page = requests.get(live.url + "/docs", auth=("admin", admin), timeout=10)
    assert page.status_code == 200 and "swagger" in page.text.lower()
    document = requests.get(live.url + "/openapi.json", auth=("admin", admin), timeout=10)
    assert "/sync/v1/push" in document.json()["paths"]
    assert requests.get(live.url + "/docs", auth=("x", kiosk), timeout=10).status_code == 403


class NoLulus(OpenRecords):
    """Record rules of the kind per-kiosk scopes plug in: this one keeps the Lulus'
    profiles from kiosks and refuses their clients' creation."""

    def refuse_op(self, caller: Caller, writer: object, op: Op) -> str | None:
        if caller.kind is DeviceKind.KIOSK and op.entity.value == "client":
            return "not this kiosk's client"
        return None

    def may_pull(self, caller: Caller, change: Change) -> bool:
        return caller.kind is not DeviceKind.KIOSK or change.entity.value != "lulu"


def test_record_rules_refuse_an_op_and_leave_changes_out_of_a_pull(live: LiveServer) -> None:
    from server.demo import LocalServer

    rules = LocalServer(live.db, record_rules=NoLulus()).start()
    try:
        now = datetime.now(UTC)
        with live.db.write() as session:
            lulu = {"id": str(uuid.uuid4()), "display_name": "Karim B."}
            import_catalogue(session, {"lulus": [lulu]}, now=now)
        kiosk = {"Authorization": f"Bearer {live.enrol('saint-paul', now)}", **SYNC}
        admin = {
            "Authorization": f"Bearer {live.enrol('office', now, kind=DeviceKind.ADMIN)}",
            **SYNC,
        }
        op = new_client(uuid.uuid4())
        pushed = requests.post(
            rules.url + "/sync/v1/push",
            json={"ops": [op]},
            headers={**kiosk, "Idempotency-Key": "k1"},
            timeout=10,
        ).json()
        (result,) = pushed["results"]
        assert (result["outcome"], result["code"]) == ("rejected", "forbidden")
        assert server_rows(live.db, "client") == {}

        def pulled(headers: dict[str, str]) -> tuple[set[str], int]:
            page = requests.get(
                rules.url + "/sync/v1/pull", params={"limit": 1000}, headers=headers, timeout=10
            ).json()
            return {c["entity"] for c in page["changes"]}, page["next_cursor"]

        (kiosk_sees, kiosk_cursor), (admin_sees, admin_cursor) = pulled(kiosk), pulled(admin)
        assert "lulu" in admin_sees and "lulu" not in kiosk_sees and "service" in kiosk_sees
        assert kiosk_cursor == admin_cursor  # the kiosk's cursor moved past what it lacks
    finally:
        rules.stop()
