"""What the kiosk says of an order's life, in French and English: steps the lifecycle
refuses, ratings, invoices and the association's details they need, payments and
refunds, orders another kiosk holds, a client's erasure, and what the central server
decided against this kiosk (services/sync_notes.py)."""

from __future__ import annotations

ORDER_MESSAGES: dict[str, tuple[str, str]] = {
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
    "order.held_elsewhere": (
        "Le kiosque « {kiosk} » tient cette commande : demandez à la reprendre pour la modifier.",
        "Kiosk “{kiosk}” holds this order: ask to take it over to change it.",
    ),
    "order.held_by_none": (
        "Aucun kiosque ne tient encore cette commande du site : reprenez-la pour la traiter.",
        "No kiosk holds this web order yet: take it over to handle it.",
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
}
