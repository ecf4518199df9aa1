"""What the kiosk says of its data folder, in French and English: a store that cannot be
opened (the "out of order" page and the command line), backups and restores, the demo's
folder, and the command line's last resort."""

from __future__ import annotations

STORE_MESSAGES: dict[str, tuple[str, str]] = {
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
    "demo.folder_has_data": (
        "{path} contient déjà des données : les données de démonstration vont dans un "
        "dossier neuf et vide.",
        "{path} already holds data: demo data goes into a new, empty folder.",
    ),
    "cli.not_understood": (
        "Commande non comprise : « {prog} --help » dit ce qu’elle attend (un fichier dont "
        "le nom commence par « - » s’écrit ./-nom).",
        "Command not understood: “{prog} --help” says what it expects (a file whose name "
        "starts with “-” is written ./-name).",
    ),
    "cli.unexpected": (
        "Une erreur inattendue est survenue ; les détails sont dans {log}.",
        "Something unexpected went wrong; the details are in {log}.",
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
