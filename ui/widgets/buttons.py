"""Touch buttons: large, with pressed-state feedback from the theme, and an accessible
name that follows their text into the current language. Every tap counts once
(taps.py): a button is held disabled while the write its tap started runs, and a tap
too soon after the same button's last tap, or after a screen appeared, is ignored."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from .. import theme
from .pictograms import pictogram, pictogram_pixmap
from .taps import TAPS

# Roles whose checked state is not "chosen among options": a key held (Shift) and a lit
# star say it their own way, without a ✓.
_NO_CHECK_MARK = frozenset({"key", "star"})
# The colour a pictogram takes on a button of each role (the text's colour there).
_ICON_COLOUR = {"primary": "on_primary", "danger": "on_danger", "tile": "primary"}
_ICON_AFTER_TEXT = frozenset({"next"})
ACTION_ICON_PX = 28  # beside a button's 22 px text: the button keeps its height


class TouchButton(QPushButton):
    """A push button whose accessible name is its text (or what `accessible` says).

    `repeats`: a key of a keyboard or a pad, a − or + (role "key" says it too): tapped
    twice quickly on purpose ("ee", "11"), so the double-tap guard leaves it alone."""

    def __init__(
        self,
        text: str = "",
        *,
        role: str = "",
        repeats: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(text, parent)
        if role:
            self.setProperty("role", role)
        self.repeats = repeats or role == "key"
        self._last_tap: int | None = None
        # While a write started by this button runs, it stays disabled whatever the
        # screen asks (a language change re-enabling "Confirm" would place a second
        # order); what the screen asked meanwhile applies when the write returns.
        self._holds = 0
        self._wanted = True
        self._accessible = ""
        self.pictogram_name = ""
        self._pictogram_set: tuple[str, str] | None = None  # (name, colour): set_pictogram
        self.setAccessibleName(text)
        # Buttons never take the focus from a text field: the on-screen keyboard stays
        # on the field being typed.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(self._accessible or text.replace("\n", " "))

    # --- the look ------------------------------------------------------------------------

    def set_pictogram(self, name: str) -> None:
        """A pictogram beside the text, in the colour of the text for this role (white
        once the button is chosen). An arrow forward goes after the text, where the
        finger goes next."""
        role = str(self.property("role") or "")
        colour = theme.PALETTE[_ICON_COLOUR.get(role, "text")]
        # The order's "Next" is set again at each key typed: a new icon re-lays out the
        # button's row, so the same one is not set twice.
        if self._pictogram_set == (name, colour):
            return
        self._pictogram_set = (name, colour)
        icon = pictogram(name, colour)
        icon.addPixmap(
            pictogram_pixmap(name, theme.PALETTE["on_selected"], 96),
            QIcon.Mode.Normal,
            QIcon.State.On,
        )
        icon.addPixmap(
            pictogram_pixmap(name, theme.PALETTE["on_disabled"], 96), QIcon.Mode.Disabled
        )
        self.setIcon(icon)
        self.setIconSize(QSize(ACTION_ICON_PX, ACTION_ICON_PX))
        # A push button draws its icon at the start of its layout direction: the only
        # way Qt offers to put it after the text (the text itself is not mirrored).
        after = name in _ICON_AFTER_TEXT
        self.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if after else Qt.LayoutDirection.LeftToRight
        )
        self.pictogram_name = name

    @property
    def shows_check_mark(self) -> bool:
        return (
            self.isCheckable()
            and self.isChecked()
            and str(self.property("role") or "") not in _NO_CHECK_MARK
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.shows_check_mark:
            paint_check_mark(self)

    def set_accessible(self, name: str) -> None:
        """A spoken name for a button whose text is a symbol ("+", "★", "⌫")."""
        self._accessible = name
        self.setAccessibleName(name)

    # --- every tap once ------------------------------------------------------------------

    def setEnabled(self, enabled: bool) -> None:
        self._wanted = bool(enabled)
        if not self._holds:
            super().setEnabled(enabled)

    def setDisabled(self, disabled: bool) -> None:
        self.setEnabled(not disabled)

    def hold(self) -> None:
        """A write this button started is running."""
        self._holds += 1
        super().setEnabled(False)

    def release(self) -> None:
        """The write returned: the button is as the screen last asked."""
        self._holds = max(0, self._holds - 1)
        if not self._holds:
            super().setEnabled(self._wanted)

    @property
    def held(self) -> bool:
        return bool(self._holds)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        tapped = (
            event.button() == Qt.MouseButton.LeftButton
            and self.isDown()
            and self.hitButton(event.position().toPoint())
        )
        if tapped and not self.repeats:
            if TAPS.too_soon(self._last_tap):
                # A bounce or an impatient second tap: no click, no toggle.
                self.setDown(False)
                event.accept()
                return
            self._last_tap = TAPS.now()
        with TAPS.tap_of(self):
            super().mouseReleaseEvent(event)
        if tapped and not self.repeats:
            # From the end of the handling: a write on the GUI thread may have taken a
            # while, and taps queued meanwhile arrive now.
            self._last_tap = TAPS.now()

    def click(self) -> None:
        """A click by program (the screenshot tour): no guard, but its write holds the
        button like a tap's."""
        with TAPS.tap_of(self):
            super().click()


def paint_check_mark(widget: QWidget) -> None:
    """A ✓ in a white disc at the top right corner: a chosen option is told by a mark,
    not by its colour alone (WCAG 1.4.1). Drawn, not typed, so that no font lacks it and
    the button's text keeps its room."""
    # Small and high in the corner: above a one-line caption's ascent at 64 px.
    diameter = max(14, min(20, widget.height() // 4))
    inset = 3
    painter = QPainter(widget)
    draw_check_mark(painter, QRectF(widget.width() - diameter - inset, inset, diameter, diameter))
    painter.end()


def draw_check_mark(painter: QPainter, box: QRectF) -> None:
    """The ✓ disc in `box` (also a chosen row's, in a list's delegate)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.PALETTE["on_selected"]))
    painter.drawEllipse(box)
    size = box.width()
    tick = QPainterPath(QPointF(box.left() + size * 0.26, box.top() + size * 0.52))
    tick.lineTo(box.left() + size * 0.44, box.top() + size * 0.70)
    tick.lineTo(box.left() + size * 0.76, box.top() + size * 0.32)
    pen = QPen(QColor(theme.PALETTE["selected"]), max(2.0, size / 7))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(tick)
    painter.restore()


class Tile(TouchButton):
    """A large tile of the welcome screen or the catalogue. Its text wraps (a push
    button's own text never does, and "Informatique et téléphone" must fit)."""

    def __init__(
        self, text: str = "", *, role: str = "tile", parent: QWidget | None = None
    ) -> None:
        super().__init__("", role=role, parent=parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # The pictogram above the caption takes what height the caption leaves, so a
        # tile never grows for it (twelve categories fit a small screen).
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.caption)
        self._picture_px: int | None = None  # the pictogram's size drawn, once drawn
        self.setText(text)

    def set_pictogram(self, name: str) -> None:
        self.pictogram_name = name
        self._picture_px = None
        self.picture.show()
        self._draw_pictogram()

    def icon(self) -> QIcon:
        """The tile's pictogram as an icon (what tests and screen readers can ask)."""
        if not self.pictogram_name:
            return QIcon()
        return pictogram(self.pictogram_name, theme.PALETTE["primary"])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._draw_pictogram()

    def _draw_pictogram(self) -> None:
        if not self.pictogram_name:
            return
        room = min(self.picture.width(), self.picture.height())
        size = min(theme.SPACING.tile_icon_px, room)
        # Each resize of the tile asks again: a label given the same picture is laid out
        # and repainted all the same.
        if self._picture_px == size:
            return
        self._picture_px = size
        if size < 24:  # too cramped to read: the caption alone
            self.picture.clear()
            return
        self.picture.setPixmap(
            pictogram_pixmap(self.pictogram_name, theme.PALETTE["primary"], size)
        )

    def setText(self, text: str) -> None:
        self.caption.setText(text)
        self.setAccessibleName(text.replace("\n", " "))

    def text(self) -> str:
        return self.caption.text()


class LongPressLabel(QLabel):
    """A label (the logo) that emits `long_pressed` after being held `hold_ms`: the
    attendant's way in, which a resident will not find by tapping."""

    long_pressed = Signal()

    def __init__(self, *, hold_ms: int = 3000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self.long_pressed)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._timer.start()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._timer.stop()
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Hide, QEvent.Type.Leave):
            self._timer.stop()
        return super().event(event)


def set_role(widget: QObject, role: str) -> None:
    """A style role set after the widget was shown: the style sheet is applied again."""
    widget.setProperty("role", role)
    if isinstance(widget, QWidget):
        widget.style().unpolish(widget)
        widget.style().polish(widget)
