"""The operator's log: `DIR/logs/PROGRAM.log`, rotated (10 files of 1 MB at most), owner
only, with the stacks of a crash in `DIR/logs/crash.log` (faulthandler) and library
warnings (urllib3, Qt's own messages: see ui/qt_messages.py) in it rather than on a
terminal nobody reads. The kiosk, its command line and the central server's `serve`
call `setup_logging` once; everything else writes with `logging.getLogger(__name__)`.
A package of its own, importing nothing of the project, so that the kiosk and the server
share one setup without the server importing the kiosk's core (an import contract in
pyproject.toml keeps both true).

No personal data ever enters it: log ids, counts, message keys and order numbers, never
a name, phone, address, description or door code. Statements' values are hidden by the
engines (hide_parameters), and an exception's text is kept only for the types that
cannot quote a person's data (see `PrivateFormatter`).
"""

from __future__ import annotations

import faulthandler
import io
import logging
import logging.handlers
import os
import sqlite3
import sys
import traceback
from pathlib import Path
from typing import IO, Any

LOGS_DIRNAME = "logs"
MAX_BYTES = 1_000_000
BACKUPS = 9  # with the current file: 10 files, 10 MB at most
CRASH_FILENAME = "crash.log"
FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S%z"

# Exceptions whose text says what went wrong without quoting what a person typed: the
# file system's, SQLite's (its statements' values are hidden by hide_parameters), and
# the core's typed errors (message keys). Any other text is withheld.
_TRUSTED_TEXT: tuple[type[BaseException], ...] = (OSError, sqlite3.Error, TimeoutError)
_TRUSTED_MODULES = ("kiosk_app.errors", "sqlalchemy.exc", "printing.connections", "sync.client")

_installed: list[logging.Handler] = []
_crash_file: list[IO[str]] = []


class PrivateFormatter(logging.Formatter):
    """Tracebacks keep their frames (file, line, code) and the exception's type; its
    text only when the type cannot carry a person's data."""

    def formatException(self, ei: Any) -> str:
        _kind, value, tb = ei
        frames = "".join(traceback.format_tb(tb))
        return f"Traceback (most recent call last):\n{frames}{exception_line(value)}"


def exception_line(error: BaseException | None) -> str:
    """`Type: text` when the text is safe to keep, else `Type (text withheld)`."""
    if error is None:
        return "None"
    kind = type(error)
    name = f"{kind.__module__}.{kind.__qualname__}"
    trusted = isinstance(error, _TRUSTED_TEXT) or kind.__module__.startswith(_TRUSTED_MODULES)
    return f"{name}: {error}" if trusted else f"{name} (text withheld: it may quote a person)"


class OwnerOnlyRotatingHandler(logging.handlers.RotatingFileHandler):
    """Each file, the current one and those it rotates into, is created 0600. A log
    that cannot be written (a full disk) never stops the kiosk, nor prints a traceback
    on a terminal."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, "a", encoding="utf-8")

    def handleError(self, record: logging.LogRecord) -> None:
        """Swallowed on purpose: the disk the log would go to is the problem."""


def logs_dir(data_dir: Path) -> Path:
    return data_dir / LOGS_DIRNAME


def log_file(data_dir: Path, program: str) -> Path:
    return logs_dir(data_dir) / f"{program}.log"


def _owner_only_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)


def _writable_logs_dir(data_dir: Path | None) -> Path | None:
    """DIR/logs, or, when the data folder itself is the problem (a file in its place,
    a read-only folder) or there is none (a server on PostgreSQL), the user's own log
    folder, so that the refusal is kept."""
    from platformdirs import user_log_path

    candidates = [user_log_path("comptoir", appauthor=False)]
    if data_dir is not None:
        candidates.insert(0, logs_dir(data_dir))
    for folder in candidates:
        try:
            _owner_only_folder(folder)
        except OSError:
            continue
        if os.access(folder, os.W_OK | os.X_OK):
            return folder
    return None


def setup_logging(data_dir: Path | None, program: str, *, level: int = logging.INFO) -> Path | None:
    """Send the root logger to `PROGRAM.log` in the data folder's logs/, crash stacks to
    crash.log beside it, and Python's warnings to the log. Called again (the tests run
    several commands in one process), it replaces what it installed before. Returns
    the log file, or None when no folder could take it."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        # A library's logging.basicConfig() at import (python-escpos does) would print
        # every record on the terminal: the log is the place.
        if type(handler) is logging.StreamHandler and handler.stream in (sys.stderr, sys.stdout):
            root.removeHandler(handler)
    for handler in _installed:
        root.removeHandler(handler)
        handler.close()
    _installed.clear()
    folder = _writable_logs_dir(data_dir)
    if folder is None:
        # Nowhere to write: silence rather than logging's last resort on stderr.
        _installed.append(logging.NullHandler())
        root.addHandler(_installed[-1])
        return None
    path = folder / f"{program}.log"
    handler = OwnerOnlyRotatingHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
    )
    handler.setFormatter(PrivateFormatter(FORMAT, DATE_FORMAT))
    root.addHandler(handler)
    _installed.append(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    # urllib3 says every retried connection at INFO and DEBUG: only its warnings.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    logging.captureWarnings(True)
    _crash_stacks_to(folder / CRASH_FILENAME)
    return path


def _crash_stacks_to(path: Path) -> None:
    """faulthandler writes the stacks of every thread there on a segfault or an abort
    (a Qt plugin that fails to load): the file stays open as long as the process."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    except OSError:
        return
    crash = os.fdopen(fd, "a", encoding="utf-8")
    faulthandler.enable(file=crash, all_threads=True)
    for old in _crash_file:
        old.close()
    _crash_file[:] = [crash]


def safe_params(params: dict[str, Any]) -> dict[str, Any]:
    """What of an error's parameters may go to the log: those that name a thing (a
    folder, an order number, an entity, a status), never what a person typed."""
    keep = {"path", "number", "entity", "status", "revision", "max", "min", "count", "url"}
    return {name: value for name, value in params.items() if name in keep}
