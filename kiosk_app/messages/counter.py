"""What the counter's own work says, in French and English: attendants and their PINs,
the till, Lulus' onboarding (skills, checklist, tutors, stages) and the receipt
printer's set-up."""

from __future__ import annotations

COUNTER_MESSAGES: dict[str, tuple[str, str]] = {
    "error.pin_refused": ("Code incorrect.", "Wrong PIN."),
    "error.login_locked": (
        "Trop d’essais : réessayez dans quelques minutes.",
        "Too many attempts: try again in a few minutes.",
    ),
    "skills.required": (
        "Choisissez au moins un savoir-faire.",
        "Please choose at least one skill.",
    ),
    "skills.unknown": ("Savoir-faire inconnu.", "Unknown skill."),
    "checklist.unknown_item": ("Étape de dossier inconnue.", "Unknown checklist item."),
    "tutor.invalid": ("Ce tuteur n’est pas valide.", "This tutor is not valid."),
    "tutor.not_pairable": (
        "Ce Lulu n’est pas en formation avec un tuteur.",
        "This Lulu is not in training with a tutor.",
    ),
    "stage.checklist_incomplete": (
        "Le dossier doit être complet pour valider ce Lulu.",
        "The file must be complete before this Lulu is onboarded.",
    ),
    "stage.move_not_allowed": (
        "Ce dossier ne peut pas passer à cette étape d’ici.",
        "This file cannot move to that stage from here.",
    ),
    "stage.unknown": ("Étape inconnue.", "Unknown stage."),
    "checklist.onboarded_complete": (
        "Le dossier d’un Lulu validé reste complet : repassez-le d’abord en dossier en cours.",
        "An onboarded Lulu's file stays complete: move it back to file in progress first.",
    ),
    "tutor.not_self": (
        "Un Lulu ne peut pas être son propre tuteur.",
        "A Lulu cannot tutor themself.",
    ),
    "tutor.not_onboarded": (
        "Le tuteur doit être un Lulu validé.",
        "The tutor must be an onboarded Lulu.",
    ),
    "pin.invalid": (
        "Le code compte de {min} à {max} chiffres.",
        "The PIN has {min} to {max} digits.",
    ),
    "pin.differ": ("Les deux codes diffèrent.", "The two PINs differ."),
    "attendant.exists": ("Ce nom est déjà pris.", "This name is already taken."),
    # The receipt printer's set-up (kiosk_app/domain/printer_setup.py).
    "printer.kind_unknown": (
        "Type d’imprimante inconnu : aucune, réseau, USB, série ou CUPS.",
        "Unknown printer kind: none, network, USB, serial or CUPS.",
    ),
    "printer.address_required": (
        "Indiquez l’adresse de l’imprimante.",
        "Enter the printer’s address.",
    ),
    "printer.address_invalid": ("Cette adresse n’est pas valable.", "This address is not valid."),
    "printer.host_invalid": (
        "Adresse réseau non valable : un nom ou une adresse IP, par exemple 192.168.1.50 "
        "ou 192.168.1.50:9100.",
        "Not a valid network address: a name or an IP address, for example 192.168.1.50 "
        "or 192.168.1.50:9100.",
    ),
    "printer.port_invalid": (
        "Le port est un nombre de 1 à 65535 (9100 le plus souvent).",
        "The port is a number from 1 to 65535 (usually 9100).",
    ),
    "printer.usb_required": (
        "Choisissez l’imprimante USB dans la liste de celles branchées.",
        "Pick the USB printer from the list of those plugged in.",
    ),
    "printer.serial_invalid": (
        "Un port série commence par /dev/, par exemple /dev/ttyUSB0.",
        "A serial port starts with /dev/, for example /dev/ttyUSB0.",
    ),
    "printer.cups_invalid": (
        "Le nom d’une file CUPS, sans espace ni « / » ni « # », par exemple TM-T20.",
        "The name of a CUPS queue, with no space, “/” or “#”, for example TM-T20.",
    ),
    "printer.width_invalid": (
        "Largeur du papier : 80 mm ou 58 mm.",
        "Paper width: 80 mm or 58 mm.",
    ),
    "printer.codepage_invalid": (
        "Page de codes : CP858 ou CP1252.",
        "Code page: CP858 or CP1252.",
    ),
    "attendant.last_manager": (
        "C’est le dernier responsable du comptoir : nommez d’abord un autre responsable.",
        "This is the kiosk’s last manager: make someone else a manager first.",
    ),
    "attendant.unknown": (
        "Aucun agent d’accueil ne porte ce nom : « {name} ».",
        "No attendant has this name: “{name}”.",
    ),
    "error.till_already_open": (
        "La caisse est déjà ouverte : clôturez-la avant d’en ouvrir une autre.",
        "The till is already open: close it before opening another.",
    ),
    "error.till_not_open": ("La caisse n’est pas ouverte.", "The till is not open."),
    "error.till_manager_required": (
        "L’écart dépasse {threshold} : un responsable doit le valider avec son code.",
        "The difference is more than {threshold}: a manager must accept it with their PIN.",
    ),
    "till.float_out_of_range": (
        "Fond de caisse entre 0 et {max_euros} €.",
        "Float between 0 and {max_euros} €.",
    ),
    "till.counted_out_of_range": (
        "Montant compté entre 0 et {max_euros} €.",
        "Counted amount between 0 and {max_euros} €.",
    ),
    "till.method_unknown": ("Moyen de paiement inconnu.", "Unknown payment method."),
    "till.manager_required": (
        "Choisissez le responsable qui valide l’écart.",
        "Choose the manager who accepts the difference.",
    ),
    "till.not_a_manager": (
        "Seul un responsable peut valider un écart de caisse.",
        "Only a manager can accept a till difference.",
    ),
    "till.manager_not_self": (
        "Un autre que vous doit valider l’écart : un responsable.",
        "Someone other than you must accept the difference: a manager.",
    ),
}
