"""Loaded by every Python process of `./comptoir test`'s moved-date runs (PYTHONPATH),
the tests' own children included: a workaround for Debian 12's libfaketime 0.9.10, whose
clock_nanosleep wrapper hands the kernel a wrong deadline when the monotonic clock is not
faked (wolfcw/libfaketime#426), so that Python 3.11's time.sleep (clock_nanosleep with
TIMER_ABSTIME on CLOCK_MONOTONIC) fails with EINVAL. select() with a relative timeout
sleeps as long and is unaffected. Only under libfaketime, only time.sleep."""

from __future__ import annotations

import os
import select
import time

_real_sleep = time.sleep


def _sleep(seconds: float) -> None:
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        select.select([], [], [], left)


if "faketime" in os.environ.get("LD_PRELOAD", ""):
    time.sleep = _sleep
