"""What `kiosk-server` commands say, in French or English ($LANG, as the kiosk's
command line), and their exit statuses: the same as `kiosk`'s (README, "Commands"). The
server shares nothing with the kiosk but the wire contract, so it keeps its own few."""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version

OK, BAD_INPUT, NOT_FOUND, DATA_UNAVAILABLE, UNEXPECTED, BROKEN_PIPE = 0, 2, 3, 5, 70, 141

MESSAGES: dict[str, tuple[str, str]] = {
    "catalogue.unreadable": (
        "{file} : fichier illisible ({reason}).",
        "{file}: cannot read this file ({reason}).",
    ),
    "catalogue.refused": (
        "{file}, ligne {line} : ce n’est pas un catalogue ({why}). Rien n’a été importé.",
        "{file}, line {line}: this is not a catalogue ({why}). Nothing was imported.",
    ),
    "catalogue.not_text": ("pas du texte UTF-8", "not UTF-8 text"),
    "catalogue.not_json": ("JSON invalide", "invalid JSON"),
    "catalogue.not_an_object": ("un catalogue est un objet JSON", "a catalogue is a JSON object"),
    "catalogue.empty": (
        "ni catégories, ni prestations, ni Lulus",
        "no categories, services nor Lulus",
    ),
    "catalogue.section_not_list": ("« {detail} » doit être une liste", "'{detail}' must be a list"),
    "catalogue.entry_not_object": (
        "une entrée de « {detail} » doit être un objet",
        "an entry of '{detail}' must be an object",
    ),
    "catalogue.missing_field": ("il manque « {detail} »", "'{detail}' is missing"),
    "catalogue.not_a_number": (
        "« {detail} » doit être un nombre entier positif",
        "'{detail}' must be a whole positive number",
    ),
    "catalogue.csv_columns": ("colonnes manquantes : {detail}", "columns missing: {detail}"),
    "catalogue.unknown_category": (
        "catégorie inconnue : {detail}",
        "unknown category: {detail}",
    ),
    "data.not_a_folder": (
        "{path} est un fichier, là où le serveur attend son dossier de données.",
        "{path} is a file, where the server expects its data folder.",
    ),
    "data.unavailable": (
        "La base du serveur central ne peut pas être ouverte ({reason}). Rien n’a été modifié.",
        "The central server's database cannot be opened ({reason}). Nothing was changed.",
    ),
    "device.unknown": (
        "Aucun kiosque inscrit ne s’appelle {name}.",
        "No enrolled kiosk is called {name}.",
    ),
    "device.code": (
        "Code du kiosque : {code} (ses commandes : {code}-0001, …).",
        "Kiosk code: {code} (its orders: {code}-0001, …).",
    ),
    "device.refused": ("Inscription refusée : {reason}.", "Enrolment refused: {reason}."),
    "unexpected": (
        "Une erreur inattendue est survenue ; les détails sont dans {log}.",
        "Something unexpected went wrong; the details are in {log}.",
    ),
}


def lang() -> str:
    return "en" if os.environ.get("LANG", "fr").lower().startswith("en") else "fr"


def say(key: str, **params: object) -> str:
    french, english = MESSAGES[key]
    return (english if lang() == "en" else french).format(**params)


def server_version() -> str:
    try:
        return version("comptoir")
    except PackageNotFoundError:
        return "unknown (source checkout)"
