"""Fixtures shared by the whole suite: a real store in a temporary folder, the demo
catalogue, and a clock that tests move by hand."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A command whose data folder cannot take its log writes it to the user's log folder:
# the tests' own, not the home's.
os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="comptoir-tests-state-")

from kiosk_app.comptoir import Comptoir
from kiosk_app.config import resources_dir
from kiosk_app.services.numbers import assign_kiosk_code

# The association's details as a person sets them: no invoice, credit note, quote or
# certificate without them (fictional numbers; the SIRET passes INSEE's check digit).
ASSOCIATION = {
    "association_name": "Lulu dans ma rue",
    "association_address": "12 rue Saint-Paul, 75004 Paris",
    "association_siret": "00000000000018",
    "association_sap_number": "SAP000000000",
    "association_sap_date": "2015-03-01",
}

# A Thursday morning in Paris (UTC+1 in November): the counter is open.
START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@dataclass
class FakeClock:
    now: datetime = field(default=START)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def association() -> dict[str, str]:
    """The association's details, for a store the test opens itself."""
    return dict(ASSOCIATION)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def read_demo_catalogue() -> dict[str, object]:
    with (resources_dir() / "demo" / "catalogue.json").open(encoding="utf-8") as f:
        data: dict[str, object] = json.load(f)
    return data


@pytest.fixture
def demo_catalogue() -> dict[str, object]:
    return read_demo_catalogue()


def open_test_store(
    folder: Path, clock: FakeClock, catalogue: dict[str, object] | None = None
) -> Comptoir:
    """A real store (SQLite file, migrations applied) holding the demo catalogue, the
    association's settings and a series code. Also opened outside pytest, by the
    subprocess of tests/ui/test_fit_xcb.py."""
    app = Comptoir.open(folder, clock=clock)
    app.catalogue.load(read_demo_catalogue() if catalogue is None else catalogue)
    app.settings.update(**ASSOCIATION)
    give_kiosk_code(app)
    return app


@pytest.fixture
def comptoir(
    tmp_path: Path, clock: FakeClock, demo_catalogue: dict[str, object]
) -> Iterator[Comptoir]:
    """A real store (SQLite file, migrations applied) holding the demo catalogue."""
    app = open_test_store(tmp_path / "kiosk", clock, demo_catalogue)
    yield app
    app.close()


def give_kiosk_code(app: Comptoir, code: str = "01") -> None:
    """What enrolment does: the series code a central server would have given (a kiosk
    takes no order without one). Sync tests enrol for real and get the server's."""
    with app.store.write() as session:
        assign_kiosk_code(session, code)
