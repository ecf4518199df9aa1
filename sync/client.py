"""The kiosk's HTTP client of the central server (requests): TLS verified (with an
optional CA bundle), gzip both ways, every answer checked for the protocol it speaks
before anything in it is used."""

from __future__ import annotations

import gzip
import json
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import requests
from pydantic import ValidationError
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from kiosk_app.domain.server_url import allowed_server_url
from sync.protocol import (
    DEFAULT_PULL_LIMIT,
    HEALTH_PATH,
    IDEMPOTENCY_HEADER,
    LOOKUP_PATH,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    PULL_FROM_PARAM,
    PULL_LIMIT_PARAM,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    SUPPORTED_PROTOCOLS,
    DeviceInfo,
    HealthReceived,
    HealthReport,
    LookupFound,
    LookupRequest,
    Meta,
    PullResponse,
    PushResponse,
)

TOKEN_FILENAME = "sync-token"
GZIP_FROM_BYTES = 1024
CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 60.0
M = TypeVar("M", Meta, PushResponse, PullResponse, HealthReceived, DeviceInfo, LookupFound)


class SyncError(Exception):
    """A sync that could not finish; `key` says why in sync/messages.py."""

    key = "sync.server_error"
    retryable = True

    def __init__(self, detail: str = "", *, retry_after: float | None = None) -> None:
        super().__init__(detail or self.key)
        self.detail = detail
        self.retry_after = retry_after


class NetworkDown(SyncError):
    key = "sync.network_down"


class ServerBusy(SyncError):
    key = "sync.busy"


class Unauthorized(SyncError):
    key = "sync.unauthorized"
    retryable = False


class Forbidden(SyncError):
    """A live token of another kind (the web platform's, say): a person must act."""

    key = "sync.forbidden"
    retryable = False


class UpgradeRequired(SyncError):
    key = "sync.upgrade_required"
    retryable = False


class MustRefetch(SyncError):
    key = "sync.server_error"


class RefusedBatch(SyncError):
    key = "sync.refused_batch"


class NotEnrolled(SyncError):
    key = "sync.not_enrolled"
    retryable = False


class InsecureUrl(SyncError):
    key = "sync.insecure_url"
    retryable = False


class TlsFailure(SyncError):
    key = "sync.tls"


def check_url(url: str) -> str:
    """The server's base URL: https, or plain http to this very machine only."""
    allowed = allowed_server_url(url)
    if allowed is None:
        raise InsecureUrl(url)
    return allowed


def save_token(data_dir: Path, token: str) -> Path:
    """Write the token readable by its owner only (0600), never wider even briefly."""
    path = data_dir / TOKEN_FILENAME
    data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, token.strip().encode())
    finally:
        os.close(fd)
    return path


def load_token(data_dir: Path) -> str:
    path = data_dir / TOKEN_FILENAME
    try:
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            path.chmod(0o600)  # someone widened it: owner-only again
        return path.read_text().strip()
    except FileNotFoundError:
        raise NotEnrolled() from None


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


class SyncClient:
    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        ca_bundle: str | None = None,
        http: requests.Session | None = None,
    ) -> None:
        self.base_url = check_url(base_url)
        self._http = http or requests.Session()
        # A kept-alive connection the server has just closed fails on reuse: try once
        # more on a fresh one. Safe for a push too: a replayed batch answers duplicate.
        retry = Retry(
            total=2,
            connect=2,
            read=1,
            status=0,
            other=0,
            allowed_methods=None,
            respect_retry_after_header=False,  # the worker waits, not this request
        )
        self._http.mount("https://", HTTPAdapter(max_retries=retry))
        self._http.mount("http://", HTTPAdapter(max_retries=retry))
        # The environment (proxies, $REQUESTS_CA_BUNDLE) is read once, here: requests
        # would scan every variable of it twice per request (urllib's getproxies), about
        # a third of a request's time on a loopback. Also no ~/.netrc login can replace
        # the bearer token.
        self._http.trust_env = False
        self._http.proxies = requests.utils.get_environ_proxies(self.base_url)
        # Passed with each request: a configured bundle must win over the environment's.
        self._verify: str | bool = (
            ca_bundle
            or os.environ.get("REQUESTS_CA_BUNDLE")
            or os.environ.get("CURL_CA_BUNDLE")
            or True
        )
        self._http.headers.update(
            {
                "Authorization": f"Bearer {token}",
                PROTOCOL_HEADER: str(PROTOCOL_VERSION),
                SCHEMA_HEADER: str(SCHEMA_VERSION),
                "Accept-Encoding": "gzip",
                "User-Agent": f"comptoir-kiosk/{PROTOCOL_VERSION}",
            }
        )

    def close(self) -> None:
        self._http.close()

    def _send(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self._http.request(
                method,
                self.base_url + path,
                timeout=(CONNECT_TIMEOUT_S, READ_TIMEOUT_S),
                verify=self._verify,
                **kwargs,
            )
        except requests.exceptions.SSLError as error:
            raise TlsFailure(str(error)) from None
        except requests.RequestException as error:
            raise NetworkDown(type(error).__name__) from None
        spoken = response.headers.get(PROTOCOL_HEADER)
        if spoken is not None and (not spoken.isdigit() or int(spoken) not in SUPPORTED_PROTOCOLS):
            raise UpgradeRequired(f"server speaks protocol {spoken}")
        status = response.status_code
        if status == 401:
            raise Unauthorized()
        if status == 403:
            raise Forbidden()
        if status == 426:
            raise UpgradeRequired(response.text[:200])
        if status == 409:
            raise MustRefetch()
        if status in (429, 503):
            raise ServerBusy(retry_after=_retry_after(response))
        if status >= 500:
            raise SyncError(f"HTTP {status}", retry_after=_retry_after(response))
        if status != 200:
            raise RefusedBatch(f"HTTP {status}: {response.text[:200]}")
        if spoken is None:
            # Not our server (a captive portal, a proxy's page): nothing in it is used.
            raise NetworkDown("answer without a protocol header")
        try:
            return response.json()
        except ValueError:
            raise NetworkDown("truncated answer") from None

    def meta(self) -> Meta:
        return _parse(Meta, self._send("GET", "/sync/v1/meta"))

    def device(self) -> DeviceInfo:
        """Who the server knows this token as: the kiosk's name and series code."""
        return _parse(DeviceInfo, self._send("GET", "/sync/v1/device"))

    def push(
        self,
        ops: Sequence[dict[str, Any]],
        key: str,
        *,
        pull_from: int | None = None,
        pull_limit: int = DEFAULT_PULL_LIMIT,
    ) -> PushResponse:
        """Push a batch; with `pull_from`, the answer may carry the first page of the
        pull from that cursor (`.pull`; None from a server that does not give it)."""
        body = json.dumps({"ops": list(ops)}, ensure_ascii=False, separators=(",", ":")).encode()
        headers = {"Content-Type": "application/json", IDEMPOTENCY_HEADER: key}
        if len(body) >= GZIP_FROM_BYTES:
            body = gzip.compress(body, compresslevel=5)
            headers["Content-Encoding"] = "gzip"
        params = (
            {} if pull_from is None else {PULL_FROM_PARAM: pull_from, PULL_LIMIT_PARAM: pull_limit}
        )
        answer = self._send("POST", "/sync/v1/push", data=body, headers=headers, params=params)
        return _parse(PushResponse, answer)

    def post_health(self, report: HealthReport) -> HealthReceived:
        body = report.model_dump_json().encode()
        headers = {"Content-Type": "application/json"}
        return _parse(HealthReceived, self._send("POST", HEALTH_PATH, data=body, headers=headers))

    def lookup(self, phone: str, number: str | None = None) -> LookupFound:
        """Look a resident up at this counter (by E.164 phone, and for "follow my
        order" the number): what is found comes with the next pull as well."""
        body = LookupRequest(phone=phone, number=number).model_dump_json().encode()
        headers = {"Content-Type": "application/json"}
        return _parse(LookupFound, self._send("POST", LOOKUP_PATH, data=body, headers=headers))

    def pull(self, cursor: int, limit: int) -> PullResponse:
        answer = self._send("GET", "/sync/v1/pull", params={"cursor": cursor, "limit": limit})
        return _parse(PullResponse, answer)


def _parse(model: type[M], answer: Any) -> M:
    try:
        return model.model_validate(answer)
    except ValidationError as error:
        raise UpgradeRequired(f"unexpected answer: {error.error_count()} errors") from None
