"""Where the print queue saves what it makes in the data folder (invoices, credit notes
and quotes as PDF),
named so that the counter's screens can find them without reaching the store."""

from __future__ import annotations

from pathlib import Path

from kiosk_app.domain.file_names import file_stem


def invoice_file(data_dir: Path, number: str) -> Path:
    """Where an invoice's PDF is saved: the data folder's invoices/, by its number
    (UnsafeFileName for a number that is not a plain file name: domain.file_names)."""
    return data_dir / "invoices" / f"{file_stem(number)}.pdf"


def quote_file(data_dir: Path, number: str) -> Path:
    """Where a quote's PDF is saved: the data folder's quotes/, by its number."""
    return data_dir / "quotes" / f"{file_stem(number)}.pdf"
