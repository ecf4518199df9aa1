"""The counter's words for a Lulu's onboarding: stages, checklist items, the moves
between stages (named from where the file is), and the languages Lulus speak."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject

from kiosk_app.domain.kinds import OnboardingStage

S = OnboardingStage


class LuluWords(QObject):
    def stage(self, stage: OnboardingStage) -> str:
        """The stage inside a sentence ("Stage: onboarded, since…"); see `stage_title`."""
        return {
            S.CANDIDATE: self.tr("candidate"),
            S.FILE_IN_PROGRESS: self.tr("file in progress"),
            S.ONBOARDED: self.tr("onboarded"),
            S.INACTIVE: self.tr("inactive"),
        }[stage]

    def stage_title(self, stage: OnboardingStage) -> str:
        """The stage starting a line."""
        text = self.stage(stage)
        return text[:1].upper() + text[1:]

    def stages(self, stage: OnboardingStage) -> str:
        """A filter's name: the Lulus at that stage."""
        return {
            S.CANDIDATE: self.tr("Candidates"),
            S.FILE_IN_PROGRESS: self.tr("In progress"),
            S.ONBOARDED: self.tr("Onboarded"),
            S.INACTIVE: self.tr("Inactive"),
        }[stage]

    def item(self, item: str) -> str:
        return {
            "identity_checked": self.tr("Identity checked"),
            "business_registered": self.tr("Registered as self-employed"),
            "urssaf_declared": self.tr("Declared to URSSAF"),
            "insured": self.tr("Insured"),
            "trained": self.tr("Trained"),
        }.get(item, item)

    def move(self, start: OnboardingStage, to: OnboardingStage) -> str:
        """The button that moves a file from `start` to `to`."""
        if to is S.ONBOARDED:
            return self.tr("Onboard")
        if to is S.INACTIVE:
            return self.tr("Set inactive")
        if to is S.CANDIDATE:
            return self.tr("Back to candidate")
        if start is S.CANDIDATE:
            return self.tr("Open the file")
        if start is S.INACTIVE:
            return self.tr("Reactivate")
        return self.tr("Reopen the file")

    def language(self, code: str) -> str:
        names = {
            "fr": self.tr("French"),
            "en": self.tr("English"),
            "ar": self.tr("Arabic"),
            "es": self.tr("Spanish"),
            "pt": self.tr("Portuguese"),
            "zh": self.tr("Chinese"),
            "wo": self.tr("Wolof"),
        }
        return names.get(code) or QLocale(code).nativeLanguageName() or code


LULU_WORDS = LuluWords()
