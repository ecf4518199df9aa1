"""Alembic migrations of the local store, applied at start (`database.migrate`)."""

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).parent

# The newest revision; a test checks it is Alembic's head, so the fast path of
# `database.migrate` (no Alembic import when the store is current) stays right.
HEAD = "0010"
