"""The crash test's child: places orders in a loop on the store of a data folder,
printing each order's number once `place()` has returned (its transaction committed).
The parent kills it with SIGKILL at a random moment and checks the store.

Usage: python crash_child.py DATA_DIR"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from itertools import count
from pathlib import Path

from kiosk_app.comptoir import Comptoir
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.orders import OrderRequest
from sync.protocol import Channel


def main(data_dir: Path) -> None:
    app = Comptoir.open(data_dir)
    service = next(s for s in app.catalogue.all_services() if s.code == "montee-courses")
    address = AddressInput(street="12 rue des Rosiers", postcode="75004", floor=5)
    print("ready", flush=True)
    for i in count():
        start = datetime.now(UTC) + timedelta(days=1)
        order = app.orders.place(
            OrderRequest(
                service_id=service.id,
                slot_start=start,
                slot_end=start + timedelta(hours=1),
                estimated_units=1,
                # A new client now and then: their row and outbox op join the transaction.
                phone=f"06 12 34 {i % 100:02d} {i // 100 % 100:02d}",
                address=address,
                channel=Channel.COUNTER,
                name="Jeanne Lefèvre",
                description=f"Commande {i}",
                consent=True,
            )
        )
        print(order.number, flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
