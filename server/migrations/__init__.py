"""Alembic migrations of the central server's database, applied at start."""
