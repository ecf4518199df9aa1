"""The sync API over real HTTP: limits on what it accepts, gzip both ways, and errors
that say what they are."""

from __future__ import annotations

import gzip
import json
import uuid
from typing import Any

import requests
from sync_harness import LiveServer, server_rows

HEADERS = {"Comptoir-Protocol": "1", "Comptoir-Schema": "1"}


def auth(token: str, **more: str) -> dict[str, str]:
    return {**HEADERS, "Authorization": f"Bearer {token}", **more}


def visit_op(n: int = 0, *, padding: str = "") -> dict[str, Any]:
    visit_id = str(uuid.uuid4())
    return {
        "op_id": str(uuid.uuid4()),
        "entity": "visit",
        "entity_id": visit_id,
        "kind": "append",
        "data": {"id": visit_id, "started_at": "2026-11-26T09:00:00+00:00", "lang": "fr"}
        | ({"padding": padding} if padding else {}),
    }


def test_meta_says_the_versions(live: LiveServer) -> None:
    answer = requests.get(live.url + "/sync/v1/meta", timeout=10)
    assert answer.status_code == 200
    body = answer.json()
    assert body["protocol_version"] == 1 and body["schema_version"] == 1
    assert answer.headers["Comptoir-Protocol"] == "1"


def test_a_key_comes_with_one_body_only(live: LiveServer, token: str) -> None:
    """The same Idempotency-Key with the same body is a replay (duplicates); with
    another body it is refused whole (422), and nothing of that body is applied."""
    first, other = [visit_op(1)], [visit_op(2)]

    def push(ops: list[dict[str, Any]]) -> requests.Response:
        headers = auth(token, **{"Idempotency-Key": "batch-1"})
        return requests.post(live.url + "/sync/v1/push", json={"ops": ops}, headers=headers)

    assert [r["outcome"] for r in push(first).json()["results"]] == ["applied"]
    assert [r["outcome"] for r in push(first).json()["results"]] == ["duplicate"]
    refused = push(other)
    assert refused.status_code == 422 and refused.json()["error"] == "idempotency_key_reused"
    assert set(server_rows(live.db, "visit")) == {first[0]["entity_id"]}


def test_a_batch_of_more_than_200_ops_is_refused(live: LiveServer, token: str) -> None:
    ops = [visit_op(n) for n in range(201)]
    answer = requests.post(
        live.url + "/sync/v1/push",
        json={"ops": ops},
        headers=auth(token, **{"Idempotency-Key": "big"}),
        timeout=30,
    )
    assert answer.status_code == 422
    assert server_rows(live.db, "visit") == {}


def test_a_body_over_one_megabyte_is_refused(live: LiveServer, token: str) -> None:
    body = json.dumps({"ops": [visit_op(padding="x" * 1_100_000)]}).encode()
    answer = requests.post(
        live.url + "/sync/v1/push",
        data=body,
        headers=auth(token, **{"Idempotency-Key": "huge", "Content-Type": "application/json"}),
        timeout=30,
    )
    assert answer.status_code == 413
    assert answer.json()["error"] == "too_large"


def test_a_gzip_bomb_is_refused_without_inflating_it(live: LiveServer, token: str) -> None:
    # 50 MB of zeros in ~50 kB: the server stops inflating at 1 MB.
    bomb = gzip.compress(b"0" * 50_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    answer = requests.post(
        live.url + "/sync/v1/push",
        data=bomb,
        headers=auth(
            token,
            **{
                "Idempotency-Key": "bomb",
                "Content-Type": "application/json",
                "Content-Encoding": "gzip",
            },
        ),
        timeout=30,
    )
    assert answer.status_code == 413


def test_a_broken_gzip_body_is_refused(live: LiveServer, token: str) -> None:
    body = gzip.compress(json.dumps({"ops": [visit_op()]}).encode())[:-12]
    answer = requests.post(
        live.url + "/sync/v1/push",
        data=body,
        headers=auth(token, **{"Idempotency-Key": "cut", "Content-Encoding": "gzip"}),
        timeout=30,
    )
    assert answer.status_code == 400
    assert server_rows(live.db, "visit") == {}


def test_gzip_both_ways(live: LiveServer, token: str) -> None:
    ops = [visit_op(n) for n in range(50)]
    answer = requests.post(
        live.url + "/sync/v1/push",
        data=gzip.compress(json.dumps({"ops": ops}).encode()),
        headers=auth(
            token,
            **{
                "Idempotency-Key": "gz",
                "Content-Type": "application/json",
                "Content-Encoding": "gzip",
                "Accept-Encoding": "gzip",
            },
        ),
        timeout=30,
    )
    assert answer.status_code == 200
    assert answer.headers.get("Content-Encoding") == "gzip"
    assert {r["outcome"] for r in answer.json()["results"]} == {"applied"}
    assert len(server_rows(live.db, "visit")) == 50
    pulled = requests.get(
        live.url + "/sync/v1/pull",
        params={"cursor": 0, "limit": 100},
        headers=auth(token, **{"Accept-Encoding": "gzip"}),
        timeout=30,
    )
    assert pulled.headers.get("Content-Encoding") == "gzip"
    # The catalogue is pulled; visits only go up.
    assert {c["entity"] for c in pulled.json()["changes"]} == {"category", "service"}


def test_pull_pages_follow_the_cursor(live: LiveServer, token: str) -> None:
    cursor, seen, pages = 0, [], 0
    while True:
        page = requests.get(
            live.url + "/sync/v1/pull",
            params={"cursor": cursor, "limit": 25},
            headers=auth(token),
            timeout=30,
        ).json()
        seen += [c["entity_id"] for c in page["changes"]]
        cursor, pages = page["next_cursor"], pages + 1
        if not page["has_more"]:
            break
    assert len(seen) == len(set(seen)) == 12 + 70  # the demo catalogue
    assert pages == 4


def test_an_unknown_kind_of_op_is_rejected_alone(live: LiveServer, token: str) -> None:
    odd = {**visit_op(), "kind": "patch"}
    good = visit_op()
    answer = requests.post(
        live.url + "/sync/v1/push",
        json={"ops": [odd, good]},
        headers=auth(token, **{"Idempotency-Key": "mixed"}),
        timeout=30,
    ).json()
    assert [r["outcome"] for r in answer["results"]] == ["rejected", "applied"]
    assert answer["results"][0]["code"] == "unsupported"
