"""Three kiosks of one association and a seeded random day of work at their counters:
placing, editing, assigning Lulus, marking done, paying (cash or card, part or all),
cancelling and refunding, rating — the same order often touched at two kiosks — with
syncs over a faulty link interleaved, and the central server killed once mid-push.

Every step that a kiosk accepted is kept in `Chaos.journal`, for the checks
(chaos_checks.py) that need to know what a kiosk saw when it took a step.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from chaos_server import ChaosLink, ServerProcess
from sqlalchemy import func, select
from sync_harness import Clock, order_request

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import PaymentKind
from kiosk_app.errors import ComptoirError
from kiosk_app.services.settlement import balance_due, paid_cents
from kiosk_app.store.models import Lulu, Order, OutboxOp
from kiosk_app.views.orders import OrderChanges
from server.auth import enrol as enrol_device
from server.database import Database
from sync.client import SyncClient, SyncError
from sync.engine import SyncReport, sync_once
from sync.enrolment import enrol
from sync.protocol import OrderStatus, PaymentMethod

CODES = ("01", "02", "03")
# Lulus of the association, in the catalogue the server hands out (skills: the demo
# catalogue's categories).
LULUS = (
    ("6f1c5b4e-1d5a-4c8e-9a53-000000000001", "Karim B."),
    ("6f1c5b4e-1d5a-4c8e-9a53-000000000002", "Awa D."),
    ("6f1c5b4e-1d5a-4c8e-9a53-000000000003", "Lucie M."),
    ("6f1c5b4e-1d5a-4c8e-9a53-000000000004", "Mehdi R."),
)


@dataclass
class Kiosk:
    code: str
    app: Comptoir
    data_dir: Path
    client: SyncClient  # through the faulty link

    def sync(self) -> SyncReport:
        return sync_once(self.app.store, self.client, self.data_dir)

    def pending(self) -> int:
        with self.app.store.read() as session:
            ops = session.scalars(select(OutboxOp).where(OutboxOp.set_aside.is_(False))).all()
            return len(ops)

    def last_seq(self) -> int:
        with self.app.store.read() as session:
            return session.scalar(select(func.max(OutboxOp.seq))) or 0

    def transitions_since(self, seq: int) -> tuple[tuple[uuid.UUID, str], ...]:
        with self.app.store.read() as session:
            ops = session.scalars(
                select(OutboxOp)
                .where(OutboxOp.seq > seq, OutboxOp.kind == "transition")
                .order_by(OutboxOp.seq)
            )
            return tuple((op.op_id, str(op.data["to"])) for op in ops)

    def order(self, order_id: uuid.UUID) -> Order:
        with self.app.store.read() as session:
            order = session.get_one(Order, order_id)
            session.expunge(order)
            return order


def open_kiosk(
    code: str,
    folder: Path,
    clock: Clock,
    db: Database,
    server: ServerProcess,
    link: ChaosLink,
    association: dict[str, str],
) -> Kiosk:
    """A kiosk with its own order series, enrolled directly, then syncing through `link`."""
    app = Comptoir.open(folder, clock=clock)
    app.settings.update(**association)
    with db.write() as session:
        token = enrol_device(session, f"comptoir-{code}", now=datetime.now(UTC))
    enrol(app.store, folder, server.url, token).close()
    # The series comes from the server: kiosks enrolled in turn on a new server get
    # 01, 02, 03 (the test names them so).
    assert app.settings.get().kiosk_code == code
    return Kiosk(code, app, folder, SyncClient(link.url, token))


@dataclass(frozen=True)
class Step:
    """A step a kiosk accepted: what it did to which order, with what it saw then."""

    n: int
    kiosk: str
    action: str
    order_id: uuid.UUID
    status_after: OrderStatus
    actual_units: int | None  # the units the kiosk had for the order after the step
    amount_cents: int = 0
    lulu_id: uuid.UUID | None = None  # the Lulu the kiosk had on the order after the step
    # The lifecycle ops the step put in the outbox: (op id, target status).
    transitions: tuple[tuple[uuid.UUID, str], ...] = ()


@dataclass
class Chaos:
    rng: random.Random
    kiosks: list[Kiosk]
    server: ServerProcess
    link: ChaosLink
    clock: Clock
    journal: list[Step] = field(default_factory=list)
    placed: dict[uuid.UUID, str] = field(default_factory=dict)  # order -> kiosk code
    sync_errors: dict[str, int] = field(default_factory=dict)
    refused: dict[str, int] = field(default_factory=dict)  # domain refusals, by action
    phone_n: int = 0
    # Each kiosk touches only the orders it placed, and residents never come back at
    # another kiosk: what "one owner per order" should make of the same day.
    own_orders_only: bool = False

    # --- The day -------------------------------------------------------------------

    def run(self, steps: int, *, kill_at: int) -> None:
        for n in range(steps):
            if n == kill_at:
                self.kill_mid_push()
            kiosk = self.rng.choice(self.kiosks)
            roll = self.rng.random()
            if roll < 0.22:
                self.sync(kiosk)
            elif roll < 0.36 or not self.placed:
                self.place(n, kiosk)
            else:
                self.act(n, kiosk)
            self.clock.advance(minutes=self.rng.randint(1, 7))

    def sync(self, kiosk: Kiosk) -> SyncReport | None:
        try:
            return kiosk.sync()
        except SyncError as error:  # the link's faults: the next sync tries again
            name = type(error).__name__
            self.sync_errors[name] = self.sync_errors.get(name, 0) + 1
            return None

    def kill_mid_push(self) -> None:
        """The server dies inside a batch's transaction, then comes back once."""
        pusher = max(self.kiosks, key=Kiosk.pending)
        # Two new orders: ops the server has never seen (pending ones may all be
        # duplicates of batches committed behind a 502), so that the batch reaches
        # the handlers.
        placed = len(self.placed)
        for _ in range(20):  # a draw may be refused (more units than the service takes)
            if len(self.placed) - placed >= 2:
                break
            self.place(-1, pusher)
        assert len(self.placed) - placed >= 2, "no two new orders to push"
        self.server.arm_kill()
        self.link.enabled = False  # the batch must reach the server to be cut short
        try:
            self.sync(pusher)
        finally:
            self.link.enabled = True
        assert self.server.is_dead(), "the server was not killed by the push"
        self.sync(self.rng.choice(self.kiosks))  # a kiosk meets the dead server
        self.server.restart()

    # --- Counter work --------------------------------------------------------------

    def place(self, n: int, kiosk: Kiosk) -> None:
        # A few residents come back (same phone) at another kiosk: clients cross too.
        self.phone_n += 1
        comes_back = self.rng.random() < 0.2 and not self.own_orders_only
        who = self.rng.randrange(self.phone_n) if comes_back else self.phone_n
        request = order_request(
            kiosk.app,
            self.clock.now + timedelta(hours=self.rng.randint(0, 72)),
            service=self.rng.choice(("montee-courses", "cartons", "menage")),
            n=1000 + who,
            estimated_units=self.rng.randint(1, 4),
        )
        try:
            order = kiosk.app.orders.place(request)
        except ComptoirError:
            self.refused["place"] = self.refused.get("place", 0) + 1
            return
        self.placed[order.id] = kiosk.code
        self.journal.append(Step(n, kiosk.code, "place", order.id, order.status, None))

    def act(self, n: int, kiosk: Kiosk) -> None:
        order_id = self.choose_order(kiosk)
        if order_id is None:
            return
        order = kiosk.order(order_id)
        action = self.rng.choice(ACTIONS[order.status])
        amount = 0
        before = kiosk.last_seq()
        try:
            amount = self.do(kiosk, order, action)
        except ComptoirError:  # what the counter would have refused a person
            self.refused[action] = self.refused.get(action, 0) + 1
            return
        after = kiosk.order(order_id)
        self.journal.append(
            Step(
                n,
                kiosk.code,
                action,
                order_id,
                after.status,
                after.actual_units,
                amount,
                after.lulu_id,
                kiosk.transitions_since(before),
            )
        )

    def choose_order(self, kiosk: Kiosk) -> uuid.UUID | None:
        """Mostly an order still moving, often one placed at another kiosk; now and
        then a cancelled order still holding money (to refund) or a paid one (to rate)."""
        # By number, not by id: ids are random, the seed must replay the same day.
        with kiosk.app.store.read() as session:
            rows = session.execute(select(Order.id, Order.status).order_by(Order.number)).all()
            if self.own_orders_only:
                rows = [r for r in rows if self.placed.get(r.id) == kiosk.code]
            holding = [
                row.id
                for row in rows
                if row.status is OrderStatus.CANCELLED and paid_cents(session, row.id) > 0
            ]
        roll = self.rng.random()
        if holding and roll < 0.1:
            pool = holding
        elif roll < 0.2:
            pool = [r.id for r in rows if r.status is OrderStatus.PAID]
        else:
            pool = [r.id for r in rows if r.status not in (OrderStatus.PAID, OrderStatus.CANCELLED)]
            elsewhere = [i for i in pool if self.placed.get(i) != kiosk.code]
            if elsewhere and self.rng.random() < 0.5:
                pool = elsewhere
        return self.rng.choice(pool) if pool else None

    def do(self, kiosk: Kiosk, order: Order, action: str) -> int:
        app, rng = kiosk.app, self.rng
        if action == "confirm":
            app.orders.confirm(order.id, attendant_id=None)
        elif action == "edit":
            start = order.slot_start + timedelta(hours=rng.randint(1, 6))
            app.order_edits.edit(
                order.id,
                OrderChanges(
                    slot=(start, start + timedelta(hours=1)),
                    estimated_units=rng.randint(1, 5),
                    description=f"Modifié au comptoir {kiosk.code}",
                ),
                attendant_id=None,
            )
        elif action == "assign":
            with app.store.read() as session:
                lulus = list(session.scalars(select(Lulu.id).order_by(Lulu.display_name)))
            app.orders.assign(order.id, rng.choice(lulus), attendant_id=None)
        elif action == "withdraw":
            app.orders.withdraw(order.id, attendant_id=None)
        elif action == "done":
            app.orders.mark_done(order.id, rng.randint(10, 120), attendant_id=None)
        elif action == "cancel":
            app.orders.cancel(order.id, f"Annulé au comptoir {kiosk.code}", attendant_id=None)
        elif action in ("pay", "pay-part"):
            due = self._due(kiosk, order.id)
            amount = due if action == "pay" else max(1, due // rng.randint(2, 3))
            method = rng.choice((PaymentMethod.CASH, PaymentMethod.CARD))
            app.payments.record(order.id, method, amount, attendant_id=None)
            return amount
        elif action == "refund":
            with app.store.read() as session:
                paid = paid_cents(session, order.id)
            app.payments.record(
                order.id, PaymentMethod.CASH, paid, attendant_id=None, kind=PaymentKind.REFUND
            )
            return paid
        elif action == "rate":
            app.ratings.rate(order.id, rng.randint(1, 5), rng.choice(("", "Très bien, merci")))
        return 0

    @staticmethod
    def _due(kiosk: Kiosk, order_id: uuid.UUID) -> int:
        with kiosk.app.store.read() as session:
            return balance_due(session, session.get_one(Order, order_id))

    def counts(self) -> dict[str, int]:
        taken: dict[str, int] = {}
        for step in self.journal:
            taken[step.action] = taken.get(step.action, 0) + 1
        return taken

    # --- Convergence ---------------------------------------------------------------

    def converge(self, max_rounds: int = 8) -> list[str]:
        """Sync every kiosk, faults off, until a whole round moves nothing; what still
        fails or stays pending after `max_rounds` is returned, one line each."""
        self.link.enabled = False
        last: list[str] = []
        for _ in range(max_rounds):
            moved = False
            last = []
            for kiosk in self.kiosks:
                try:
                    report = kiosk.sync()
                except SyncError as error:
                    last.append(f"kiosk {kiosk.code}: sync fails: {type(error).__name__}")
                    moved = True
                    continue
                moved = moved or bool(report.pushed.total or report.pulled)
                if report.pending:
                    last.append(f"kiosk {kiosk.code}: {report.pending} ops still pending")
            if not moved:
                return last
        return [*last, f"still moving after {max_rounds} rounds"]


# What an attendant may try on an order in each state at their kiosk.
ACTIONS: dict[OrderStatus, tuple[str, ...]] = {
    OrderStatus.REQUESTED: ("confirm", "confirm", "confirm", "edit", "cancel"),
    OrderStatus.CONFIRMED: ("assign", "assign", "assign", "assign", "edit", "cancel"),
    OrderStatus.ASSIGNED: ("done", "done", "done", "done", "withdraw", "cancel", "pay-part"),
    OrderStatus.DONE: ("pay", "pay", "pay", "pay-part", "rate"),
    OrderStatus.PAID: ("rate",),
    OrderStatus.CANCELLED: ("refund",),
}
