"""Who may do what on the central server (DESIGN.md, "Device scopes").

Two levels, checked by the server on every request:

1. **Routes.** Each device has a kind, chosen at enrolment and kept with its token's
   hash: a `kiosk` syncs (push and pull); the `web` platform creates web orders; an
   `admin` credential (the association's back office) does all of it and reads the
   API's documentation. `SCOPES` gives each route's scope; `GRANTS` what each kind
   holds. A route outside `SCOPES` is a mistake the table test catches.
2. **Records.** Within a route a kiosk holds, `RecordRules` says which records it may
   pull and which ops it may push: by default `ownership.OwnedRecords` (a kiosk pulls
   its own and handed-over orders and their clients, the catalogue, the Lulus' public
   profiles, and a client or order of another kiosk once looked up at its counter; it
   changes only the orders it holds), administrators every record (`OpenRecords`).
   Both hooks run inside the request's transaction, with the caller known.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from fastapi.routing import APIRoute
from starlette.routing import BaseRoute, Route

from sync.protocol import Change, Entity

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sync.protocol import Op

    from .writer import Writer


class DeviceKind(StrEnum):
    KIOSK = "kiosk"
    WEB = "web"  # the association's web platform
    ADMIN = "admin"  # the association's back office


class Scope(StrEnum):
    PUBLIC = "public"  # no credential: meta, the orders' public pages
    SYNC = "sync"  # push and pull
    WEB_ORDERS = "web_orders"  # create web orders
    DOCS = "docs"  # the API's documentation and OpenAPI document
    KIOSKS = "kiosks"  # every kiosk's health: the kiosks page and its JSON


GRANTS: dict[DeviceKind, frozenset[Scope]] = {
    DeviceKind.KIOSK: frozenset({Scope.SYNC}),
    DeviceKind.WEB: frozenset({Scope.WEB_ORDERS}),
    DeviceKind.ADMIN: frozenset({Scope.SYNC, Scope.WEB_ORDERS, Scope.DOCS, Scope.KIOSKS}),
}

# Every route of the app, by (method, path template). The table test enumerates the
# app's routes and fails on one missing here.
SCOPES: dict[tuple[str, str], Scope] = {
    ("GET", "/sync/v1/meta"): Scope.PUBLIC,
    ("POST", "/sync/v1/push"): Scope.SYNC,
    ("GET", "/sync/v1/pull"): Scope.SYNC,
    ("POST", "/sync/v1/lookup"): Scope.SYNC,
    ("POST", "/sync/v1/health"): Scope.SYNC,
    ("GET", "/sync/v1/device"): Scope.SYNC,
    ("POST", "/api/v1/orders"): Scope.WEB_ORDERS,
    ("GET", "/o/{token}"): Scope.PUBLIC,
    ("POST", "/o/{token}/rating"): Scope.PUBLIC,
    ("GET", "/docs"): Scope.DOCS,
    ("GET", "/openapi.json"): Scope.DOCS,
    ("GET", "/api/v1/kiosks"): Scope.KIOSKS,
    ("GET", "/kiosks"): Scope.KIOSKS,
    ("GET", "/api/v1/to-resolve"): Scope.KIOSKS,
    ("GET", "/to-resolve"): Scope.KIOSKS,
}


def app_routes(routes: Iterable[BaseRoute]) -> Iterator[tuple[str, str, BaseRoute]]:
    """(method, path, route) of every route, through included routers (FastAPI keeps
    an included router whole since 0.16x; earlier versions copied its routes)."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from app_routes(included.routes)
        elif isinstance(route, Route | APIRoute):
            for method in sorted(route.methods or ()):
                if method != "HEAD":  # answered by GET's handler
                    yield method, route.path, route
        else:
            yield "?", getattr(route, "path", "?"), route


def unscoped_routes(routes: Iterable[BaseRoute]) -> set[tuple[str, str]]:
    """Routes missing from SCOPES: the app refuses to start with one."""
    return {(method, path) for method, path, _ in app_routes(routes)} - set(SCOPES)


@dataclass(frozen=True, slots=True)
class Caller:
    """The device behind a request's credential (never taken from the body)."""

    device_id: int
    kind: DeviceKind
    # A kiosk's series code: the orders and documents it creates are numbered in it
    # (push.py refuses any other). None for the web platform and the back office.
    code: str | None = None
    name: str = ""  # unique among devices: what the counters show as an order's holder


def may(caller: Caller, scope: Scope) -> bool:
    return scope is Scope.PUBLIC or scope in GRANTS[caller.kind]


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why an op is refused before its handler: `code` for programs (`forbidden`,
    `not_owner`), `message` for people."""

    code: str
    message: str


class Pulled:
    """A change of a pull page, with the order it belongs to (a payment's or a
    rating's `parent_id`) for the rules that need it. Its record's data stays the text
    the database sent until `change` is asked for: a kiosk keeps a few changes of a
    page of the network's log, and parsing and validating the other hundreds was most
    of a pull's time (docs/BENCHMARKS.md, sync suite on PostgreSQL)."""

    __slots__ = ("_change", "_data", "entity", "entity_id", "parent_id", "seq", "version")

    def __init__(
        self,
        seq: int,
        entity: Entity,
        entity_id: uuid.UUID,
        version: int,
        data: str | dict[str, Any],
        parent_id: uuid.UUID | None,
    ) -> None:
        self.seq = seq
        self.entity = entity
        self.entity_id = entity_id
        self.version = version
        self.parent_id = parent_id
        self._data = data
        self._change: Change | None = None

    def seen_as(self, change: Change) -> Pulled:
        """This change as the caller receives it (a rule rewrote its data)."""
        self._change = change
        return self

    def as_json(self) -> str:
        """The change as the wire's JSON. Unparsed, its data goes as the database
        holds it (JSON already): a new kiosk's first pull is every record once, and
        parsing, validating and writing each again was half of the server's time."""
        if self._change is not None:
            return self._change.model_dump_json()
        data = self._data if isinstance(self._data, str) else json.dumps(self._data)
        return (
            f'{{"seq":{self.seq},"entity":"{self.entity.value}","entity_id":'
            f'"{self.entity_id}","version":{self.version},"data":{data}}}'
        )

    @property
    def change(self) -> Change:
        if self._change is None:
            data = self._data
            self._change = Change(
                seq=self.seq,
                entity=self.entity,
                entity_id=self.entity_id,
                version=self.version,
                data=json.loads(data) if isinstance(data, str) else data,
            )
        return self._change


class RecordRules(Protocol):
    """Per-record rules within the sync scope: `OpenRecords` (everything) or
    `ownership.OwnedRecords` (one owner per order, the default)."""

    def refuse_op(self, caller: Caller, writer: Writer, op: Op) -> Refusal | str | None:
        """Why `caller` may not push `op` (a plain text is code `forbidden`), or None.
        Runs before the op's handler, with the batch's records prefetched in `writer`."""
        ...

    def reader_of(self, caller: Caller) -> int | None:
        """The device whose rows of the change log `caller` pulls (its own and
        everyone's: server/readers.py), or None for every row."""
        ...

    def keep_page(self, caller: Caller, session: Session, page: list[Pulled]) -> list[Pulled]:
        """What `caller` receives of a pull page (`Pulled.seen_as` for a change it
        receives otherwise than stored); the cursor moves past the rest
        anyway. Called once per page: one query for the page, never one per change."""
        ...


class OpenRecords:
    """Every device holding the sync scope pulls and writes every record (the back
    office's rule; subclasses may filter change by change with `may_pull`)."""

    def refuse_op(self, caller: Caller, writer: Writer, op: Op) -> Refusal | str | None:
        return None

    def may_pull(self, caller: Caller, change: Change) -> bool:
        return True

    def reader_of(self, caller: Caller) -> int | None:
        return None

    def keep_page(self, caller: Caller, session: Session, page: list[Pulled]) -> list[Pulled]:
        return [p for p in page if self.may_pull(caller, p.change)]
