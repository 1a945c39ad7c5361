"""Persistence: SQLAlchemy models, sessions, Alembic migrations, repositories."""
