"""Typed errors of the core. Each carries message keys (see `messages.py`) rather than
text, so the touchscreen, the counter and the command line can say it in the person's
language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class ComptoirError(Exception):
    """Base of every error the core raises on purpose."""

    key: str = "error.unexpected"

    def __init__(self, key: str | None = None, **params: Any) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.key, params)


class ValidationError(ComptoirError):
    """One or more fields are invalid. `fields` maps a field name to its message key,
    so a form can show each message beside its field."""

    key = "error.invalid_input"

    def __init__(self, fields: Mapping[str, str], **params: Any) -> None:
        self.fields: dict[str, str] = dict(fields)
        super().__init__(self.key, **params)

    def __str__(self) -> str:
        return ", ".join(f"{name}: {key}" for name, key in self.fields.items())


class NotFound(ComptoirError):
    key = "error.not_found"


class TransitionNotAllowed(ComptoirError):
    key = "error.transition_not_allowed"


class AlreadyRated(ComptoirError):
    key = "error.already_rated"


class NotRatable(ComptoirError):
    key = "error.not_ratable"


class StoreTooNew(ComptoirError):
    """The store was written by a newer Comptoir: it is refused and left untouched."""

    key = "error.store_too_new"


class PinRefused(ComptoirError):
    key = "error.pin_refused"


class LoginLocked(ComptoirError):
    key = "error.login_locked"


class TillAlreadyOpen(ComptoirError):
    """A till session is already open on this kiosk: close it before opening another."""

    key = "error.till_already_open"


class TillNotOpen(ComptoirError):
    key = "error.till_not_open"


class ManagerApprovalRequired(ComptoirError):
    """The count differs from what was expected by more than the threshold: a manager's
    PIN must accept it. `params` carry the threshold and the largest difference."""

    key = "error.till_manager_required"


class DocumentDetailsMissing(ComptoirError):
    """An invoice, credit note, quote or certificate cannot be issued: the association's
    details it must state are not all set. `problems` holds one message key per detail
    (missing or invalid), the first of which is the error's own key."""

    key = "documents.name_missing"

    def __init__(self, problems: tuple[str, ...]) -> None:
        self.problems = problems
        super().__init__(problems[0])
