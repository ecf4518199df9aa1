"""Typed errors of the core. Each carries message keys (see `messages.py`) rather than
text, so the touchscreen, the counter and the command line can say it in the person's
language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class ComptoirError(Exception):
    """Base of every error the core raises on purpose. `exit_status` is what the
    command line exits with when it stops on this error."""

    key: str = "error.unexpected"
    exit_status: int = 2

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


class StoreUnavailable(ComptoirError):
    """The data folder's store cannot be opened (a damaged or truncated file, a file
    where the folder should be, a folder the kiosk cannot write, a full disk): nothing
    was changed. Its key says which; `params["path"]` names the folder."""

    key = "store.unavailable"


class StoreTooNew(StoreUnavailable):
    """The store was written by a newer Comptoir: it is refused and left untouched."""

    key = "error.store_too_new"


class NotNow(ComptoirError):
    """A request that is right but comes too early or too late: an order's invoice
    before it is paid, demo data into a folder that already holds data."""

    key = "error.not_now"


class NotEnrolledYet(NotNow):
    """No order nor document before the central server has given this kiosk its series
    code (at `kiosk enrol`): two kiosks must never share a number."""

    key = "error.no_kiosk_code"


class KioskCodeNotSettable(ComptoirError):
    """The kiosk's code comes from the central server only (enrolment, the demo)."""

    key = "error.kiosk_code_from_server"


class PinRefused(ComptoirError):
    key = "error.pin_refused"


class LastManager(NotNow):
    """The kiosk's last active manager cannot be disabled or made an attendant: nobody
    could then change the settings, approve a till difference or add a manager."""

    key = "attendant.last_manager"


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


# Backups and restores (kiosk_app/backups.py, kiosk_app/restore.py). Exit statuses by
# kind of answer: 2 a file that is not what it should be, 3 not found, 4 not now (the
# kiosk is running), 5 the data folder cannot be written.


class NoStoreToBackUp(ComptoirError):
    key = "backup.no_store"
    exit_status = 3


class BackupNotWritten(ComptoirError):
    """The disk is full or the folder not writable: no backup, nothing left behind."""

    key = "backup.not_written"
    exit_status = 5


class BackupFileMissing(ComptoirError):
    key = "restore.file_missing"
    exit_status = 3


class NotAComptoirStore(ComptoirError):
    key = "restore.not_a_store"
    exit_status = 2


class BackupDamaged(ComptoirError):
    """SQLite's integrity check found the file damaged."""

    key = "store.damaged"
    exit_status = 2


class BackupTooNew(ComptoirError):
    """The backup comes from a newer Comptoir (a schema revision this one does not know)."""

    key = "restore.too_new"
    exit_status = 2


class RestoreNotWritten(ComptoirError):
    """The disk is full or the folder not writable, midway: the store is left as it was
    (its copy aside may be there too)."""

    key = "restore.not_written"
    exit_status = 5


class KioskRunning(ComptoirError):
    """The kiosk holds its data folder's lock: a restore (or a second kiosk) waits."""

    key = "kiosk.running"
    exit_status = 4


class DocumentDetailsMissing(ComptoirError):
    """An invoice, credit note, quote or certificate cannot be issued: the association's
    details it must state are not all set. `problems` holds one message key per detail
    (missing or invalid), the first of which is the error's own key."""

    key = "documents.name_missing"

    def __init__(self, problems: tuple[str, ...]) -> None:
        self.problems = problems
        super().__init__(problems[0])


class UnknownSetting(NotFound):
    """No setting has this name: refused, never silently ignored (`params["name"]`)."""

    key = "settings.unknown"


class ManagersOnly(ComptoirError):
    """The settings are changed by a manager (or at set-up, or from a shell)."""

    key = "settings.manager_only"


class SetupNotFinished(NotNow):
    """No order and no document before the set-up wizard is finished."""

    key = "setup.not_finished"
