"""The kiosk's identity, the association's details and the devices' settings, with
their defaults (the store keeps them in its settings table)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.setting_rules import siret as checked_siret
from ..errors import ValidationError

DEFAULTS: dict[str, str] = {
    # Given by the central server at enrolment ("01": order numbers are "01-0042", typed
    # on a number pad); none before, and no order either (services/numbers.py).
    "kiosk_code": "",
    "kiosk_name": "Saint-Paul",
    "association_name": "Lulu dans ma rue",
    "association_address": "",
    # Shown on the kiosk's "out of order" page: whom a resident calls when it is down.
    "association_phone": "",
    "association_siret": "",
    "association_sap_number": "",
    # The date the SAP declaration was registered (ISO, 2026-03-01): invoices and the
    # tax certificate state the declaration's number and date (art. D7233-1, 2°).
    "association_sap_date": "",
    "vat_mention": "TVA non applicable, art. 293 B du CGI",
    # "prestataire" (the association is the provider) or "mandataire" (it acts for the
    # client, who employs): a mandatory mention of the invoices (art. D7233-1).
    "intervention_mode": "prestataire",
    "server_url": "https://lulu.example.org",  # the QR code opens {server_url}/o/{token}
    "printer_kind": "none",  # none | network | file | usb | serial | cups
    "printer_address": "",  # host[:port], a file path, "vendor:product", a device, a queue
    "printer_width": "80",  # 80 mm paper (48 columns) or 58 mm (32 columns)
    "printer_codepage": "cp858",  # cp858 or cp1252: which one the printer has
    "ticket_logo": "",  # a PNG printed atop tickets; none when empty or unreadable
    # A till count that differs from the expected amount by more than this, for any
    # payment method, needs a manager's PIN to close.
    "till_difference_threshold_cents": "500",
    # Seconds without a touch before the resident's screens ask "Are you still there?".
    "idle_seconds": "60",
    # Whether cash payments count on the invoices' tax-credit box and the yearly tax
    # certificate: "excluded" (default) or "included". Art. D7233-3 code du travail:
    # "Seules ouvrent droit à l'aide prévue à l'article 199 sexdecies du code général des
    # impôts les factures acquittées en totalité 1° soit par carte de paiement,
    # prélèvement, virement, titre universel ou interbancaire de paiement ou par chèque ;
    # 2° soit par chèque emploi-service universel" — cash is not listed. The texts and
    # what remains for an accountant to check (BOFiP BOI-IR-RICI-150-20): docs/LEGAL.md.
    "certificate_cash_rule": "excluded",
    # A refund above this many cents needs a manager's PIN at the counter.
    "refund_approval_threshold_cents": "2000",
    # "1" on a demo store: every document it makes says "DEMO" (never set it on a real
    # kiosk; seed-demo sets it).
    "demo_store": "",
    # "pending" while the set-up wizard of a new data folder is not finished (no order,
    # no document meanwhile), "done" after; "" on a store made otherwise (tests, demo).
    "setup_state": "",
}

# What an invoice, a credit note, a quote or a certificate needs, set by a person (a
# built-in default is a placeholder, not the association's details).
DOCUMENT_DETAILS = (
    "association_name",
    "association_address",
    "association_siret",
    "association_sap_number",
    "association_sap_date",
)


# Fictional details for the demo (no real association's SIRET or SAP number).
DEMO_SETTINGS: dict[str, str] = {
    "association_name": "Lulu dans ma rue (démo)",
    "association_address": "12 rue Saint-Paul, 75004 Paris",
    "association_phone": "01 99 00 12 34",  # in the range France keeps for fiction
    "association_siret": "00000000000018",
    "association_sap_number": "SAP000000000",
    "association_sap_date": "2015-03-01",
    "demo_store": "1",
}


@dataclass(frozen=True, slots=True)
class KioskSettings:
    kiosk_code: str
    kiosk_name: str
    association_name: str
    association_address: str
    association_phone: str
    association_siret: str
    association_sap_number: str
    association_sap_date: str
    vat_mention: str
    intervention_mode: str
    server_url: str
    printer_kind: str
    printer_address: str
    printer_width: str
    printer_codepage: str
    ticket_logo: str
    till_difference_threshold_cents: str
    idle_seconds: str
    certificate_cash_rule: str
    refund_approval_threshold_cents: str
    demo_store: str
    setup_state: str

    @property
    def idle_ms(self) -> int:
        """The idle delay, kept between 15 s and 10 min whatever was typed."""
        try:
            seconds = int(self.idle_seconds)
        except ValueError:
            seconds = 60
        return min(max(seconds, 15), 600) * 1000


def siret_is_valid(siret: str) -> bool:
    """14 ASCII digits with INSEE's key: Luhn, or La Poste's own rule for its SIREN
    (kiosk_app.domain.setting_rules.siret, which the settings' entry points use)."""
    try:
        return checked_siret(siret, date.max) == siret
    except ValidationError:
        return False
