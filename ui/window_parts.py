"""What the kiosk window (ui/window.py) holds, declared once for its parts: the
resident's session (ui/resident_session.py) and which screen follows which
(ui/screen_flow.py) are mixins of KioskWindow that read and change the window's
screens and state. Declarations only, for the type checker: the window builds them."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStackedWidget, QWidget

    from kiosk_app.views.attendants import AttendantView

    from .attendant.counter import CounterScreen
    from .attendant.pin_pad import PinPadScreen
    from .context import KioskContext
    from .i18n import Language
    from .idle import IdleOverlay, IdleWatcher, LockWarning
    from .resident.become_lulu import BecomeLuluScreen
    from .resident.catalogue import CatalogueScreen
    from .resident.confirmation import ConfirmationScreen
    from .resident.follow import FollowScreen
    from .resident.help import HelpPanel
    from .resident.ordering import OrderScreen
    from .resident.rate import RateScreen
    from .resident.service_detail import ServiceScreen
    from .resident.welcome import WelcomeScreen
    from .setup.wizard import SetupWizard
    from .tasks import Tasks
    from .widgets.buttons import TouchButton
    from .widgets.keyboard import KeyboardDock
    from .widgets.screen import Screen


# For the type checker the part is the widget it is mixed into (QObject.tr, signals,
# a parent for timers and watchers); at run time a plain class, before QWidget in the
# widget's bases.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget as _Widget
else:
    _Widget = object


class WindowParts(_Widget):
    """The base of KioskWindow's parts: nothing at run time."""

    if TYPE_CHECKING:
        language: Language
        visit_id: uuid.UUID | None
        attendant: AttendantView | None
        large_text: bool
        setup: SetupWizard | None
        tasks: Tasks
        screens: QStackedWidget
        _pages: dict[QWidget, QWidget]
        keyboard: KeyboardDock
        home: TouchButton
        help: TouchButton
        larger: TouchButton
        languages: dict[str, TouchButton]
        overlay: IdleOverlay
        help_panel: HelpPanel
        lock_warning: LockWarning
        idle: IdleWatcher
        counter_idle: IdleWatcher
        _resident_idle_ms: int
        welcome: WelcomeScreen
        catalogue: CatalogueScreen
        service: ServiceScreen
        ordering: OrderScreen
        confirmation: ConfirmationScreen
        follow: FollowScreen
        rate: RateScreen
        become_lulu: BecomeLuluScreen
        pin_pad: PinPadScreen
        counter: CounterScreen
        resident_screens: list[Screen]

        @property
        def context(self) -> KioskContext: ...
        @property
        def ready(self) -> bool: ...
        @property
        def current_screen(self) -> QWidget: ...
        def isVisible(self) -> bool: ...
        def _show(self, screen: QWidget) -> None: ...
        def _restyle(self) -> None: ...
        def set_language(self, lang: str) -> None: ...
        def set_large_text(self, on: bool) -> None: ...
        def _check_text_size_toggles(self) -> None: ...
        def go_home(self) -> None: ...
        def end_session(self, *, visit_goes_on: bool = False) -> None: ...
        def _tile(self, name: str) -> None: ...
