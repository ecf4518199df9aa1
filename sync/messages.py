"""What the attendant reads about sync, in French and English, by message key."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "sync.network_down": (
        "Le serveur central est injoignable (réseau coupé ?). Les commandes sont gardées "
        "ici et partiront dès le retour du réseau.",
        "The central server cannot be reached (network down?). Orders are kept here and "
        "will go as soon as the network is back.",
    ),
    "sync.server_error": (
        "Le serveur central a eu un problème ; nouvel essai automatique.",
        "The central server had a problem; it will be tried again automatically.",
    ),
    "sync.busy": (
        "Le serveur central est occupé ; nouvel essai dans un moment.",
        "The central server is busy; trying again shortly.",
    ),
    "sync.unauthorized": (
        "Ce kiosque n'est plus autorisé par le serveur central : demandez un nouveau jeton "
        "à l'association.",
        "This kiosk is no longer allowed by the central server: ask the association for a "
        "new token.",
    ),
    "sync.upgrade_required": (
        "Le serveur central parle une autre version : une mise à jour de Comptoir est "
        "nécessaire. Rien n'a été modifié.",
        "The central server speaks another version: Comptoir must be updated. Nothing was changed.",
    ),
    "sync.not_enrolled": (
        "Ce kiosque n'est relié à aucun serveur central (commande « kiosk enrol »).",
        "This kiosk is not linked to a central server (command 'kiosk enrol').",
    ),
    "sync.refused_batch": (
        "Le serveur central a refusé un envoi ; nouvel essai automatique.",
        "The central server refused a batch; it will be tried again automatically.",
    ),
    "sync.insecure_url": (
        "Adresse refusée : le serveur central doit être en https:// (sauf sur cette machine).",
        "Address refused: the central server must use https:// (except on this machine).",
    ),
    "sync.tls": (
        "Le certificat du serveur central n'a pas pu être vérifié.",
        "The central server's certificate could not be verified.",
    ),
    "sync.token_missing": (
        "Aucun jeton reçu : donnez-le sur l'entrée standard ou avec --token-file FICHIER.",
        "No token given: pass it on standard input or with --token-file FILE.",
    ),
    "sync.token_file": (
        "Le fichier du jeton ne peut pas être lu :",
        "The token's file cannot be read:",
    ),
    "sync.forbidden": (
        "Ce jeton n'est pas celui d'un kiosque : demandez un jeton de kiosque à l'association.",
        "This token is not a kiosk's: ask the association for a kiosk token.",
    ),
    "sync.busy_elsewhere": (
        "Une autre synchronisation est en cours sur ce dossier.",
        "Another sync is running on this data folder.",
    ),
    # `kiosk enrol`: the kiosk is not enrolled yet, so nothing is "kept here", nor was
    # it "allowed" before.
    "sync.enrol_unreachable": (
        "Le serveur central {url} est injoignable : vérifiez l'adresse et le réseau. "
        "Rien n'a été modifié.",
        "The central server {url} cannot be reached: check the address and the network. "
        "Nothing was changed.",
    ),
    "sync.enrol_token_refused": (
        "Le serveur central refuse ce jeton : vérifiez-le, ou demandez-en un nouveau à "
        "l'association (kiosk-server enrol NOM). Rien n'a été modifié.",
        "The central server refuses this token: check it, or ask the association for a "
        "new one (kiosk-server enrol NAME). Nothing was changed.",
    ),
}

# What an error met while enrolling means to a kiosk that is not enrolled yet.
ENROL_KEYS = {
    "sync.network_down": "sync.enrol_unreachable",
    "sync.busy": "sync.enrol_unreachable",
    "sync.server_error": "sync.enrol_unreachable",
    "sync.unauthorized": "sync.enrol_token_refused",
}


def sync_message(key: str, lang: str, **params: str) -> str:
    french, english = MESSAGES.get(key, MESSAGES["sync.server_error"])
    return (english if lang == "en" else french).format(**params)
