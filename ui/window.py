"""The kiosk window: a top bar (home, language), the screens, the docked keyboard and
the idle overlay. It owns the resident's session: started by a tile, counted as a
visit, forgotten on "home", at the end of a flow and when the resident walks away."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from . import theme
from .context import KioskContext
from .i18n import Language
from .idle import COUNTDOWN_S, IDLE_MS, LOCK_WARNING_S, IdleOverlay, IdleWatcher, LockWarning
from .resident.help import WAIT_FOR_HELP_MS, HelpPanel
from .resident.welcome import WelcomeScreen
from .tasks import Tasks
from .widgets.buttons import TouchButton
from .widgets.keyboard import KeyboardDock
from .widgets.screen import Screen

if TYPE_CHECKING:
    from kiosk_app.store.refusals import OutOfOrder
    from kiosk_app.views.attendants import AttendantView
    from kiosk_app.views.catalogue import ServiceView
    from kiosk_app.views.orders import OrderView

    from .attendant.counter import CounterScreen
    from .attendant.pin_pad import PinPadScreen
    from .out_of_order import OutOfOrderScreen
    from .resident.become_lulu import BecomeLuluScreen
    from .resident.catalogue import CatalogueScreen
    from .resident.confirmation import ConfirmationScreen
    from .resident.follow import FollowScreen
    from .resident.ordering import OrderScreen
    from .resident.rate import RateScreen
    from .resident.service_detail import ServiceScreen
    from .setup.wizard import SetupWizard

FIRST_LANG = "fr"


def _scrolling(screen: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(screen)
    return area


class Screens(QStackedWidget):
    """The screens take the height the top bar and the keyboard leave. A screen's
    wrapped text would otherwise claim its height for the window's width
    (height-for-width) and push the keyboard's last row off the window."""

    def hasHeightForWidth(self) -> bool:
        return False


def _ignore(_result: object) -> None:
    """A visit not counted (a full disk) must not stop a resident from ordering."""


class KioskWindow(QMainWindow):
    """Built in two steps so that the welcome screen shows at once: the window itself
    (Qt only, light), then `attach` the core's services and the other screens (the core
    takes most of the start-up time: SQLAlchemy, the store)."""

    def __init__(
        self,
        language: Language,
        *,
        idle_ms: int = IDLE_MS,
        countdown_s: int = COUNTDOWN_S,
        hold_ms: int = 3000,
        counter_lock_ms: int = 0,
        lock_warning_s: int = LOCK_WARNING_S,
    ) -> None:
        super().__init__()
        self.language = language
        self._context: KioskContext | None = None
        self.visit_id: uuid.UUID | None = None
        self.attendant: AttendantView | None = None
        self.large_text = False
        self.quit_allowed = False
        # The first-run wizard while a new data folder is set up (None otherwise).
        self.setup: SetupWizard | None = None
        self.tasks = Tasks(parent=self)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

        self.home = TouchButton(parent=self)
        self.home.set_pictogram("home")
        self.home.clicked.connect(self._home)
        self.languages = {lang: TouchButton(parent=self) for lang in ("fr", "en")}
        self.languages["fr"].setText("Français")
        self.languages["en"].setText("English")
        for lang, button in self.languages.items():
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, code=lang: self.set_language(code))
        # Larger text on every resident screen but the welcome one (which has its own,
        # worded, button): a resident who finds the text small on step 3 need not start
        # again.
        self.larger = TouchButton("A+", parent=self)
        self.larger.setCheckable(True)
        self.larger.toggled.connect(self.set_large_text)
        top = QHBoxLayout()
        top.setContentsMargins(24, 12, 24, 0)
        top.addWidget(self.home)
        top.addStretch(1)
        # "Besoin d'aide ?" on every resident screen (resident/help.py).
        self.help = TouchButton(parent=self)
        self.help.clicked.connect(self._ask_for_help)
        top.addWidget(self.help)
        top.addSpacing(24)  # apart from the languages: a different kind of button
        top.addWidget(self.larger)
        top.addWidget(self.languages["fr"])
        top.addWidget(self.languages["en"])

        self.welcome = WelcomeScreen(hold_ms=hold_ms)
        self.screens = Screens()
        # The screens take what the keyboard leaves: their content scrolls or shrinks,
        # the window never grows past the screen.
        self.screens.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.screens.addWidget(self.welcome)
        self.resident_screens: list[Screen] = [self.welcome]
        self.keyboard = KeyboardDock(parent=self)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.screens, 1)
        layout.addWidget(self.keyboard)
        self.setCentralWidget(central)
        self.overlay = IdleOverlay(seconds=countdown_s, parent=central)
        self.help_panel = HelpPanel(parent=central)
        self.lock_warning = LockWarning(seconds=lock_warning_s, parent=central)
        self.lock_warning.expired.connect(self.end_session)
        self.help_panel.closed.connect(self._help_closed)
        self._resident_idle_ms = idle_ms

        self.welcome.tile_chosen.connect(self._tile)
        self.welcome.larger_text_toggled.connect(self.set_large_text)
        self.welcome.attendant_requested.connect(self._open_pin_pad)

        self.idle = IdleWatcher(idle_ms=idle_ms, parent=self)
        self.idle.idle.connect(self._idle)
        self.idle.activity.connect(self._activity)
        # The counter locks itself after twice the residents' idle time (two minutes):
        # an attendant who walks away leaves nothing open. The last 20 seconds are a
        # countdown on the screen, which a touch dismisses (LockWarning).
        lock_ms = counter_lock_ms or 2 * idle_ms
        warn_at = max(lock_ms - lock_warning_s * 1000, lock_ms // 2)
        self.counter_idle = IdleWatcher(idle_ms=warn_at, parent=self)
        self.counter_idle.idle.connect(self._counter_idle)
        self.counter_idle.activity.connect(self._counter_activity)
        self.overlay.expired.connect(self.end_session)
        app = QCoreApplication.instance()
        assert app is not None
        app.installEventFilter(self.idle)
        self.idle.activity.connect(self.counter_idle.note_activity)  # one filter for both
        self.destroyed.connect(lambda: app.removeEventFilter(self.idle))

        self.set_language(FIRST_LANG)
        self.retranslate()
        self._pages: dict[QWidget, QWidget] = {}
        self._show(self.welcome)

    @property
    def context(self) -> KioskContext:
        assert self._context is not None, "attach() the core first"
        return self._context

    @property
    def ready(self) -> bool:
        return self._context is not None

    def attach(self, context: KioskContext) -> None:
        """The core is open: build the screens that show its data."""
        from .attendant.counter import CounterScreen
        from .attendant.pin_pad import PinPadScreen
        from .resident.become_lulu import BecomeLuluScreen
        from .resident.catalogue import CatalogueScreen
        from .resident.confirmation import ConfirmationScreen
        from .resident.follow import FollowScreen
        from .resident.ordering import OrderScreen
        from .resident.rate import RateScreen
        from .resident.service_detail import ServiceScreen

        self._context = context
        self.help_panel.attach(context)
        self.help.setVisible(self.current_screen in self.resident_screens)
        comptoir = context.comptoir
        categories = comptoir.catalogue.categories()
        services = comptoir.catalogue.all_services()
        settings = comptoir.settings.get()
        self.welcome.set_association(settings.association_name)
        self.welcome.set_ordering_open(bool(settings.kiosk_code))
        self.catalogue: CatalogueScreen = CatalogueScreen(services, categories)
        self.service: ServiceScreen = ServiceScreen()
        self.ordering: OrderScreen = OrderScreen(context)
        self.confirmation: ConfirmationScreen = ConfirmationScreen(context)
        self.follow: FollowScreen = FollowScreen(context)
        self.rate: RateScreen = RateScreen(context)
        self.become_lulu: BecomeLuluScreen = BecomeLuluScreen(context, categories)
        self.pin_pad: PinPadScreen = PinPadScreen(context)
        self.counter: CounterScreen = CounterScreen(context)
        self.resident_screens = [
            self.welcome,
            self.catalogue,
            self.service,
            self.ordering,
            self.confirmation,
            self.follow,
            self.rate,
            self.become_lulu,
        ]
        # Every resident screen scrolls when the keyboard, a short screen or larger text
        # leaves it less height than it needs (the catalogue's list and the order steps
        # also scroll within themselves); the counter scrolls by section. The order steps
        # scroll only between their question and their bottom bar, which stays in sight
        # above the keyboard (resident/order_bar.py).
        own_scrolling = (self.counter, self.ordering)
        for screen in (*self.resident_screens[1:], self.pin_pad, self.counter):
            page: QWidget = screen if screen in own_scrolling else _scrolling(screen)
            self._pages[screen] = page
            self.screens.addWidget(page)
        app = QCoreApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._keep_focus_visible)
        self.catalogue.service_chosen.connect(self._show_service)
        self.service.back.connect(lambda: self._show(self.catalogue))
        self.service.order.connect(self._order)
        self.ordering.back_to_service.connect(lambda: self._show(self.service))
        self.ordering.placed.connect(self._placed)
        self.ordering.abandoned.connect(self.go_home)
        self.confirmation.done.connect(self.end_session)
        self.confirmation.order_more.connect(self._order_more)
        self.follow.done.connect(self.end_session)
        self.follow.rate_order.connect(self._rate_order)
        self.rate.done.connect(self.end_session)
        self.rate.order_more.connect(self._order_more)
        self.become_lulu.done.connect(self.end_session)
        self.become_lulu.order_more.connect(self._order_more)
        self.pin_pad.cancelled.connect(self.end_session)
        self.pin_pad.logged_in.connect(self._logged_in)
        self.counter.locked.connect(self.end_session)
        self.counter.settings.quit_confirmed.connect(self._quit_by_manager)
        self.catalogue.set_scale(theme.current().factor)
        # Styled now, at start-up, rather than on a resident's first touch of each screen.
        for widget in (*self.resident_screens, self.keyboard.letters, self.keyboard.digits):
            widget.ensurePolished()
        if comptoir.settings.setup_needed():
            self.start_setup()

    def start_setup(self) -> None:
        """A new data folder: the set-up wizard, in place of the residents' screens; the
        core refuses orders and invoices until it is finished."""
        from .setup.wizard import SetupWizard

        self.context.comptoir.settings.begin_setup()
        self.setup = SetupWizard(self.context)
        self.setup.finished.connect(self._setup_finished)
        self.screens.addWidget(self.setup)  # its steps scroll within it
        self._show(self.setup)

    def _setup_finished(self) -> None:
        wizard, self.setup = self.setup, None
        assert wizard is not None
        settings = self.context.comptoir.settings.get()
        self.welcome.set_association(settings.association_name)
        self.idle.timer.setInterval(settings.idle_ms)
        self.screens.removeWidget(wizard)
        wizard.deleteLater()
        self.end_session()

    def show_out_of_order(self, refusal: OutOfOrder) -> None:
        """The core could not be opened: the "out of order" page, full screen, in place
        of everything else; the tiles and the attendant's hold stay dead (not ready)."""
        from .out_of_order import OutOfOrderScreen

        self._context = None
        self.out_of_order: OutOfOrderScreen = OutOfOrderScreen(refusal)
        self.screens.addWidget(self.out_of_order)
        self.keyboard.hide()
        self.overlay.dismiss()
        self.screens.setCurrentWidget(self.out_of_order)
        self.home.setVisible(False)
        self.larger.setVisible(False)
        for button in self.languages.values():
            button.setVisible(False)

    # --- session ---------------------------------------------------------------------

    def _tile(self, name: str) -> None:
        if not self.ready or self.setup is not None:
            return
        if self.visit_id is None:
            # The session starts now; the visit is written in the background.
            self.visit_id = uuid.uuid4()
            lang = self.language.code
            self.tasks.run(lambda: self.context.comptoir.visits.count_visit(lang), _ignore, _ignore)
        target = {
            "order": self.catalogue,
            "follow": self.follow,
            "rate": self.rate,
            "lulu": self.become_lulu,
        }[name]
        self._show(target)

    def _home(self) -> None:
        """ "Home": in the middle of an order, asked first ("Abandon this order?")."""
        if self.current_screen is self.ordering and self.ordering.started:
            self.ordering.ask_abandon()
        else:
            self.go_home()

    def go_home(self) -> None:
        """ "Home" during a visit: what was typed is forgotten, but the resident is
        still there: their language and text size stay (the idle countdown, "Finish"
        and the counter end the visit and bring French and normal text back)."""
        self.end_session(visit_goes_on=True)

    def end_session(self, *, visit_goes_on: bool = False) -> None:
        """Back to the welcome screen with every typed field and personal detail
        forgotten, and the counter locked."""
        self.overlay.dismiss()
        self.lock_warning.dismiss()
        self.tasks.forget()
        self.help_panel.close_panel()
        for screen in self._all_screens():
            screen.reset()
        self.attendant = None
        if not visit_goes_on:
            self.visit_id = None
            self.set_large_text(False)
            self.set_language(FIRST_LANG)
        # The welcome screen's reset unticked its toggle: a visit going on keeps its text.
        self._check_text_size_toggles()
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()
        self.keyboard.hide()
        if self.setup is not None:
            self._show(self.setup)
            return
        self._show(self.welcome)
        if self.ready and not self.welcome.tiles["order"].isEnabled():
            # Enrolled meanwhile (`kiosk enrol`, or a sync that learnt the code)?
            settings = self.context.comptoir.settings
            self.tasks.run(
                lambda: bool(settings.get().kiosk_code), self.welcome.set_ordering_open, _ignore
            )

    def _all_screens(self) -> list[Screen]:
        extra: list[Screen] = [self.pin_pad, self.counter] if self.ready else []
        return [*self.resident_screens, *extra]

    @property
    def session_active(self) -> bool:
        return self.visit_id is not None or self.current_screen is not self.welcome

    @property
    def current_screen(self) -> QWidget:
        """The screen shown (inside its scroll area, for those that have one)."""
        page = self.screens.currentWidget()
        inner = page.widget() if isinstance(page, QScrollArea) else page
        assert inner is not None
        return inner

    def _idle(self) -> None:
        if not self.ready or self.attendant is not None or self.setup is not None:
            return  # the counter has its own, longer, lock
        if self.session_active or self.large_text or self.language.code != FIRST_LANG:
            self.overlay.start()

    def _ask_for_help(self) -> None:
        if not self.ready or self.setup is not None:
            return
        if not self.help_panel.open:
            # Someone is coming: the idle countdown waits for them.
            self._resident_idle_ms = self.idle.timer.interval()
            self.idle.timer.setInterval(max(self._resident_idle_ms, WAIT_FOR_HELP_MS))
            self.idle.timer.start()
        self.help_panel.ask()

    def _help_closed(self) -> None:
        self.idle.timer.setInterval(self._resident_idle_ms)
        self.idle.timer.start()

    def _counter_idle(self) -> None:
        if self.ready and self.attendant is not None:
            self.lock_warning.start()

    def _counter_activity(self) -> None:
        if self.lock_warning.counting:
            self.lock_warning.dismiss()

    def _activity(self) -> None:
        if self.overlay.counting:
            self.overlay.dismiss()

    # --- navigation ------------------------------------------------------------------

    def _show(self, screen: QWidget) -> None:
        self.screens.setCurrentWidget(self._pages.get(screen, screen))
        resident = screen in self.resident_screens
        self.home.setVisible(resident and screen is not self.welcome)
        self.help.setVisible(resident and self.ready)
        self.larger.setVisible(resident and screen is not self.welcome)
        for button in self.languages.values():
            button.setVisible(resident)
        if self.isVisible():  # before, its first resize styles it
            self._restyle()

    def _counter_pages(self) -> tuple[QWidget, ...]:
        if not self.ready:
            return ()
        return (self._pages[self.pin_pad], self._pages[self.counter])

    def _keep_focus_visible(self, _old: QWidget | None, new: QWidget | None) -> None:
        page = self.screens.currentWidget()
        if new is not None and isinstance(page, QScrollArea) and page.isAncestorOf(new):
            page.ensureWidgetVisible(new, 16, 32)
            # Again once the keyboard has taken its room (its layout runs later), with
            # the screen's main button below the field ("Send my rating"): the resident
            # sees where to go next without hiding the keyboard.
            QTimer.singleShot(0, self, lambda: self._show_field_and_action(page, new))

    def _show_field_and_action(self, page: QScrollArea, field: QWidget) -> None:
        if self.screens.currentWidget() is not page or not field.hasFocus():
            return
        actions: dict[QWidget, QWidget] = {
            self.rate: self.rate.send,
            self.become_lulu: self.become_lulu.send,
        }
        action = actions.get(self.current_screen)
        if action is not None and action.isVisible():
            page.ensureWidgetVisible(action, 16, 16)
        page.ensureWidgetVisible(field, 16, 32)

    def _show_service(self, service: ServiceView) -> None:
        self.service.show_service(service)
        self._show(self.service)

    def _order(self, service: ServiceView) -> None:
        self.ordering.start(service)
        self._show(self.ordering)

    def _placed(self, order: OrderView) -> None:
        self.confirmation.show_order(order)
        # What was typed to order is forgotten at once: the confirmation keeps only the
        # order's number, date and ticket state.
        self.ordering.reset()
        self._show(self.confirmation)

    def _order_more(self) -> None:
        """The next action at the end of a flow: the catalogue, the visit going on."""
        self.go_home()
        self._tile("order")

    def _rate_order(self, order: OrderView) -> None:
        self.rate.open_order(order)
        self._show(self.rate)

    def _open_pin_pad(self) -> None:
        if not self.ready or self.setup is not None:
            return
        self.end_session()
        self.pin_pad.open()
        self._show(self.pin_pad)

    def _logged_in(self, attendant: AttendantView) -> None:
        self.attendant = attendant
        self.pin_pad.reset()
        self.counter.show_attendant(attendant)
        self._show(self.counter)

    # --- look and language -----------------------------------------------------------

    def set_language(self, lang: str) -> None:
        self.language.set(lang)
        for code, button in self.languages.items():
            button.setChecked(code == self.language.code)

    def set_large_text(self, on: bool) -> None:
        if on == self.large_text:
            return
        self.large_text = on
        self._restyle()
        self._check_text_size_toggles()

    def _check_text_size_toggles(self) -> None:
        """The welcome's "Larger text" and the top bar's A+ show the text size in use."""
        for toggle in (self.welcome.larger_text, self.larger):
            if toggle.isChecked() != self.large_text:
                toggle.setChecked(self.large_text)

    def _restyle(self) -> None:
        """The sizes for this window's size and the resident's choice of text; then
        what is sized by hand (the catalogue's rows, the keyboard) follows."""
        scale = theme.size_scale(self.width(), self.height())
        if self.attendant is not None or self.screens.currentWidget() in self._counter_pages():
            # The counter is read at arm's length by a trained attendant and holds dense
            # pages: never larger than drawn, and never in the residents' larger text.
            look = theme.Look(min(scale, 1.0), False)
        else:
            look = theme.Look(scale, self.large_text)
        app = QCoreApplication.instance()
        assert isinstance(app, QApplication)
        if theme.apply(app, look) and self.ready:
            self.catalogue.set_scale(look.factor)
        self.keyboard.fit(self.width(), self.height())

    def retranslate(self) -> None:
        self.home.setText(self.tr("Home"))
        self.help.setText(self.tr("Need help?"))
        self.larger.set_accessible(self.tr("Larger text"))
        self.languages["fr"].set_accessible("Français")
        self.languages["en"].set_accessible("English")
        self.setWindowTitle(self.tr("Comptoir"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- leaving ---------------------------------------------------------------------

    def allow_quit(self) -> None:
        """Let the next `close()` end the kiosk: for a manager only.

        The window refuses every close event until then: Alt+F4, a window manager's or
        the compositor's close button, any `close()`, so that no one at the
        touchscreen can leave the residents' screens. The settings section's "Quit the
        kiosk" button, once a manager's PIN is accepted, calls `allow_quit()` then
        `close()`; the application then ends, and under systemd the kiosk's unit is
        told not to restart it (see `ui.supervision.leave_stopped`). SIGTERM
        (`systemctl stop`) needs no permission: it ends the event loop directly."""
        self.quit_allowed = True

    def _quit_by_manager(self) -> None:
        """The settings' "Quit the kiosk", the manager's PIN accepted."""
        self.allow_quit()
        self.close()  # the last window: the application ends (quitOnLastWindowClosed)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.quit_allowed:
            super().closeEvent(event)
        else:
            event.ignore()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle()
        central = self.centralWidget()
        if central is not None:
            for overlay in (self.overlay, self.help_panel, self.lock_warning):
                if overlay.isVisible():
                    overlay.setGeometry(central.rect())
