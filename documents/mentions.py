"""The words the law asks the documents to say, in French, each with where it comes from
(docs/LEGAL.md quotes the texts). Legal documents are in French."""

from __future__ import annotations

METHODS = {
    "cash": "Espèces",
    "card": "Carte bancaire",
    "cheque": "Chèque",
    "cesu": "CESU préfinancé",
    "transfer": "Virement",
}

# Arrêté du 17 mars 2015, art. 2, 2°: the intervention mode by its common name.
MODES = {
    "prestataire": "prestataire (l’association fournit la prestation)",
    "mandataire": "mandataire (l’association place un travailleur auprès du client employeur)",
    "mise_a_disposition": "mise à disposition",
}

# Arrêté du 17 mars 2015, art. 3 also asks a warning sentence on the quote for the
# "mandataire" and "mise à disposition" modes; its exact words are not copied here yet
# (docs/LEGAL.md, "Not covered"), so the association works in "prestataire" mode.

TAX_CREDIT = "Crédit d’impôt de 50 % (art. 199 sexdecies du code général des impôts)"

# Art. D7233-3 code du travail: the means of payment that open the right.
CASH_EXCLUDED = (
    "Les sommes réglées en espèces n’ouvrent pas droit au crédit d’impôt "
    "(art. D7233-3 du code du travail)."
)
CASH_INCLUDED = (
    "Les sommes réglées en espèces sont comptées, selon le choix de l’association "
    "(réglage « certificate_cash_rule ») : vérifiez-le avec votre conseiller."
)

# servicesalapersonne.gouv.fr, the certificate's content: the mandatory sentence when
# CESU préfinancés were used.
CESU_SENTENCE = (
    "Vous avez réglé une partie de ces prestations en CESU préfinancés : vous devez "
    "identifier clairement auprès des services des impôts, lors de votre déclaration "
    "annuelle, le montant des CESU que vous avez personnellement financé, ce montant "
    "seul donnant lieu à avantage fiscal (l’attestation de l’organisme qui a préfinancé "
    "vos CESU l’indique)."
)

# Arrêté du 17 mars 2015, art. 5: a free quote from 100 € TTC, or on request.
QUOTE_FREE = "Devis gratuit"
QUOTE_RULE = (
    "Le vendeur remet gratuitement un devis personnalisé au consommateur à qui il "
    "propose une prestation ou un ensemble de prestations dont le prix total est "
    "supérieur ou égal à 100 € TTC ou au consommateur qui lui en fait la demande."
)
QUOTE_THRESHOLD_CENTS = 100_00

DEMO_NOTICE = "DOCUMENT DE DÉMONSTRATION — sans valeur légale"


def method(value: str) -> str:
    return METHODS.get(value, value)


def mode(value: str) -> str:
    return MODES.get(value, value)
