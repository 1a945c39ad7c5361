"""Alembic at start-up: the migrations are the one source of the schema."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from kpi_desktop.errors import KpiError
from kpi_desktop.store.schema_version import current_revision

if TYPE_CHECKING:
    from kpi_desktop.store.db import Database

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade_to_head(database: Database, *, backup_dir: Path | None = None, target: str = "head") -> None:
    current = current_revision(database)
    head = head_revision()
    if target == "head" and current == head:
        return
    if current is not None and database.path is not None:
        from kpi_desktop.paths import backups_dir

        database.timestamped_backup(backup_dir or backups_dir(), f"truoc-nang-cap-{current}")
    elif current is None and head is not None:
        _refuse_foreign_database(database)
    cfg = alembic_config()
    with database.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Several clients may open a fresh server database at once: one migrates, the others
            # wait here, then find the schema at head. (DDL is transactional on PostgreSQL.)
            from kpi_desktop.store.postgres import MIGRATION_LOCK, advisory_xact_lock

            advisory_xact_lock(conn, *MIGRATION_LOCK)
            if target == "head" and MigrationContext.configure(conn).get_current_revision() == head:
                return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def _refuse_foreign_database(database: Database) -> None:
    from sqlalchemy import inspect

    tables = set(inspect(database.engine).get_table_names())
    if tables - {"alembic_version"}:
        raise KpiError(
            "Cơ sở dữ liệu này có bảng nhưng không có thông tin phiên bản của KPI Desktop.",
            hint="Có thể đây là tệp của chương trình khác; hãy chọn đúng tệp hoặc tạo cơ sở dữ liệu mới.",
        )
