"""Where the print queue saves what it makes in the data folder (invoices as PDF),
named so that the counter's screens can find them without reaching the store."""

from __future__ import annotations

from pathlib import Path


def invoice_file(data_dir: Path, number: str) -> Path:
    """Where an invoice's PDF is saved: the data folder's invoices/, by its number."""
    return data_dir / "invoices" / f"{number}.pdf"
