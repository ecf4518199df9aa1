"""PDF documents (reportlab) with the DejaVu fonts embedded: no PDF base font is used
anywhere, so accents and € render the same on every reader."""
