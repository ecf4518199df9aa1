"""What the attendant reads about the printer, in French and English. Faults are stored
on print jobs as these keys."""

from __future__ import annotations

PRINTER_MESSAGES: dict[str, tuple[str, str]] = {
    "printer.offline": (
        "L’imprimante ne répond pas : vérifiez qu’elle est allumée et branchée. "
        "Le ticket attend et partira dès qu’elle répondra.",
        "The printer does not answer: check that it is on and plugged in. "
        "The ticket waits and will print as soon as it answers.",
    ),
    "printer.paper_out": (
        "Plus de papier : mettez un rouleau neuf. Le ticket attend.",
        "Out of paper: put in a new roll. The ticket is waiting.",
    ),
    "printer.cover_open": (
        "Le capot de l’imprimante est ouvert : refermez-le. Le ticket attend.",
        "The printer’s cover is open: close it. The ticket is waiting.",
    ),
    "printer.dropped": (
        "La connexion à l’imprimante a été coupée pendant l’impression : le ticket est "
        "imprimé à nouveau une seule fois, marqué RÉIMPRESSION.",
        "The connection to the printer was cut while printing: the ticket prints again "
        "once, marked REPRINT.",
    ),
    "printer.stalled": (
        "L’imprimante est bloquée (elle ne répond plus) : vérifiez-la. Le ticket est "
        "imprimé à nouveau une seule fois, marqué RÉIMPRESSION.",
        "The printer is stuck (it no longer answers): check it. The ticket prints again "
        "once, marked REPRINT.",
    ),
    "printer.unprintable": (
        "Ce ticket ne peut pas être imprimé (commande introuvable). Réimprimez-le depuis "
        "l’historique de la commande.",
        "This ticket cannot be printed (order not found). Reprint it from the order’s history.",
    ),
    "printer.cancelled": (
        "Impression annulée.",
        "Print cancelled.",
    ),
    "printer.saved_to_file": (
        "Aucune imprimante configurée : le ticket est enregistré et affiché à l’écran.",
        "No printer configured: the ticket is saved and shown on screen.",
    ),
}


def printer_message(key: str, lang: str = "fr") -> str:
    french, english = PRINTER_MESSAGES.get(key, PRINTER_MESSAGES["printer.offline"])
    return english if lang == "en" else french


# From the command line nothing is queued (`kiosk ticket`, `kiosk till-report` print
# straight away): what the printer reported, and what to do.
PRINTER_FAULTS: dict[str, tuple[str, str]] = {
    "printer.offline": (
        "L’imprimante ne répond pas (allumée ? branchée ?)",
        "The printer does not answer (is it on? plugged in?)",
    ),
    "printer.paper_out": ("L’imprimante n’a plus de papier", "The printer is out of paper"),
    "printer.cover_open": ("Le capot de l’imprimante est ouvert", "The printer’s cover is open"),
    "printer.dropped": (
        "La connexion à l’imprimante a été coupée pendant l’impression",
        "The connection to the printer was cut while printing",
    ),
    "printer.stalled": ("L’imprimante est bloquée", "The printer is stuck"),
}
NOTHING_QUEUED = (
    " : rien n’a été mis en attente, relancez la commande une fois l’imprimante prête.",
    ": nothing was queued, run the command again once the printer is ready.",
)


def printer_cli_message(key: str, lang: str = "fr") -> str:
    french, english = PRINTER_FAULTS.get(key, PRINTER_FAULTS["printer.offline"])
    return (english + NOTHING_QUEUED[1]) if lang == "en" else (french + NOTHING_QUEUED[0])
