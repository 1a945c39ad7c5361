"""Which schema revision a database is at, read without importing Alembic.

Importing Alembic costs more than everything else a start-up does on the database, and on all but
the first start after an update there is nothing to migrate. `Database.open` asks here first and
loads Alembic (`store.migrate`) only when the revision differs from the newest one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from kpi_desktop.store.db import Database

# The newest migration in store/migrations/versions; a test checks it against Alembic's own head.
HEAD_REVISION = "0003_trust"


def current_revision(database: Database) -> str | None:
    """The revision in `alembic_version`, or None for a database that has no schema yet."""
    with database.engine.connect() as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        except DBAPIError:  # no alembic_version table: a new, empty database
            return None
    return rows[0] if len(rows) == 1 else None


def is_current(database: Database) -> bool:
    return current_revision(database) == HEAD_REVISION
