"""The invoices migration on a store made by the previous version, and the printer's
messages in both languages."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config

from kiosk_app.store.database import STORE_FILENAME, Store, create_store_engine
from kiosk_app.store.migrations import HEAD, MIGRATIONS_DIR
from printing.messages import PRINTER_MESSAGES

PRINTING = Path(__file__).resolve().parents[2] / "printing"  # the package, not these tests


def test_a_store_of_the_first_schema_gets_the_invoices_table(tmp_path: Path) -> None:
    path = tmp_path / STORE_FILENAME
    engine = create_store_engine(path)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()

    Store.open(tmp_path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
        columns = {row[1] for row in conn.execute("PRAGMA table_info(invoices)")}
    assert {"number", "kind", "credits_invoice_id", "amount_cents"} <= columns


def test_every_printer_fault_is_said_in_french_and_english() -> None:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in PRINTING.rglob("*.py"))
    used = set(re.findall(r'"(printer\.[a-z_]+)"', sources))
    used |= {f"printer.{status}" for status in ("paper_out", "cover_open")}  # f-string keys
    assert used - set(PRINTER_MESSAGES) == set()
    for french, english in PRINTER_MESSAGES.values():
        assert french and english and french != english
