"""One Lulu at the counter: who they are, where their file is in the onboarding pipeline
with the moves allowed from there (nothing else is offered), the checklist as big
toggles, the tutor, and their record (lulu_history.py). Every change is written off the
GUI thread with the logged-in attendant's id; a refusal of the core is shown beside the
part concerned."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.domain.kinds import OnboardingStage
from kiosk_app.views.lulus import CHECKLIST, LuluProfile, LuluView, allowed_moves

from ..context import KioskContext
from ..format import paris_datetime
from ..i18n import current_lang
from ..resident.catalogue import make_flickable
from ..widgets.buttons import TouchButton
from ..widgets.field import show_refusal
from ..widgets.reflow import ReflowGrid
from ..widgets.screen import Screen, label
from .lulu_history import LuluHistory
from .lulu_words import LULU_WORDS

S = OnboardingStage
TUTOR_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_PX = 56
# A tutor accompanies a Lulu until they are onboarded.
NEEDS_TUTOR = (S.CANDIDATE, S.FILE_IN_PROGRESS)


def _bold(text: str) -> str:
    return f"<b>{html.escape(text)}</b>"


class LuluProfilePanel(Screen):  # a Screen: it retranslates itself
    changed = Signal()  # the file was written: the list's counts and rows follow

    def __init__(
        self,
        context: KioskContext,
        attendant_id: Callable[[], uuid.UUID | None],
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._attendant_id = attendant_id
        self.profile: LuluProfile | None = None

        self.name = label("title", parent=self)
        self.facts = label(parent=self)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)  # names and notes as typed
        self.stage_shown = label(parent=self)
        self.note = label("success", parent=self)
        self.error = label("error", parent=self)

        self.moves: dict[OnboardingStage, TouchButton] = {}
        # Two a row, or one on a narrow page: the French words for the moves are long.
        self._moves = ReflowGrid(most_columns=2, parent=self)
        for stage in (S.FILE_IN_PROGRESS, S.ONBOARDED, S.CANDIDATE, S.INACTIVE):
            button = TouchButton(role="primary" if stage is S.ONBOARDED else "", parent=self._moves)
            button.clicked.connect(lambda _=False, to=stage: self._move(to))
            self.moves[stage] = button

        self.checklist_title = label(parent=self)
        self.checklist_note = label("small", parent=self)
        self.checklist_done = label(parent=self)  # an onboarded Lulu's complete file
        self.checklist: dict[str, TouchButton] = {}
        grid = QGridLayout()
        for index, item in enumerate(CHECKLIST):
            button = TouchButton(parent=self)
            button.setCheckable(True)
            # clicked, not toggled: showing a file sets the buttons without writing.
            button.clicked.connect(lambda done, it=item: self._tick(it, done))
            self.checklist[item] = button
            grid.addWidget(button, index, 0)

        self.tutor_box = QWidget(self)
        self.tutor_title = label(parent=self.tutor_box)
        self.tutor_shown = label(parent=self.tutor_box)
        self.tutors = QListWidget(self.tutor_box)
        self.tutors.setFixedHeight(ROW_PX * 4 + 8)
        self.tutors.itemSelectionChanged.connect(self._refresh_buttons)
        make_flickable(self.tutors)
        self.tutor_error = label("error", parent=self.tutor_box)
        self.choose_tutor = TouchButton(role="primary", parent=self.tutor_box)
        self.choose_tutor.clicked.connect(self._choose_tutor)
        self.remove_tutor = TouchButton(parent=self.tutor_box)
        self.remove_tutor.clicked.connect(lambda: self._set_tutor(None))
        # The tutor there is, with its button; then whom to choose instead.
        current = QHBoxLayout()
        current.addWidget(self.tutor_shown, 1)
        current.addWidget(self.remove_tutor)
        tutor = QVBoxLayout(self.tutor_box)
        tutor.setContentsMargins(0, 8, 0, 0)
        tutor.addWidget(self.tutor_title)
        tutor.addLayout(current)
        for widget in (self.tutors, self.tutor_error, self.choose_tutor):
            tutor.addWidget(widget)

        # The record is placed by the page, under the list and this panel: its table
        # needs the width of both.
        self.history = LuluHistory(context, parent=self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.name, self.facts, self.stage_shown):
            layout.addWidget(widget)
        layout.addWidget(self._moves)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        layout.addWidget(self.checklist_title)
        layout.addWidget(self.checklist_note)
        layout.addLayout(grid)
        layout.addWidget(self.checklist_done)
        layout.addWidget(self.tutor_box)
        layout.addStretch(1)
        self.checklist_title.setContentsMargins(0, 8, 0, 0)
        self.retranslate()

    # --- showing a Lulu -----------------------------------------------------------------

    def show_lulu(self, lulu_id: uuid.UUID) -> None:
        """Show the Lulu afresh: what was said about another Lulu is forgotten."""
        for text in (self.note, self.error, self.tutor_error):
            text.clear()
        self._load(lulu_id)

    def _load(self, lulu_id: uuid.UUID) -> None:
        comptoir = self._context.comptoir
        profile = comptoir.lulu_records.profile(lulu_id)
        self.profile = profile
        stage = profile.lulu.stage
        self.tutors.clear()
        if stage in NEEDS_TUTOR:
            for tutor in comptoir.onboarding.tutor_choices(lulu_id):
                if tutor.id == profile.lulu.tutor_id:
                    continue  # already theirs: shown above the list
                item = QListWidgetItem(self._tutor_text(tutor))
                item.setData(TUTOR_ROLE, tutor)
                item.setSizeHint(QSize(0, ROW_PX))
                self.tutors.addItem(item)
        if stage is S.CANDIDATE:
            self.history.reset()  # no record yet, and the page does not show it
        else:
            self.history.show_lulu(lulu_id, profile.totals)
        self.retranslate()

    def _tutor_text(self, tutor: LuluView) -> str:
        parts = [tutor.display_name, tutor.neighbourhood]
        if self.profile is not None and tutor.skills & self.profile.lulu.skills:
            parts.append(self.tr("same skills"))
        return " · ".join(part for part in parts if part)

    # --- the changes ----------------------------------------------------------------------

    def _move(self, to: OnboardingStage) -> None:
        lulu_id, who = self._ids()
        onboarding = self._context.comptoir.onboarding
        note = self.tr("Moved to: {stage}.").format(stage=LULU_WORDS.stage(to))
        self._write(lambda: onboarding.move(lulu_id, to, attendant_id=who), note)

    def _tick(self, item: str, done: bool) -> None:
        lulu_id, who = self._ids()
        onboarding = self._context.comptoir.onboarding
        word = LULU_WORDS.item(item)
        note = (self.tr("Ticked: {item}.") if done else self.tr("Unticked: {item}.")).format(
            item=word
        )
        self._write(lambda: onboarding.tick(lulu_id, item, done, attendant_id=who), note)

    def _choose_tutor(self) -> None:
        # The button is enabled only with a row chosen (see _refresh_buttons).
        self._set_tutor(self.tutors.currentItem().data(TUTOR_ROLE))

    def _set_tutor(self, tutor: LuluView | None) -> None:
        lulu_id, who = self._ids()
        onboarding = self._context.comptoir.onboarding
        tutor_id = tutor.id if tutor else None
        note = (
            self.tr("{name} is now the tutor.").format(name=tutor.display_name)
            if tutor
            else self.tr("No tutor any more.")
        )
        self._write(lambda: onboarding.set_tutor(lulu_id, tutor_id, attendant_id=who), note)

    def _ids(self) -> tuple[uuid.UUID, uuid.UUID]:
        assert self.profile is not None
        who = self._attendant_id()
        assert who is not None, "the counter is locked"
        return self.profile.lulu.id, who

    def _write(self, work: Callable[[], object], note: str) -> None:
        for text in (self.note, self.error, self.tutor_error):
            text.clear()
        self._refresh_buttons()
        assert self.profile is not None
        lulu_id = self.profile.lulu.id
        self._context.tasks.run(
            work, lambda _view: self._written(lulu_id, note), lambda e: self._refused(lulu_id, e)
        )

    def _written(self, lulu_id: uuid.UUID, note: str) -> None:
        if self.profile is None or self.profile.lulu.id != lulu_id:
            return  # locked, or another Lulu shown since: the note is not theirs
        self._load(lulu_id)
        self.note.setText(note)
        self._refresh_buttons()
        self.changed.emit()

    def _refused(self, lulu_id: uuid.UUID, error: Exception) -> None:
        if self.profile is None or self.profile.lulu.id != lulu_id:
            return  # locked, or another Lulu shown since
        self._load(lulu_id)  # the toggles show what the store holds

        def say(field: str, text: str) -> None:
            (self.tutor_error if field == "tutor" else self.error).setText(text)

        show_refusal(error, {}, say)
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        for said in (self.note, self.error, self.tutor_error):
            said.setVisible(bool(said.text()))
        self.choose_tutor.setEnabled(self.tutors.currentItem() is not None)

    # --- words ------------------------------------------------------------------------

    def _facts(self, profile: LuluProfile) -> str:
        lang = current_lang()
        lulu = profile.lulu
        names = {c.code: c.name(lang) for c in self._context.comptoir.catalogue.categories()}
        skills = sorted(names.get(code, code) for code in lulu.skills)
        lines = []
        if profile.phone_display:
            lines.append(self.tr("Phone: {phone}").format(phone=profile.phone_display))
        lines.append(self.tr("Applied: {day}").format(day=paris_datetime(profile.applied_at)))
        if lulu.neighbourhood:
            lines.append(self.tr("Neighbourhood: {name}").format(name=lulu.neighbourhood))
        lines.append(self.tr("Skills: {skills}").format(skills=", ".join(skills) or "—"))
        languages = ", ".join(LULU_WORDS.language(code) for code in lulu.languages)
        lines.append(self.tr("Speaks: {languages}").format(languages=languages or "—"))
        if profile.availability:
            lines.append(self.tr("Available: {when}").format(when=profile.availability))
        return "\n".join(lines)

    def retranslate(self) -> None:
        self.checklist_title.setText(_bold(self.tr("Checklist")))
        self.tutor_title.setText(_bold(self.tr("Tutor")))
        self.tutors.setAccessibleName(self.tr("Onboarded Lulus who can tutor"))
        self.choose_tutor.setText(self.tr("Choose as tutor"))
        self.remove_tutor.setText(self.tr("Remove the tutor"))
        for item, button in self.checklist.items():
            word = LULU_WORDS.item(item)
            button.setText(("✓ " if button.isChecked() else "") + word)
            button.set_accessible(word)
        profile = self.profile
        if profile is None:
            self._refresh_buttons()
            return
        lulu = profile.lulu
        stage = lulu.stage or S.CANDIDATE
        self.name.setText(lulu.display_name)
        self.facts.setText(self._facts(profile))
        self.stage_shown.setText(
            self.tr("Stage: {stage}, since {day}").format(
                stage=_bold(LULU_WORDS.stage(stage)), day=paris_datetime(profile.stage_changed_at)
            )
        )
        allowed = allowed_moves(stage)
        for to, button in self.moves.items():
            button.setVisible(to in allowed)
            button.setText(LULU_WORDS.move(stage, to))
        # In the pipeline's order: forward first.
        self._moves.set_buttons([self.moves[to] for to in allowed])
        complete = all(lulu.checklist.values())
        self.moves[S.ONBOARDED].setEnabled(complete)
        # An onboarded Lulu's file stays complete (kiosk_app/services/onboarding.py): it
        # is read, not toggled, until the file goes back.
        onboarded = stage is S.ONBOARDED
        for item, button in self.checklist.items():
            done = lulu.checklist.get(item, False)
            button.setChecked(done)
            button.setText(("✓ " if done else "") + LULU_WORDS.item(item))
            button.setVisible(not onboarded)
        self.checklist_done.setText(
            "\n".join(f"✓ {LULU_WORDS.item(item)}" for item in CHECKLIST) if onboarded else ""
        )
        self.checklist_done.setVisible(onboarded)
        if onboarded:
            note = self.tr("The file is complete. To change it, move it back to file in progress.")
        elif S.ONBOARDED in allowed and not complete:
            note = self.tr("Tick every item to onboard this Lulu.")
        else:
            note = ""
        self.checklist_note.setText(note)
        self.checklist_note.setVisible(bool(note))
        self.tutor_box.setVisible(stage in NEEDS_TUTOR)
        self.tutor_shown.setText(
            self.tr("Tutor: {name}").format(name=profile.tutor_name)
            if profile.tutor_name
            else self.tr("No tutor yet. Choose an onboarded Lulu:")
        )
        self.remove_tutor.setVisible(bool(profile.tutor_name))
        for row in range(self.tutors.count()):
            entry = self.tutors.item(row)
            entry.setText(self._tutor_text(entry.data(TUTOR_ROLE)))
        self._refresh_buttons()

    def reset(self) -> None:
        self.profile = None
        self.tutors.clear()
        for text in (self.name, self.facts, self.stage_shown, self.note, self.error):
            text.clear()
        self.tutor_error.clear()
        self.checklist_done.clear()
        self.history.reset()
        self.retranslate()
