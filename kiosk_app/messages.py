"""What the core's message keys say, in French and English.

The touchscreen and the counter show these beside the field concerned; the command line
prints them. Keys are stable: tests check that every key the core can raise is here in
both languages.
"""

from __future__ import annotations

from typing import Any

from .setting_messages import SETTING_MESSAGES

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (French, English)
    "error.unexpected": ("Une erreur inattendue est survenue.", "Something unexpected went wrong."),
    "error.invalid_input": (
        "Certaines informations sont à corriger.",
        "Some details need correcting.",
    ),
    "error.not_found": ("Introuvable.", "Not found."),
    "request_id.invalid": (
        "Cette demande n’a pas un identifiant valable (au plus {max} lettres et chiffres).",
        "This request has no valid identifier (at most {max} letters and digits).",
    ),
    "request_id.reused": (
        "Cet identifiant de demande a déjà servi pour autre chose.",
        "This request identifier was already used for something else.",
    ),
    "error.no_kiosk_code": (
        "Ce kiosque n’est pas encore inscrit auprès du serveur central : il ne prend pas "
        "de commande tant qu’il n’a pas son code (kiosk enrol).",
        "This kiosk is not enrolled with the central server yet: it takes no order until "
        "it has its code (kiosk enrol).",
    ),
    "error.kiosk_code_from_server": (
        "Le code du kiosque est donné par le serveur central à l’inscription : il ne se "
        "modifie pas ici.",
        "The kiosk's code is given by the central server at enrolment: it cannot be changed here.",
    ),
    "error.transition_not_allowed": (
        "Cette étape n’est pas possible pour cette commande.",
        "This step is not possible for this order.",
    ),
    "error.already_rated": (
        "Cette prestation a déjà été notée. Merci !",
        "This service has already been rated. Thank you!",
    ),
    "error.not_ratable": (
        "Une prestation se note une fois réalisée.",
        "A service can be rated once it has been done.",
    ),
    "error.store_too_new": (
        "Ces données viennent d’une version plus récente de Comptoir ({path}). "
        "Mettez Comptoir à jour : rien n’a été modifié.",
        "This data comes from a newer version of Comptoir ({path}). "
        "Please update Comptoir: nothing was changed.",
    ),
    # A store that cannot be opened (kiosk_app.store.refusals): the kiosk's "out of
    # order" page and the command line say these; the file is never touched.
    "store.unavailable": (
        "Les données du kiosque ({path}) ne peuvent pas être ouvertes.",
        "The kiosk's data ({path}) cannot be opened.",
    ),
    "store.corrupt": (
        "Le fichier de données {path} est abîmé ou n’est pas un fichier de Comptoir.",
        "The data file {path} is damaged or is not a Comptoir file.",
    ),
    "store.truncated": (
        "Le fichier de données {path} est incomplet (coupé en cours de copie ?).",
        "The data file {path} is incomplete (cut short while being copied?).",
    ),
    "store.not_a_folder": (
        "{path} est un fichier, là où Comptoir attend son dossier de données.",
        "{path} is a file, where Comptoir expects its data folder.",
    ),
    "store.read_only": (
        "Comptoir ne peut pas écrire dans son dossier de données {path} (droits d’accès).",
        "Comptoir cannot write in its data folder {path} (access rights).",
    ),
    "store.disk_full": (
        "Le disque de {path} est plein (ou défaillant) : Comptoir ne peut pas y écrire.",
        "The disk holding {path} is full (or failing): Comptoir cannot write there.",
    ),
    "store.nothing_lost": (
        "Rien n’a été modifié ni perdu : les données restent telles quelles.",
        "Nothing was changed or lost: the data stays as it was.",
    ),
    "out_of_order.title": ("Kiosque hors service", "Kiosk out of order"),
    "out_of_order.call": (
        "Merci d’appeler l’association au {phone}.",
        "Please call the association on {phone}.",
    ),
    "out_of_order.call_generic": (
        "Merci de prévenir l’association qui tient ce kiosque.",
        "Please tell the association that runs this kiosk.",
    ),
    "out_of_order.details": ("Détails pour l’assistance", "Details for support"),
    "error.not_now": ("Ce n’est pas possible pour l’instant.", "This is not possible yet."),
    "order.unknown_number": (
        "Aucune commande ne porte le numéro {number}.",
        "No order has the number {number}.",
    ),
    "invoice.not_yet": (
        "La commande {number} n’a pas encore de facture : elle est établie une fois la "
        "prestation réalisée et réglée.",
        "Order {number} has no invoice yet: it is made once the service is done and paid.",
    ),
    "invoice.cancelled": (
        "La commande {number} a été annulée : elle n’a pas de facture.",
        "Order {number} was cancelled: it has no invoice.",
    ),
    "demo.folder_has_data": (
        "{path} contient déjà des données : les données de démonstration vont dans un "
        "dossier neuf et vide.",
        "{path} already holds data: demo data goes into a new, empty folder.",
    ),
    "cli.unexpected": (
        "Une erreur inattendue est survenue ; les détails sont dans {log}.",
        "Something unexpected went wrong; the details are in {log}.",
    ),
    "error.pin_refused": ("Code incorrect.", "Wrong PIN."),
    "error.login_locked": (
        "Trop d’essais : réessayez dans quelques minutes.",
        "Too many attempts: try again in a few minutes.",
    ),
    "documents.name_missing": (
        "Pas de document légal tant que le nom de l’association n’est pas renseigné "
        "(réglage association_name).",
        "No legal document until the association’s name is set (setting association_name).",
    ),
    "documents.address_missing": (
        "Pas de document légal tant que l’adresse de l’association n’est pas renseignée "
        "(réglage association_address).",
        "No legal document until the association’s address is set (setting association_address).",
    ),
    "documents.siret_missing": (
        "Pas de document légal tant que le SIRET de l’association n’est pas renseigné "
        "(réglage association_siret).",
        "No legal document until the association’s SIRET is set (setting association_siret).",
    ),
    "documents.sap_number_missing": (
        "Pas de document légal tant que le numéro de déclaration SAP n’est pas renseigné "
        "(réglage association_sap_number).",
        "No legal document until the SAP declaration number is set (setting "
        "association_sap_number).",
    ),
    "documents.sap_date_missing": (
        "Pas de document légal tant que la date de la déclaration SAP n’est pas "
        "renseignée (réglage association_sap_date, AAAA-MM-JJ).",
        "No legal document until the SAP declaration date is set (setting "
        "association_sap_date, YYYY-MM-DD).",
    ),
    "documents.siret_invalid": (
        "Le SIRET de l’association n’est pas valide (14 chiffres) : pas de document légal.",
        "The association’s SIRET is not valid (14 digits): no legal document.",
    ),
    "documents.sap_date_invalid": (
        "La date de la déclaration SAP n’est pas une date (AAAA-MM-JJ) : pas de document légal.",
        "The SAP declaration date is not a date (YYYY-MM-DD): no legal document.",
    ),
    "name.required": ("Indiquez votre nom.", "Please enter your name."),
    "name.too_long": (
        "Ce nom est trop long ({max} caractères au plus).",
        "This name is too long (at most {max} characters).",
    ),
    "name.invalid_characters": (
        "Un nom ne contient que des lettres, espaces, tirets et apostrophes.",
        "A name may only contain letters, spaces, hyphens and apostrophes.",
    ),
    "phone.required": ("Indiquez votre numéro de téléphone.", "Please enter your phone number."),
    "phone.invalid": (
        "Ce numéro n’est pas valide (exemple : 06 12 34 56 78).",
        "This number is not valid (example: 06 12 34 56 78).",
    ),
    "phone.taken": (
        "Un autre client a déjà ce numéro.",
        "Another client already has this number.",
    ),
    "lang.invalid": ("Choisissez le français ou l’anglais.", "Choose French or English."),
    "error.client_open_orders": (
        "Commandes de ce client encore en cours : {count}. Terminez-les ou annulez-les "
        "avant d’effacer ses données.",
        "This client still has {count} order(s) in progress: finish or cancel them "
        "before erasing their data.",
    ),
    "error.client_erased": (
        "Les données de ce client ont été effacées.",
        "This client's data has been erased.",
    ),
    "error.unsafe_file_name": (
        "Ce numéro ne peut pas nommer un fichier : rien n’a été écrit.",
        "This number cannot name a file: nothing was written.",
    ),
    "email.invalid": ("Cette adresse e-mail n’est pas valide.", "This email address is not valid."),
    "email.too_long": ("Cette adresse e-mail est trop longue.", "This email address is too long."),
    "postcode.invalid": (
        "Code postal à 5 chiffres (exemple : 75004).",
        "A 5-digit postcode (example: 75004).",
    ),
    "street.required": ("Indiquez la rue et le numéro.", "Please enter the street and number."),
    "street.too_long": (
        "Adresse trop longue ({max} caractères au plus).",
        "Address too long (at most {max} characters).",
    ),
    "street.invalid_characters": (
        "Cette adresse contient des caractères invalides.",
        "This address contains invalid characters.",
    ),
    "city.required": ("Indiquez la ville.", "Please enter the city."),
    "city.too_long": ("Nom de ville trop long.", "City name too long."),
    "city.invalid_characters": (
        "Ce nom de ville contient des caractères invalides.",
        "This city name contains invalid characters.",
    ),
    "building.required": ("Indiquez le bâtiment.", "Please enter the building."),
    "building.too_long": (
        "Bâtiment : {max} caractères au plus.",
        "Building: at most {max} characters.",
    ),
    "building.invalid_characters": (
        "Ce texte contient des caractères invalides.",
        "This text contains invalid characters.",
    ),
    "floor.out_of_range": ("Étage entre {min} et {max}.", "Floor between {min} and {max}."),
    "access_notes.required": ("Indiquez comment accéder au logement.", "Please say how to get in."),
    "access_notes.too_long": (
        "Indications trop longues ({max} caractères au plus).",
        "Directions too long (at most {max} characters).",
    ),
    "access_notes.invalid_characters": (
        "Ce texte contient des caractères invalides.",
        "This text contains invalid characters.",
    ),
    "description.required": (
        "Décrivez votre besoin en quelques mots.",
        "Describe what you need in a few words.",
    ),
    "description.too_long": (
        "Description trop longue ({max} caractères au plus).",
        "Description too long (at most {max} characters).",
    ),
    "description.invalid_characters": (
        "Ce texte contient des caractères invalides.",
        "This text contains invalid characters.",
    ),
    "comment.required": ("Écrivez un commentaire.", "Please write a comment."),
    "comment.too_long": (
        "Commentaire trop long ({max} caractères au plus).",
        "Comment too long (at most {max} characters).",
    ),
    "comment.invalid_characters": (
        "Ce texte contient des caractères invalides.",
        "This text contains invalid characters.",
    ),
    "reason.required": (
        "Indiquez le motif de l’annulation.",
        "Please give the reason for cancelling.",
    ),
    "reason.too_long": (
        "Motif trop long ({max} caractères au plus).",
        "Reason too long (at most {max} characters).",
    ),
    "reason.invalid_characters": (
        "Ce texte contient des caractères invalides.",
        "This text contains invalid characters.",
    ),
    "availability.required": ("Indiquez vos disponibilités.", "Please say when you are available."),
    "availability.too_long": (
        "Texte trop long ({max} caractères au plus).",
        "Text too long (at most {max} characters).",
    ),
    "availability.invalid_characters": (
        "Ce texte contient des caractères invalides.",
        "This text contains invalid characters.",
    ),
    "slot.invalid": ("Choisissez un créneau.", "Please choose a time slot."),
    "slot.in_past": ("Ce créneau est déjà passé.", "This time slot has already passed."),
    "slot.too_far": (
        "Choisissez un créneau dans les {days} prochains jours.",
        "Choose a slot within the next {days} days.",
    ),
    "units.out_of_range": (
        "Durée entre {min} et {max} unités.",
        "Duration between {min} and {max} units.",
    ),
    "service.unavailable": (
        "Cette prestation n’est plus proposée.",
        "This service is no longer offered.",
    ),
    "consent.required": (
        "Pour traiter votre demande, nous avons besoin de votre accord.",
        "We need your agreement to handle your request.",
    ),
    "order_number.invalid": (
        "Numéro de commande à chiffres (exemple : 01-0042).",
        "An order number in digits (example: 01-0042).",
    ),
    "stars.out_of_range": ("Choisissez de 1 à 5 étoiles.", "Choose from 1 to 5 stars."),
    "lulu.required": ("Choisissez un Lulu.", "Please choose a Lulu."),
    "order.held_elsewhere": (
        "Le kiosque « {kiosk} » tient cette commande : demandez à la reprendre pour la modifier.",
        "Kiosk “{kiosk}” holds this order: ask to take it over to change it.",
    ),
    "order.held_by_none": (
        "Aucun kiosque ne tient encore cette commande du site : reprenez-la pour la traiter.",
        "No kiosk holds this web order yet: take it over to handle it.",
    ),
    "note.required": ("Écrivez ce qui a été fait.", "Write what was done."),
    "note.too_long": ("{max} caractères au plus.", "{max} characters at most."),
    "note.invalid_characters": (
        "Ce texte contient un caractère invisible : retapez-le.",
        "This text holds an invisible character: type it again.",
    ),
    "to_resolve.already_resolved": ("Déjà réglé.", "Already resolved."),
    "order.not_editable": (
        "Cette commande ne se modifie plus : la prestation est commencée, faite ou annulée.",
        "This order can no longer be edited: the work has started, is done or was cancelled.",
    ),
    "lulu.busy": (
        "{name} a déjà la commande {number} à ce moment-là : choisissez un autre Lulu.",
        "{name} already has order {number} then: choose another Lulu.",
    ),
    # What the central server decided against this kiosk (services/sync_notes.py).
    "sync.slot_taken": (
        "Commande {order} : le Lulu {name} n’a pas pu lui être attribué, {name} a déjà la "
        "commande {number} (kiosque {kiosk}) à ce moment-là. La commande est revenue à "
        "« confirmée » : choisissez un autre Lulu.",
        "{name} was not assigned to order {order}: {name} already has order {number} "
        "(kiosk {kiosk}) then. The order is back to confirmed: choose another Lulu.",
    ),
    "sync.rating_refused": (
        "La note de la commande {number} a été refusée par le serveur central (la "
        "prestation n’y est pas réalisée) et retirée ici.",
        "The rating of order {number} was refused by the central server (the service is "
        "not done there) and removed here.",
    ),
    "sync.rating_duplicate": (
        "La commande {number} avait déjà été notée ailleurs : cette note-là est gardée, "
        "celle faite ici est retirée.",
        "Order {number} had already been rated elsewhere: that rating is kept, the one "
        "made here is removed.",
    ),
    "order.lulu_busy": (
        "{name} n’est pas libre à ce moment-là : retirez d’abord le Lulu.",
        "{name} is busy then: withdraw the Lulu first.",
    ),
    "actual_minutes.out_of_range": (
        "Durée réelle entre 1 et {max} minutes.",
        "Actual time between 1 and {max} minutes.",
    ),
    "amount.out_of_range": ("Montant invalide.", "Invalid amount."),
    "payment.nothing_due": ("Cette commande est déjà réglée.", "This order is already paid."),
    "payment.more_than_due": (
        "C’est plus que le montant restant dû.",
        "That is more than the amount still due.",
    ),
    "refund.more_than_paid": (
        "On ne rembourse pas plus que ce qui a été payé.",
        "A refund cannot exceed what was paid.",
    ),
    "refund.manager_required": (
        "Un remboursement de ce montant doit être validé par un responsable avec son code.",
        "A refund of this amount must be accepted by a manager with their PIN.",
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
    "backup.no_store": (
        "Aucune base dans {data_dir} : rien à sauvegarder.",
        "No store in {data_dir}: nothing to back up.",
    ),
    "backup.not_written": (
        "La sauvegarde n’a pas pu être écrite dans {folder} (disque plein ou droits "
        "insuffisants) : rien n’a été modifié.",
        "The backup could not be written to {folder} (disk full or not allowed): "
        "nothing was changed.",
    ),
    "backup.done": (
        "Sauvegarde écrite : {path} (sauvegardes gardées dans {folder} : {count}).",
        "Backup written: {path} ({count} backup(s) kept in {folder}).",
    ),
    "restore.file_missing": (
        "Le fichier {path} n’existe pas : rien n’a été modifié.",
        "The file {path} does not exist: nothing was changed.",
    ),
    "restore.not_a_store": (
        "{path} n’est pas une base de Comptoir : rien n’a été modifié.",
        "{path} is not a Comptoir store: nothing was changed.",
    ),
    "store.damaged": (
        "{path} est endommagé (la vérification d’intégrité de SQLite a échoué) : rien "
        "n’a été modifié.",
        "{path} is damaged (SQLite's integrity check failed): nothing was changed.",
    ),
    "restore.too_new": (
        "{path} vient d’une version plus récente de Comptoir : mettez Comptoir à jour "
        "avant de la restaurer. Rien n’a été modifié.",
        "{path} comes from a newer version of Comptoir: update Comptoir before restoring "
        "it. Nothing was changed.",
    ),
    "restore.not_written": (
        "La restauration n’a pas pu écrire dans {data_dir} (disque plein ou droits "
        "insuffisants) : la base en place n’a pas été remplacée.",
        "The restore could not write to {data_dir} (disk full or not allowed): the store "
        "in place was not replaced.",
    ),
    "restore.done": (
        "Base restaurée depuis {path} ; la précédente est gardée dans {previous}.",
        "Store restored from {path}; the previous one is kept as {previous}.",
    ),
    "restore.done_no_previous": (
        "Base restaurée depuis {path} (il n’y avait pas de base avant).",
        "Store restored from {path} (there was no store before).",
    ),
    "kiosk.running": (
        "Le kiosque est ouvert sur {data_dir} : arrêtez-le d’abord "
        "(sudo systemctl stop comptoir-kiosk).",
        "The kiosk is running on {data_dir}: stop it first (sudo systemctl stop comptoir-kiosk).",
    ),
}

MESSAGES.update(SETTING_MESSAGES)


def message(key: str, lang: str = "fr", **params: Any) -> str:
    """The text of `key` in `lang` ("fr" or "en"), with its parameters filled in."""
    french, english = MESSAGES.get(key, MESSAGES["error.unexpected"])
    text = english if lang == "en" else french
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text
