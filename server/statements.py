"""Statements built once at import, with a PostgreSQL form where a list is bound.

An `IN (...)` of a bound list is expanded into one placeholder per item when it runs:
with a pull page's 500 ids, psycopg parsed a new query text of 500 placeholders at
every call (about a third of a pull's time on the server) and PostgreSQL planned it
anew. On PostgreSQL the list goes as one array, `= ANY(:ids)`: one text, prepared once
per connection. SQLite has no arrays and keeps the expanding `IN`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.sql import Executable

OneOf = Callable[[ColumnElement[Any], str], ColumnElement[bool]]


def _expanding(column: ColumnElement[Any], name: str) -> ColumnElement[bool]:
    return column.in_(bindparam(name, expanding=True))


def _array(column: ColumnElement[Any], name: str) -> ColumnElement[bool]:
    return column == any_(bindparam(name, type_=ARRAY(column.type)))


@dataclass(frozen=True, slots=True)
class PerDialect:
    """One statement in two forms; `on(connection)` picks the connection's."""

    default: Executable
    postgresql: Executable

    @classmethod
    def build(cls, statement: Callable[[OneOf], Executable]) -> PerDialect:
        """`statement(one_of)` where `one_of(column, name)` is "column in the list
        bound as `name`"."""
        return cls(statement(_expanding), statement(_array))

    def on(self, connection: Connection) -> Executable:
        return self.postgresql if connection.dialect.name == "postgresql" else self.default
