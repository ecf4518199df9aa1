"""The association's legal documents: what each one says (plain, validated content) and
its A4 layout (reportlab, fonts from resources/).

Used by the kiosk (an invoice's content is frozen when its number is allocated, and
printed from that snapshot) and by the central server (invoices kept for every kiosk,
the yearly tax certificates and the Lulus' monthly statements built over all kiosks).
So it imports neither: plain data in, PDF bytes out. See docs/LEGAL.md for the texts
each mention comes from."""
