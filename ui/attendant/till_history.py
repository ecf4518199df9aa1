"""The till's past closings (the Z reports), newest first: choose one to read its
report, and ask for it to be printed again (the page sends the print, with who asked)."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QSize, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kiosk_app.clock import to_paris
from kiosk_app.views.till import CashSessionView
from printing.till_report import report_name

from ..context import KioskContext
from ..format import money, paris_datetime, paris_time
from ..resident.catalogue import make_flickable
from ..widgets.buttons import TouchButton
from ..widgets.screen import Screen, label
from .till_close import signed_money
from .words import WORDS

SESSION_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's CashSessionView
HISTORY_LIMIT = 50
ROW_PX = 56


class ClosingHistory(Screen):  # a Screen: it retranslates itself
    reprint_asked = Signal(object)  # the CashSessionView chosen

    def __init__(self, context: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.title = label(parent=self)
        self.history = QListWidget(self)
        self.history.setMinimumHeight(3 * ROW_PX)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # On a narrow page (1024 px) a closing's line takes the row's second line: the
        # row is a finger's height, room for two.
        self.history.setWordWrap(True)
        self.history.itemSelectionChanged.connect(self._report_chosen)
        make_flickable(self.history)
        self.report = label(parent=self)
        self.reprint = TouchButton(parent=self)
        self.reprint.clicked.connect(self._reprint)
        history = QVBoxLayout(self)
        history.setContentsMargins(0, 24, 0, 0)
        history.addWidget(self.title)
        history.addWidget(self.history)
        history.addWidget(self.report)
        history.addWidget(self.reprint)
        self.retranslate()

    def fill(self, *, select: int | None = None) -> None:
        self.history.clear()
        for session in self._context.comptoir.till.closed(limit=HISTORY_LIMIT):
            item = QListWidgetItem(self._history_text(session))
            item.setData(SESSION_ROLE, session)
            item.setSizeHint(QSize(0, ROW_PX))  # a finger's height, not a line of text
            self.history.addItem(item)
            if session.number == select:
                self.history.setCurrentItem(item)
        self._report_chosen()

    def _chosen_report(self) -> CashSessionView | None:
        item = self.history.currentItem()
        if item is None or not item.isSelected():
            return None
        session: CashSessionView = item.data(SESSION_ROLE)
        return session

    def _report_chosen(self) -> None:
        session = self._chosen_report()
        self.report.setText(self._report_text(session) if session is not None else "")
        self.reprint.setEnabled(session is not None)

    def _reprint(self) -> None:
        session = self._chosen_report()
        if session is not None:
            self.reprint_asked.emit(session)

    def _history_text(self, session: CashSessionView) -> str:
        closed_at = to_paris(session.closed_at or session.opened_at)
        day = QDate(closed_at.year, closed_at.month, closed_at.day)
        locale = self._context.language.locale
        when = f"{locale.toString(day, QLocale.FormatType.ShortFormat)} {paris_time(closed_at)}"
        difference = session.difference_cents or 0
        return " · ".join(
            (
                report_name(session.number),
                when,
                session.closed_by or "",
                self.tr("difference {amount}").format(amount=signed_money(difference)),
            )
        )

    def _report_text(self, session: CashSessionView) -> str:
        lines = [
            self.tr(
                "{name}: opened by {opener} on {opened}, closed by {closer} on {closed}."
            ).format(
                name=report_name(session.number),
                opener=session.opened_by,
                opened=paris_datetime(session.opened_at),
                closer=session.closed_by or "",
                closed=paris_datetime(session.closed_at or session.opened_at),
            ),
            self.tr("Float: {amount}").format(amount=money(session.float_cents)),
        ]
        for line in session.lines:
            lines.append(
                self.tr(
                    "{method}: expected {expected}, counted {counted}, difference {gap}"
                ).format(
                    method=WORDS.method(line.method),
                    expected=money(line.expected_cents),
                    counted=money(line.counted_cents or 0),
                    gap=signed_money(line.difference_cents or 0),
                )
            )
        if session.approved_by:
            lines.append(self.tr("Difference accepted by {name}.").format(name=session.approved_by))
        return "\n".join(lines)

    def retranslate(self) -> None:
        self.title.setText("<b>{}</b>".format(self.tr("Past closings (Z)")))
        self.history.setAccessibleName(self.tr("Past closings"))
        self.reprint.setText(self.tr("Print this report again"))
        for row in range(self.history.count()):
            item = self.history.item(row)
            item.setText(self._history_text(item.data(SESSION_ROLE)))
        self._report_chosen()

    def clear(self) -> None:
        """The reports shown go (the counter is locked)."""
        self.history.clear()
        self._report_chosen()
