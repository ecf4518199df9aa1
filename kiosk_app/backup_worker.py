"""The nightly backup, in the running kiosk: a thread (never the GUI thread: a backup
reads the whole store) that looks every few minutes whether the night's backup is due,
and takes it. Due means: no backup since the last 4 a.m., Paris time (a time that never
falls in a daylight-saving change). A kiosk switched off at night backs up in the
morning, as soon as it runs; one that runs all night, at 4. A backup taken on demand
(`kiosk backup`) after 4 counts as the day's. A failure (a full disk) is logged and
tried again at the next look, never raised into the kiosk."""

from __future__ import annotations

import logging
import threading
from datetime import datetime, time, timedelta
from pathlib import Path

from .backups import back_up, latest_backup
from .clock import PARIS, to_paris
from .comptoir import Comptoir
from .errors import ComptoirError

log = logging.getLogger(__name__)

NIGHT = time(4, 0)
CHECK_EVERY_S = 600.0


def last_night(now: datetime) -> datetime:
    """The most recent 4 a.m. in Paris at or before `now` (aware)."""
    local = to_paris(now)
    night = datetime.combine(local.date(), NIGHT, tzinfo=PARIS)
    return night if night <= local else night - timedelta(days=1)


def backup_due(now: datetime, latest: datetime | None) -> bool:
    return latest is None or latest < last_night(now)


class NightlyBackups:
    def __init__(
        self,
        comptoir: Comptoir,
        *,
        check_every_s: float = CHECK_EVERY_S,
        first_check_s: float = 60.0,
    ) -> None:
        self.comptoir = comptoir
        self.data_dir: Path = comptoir.store.path.parent
        self.check_every_s = check_every_s
        self.first_check_s = first_check_s  # not in the middle of the kiosk's start
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="nightly-backups", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def run_once(self) -> bool:
        """Take the backup if it is due; True if one was taken."""
        if not backup_due(self.comptoir.clock(), latest_backup(self.data_dir)):
            return False
        try:
            backup = back_up(self.comptoir)
        except ComptoirError as error:
            log.warning("nightly backup not taken: %s", error.key)
            return False
        log.info("nightly backup taken: %s", backup.path.name)
        return True

    def _run(self) -> None:
        wait = self.first_check_s
        while not self._stop.wait(wait):
            self.run_once()
            wait = self.check_every_s
