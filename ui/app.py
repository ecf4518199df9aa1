"""Starting the kiosk: the Qt application, the theme, the language, the window full
screen (sized to the screen first), no context menus, the cursor hidden under a finger,
systemd's notifications (ui.supervision), and a clean quit on SIGTERM."""

from __future__ import annotations

import contextlib
import gc
import logging
import signal
import socket
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, QSocketNotifier, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from . import theme
from .context import KioskContext
from .i18n import Language
from .supervision import OUT_OF_ORDER, SERVING, Supervision, leave_stopped
from .touch_cursor import HideCursorOnTouch
from .widgets.lay_out import LayOutBeforePaint
from .window import KioskWindow

if TYPE_CHECKING:
    from kiosk_app.comptoir import Comptoir
    from kiosk_app.store.refusals import OutOfOrder

log = logging.getLogger(__name__)
WINDOWED_SIZE = (1280, 800)  # --no-fullscreen: the size the sizes were drawn for


class NoContextMenus(QObject):
    """A long press on a touchscreen opens a context menu (copy, paste, select all) in
    text fields: a resident has no use for it, and it could reach the clipboard."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.ContextMenu


def application(argv: Sequence[str] = ()) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication([sys.argv[0] if sys.argv else "kiosk", *argv])
    app.setApplicationName("Comptoir")
    app.setApplicationDisplayName("Comptoir")
    return app


def quit_on_sigterm(app: QApplication) -> None:
    """Python runs signal handlers only between bytecodes, never while Qt's event loop
    waits in C++: a socket pair wakes the loop (signal.set_wakeup_fd) so SIGTERM quits
    at once and cleanly. exit(), not quit(): Qt 6's quit() first asks every window to
    close, and the kiosk's window refuses (KioskWindow.allow_quit)."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(BlockingIOError):
            reader.recv(64)

    notifier.activated.connect(drain)
    signal.signal(signal.SIGTERM, lambda *_: app.exit(0))
    signal.signal(signal.SIGINT, lambda *_: app.exit(0))
    # Keep both sockets alive as long as the application.
    app._comptoir_wakeup = (reader, writer, notifier)  # type: ignore[attr-defined]


def build_window(comptoir: Comptoir, *, app: QApplication, **options: int) -> KioskWindow:
    """A window with the core attached at once (tests, screenshots, benchmarks). The
    window reads the time from the core's clock, as the services do."""
    theme.apply(app)
    window = _window(**options)
    window.attach(KioskContext(comptoir, window.language, window.tasks))
    if "idle_ms" not in options:
        apply_settings(window, comptoir)
    return window


def apply_settings(window: KioskWindow, comptoir: Comptoir) -> None:
    """The kiosk's own settings that the window follows (the idle delay)."""
    window.idle.timer.setInterval(comptoir.settings.get().idle_ms)


def _window(**options: int) -> KioskWindow:
    language = Language()
    window = KioskWindow(language, **options)
    # The translator goes with the window (a destroyed QTranslator uninstalls itself).
    language.setParent(window)
    return window


def when_painted(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` once `widget` has been painted the first time, on a later turn
    of the event loop (so that the paint reaches the screen first)."""

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                widget.removeEventFilter(self)
                QTimer.singleShot(0, callback)
            return False

    widget.installEventFilter(FirstPaint(widget))


def freeze_long_lived() -> None:
    """Everything built so far (Qt's wrappers, the screens, the modules) lives as long as
    the kiosk: collect once, then move it out of the garbage collector's sight, so that
    its full passes no longer walk it. Without this, a full pass landing during a flick
    stalled the order queue's scrolling for 55–65 ms."""
    gc.collect()
    gc.freeze()


def run(
    open_comptoir: Callable[[], Comptoir],
    *,
    windowed: bool = False,
    painted: Callable[[], None] | None = None,
    ready: Callable[[], None] | None = None,
    start_workers: Callable[[Comptoir], Callable[[], None]] | None = None,
    out_of_order: Callable[[BaseException], OutOfOrder] | None = None,
    enrol: Callable[[Comptoir, str, str], None] | None = None,
) -> int:
    """The kiosk: the welcome screen first, then the core, opened by `open_comptoir`
    (seeding demo data, migrating the store) and closed on the way out. `painted` and
    `ready` are told when the welcome screen shows and when its tiles work.
    `start_workers` starts the background workers (print queue, sync) on the open
    store and returns what stops them, called before the store closes. When the core
    cannot be opened, `out_of_order` says why and the window shows it full screen (the
    error and its traceback go to the log); without it, the error rises. `enrol` joins
    the central server from the set-up wizard or the settings. Under systemd,
    the unit hears READY=1 once the welcome screen is painted, then the watchdog's
    pings (ui.supervision)."""
    from .qt_messages import route_qt_messages

    route_qt_messages()
    app = application()
    app.installEventFilter(NoContextMenus(app))
    app.installEventFilter(HideCursorOnTouch(app))
    quit_on_sigterm(app)
    supervision = Supervision.from_environment(parent=app)
    # Styled once, for the size the window is about to take: restyling every widget
    # again at its first resize would cost the start-up.
    size = QSize(*WINDOWED_SIZE) if windowed else app.primaryScreen().size()
    theme.apply(app, theme.Look(theme.size_scale(size.width(), size.height())))
    window = _window()
    opened: list[Comptoir] = []
    stops: list[Callable[[], None]] = []

    def attach() -> None:
        try:
            opened.append(open_comptoir())
            if start_workers is not None:
                stops.append(start_workers(opened[0]))
            comptoir = opened[0]
            joining = None if enrol is None else (lambda u, t: enrol(comptoir, u, t))
            window.attach(KioskContext(comptoir, window.language, window.tasks, joining))
            apply_settings(window, comptoir)
        except Exception as error:
            if out_of_order is None:
                raise
            log.exception("the kiosk cannot open its data: out of order")
            window.show_out_of_order(out_of_order(error))
            if supervision is not None:
                supervision.status(OUT_OF_ORDER)
            return
        log.info("the kiosk is ready")
        if supervision is not None:
            # Once this turn of the event loop has painted the store's screens: a
            # technician (or a test) reading the status sees the welcome as it stays.
            QTimer.singleShot(0, lambda: supervision.status(SERVING))
        freeze_long_lived()
        if ready is not None:
            ready()

    def first_paint() -> None:
        if painted is not None:
            painted()
        if supervision is not None:
            supervision.ready()  # and a first ping: opening the store has a full period
        attach()

    when_painted(window.welcome, first_paint)
    if windowed:
        window.resize(*WINDOWED_SIZE)
        window.show()
    else:
        # Without a window manager, showFullScreen() alone can leave a small window:
        # size it to the screen first.
        screen = app.primaryScreen()
        window.setGeometry(screen.geometry())
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        window.showFullScreen()
    # On the window only, not the application: an application's filter is a call into
    # Python for every event of every widget. The window gets Qt's UpdateRequest, its
    # native window the X server's Expose (it exists once shown).
    lay_out = LayOutBeforePaint(window)
    window.installEventFilter(lay_out)
    handle = window.windowHandle()
    if handle is not None:
        handle.installEventFilter(lay_out)
    try:
        return app.exec()
    finally:
        if supervision is not None:
            supervision.stopping()
        if window.quit_allowed:
            leave_stopped()
        for stop in stops:
            stop()
        for comptoir in opened:
            comptoir.close()
