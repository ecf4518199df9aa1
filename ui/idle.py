"""Idle residents: one application-wide event filter restarts a single-shot timer on any
touch, click or key (cheap: it never looks further than the event's type). When the
timer fires, an overlay counts down; at zero the window forgets the session."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from .widgets.buttons import TouchButton
from .widgets.screen import label

IDLE_MS = 60_000
COUNTDOWN_S = 15
# The counter's lock is announced this long before (the attendant touches to stay).
LOCK_WARNING_S = 20
CARD_PX = 860  # the help panel's card (resident/help.py)
CARD_MAX_PX = 900  # wide enough for the question on one line at the largest text

ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


class IdleWatcher(QObject):
    """`idle` fires after `idle_ms` without activity."""

    idle = Signal()
    activity = Signal()

    def __init__(self, *, idle_ms: int = IDLE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self.timer.timeout.connect(self.idle)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here (each widget's paint and layout
        # too: thousands a screen change): the class check first, since reading
        # event.type() builds a Python enum each time; touches, clicks and keys are
        # all input events.
        if isinstance(event, QInputEvent) and event.type() in ACTIVITY:
            self.note_activity()
        return False

    def note_activity(self) -> None:
        """Activity seen by another watcher's filter (one filter is enough for many
        watchers: each filter costs every event of the application a call)."""
        self.timer.start()
        self.activity.emit()


class IdleOverlay(QFrame):
    """ "Are you still there?" over the whole window, counting down."""

    expired = Signal()

    def __init__(self, *, seconds: int = COUNTDOWN_S, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("idleOverlay")
        self._seconds = seconds
        self.remaining = seconds
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        self.card = card = QFrame(self)
        card.setObjectName("idleCard")
        self.question = label("title", parent=card)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = label(parent=card)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stay = TouchButton(role="primary", parent=card)
        self.stay.clicked.connect(self.dismiss)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(48, 32, 48, 32)
        inner.setSpacing(24)
        inner.addWidget(self.question)
        inner.addWidget(self.countdown)
        inner.addWidget(self.stay)
        # The card fills the width its side margins leave (set from the window at each
        # start): a card centred at its own size hint would give a wrapped question the
        # height of one line.
        self.question.setWordWrap(True)
        self.countdown.setWordWrap(True)
        self._outer = QVBoxLayout(self)
        self._outer.addStretch(1)
        self._outer.addWidget(card)
        self._outer.addStretch(1)
        self.hide()
        self.retranslate()

    def start(self) -> None:
        self.remaining = self._seconds
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self._tick.start()
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        side = max(24, (self.width() - CARD_MAX_PX) // 2)
        self._outer.setContentsMargins(side, 24, side, 24)
        super().resizeEvent(event)

    def dismiss(self) -> None:
        self._tick.stop()
        self.hide()

    @property
    def counting(self) -> bool:
        return self._tick.isActive()

    def _count_down(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.dismiss()
            self.expired.emit()
        else:
            self.retranslate()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Are you still there?"))
        self.countdown.setText(self.tr("Back to the start in %n second(s).", "", self.remaining))
        self.stay.setText(self.tr("Yes, I am still here"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LockWarning(IdleOverlay):
    """The counter, left alone, says it is about to lock; any touch keeps it open (the
    window dismisses it on activity, as it does the residents' countdown)."""

    def __init__(self, *, seconds: int = LOCK_WARNING_S, parent: QWidget) -> None:
        super().__init__(seconds=seconds, parent=parent)
        self.setObjectName("lockWarning")

    def retranslate(self) -> None:
        self.question.setText(self.tr("The counter is about to lock"))
        self.countdown.setText(self.tr("Locked in %n second(s).", "", self.remaining))
        self.stay.setText(self.tr("Touch to keep the counter open"))
