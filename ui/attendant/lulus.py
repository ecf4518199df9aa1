"""The Lulus at the counter: a filter by onboarding stage with the count of each, the
list (candidates waiting for a call back first, with their phone and when they
applied), and the chosen Lulu's profile beside it (lulu_profile.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QVBoxLayout, QWidget

from kiosk_app.clock import to_paris
from kiosk_app.domain.kinds import OnboardingStage
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.lulus import STAGE_ORDER, RosterRow

from ..context import KioskContext
from ..widgets.buttons import TouchButton
from ..widgets.record_list import RecordList
from ..widgets.screen import Screen, label
from .lulu_profile import LuluProfilePanel
from .lulu_words import LULU_WORDS

LIST_PX = 300


class LulusPage(Screen):  # a Screen: it retranslates itself
    def __init__(
        self,
        context: KioskContext,
        attendant: Callable[[], AttendantView | None],
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.counts: dict[OnboardingStage, int] = {}
        self.rows: list[RosterRow] = []
        self.title = label("title", parent=self)

        self._filters = QButtonGroup(self)
        self.filters: dict[OnboardingStage | None, TouchButton] = {}
        filters = QHBoxLayout()
        for stage in (*STAGE_ORDER, None):
            # Key-styled (narrow padding, lit when on): five fit beside the menu.
            button = TouchButton(role="key", parent=self)
            button.setCheckable(True)
            self._filters.addButton(button)
            self.filters[stage] = button
            filters.addWidget(button, 1)
        self.filters[None].setChecked(True)
        self._filters.buttonToggled.connect(self._filter_toggled)

        self.list = RecordList(self._row_text, width_px=LIST_PX, rows_shown=6, parent=self)
        self.list.chosen.connect(lambda row: self.show_lulu(row.id))
        self.empty = label("small", parent=self)
        self.hint = label("small", parent=self)

        def who() -> uuid.UUID | None:
            person = attendant()
            return person.id if person else None

        self.profile = LuluProfilePanel(context, who, parent=self)
        self.profile.changed.connect(self._profile_changed)
        self.profile.hide()
        self.profile.history.hide()

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.empty)
        right = QVBoxLayout()
        right.addWidget(self.hint)
        right.addWidget(self.profile)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addLayout(columns, 1)
        layout.addWidget(self.profile.history)
        self.retranslate()

    # --- showing ------------------------------------------------------------------------

    def start(self) -> None:
        """The section is shown: fresh counts and list (an application made on the
        touchscreen a minute ago is there); the Lulu shown stays shown."""
        self._reload()
        chosen = self.profile.profile
        if chosen is not None:
            self.show_lulu(chosen.lulu.id)

    def show_lulu(self, lulu_id: uuid.UUID) -> None:
        self.profile.show_lulu(lulu_id)
        self.profile.show()
        self._show_record()
        self.hint.hide()
        self.list.select(lulu_id)

    @property
    def stage(self) -> OnboardingStage | None:
        return next(s for s, b in self.filters.items() if b.isChecked())

    def _filter_toggled(self, _button: object, on: bool) -> None:
        if on:  # the button switched off by the exclusive group changes nothing
            self._reload()

    def _reload(self) -> None:
        records = self._context.comptoir.lulu_records
        self.counts = records.counts()
        self.rows = records.roster(stage=self.stage)
        shown = self.profile.profile
        self.list.fill(self.rows, selected=shown.lulu.id if shown is not None else None)
        self.retranslate()

    def _profile_changed(self) -> None:
        """A stage moved or an item was ticked: the counts and the list follow."""
        self._reload()
        self._show_record()

    def _show_record(self) -> None:
        # A candidate has no record yet: their file is what the attendant works on.
        shown = self.profile.profile
        self.profile.history.setVisible(
            shown is not None and shown.lulu.stage is not OnboardingStage.CANDIDATE
        )

    # --- words ------------------------------------------------------------------------

    def _row_text(self, row: RosterRow) -> str:
        first = row.display_name
        if row.rating_average is not None:
            locale = self._context.language.locale
            first += f"  ★ {locale.toString(row.rating_average, 'f', 1)}"
        if row.stage is OnboardingStage.CANDIDATE:
            local = to_paris(row.applied_at)
            day = QDate(local.year, local.month, local.day)
            second = self.tr("{phone} · applied {day}").format(
                phone=row.phone_display or "—",
                day=self._context.language.locale.toString(day, "d MMM"),
            )
        else:
            second = " · ".join(
                p for p in (LULU_WORDS.stage_title(row.stage), row.neighbourhood) if p
            )
        return f"{first}\n{second}"

    def retranslate(self) -> None:
        self.title.setText(self.tr("Our Lulus"))
        total = sum(self.counts.values())
        for stage, button in self.filters.items():
            name = LULU_WORDS.stages(stage) if stage is not None else self.tr("All")
            count = self.counts.get(stage, 0) if stage is not None else total
            button.setText(f"{name}\n{count}")
            button.set_accessible(name)
        self.list.setAccessibleName(self.tr("List of Lulus"))
        self.list.retranslate()
        self.empty.setText("" if self.rows else self.tr("No Lulu at this stage."))
        self.empty.setVisible(not self.rows)
        self.hint.setText(self.tr("Touch a Lulu in the list to see their file."))

    def reset(self) -> None:
        """Locked: no name, phone or file stays on the screen."""
        self.list.clear()
        self.rows = []
        self.counts = {}
        self.profile.reset()
        self.profile.hide()
        self.profile.history.hide()
        self.hint.show()
        self._filters.blockSignals(True)  # no reading the store while locked
        self.filters[None].setChecked(True)
        self._filters.blockSignals(False)
        self.retranslate()
