"""The "out of order" page: when the store cannot be opened, the kiosk shows this, full
screen, instead of a welcome screen whose tiles would do nothing. French and English at
once (nobody is there to choose): what happened, that nothing was lost, whom to call,
and where the log is for whoever comes to repair it. Its texts are the core's messages
(kiosk_app/messages.py), as the command line says them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk_app.messages import message
from kiosk_app.store.refusals import OutOfOrder

from .widgets.screen import Screen, label

LANGS = ("fr", "en")


class OutOfOrderScreen(Screen):
    def __init__(self, refusal: OutOfOrder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outOfOrder")
        # A plain widget paints a style sheet's background only when asked to.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.refusal = refusal
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.setSpacing(24)
        layout.addStretch(1)
        self.blocks: dict[str, list[QLabel]] = {}
        for index, lang in enumerate(LANGS):
            if index:
                rule = QFrame(self)
                rule.setFrameShape(QFrame.Shape.HLine)
                layout.addWidget(rule)
            self.blocks[lang] = self._block(lang, layout)
        self.details = label("small", parent=self)
        both = " · ".join(message("out_of_order.details", lang) for lang in LANGS)
        self.details.setText(f"{both} : {refusal.log}")
        layout.addWidget(self.details)
        layout.addStretch(1)

    def _block(self, lang: str, layout: QVBoxLayout) -> list[QLabel]:
        refusal = self.refusal
        if refusal.phone:
            call = message("out_of_order.call", lang, phone=refusal.phone)
        else:
            call = message("out_of_order.call_generic", lang)
        lines = (
            ("title", message("out_of_order.title", lang)),
            ("", message(refusal.key, lang, **refusal.params)),
            ("", message("store.nothing_lost", lang)),
            ("call", call),
        )
        labels: list[QLabel] = []
        for role, text in lines:
            line = label(role, parent=self)
            line.setText(text)
            layout.addWidget(line)
            labels.append(line)
        return labels

    def text(self) -> str:
        """Every line shown, as a person reads it (tests, the log)."""
        return "\n".join(line.text() for lines in self.blocks.values() for line in lines)
