"""`kiosk --demo`'s local central server: started beside the kiosk, the demo kiosk
enrolled on it, sync for real, and stopped cleanly (twice, as a demo is restarted)."""

from __future__ import annotations

from sync_harness import Clock, assert_same_records, order_request

from kiosk_app.comptoir import Comptoir
from server.demo import start_local_server
from sync.engine import sync_once
from sync.enrolment import enrol


def test_the_demo_kiosk_syncs_with_its_local_server(comptoir: Comptoir, clock: Clock) -> None:
    data_dir = comptoir.store.path.parent
    # Demo data is seeded before the server exists: its orders name the services by the
    # ids of the local catalogue, which enrolling replaces with the server's.
    comptoir.orders.place(order_request(comptoir, clock.now, n=99))
    pushed = [4, 2]
    for _restart in range(2):
        local = start_local_server(data_dir / "central")
        try:
            assert local.url.startswith("http://127.0.0.1:")
            client = enrol(comptoir.store, data_dir, local.url, local.token)
            assert comptoir.settings.get().kiosk_code == "01"  # the same series each start
            comptoir.orders.place(order_request(comptoir, clock.now, n=_restart))
            report = sync_once(comptoir.store, client, data_dir)
            client.close()
            assert report.pushed.applied == pushed[_restart] and report.pending == 0
            assert_same_records(comptoir, local.db)
        finally:
            local.stop()
