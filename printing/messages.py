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


# "Print a test page" (printing/test_page.py), said in the set-up form.
TEST_PAGE_MESSAGES: dict[str, tuple[str, str]] = {
    "test_page.printed": (
        "La page de test est partie : vérifiez sur le papier les accents, le symbole € "
        "et le QR code.",
        "The test page went through: check the accents, the € sign and the QR code on paper.",
    ),
    "test_page.no_answer": (
        "L’imprimante n’a pas répondu dans les 5 secondes : vérifiez qu’elle est allumée "
        "et branchée, et son adresse.",
        "The printer did not answer within 5 seconds: check that it is on and plugged "
        "in, and its address.",
    ),
    "test_page.no_printer": (
        "Aucune imprimante choisie : les tickets sont enregistrés et affichés à l’écran.",
        "No printer chosen: tickets are saved and shown on screen.",
    ),
    "test_page.needs_extra": (
        "Ce type d’imprimante a besoin d’un module qui n’est pas installé : installez "
        "Comptoir avec son option « {extra} ».",
        "This kind of printer needs a module that is not installed: install Comptoir "
        "with its “{extra}” extra.",
    ),
}


def page_result_message(key: str, lang: str = "fr", **params: object) -> str:
    """What the set-up form says after a test page (a printer's fault in its words)."""
    if key in TEST_PAGE_MESSAGES:
        french, english = TEST_PAGE_MESSAGES[key]
    else:
        french, english = PRINTER_FAULTS.get(key, PRINTER_FAULTS["printer.offline"])
        french, english = french + ".", english + "."
    return (english if lang == "en" else french).format(**params)
