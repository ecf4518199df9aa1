"""A bounded schemathesis run over the server's OpenAPI document, against the live
server: no answer is a server error, and every answer is one the document declares
(status, content type, body schema)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from sync_harness import LiveServer

from server.database import Database, sqlite_url
from server.openapi import openapi_document
from server.scopes import DeviceKind

schema = schemathesis.openapi.from_dict(openapi_document())
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    folder: Path = tmp_path_factory.mktemp("fuzzed")
    db = Database.open(sqlite_url(folder))
    server = LiveServer(db).start()
    try:
        server.import_demo_catalogue(datetime.now(UTC))
        # The back office's credential reaches every route (scopes are
        # tests/server/test_scopes.py's subject).
        yield server, server.enrol("fuzzer", datetime.now(UTC), kind=DeviceKind.ADMIN)
    finally:
        server.stop()
        db.close()


@schema.parametrize()
@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_under_fuzzing(case: schemathesis.Case, fuzzed: tuple[LiveServer, str]) -> None:
    server, token = fuzzed
    headers = {"Authorization": f"Bearer {token}"}
    response = case.call(base_url=server.url, headers=headers, timeout=30)
    case.validate_response(response, checks=CHECKS)
