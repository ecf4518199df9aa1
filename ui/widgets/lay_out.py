"""Layouts done before the next paint. A change of words (a language) or of sizes (the
theme's scale, larger text) gives the widgets new size hints at once, but Qt lays them
out later, one posted LayoutRequest a level, over several turns of the event loop; a
paint in between shows the new words at their old widths ("Texte plus gra" in the
width of "Larger text", its pictogram across the border). On a real X screen that paint
comes whenever the X server's Expose arrives (the window's first paint, while the store
opens), so the layouts are done here, before the caller returns to the event loop."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject

# Each round lays out one level of nested widgets whose hints changed, and posts the
# next level's request: the kiosk nests fewer levels than this.
ROUNDS = 8


def lay_out_now() -> None:
    for _ in range(ROUNDS):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


class LayOutBeforePaint(QObject):
    """The kiosk window's event filter (on the widget and on its native window): before
    it paints (an UpdateRequest posted by Qt, or the X server's Expose), the layouts
    still pending are done. A text set by
    a screen (the counter's "Counter: Camille is logged in.") asks its label's parents
    for room over a few turns, and the paint would otherwise come first."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PAINTS:
            lay_out_now()
        return False


_PAINTS = frozenset({QEvent.Type.UpdateRequest, QEvent.Type.Expose})
