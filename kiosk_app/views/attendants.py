"""An attendant as the counter shows them, and what a PIN may be."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ..domain.kinds import Role

PIN_MIN, PIN_MAX = 4, 8  # digits of an attendant's PIN


@dataclass(frozen=True, slots=True)
class AttendantView:
    id: uuid.UUID
    name: str
    role: Role
    active: bool = True  # a disabled attendant cannot log in; their history stays
