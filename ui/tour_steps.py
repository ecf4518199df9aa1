"""What every part of the screen tour shares (ui/tour.py walks them in order): the
store's order it follows and rates, and the list its steps are written into."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Action = Callable[[], None]


@dataclass(frozen=True)
class TourData:
    """A done, unrated order of the store, to follow and rate, with its phone."""

    number: str
    phone: str
    manager_pin: str = "2468"  # the demo's manager (kiosk_app.demo.seed.DEMO_ATTENDANTS)

    @property
    def national_phone(self) -> str:
        """The phone as a resident types it ("06…"), not as stored ("+336…")."""
        return "0" + self.phone.removeprefix("+33") if self.phone.startswith("+33") else self.phone


class TourSteps(list[tuple[str, Action]]):
    """The tour's screens in order, each a name and what brings the window to it;
    `@steps.add("name")` writes the function below it in as the next step."""

    def add(self, name: str) -> Callable[[Action], Action]:
        def register(action: Action) -> Action:
            self.append((name, action))
            return action

        return register
