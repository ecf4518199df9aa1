"""`Comptoir`: the core's services over one data folder, as callers use them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .clock import Clock, utc_now
from .services.attendants import AttendantService
from .services.catalogue import CatalogueService
from .services.client_records import ClientRecordService
from .services.clients import ClientService
from .services.help_requests import HelpRequestService
from .services.invoices import InvoiceService
from .services.lulu_records import LuluRecordService
from .services.lulus import LuluService
from .services.onboarding import OnboardingService
from .services.order_edits import OrderEditService
from .services.order_holding import OrderHoldingService
from .services.order_queue import OrderQueueService
from .services.orders import OrderService
from .services.payments import PaymentService
from .services.print_jobs import PrintJobService
from .services.printer_setup import PrinterSetupService
from .services.quotes import QuoteService
from .services.ratings import RatingService
from .services.refunds import RefundService
from .services.settings import SettingsService
from .services.stats import StatsService
from .services.suggestions import SuggestionService
from .services.sync_notes import SyncNoteService
from .services.till import TillService
from .services.visits import VisitService
from .store.database import Store


@dataclass(frozen=True)
class Comptoir:
    store: Store
    # The one clock of this kiosk: every service, the window and the print queue read
    # the time from it, so a test or a benchmark that fixes it fixes it everywhere.
    clock: Clock
    settings: SettingsService
    catalogue: CatalogueService
    clients: ClientService
    client_records: ClientRecordService
    orders: OrderService
    order_edits: OrderEditService
    holding: OrderHoldingService
    order_queue: OrderQueueService
    payments: PaymentService
    refunds: RefundService
    quotes: QuoteService
    ratings: RatingService
    visits: VisitService
    help_requests: HelpRequestService
    lulus: LuluService
    onboarding: OnboardingService
    lulu_records: LuluRecordService
    attendants: AttendantService
    stats: StatsService
    invoices: InvoiceService
    print_jobs: PrintJobService
    printer_setup: PrinterSetupService
    till: TillService
    suggestions: SuggestionService
    sync_notes: SyncNoteService

    @classmethod
    def open(cls, data_dir: Path, *, clock: Clock = utc_now) -> Comptoir:
        """Open (creating or migrating) the store of `data_dir`."""
        store = Store.open(data_dir)
        attendants = AttendantService(store, clock=clock)
        return cls(
            store=store,
            clock=clock,
            settings=SettingsService(store, clock=clock),
            catalogue=CatalogueService(store),
            clients=ClientService(store),
            client_records=ClientRecordService(store, clock=clock),
            orders=OrderService(store, clock=clock),
            order_edits=OrderEditService(store, clock=clock),
            holding=OrderHoldingService(store, clock=clock),
            order_queue=OrderQueueService(store),
            payments=PaymentService(store, clock=clock),
            refunds=RefundService(store, attendants, clock=clock),
            quotes=QuoteService(store, clock=clock),
            ratings=RatingService(store, clock=clock),
            visits=VisitService(store, clock=clock),
            help_requests=HelpRequestService(store, clock=clock),
            lulus=LuluService(store, clock=clock),
            onboarding=OnboardingService(store, clock=clock),
            lulu_records=LuluRecordService(store),
            attendants=attendants,
            stats=StatsService(store),
            invoices=InvoiceService(store, clock=clock),
            print_jobs=PrintJobService(store, clock=clock),
            printer_setup=PrinterSetupService(store, clock=clock),
            till=TillService(store, attendants, clock=clock),
            suggestions=SuggestionService(store, clock=clock),
            sync_notes=SyncNoteService(store),
        )

    def close(self) -> None:
        self.store.close()
