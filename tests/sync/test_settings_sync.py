"""A setting changed on a kiosk (wizard, counter or shell) reaches the central server
once, filed under the kiosk that pushed it (from its credential, never from the body);
a value that may name a person is not sent."""

from __future__ import annotations

from sqlalchemy import select
from sync_harness import Kiosk, LiveServer

from server.models import Device, Record


def test_a_setting_change_reaches_the_server_filed_under_its_kiosk(
    kiosk: Kiosk, central: LiveServer
) -> None:
    kiosk.app.settings.change(
        {"kiosk_name": "Rosiers", "association_phone": "01 42 72 00 00"}, source="cli"
    )
    report = kiosk.sync()
    assert report.pushed.applied == 2 and report.pending == 0
    assert kiosk.sync().pushed.applied == 0  # once
    with central.db.read() as session:
        rows = {
            row.data["key"]: row.data
            for row in session.scalars(select(Record).where(Record.entity == "setting"))
        }
        device_ids = dict(session.execute(select(Device.name, Device.id)).all())
    assert set(rows) == {"kiosk_name", "association_phone"}
    assert rows["kiosk_name"]["value"] == "Rosiers"
    assert rows["kiosk_name"]["source"] == "cli"
    assert rows["association_phone"]["value"] is None
    assert rows["kiosk_name"]["device_id"] == device_ids["saint-paul"]
    assert rows["association_phone"]["device_id"] == device_ids["saint-paul"]
