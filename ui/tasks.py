"""The screens' writes to the store, off the GUI thread: a durable write waits for the
disk (fsync), and a PIN check runs argon2 on purpose slowly; neither may freeze the
screen under a resident's finger. One worker keeps the writes in order; each result
comes back to the GUI thread through a queued signal."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from .widgets.taps import TAPS, Holdable

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


def _nobody(_result: object) -> None:
    """Where a forgotten session's results go."""


class _Job(QRunnable):
    def __init__(self, job_id: int, work: Callable[[], Any], tasks: Tasks) -> None:
        super().__init__()
        self._id, self._work, self._tasks = job_id, work, tasks

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to the screen, which says it in words
            self._tasks.finished.emit(self._id, None, error)
        else:
            self._tasks.finished.emit(self._id, result, None)


class Tasks(QObject):
    finished = Signal(int, object, object)  # job id, result, error

    def __init__(self, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._ids = itertools.count()
        self._callbacks: dict[int, tuple[Done, Failed]] = {}
        self._held: dict[int, Holdable] = {}
        # Queued: the callbacks run on the GUI thread, where this object lives.
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(self, work: Callable[[], Any], done: Done, failed: Failed) -> None:
        """Run `work` off the GUI thread. Started by a tap, the tapped button stays
        disabled until the result is delivered (every tap once: taps.py)."""
        job_id = next(self._ids)
        self._callbacks[job_id] = (done, failed)
        button = TAPS.tapping
        if button is not None:
            button.hold()
            self._held[job_id] = button
        self._pool.start(_Job(job_id, work, self))

    def forget(self) -> None:
        """The session ended (idle, home): jobs still running finish (an order confirmed
        stays placed) but their results are shown to no one, least of all the next
        resident."""
        self._callbacks = {job_id: (_nobody, _nobody) for job_id in self._callbacks}

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def settle(self) -> None:
        """Wait for the jobs and deliver their results (tests, the screenshot tour)."""
        while self._callbacks:
            self._pool.waitForDone()
            QCoreApplication.processEvents()

    @Slot(int, object, object)
    def _deliver(self, job_id: int, result: Any, error: Exception | None) -> None:
        done, failed = self._callbacks.pop(job_id)
        button = self._held.pop(job_id, None)
        if button is not None:
            # Released first: what the result shows decides the button's state after.
            button.release()
        if error is not None:
            failed(error)
        else:
            done(result)
        # What the result showed moved things under the finger (a step's buttons gone,
        # the next ones come up): a tap now is the end of a double tap, not a new one.
        TAPS.screen_shown()
