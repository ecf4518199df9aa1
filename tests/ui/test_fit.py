"""Every screen of the tour fits the kiosk's screens, in French (the longer language):
1024×768, 1280×800, 1920×1080 and portrait 1080×1920; the residents' screens also in
larger text at each size. English is walked only where room is tightest (the residents'
screens in larger text at 1024×768 and in portrait, the counter at 1024×768): its words
are shorter on the whole but not everywhere, and each walk costs some seconds of CI.
A failure names the step and the widget: a text cut or elided, a horizontal scroll bar,
a button off the window."""

from __future__ import annotations

import pytest

from kiosk_app.comptoir import Comptoir
from ui.tour import RESIDENT_STEPS, TourData, tour

from .conftest import MakeKiosk
from .fit_check import problems
from .tour_data import fit_tour_data

SIZES = {
    "1024x768": (1024, 768),
    "1280x800": (1280, 800),
    "1920x1080": (1920, 1080),
    "portrait": (1080, 1920),
}


@pytest.fixture
def tour_data(comptoir: Comptoir, attendants: None) -> TourData:
    return fit_tour_data(comptoir)


def _walk(
    kiosk_window: object, data: TourData, size: tuple[int, int], **options: object
) -> list[str]:
    found: list[str] = []
    steps = 0
    for step in tour(kiosk_window, data, **options):  # type: ignore[arg-type]
        steps += 1
        found += [f"{step}: {problem}" for problem in problems(kiosk_window)]  # type: ignore[arg-type]
        window_size = kiosk_window.size()  # type: ignore[attr-defined]
        if (window_size.width(), window_size.height()) != size:
            found.append(f"{step}: the window grew to {window_size.width()}×{window_size.height()}")
    assert steps >= 10
    return found


@pytest.mark.parametrize(
    ("size", "large_text", "lang"),
    [
        *(
            pytest.param(size, large, "fr", id=f"{size}-{'larger' if large else 'normal'}")
            for size in SIZES
            for large in (False, True)
        ),
        pytest.param("1024x768", True, "en", id="1024x768-larger-en"),
        pytest.param("portrait", True, "en", id="portrait-larger-en"),
    ],
)
def test_every_resident_screen_fits(
    make_kiosk: MakeKiosk, tour_data: TourData, size: str, large_text: bool, lang: str
) -> None:
    kiosk = make_kiosk(size=SIZES[size])
    found = _walk(
        kiosk.window,
        tour_data,
        SIZES[size],
        lang=lang,
        large_text=large_text,
        only=RESIDENT_STEPS,
    )
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(
    ("size", "lang"),
    [
        *(pytest.param(size, "fr", id=size) for size in SIZES),
        pytest.param("1024x768", "en", id="1024x768-en"),
    ],
)
def test_every_counter_screen_fits(
    make_kiosk: MakeKiosk, tour_data: TourData, size: str, lang: str
) -> None:
    kiosk = make_kiosk(size=SIZES[size])
    found = _walk(kiosk.window, tour_data, SIZES[size], lang=lang)
    found = [line for line in found if line.split(":")[0] not in RESIDENT_STEPS]
    assert found == [], "\n".join(found)
