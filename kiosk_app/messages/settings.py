"""What the settings' refusals say, in French and English (merged into the package's
MESSAGES): the wizard and the settings section show them beside the field, `kiosk
settings set` prints them."""

from __future__ import annotations

SETTING_MESSAGES: dict[str, tuple[str, str]] = {
    "settings.unknown": (
        "Réglage inconnu : {name}. « kiosk settings list » les donne tous.",
        "Unknown setting: {name}. 'kiosk settings list' shows them all.",
    ),
    "settings.not_editable": (
        "Ce réglage est tenu par Comptoir lui-même : il ne se change pas à la main.",
        "Comptoir keeps this setting itself: it is not changed by hand.",
    ),
    "settings.kiosk_code_from_server": (
        "Le code du kiosque est donné par le serveur central quand le kiosque s’y inscrit.",
        "The kiosk's code is given by the central server when the kiosk enrols.",
    ),
    "settings.required": ("Ce champ est à remplir.", "This field is required."),
    "settings.too_long": (
        "C’est trop long (au plus {max} caractères).",
        "This is too long (at most {max} characters).",
    ),
    "settings.invalid_characters": (
        "Ce texte contient des caractères qui ne s’impriment pas.",
        "This text holds characters that cannot be printed.",
    ),
    "settings.choice": (
        "Valeur inconnue : choisissez parmi {choices}.",
        "Unknown value: choose among {choices}.",
    ),
    "settings.number_range": (
        "Un nombre entier est attendu, entre {min} et {max}.",
        "A whole number is expected, between {min} and {max}.",
    ),
    "siret.format": (
        "Un SIRET compte 14 chiffres (les espaces sont permis).",
        "A SIRET has 14 digits (spaces are allowed).",
    ),
    "siret.check_digit": (
        "Ce SIRET ne passe pas le contrôle de l’INSEE : un chiffre est sans doute mal tapé.",
        "This SIRET fails INSEE's check: a digit is probably mistyped.",
    ),
    "sap_number.format": (
        "Le numéro de déclaration s’écrit « SAP » suivi de 9 chiffres (SAP123456789).",
        "The declaration number is written 'SAP' then 9 digits (SAP123456789).",
    ),
    "sap_date.format": (
        "Date attendue sous la forme JJ/MM/AAAA (01/03/2015).",
        "A date is expected, written DD/MM/YYYY (01/03/2015).",
    ),
    "sap_date.future": (
        "La date de déclaration ne peut pas être dans le futur.",
        "The declaration date cannot be in the future.",
    ),
    "sap_date.too_old": (
        "Cette date précède les déclarations SAP (1996) : une faute de frappe ?",
        "This date is older than SAP declarations (1996): a typing slip?",
    ),
    "server_url.insecure": (
        "Adresse refusée : le serveur central doit être en https:// (sauf sur cette machine).",
        "Address refused: the central server must use https:// (except on this machine).",
    ),
    "printer_address.network": (
        "Adresse attendue : un nom ou une adresse IP, puis :port si besoin (192.168.1.50:9100).",
        "Expected: a host name or IP address, then :port if needed (192.168.1.50:9100).",
    ),
    "setup.not_finished": (
        "Le kiosque n’est pas encore installé : terminez d’abord l’assistant de démarrage.",
        "The kiosk is not set up yet: finish the set-up wizard first.",
    ),
    "settings.manager_only": (
        "Seul un responsable peut changer les réglages.",
        "Only a manager can change the settings.",
    ),
    "setup.manager_missing": (
        "Créez d’abord le premier responsable (nom et code).",
        "Create the first manager first (name and PIN).",
    ),
    "pin.mismatch": (
        "Les deux codes diffèrent : tapez le même deux fois.",
        "The two PINs differ: type the same one twice.",
    ),
}
