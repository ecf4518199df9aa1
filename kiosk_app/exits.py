"""The exit statuses of every `kiosk` command (README, "Commands"): one per kind of
answer, so that a script or a support person can tell them apart without reading."""

from __future__ import annotations

from enum import IntEnum

from .errors import ComptoirError, NotFound, NotNow, StoreUnavailable


class Exit(IntEnum):
    OK = 0
    RETRY_LATER = 1  # the central server or the printer is not there: nothing was lost
    BAD_INPUT = 2  # arguments, a value refused, a file that is not what it should be
    NOT_FOUND = 3  # no such order, till session, kiosk...
    NOT_NOW = 4  # right, but not yet (or no longer): an invoice before payment...
    STORE_UNAVAILABLE = 5  # the data folder cannot be used: see store/refusals.py
    UNEXPECTED = 70  # a bug (sysexits' EX_SOFTWARE): the log has the details
    BROKEN_PIPE = 141  # the reader went away (`| head`): as a shell shows SIGPIPE


def status_for(error: ComptoirError) -> Exit:
    if isinstance(error, StoreUnavailable):
        return Exit.STORE_UNAVAILABLE
    if isinstance(error, NotFound):
        return Exit.NOT_FOUND
    if isinstance(error, NotNow):
        return Exit.NOT_NOW
    return Exit(error.exit_status)  # BAD_INPUT unless the error says otherwise
