"""Paper for the counter's clients: ESC/POS tickets (order ticket, payment receipt) with
our own code-page encoding, PDF documents (invoices, credit notes, tax certificates,
Lulus' statements, ticket previews), printer connections and the print-queue worker.

Imports no Qt: the counter's screens receive the worker's events through their own
bridge. Reads the store only through `kiosk_app`'s services."""
