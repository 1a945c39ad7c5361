"""Alembic environment: runs on the connection the application hands over (see store/migrate.py)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

import kpi_desktop.store.models  # noqa: F401  (registers every table)
from kpi_desktop.store.base import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds the table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # `alembic` command line, for developers generating revisions
    url = config.get_main_option("sqlalchemy.url")
    engine = engine_from_config({"sqlalchemy.url": url}, prefix="sqlalchemy.", poolclass=pool.NullPool)
    with engine.begin() as conn:
        _run(conn)
