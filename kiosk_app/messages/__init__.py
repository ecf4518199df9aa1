"""What the core's message keys say, in French and English.

The touchscreen and the counter show these beside the field concerned; the command line
prints them. Keys are stable: tests check that every key the core can raise is here in
both languages. Each table maps a key to (French, English); one module per subject, and
the few keys any part may raise here.
"""

from __future__ import annotations

from typing import Any

from .counter import COUNTER_MESSAGES
from .fields import FIELD_MESSAGES
from .orders import ORDER_MESSAGES
from .settings import SETTING_MESSAGES
from .store import STORE_MESSAGES

_GENERAL: dict[str, tuple[str, str]] = {
    "error.unexpected": ("Une erreur inattendue est survenue.", "Something unexpected went wrong."),
    "error.invalid_input": (
        "Certaines informations sont à corriger.",
        "Some details need correcting.",
    ),
    "error.not_found": ("Introuvable.", "Not found."),
    "error.not_now": ("Ce n’est pas possible pour l’instant.", "This is not possible yet."),
    "request_id.invalid": (
        "Cette demande n’a pas un identifiant valable (au plus {max} lettres et chiffres).",
        "This request has no valid identifier (at most {max} letters and digits).",
    ),
    "request_id.reused": (
        "Cet identifiant de demande a déjà servi pour autre chose.",
        "This request identifier was already used for something else.",
    ),
    "error.unsafe_file_name": (
        "Ce numéro ne peut pas nommer un fichier : rien n’a été écrit.",
        "This number cannot name a file: nothing was written.",
    ),
}


def _merged(*tables: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """One table from several; a key in two of them is a mistake (the later would
    silently win), refused at import."""
    merged: dict[str, tuple[str, str]] = {}
    for one in tables:
        twice = merged.keys() & one.keys()
        if twice:
            raise ValueError(f"message keys said twice: {sorted(twice)}")
        merged.update(one)
    return merged


MESSAGES = _merged(
    _GENERAL,
    STORE_MESSAGES,
    FIELD_MESSAGES,
    ORDER_MESSAGES,
    COUNTER_MESSAGES,
    SETTING_MESSAGES,
)


def message(key: str, lang: str = "fr", **params: Any) -> str:
    """The text of `key` in `lang` ("fr" or "en"), with its parameters filled in."""
    french, english = MESSAGES.get(key, MESSAGES["error.unexpected"])
    text = english if lang == "en" else french
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text
