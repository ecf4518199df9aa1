"""The declarative base every table shares: naming conventions, aware UTC times,
enums stored as their values."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Enum,
    MetaData,
)
from sqlalchemy.orm import DeclarativeBase

from ..types import UTCDateTime


def _enum(cls: type[StrEnum]) -> Enum:
    # Stored as their value in a VARCHAR with a CHECK constraint: readable in the file,
    # no native enum type to migrate.
    return Enum(
        cls,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda e: [member.value for member in e],
        name=cls.__name__.lower(),
    )


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), dict[str, Any]: JSON}
