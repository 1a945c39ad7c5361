"""Opening a database: engine with the right connection settings, migrations, sessions.

Services take a `Database` and open one transaction per use case with `db.session()`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import KpiError
from kpi_desktop.paths import resolve_db, sqlite_path
from kpi_desktop.store.postgres import check_server, is_postgres_url, make_postgres_engine, normalise_url

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # pysqlite's legacy transaction handling skips BEGIN before DDL; take control of it.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=10000"):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("immediate") else "BEGIN")


def make_engine(url: str, **kwargs: Any) -> Engine:
    # An SQL error's text then never carries the bound values (a password hash, a citizen id) into a
    # message box, a log or a crash report.
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        _sqlite_pragmas(engine)
        return engine
    if is_postgres_url(url):
        return make_postgres_engine(url, **kwargs)
    return create_engine(url, pool_pre_ping=True, **kwargs)


def backup_sqlite(src: Path, dest: Path) -> Path:
    """Copy a live SQLite file with the backup API (a plain copy can miss what is still in the WAL)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    with sqlite3.connect(src) as source, sqlite3.connect(tmp) as target:
        source.backup(target)
    tmp.replace(dest)
    return dest


class Database:
    """One open database: a SQLAlchemy engine plus a session factory."""

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, db: str | None = None, *, migrate: bool = True, backup_dir: Path | None = None) -> Database:
        """Open (creating if needed) the database named by `db`, `KPI_DB` or the default, and bring
        its schema to the newest revision, backing a SQLite file up first when a migration is due."""
        url = resolve_db(db)
        path = sqlite_path(url)
        if path is not None and path.exists():
            _check_sqlite_file(path)
        if is_postgres_url(url):
            url = normalise_url(url)
        engine = make_engine(url)
        if engine.dialect.name == "postgresql":
            check_server(engine)
        database = cls(url, engine)
        if migrate:
            from kpi_desktop.store.schema_version import is_current

            if not is_current(database):
                from kpi_desktop.store.migrate import upgrade_to_head

                upgrade_to_head(database, backup_dir=backup_dir)
        return database

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @contextmanager
    def session(self, actor: Actor | None = None) -> Iterator[Session]:
        """One transaction: commits when the block ends, rolls back on any exception.

        `actor` is who acts; it is kept in `session.info["actor"]` so that flush-time listeners (the
        audit trail, locked-period guards) can attribute every change without each service passing it on.
        """
        with self._sessions.begin() as session:
            session.info["actor"] = actor
            yield session

    def backup_to(self, dest: Path) -> Path:
        if self.path is None:
            raise KpiError("Chỉ sao lưu được cơ sở dữ liệu SQLite bằng lệnh này.")
        return backup_sqlite(self.path, dest)

    def timestamped_backup(self, folder: Path, reason: str) -> Path | None:
        if self.path is None or not self.path.exists():
            return None
        name = f"{self.path.stem}-{reason}-{datetime.now():%Y%m%d-%H%M%S-%f}.db"
        return self.backup_to(folder / name)

    def close(self) -> None:
        self.engine.dispose()


def _check_sqlite_file(path: Path) -> None:
    with path.open("rb") as fh:
        header = fh.read(16)
    if header and header != b"SQLite format 3\x00":
        raise KpiError(
            f"Tệp «{path}» không phải cơ sở dữ liệu SQLite của KPI Desktop.",
            hint="Hãy chọn đúng tệp .db, hoặc khôi phục từ bản sao lưu.",
        )
