"""A4 layouts of the legal documents (reportlab, DejaVu fonts embedded)."""
