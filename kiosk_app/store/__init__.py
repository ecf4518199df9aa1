"""The local store: SQLAlchemy models, Alembic migrations, and how a store is opened."""
