"""A request's credential and what it may do: the device is taken from the token
(looked up inside the request's own transaction, so a revocation takes effect at once),
its kind checked against the route's scope (scopes.py), and failed credentials counted
per address (rate_limits.py)."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from sqlalchemy.orm import Session

from sync.protocol import ErrorCode

from .auth import device_for_token
from .rate_limits import Limiter, address_key, retry_after
from .scopes import Caller, Scope, may


class ApiError(Exception):
    def __init__(
        self, status: int, code: ErrorCode, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(code, message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


def limiter_of(request: Request) -> Limiter:
    limiter: Limiter = request.app.state.limiter
    return limiter


def client_address(request: Request) -> str:
    return address_key(request.client.host if request.client else None)


def too_many(wait_s: float) -> ApiError:
    return ApiError(
        429,
        ErrorCode.TOO_MANY_REQUESTS,
        "too many requests from this address: retry later",
        {"Retry-After": retry_after(wait_s)},
    )


@dataclass(frozen=True, slots=True)
class Credential:
    """What a request presented: a token (None when missing or unreadable), and where
    it came from, to count a failure."""

    token: str | None
    address: str
    limiter: Limiter
    basic: bool = False  # offered by a browser (HTTP Basic): the docs pages

    def failed(self, message: str) -> ApiError:
        self.limiter.failed_credential.take(self.address)
        headers = {"WWW-Authenticate": 'Basic realm="Comptoir"'} if self.basic else None
        return ApiError(401, ErrorCode.UNAUTHORIZED, message, headers)


def _token_of(header: str | None, *, basic: bool) -> str | None:
    """The token of an Authorization header: `Bearer TOKEN`, or, where a browser must
    send it by itself (the docs), `Basic` with the token as the password."""
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    value = value.strip()
    if scheme.lower() == "bearer" and value:
        return value
    if basic and scheme.lower() == "basic" and value:
        try:
            decoded = base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return decoded.partition(":")[2] or None
    return None


def _credential(request: Request, *, basic: bool) -> Credential:
    limiter = limiter_of(request)
    address = client_address(request)
    # An address that keeps presenting wrong tokens waits, before any database work.
    wait = limiter.failed_credential.wait_s(address)
    if wait > 0:
        raise too_many(wait)
    token = _token_of(request.headers.get("authorization"), basic=basic)
    return Credential(token, address, limiter, basic)


async def bearer_credential(request: Request) -> Credential:
    return _credential(request, basic=False)


async def browser_credential(request: Request) -> Credential:
    return _credential(request, basic=True)


def authorise(
    session: Session, credential: Credential, scope: Scope, *, lock: bool = False
) -> Caller:
    """The caller behind `credential`, if it may use `scope`: else 401 (no live token)
    or 403 (a device of another kind). With `lock`, the device's row stays locked
    until the transaction ends (one push per device at a time)."""
    if credential.token is None:
        raise credential.failed("a bearer token is required")
    caller = device_for_token(session, credential.token, lock=lock)
    if caller is None:
        raise credential.failed("unknown or revoked token")
    if not may(caller, scope):
        raise ApiError(
            403, ErrorCode.FORBIDDEN, f"a {caller.kind.value} credential may not do this"
        )
    return caller


def strip_inputs(errors: list[Any]) -> list[dict[str, Any]]:
    """FastAPI's validation errors without the offending input: it may be personal data,
    or a lone surrogate that no JSON answer can carry."""
    return [
        {key: value for key, value in error.items() if key in ("loc", "msg", "type")}
        for error in errors
    ]
