"""What the app's route modules share: the database and the clock of a request, the
credentials a route depends on, and the error answers every route documents."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from sync.protocol import ErrorBody, ErrorCode

from .access import Credential, bearer_credential, browser_credential
from .database import Database

Clock = Callable[[], datetime]


def error_response(status: int, code: ErrorCode, message: str, **headers: str) -> JSONResponse:
    body = ErrorBody(error=code, message=message).model_dump(mode="json")
    return JSONResponse(body, status_code=status, headers=headers or None)


class InvalidRequest(BaseModel):
    """FastAPI's own answer to a request that does not match its schema."""

    detail: list[dict[str, Any]] | str


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "a body that is not JSON, or a broken gzip stream"},
    415: {"model": ErrorBody, "description": "a Content-Encoding other than gzip"},
    422: {"model": InvalidRequest | ErrorBody, "description": "a request outside the schema"},
    401: {"model": ErrorBody, "description": "missing, unknown or revoked token"},
    403: {"model": ErrorBody, "description": "a credential of a kind not allowed here"},
    429: {"model": ErrorBody, "description": "too many failed credentials from this address"},
    413: {"model": ErrorBody, "description": "body over 1 MB, sent or inflated"},
    426: {"model": ErrorBody, "description": "protocol or schema not supported: upgrade"},
    503: {"model": ErrorBody, "description": "busy: retry after Retry-After seconds"},
}


def database(request: Request) -> Database:
    db: Database = request.app.state.database
    return db


def now_of(request: Request) -> datetime:
    clock: Clock = request.app.state.clock
    return clock()


BearerCredential = Annotated[Credential, Depends(bearer_credential)]
DocsCredential = Annotated[Credential, Depends(browser_credential)]
