"""Fixtures that run a test on SQLite, on PostgreSQL, or on both.

- `database`: an open, migrated `Database`, parametrised over `sqlite` and `postgresql`; a suite
  adopts both back ends just by asking for it (or by building its own fixture on `db_url`).
- `db_url`: the same, as a URL for code that opens the database itself (CLI runs, subprocesses);
  `module_db_url`: one per test module and back end, for fixtures that build an expensive world.
- `backend`: "sqlite" or "postgresql", the parameter behind both; `sqlite_template`: a migrated file.
- `pg_server`: the test server (`KPI_TEST_PG_URL`); `pg_url`: a fresh, migrated PostgreSQL database
  of its own for one test; `pg_empty_url`: a fresh empty one (for migration tests).

The server comes from `scripts/pg-test-server.sh` (scripts/test.sh starts it and exports
KPI_TEST_PG_URL). Without it the PostgreSQL cases are skipped with the reason shown by `-ra`; when
`KPI_REQUIRE_PG=1` (CI) they fail instead, so CI can never pass by silently skipping them.

Each PostgreSQL test gets a database of its own at the head revision: copied from a template migrated
once per session (and per state of the migrations folder), then emptied and handed to the next test
(emptying takes milliseconds, copying half a second); one that a test has reshaped is dropped instead.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import pytest
from sqlalchemy import Engine, MetaData, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from kpi_desktop.store.db import Database
from kpi_desktop.store.postgres import lock_key, normalise_url

PG_URL_ENV = "KPI_TEST_PG_URL"
REQUIRE_ENV = "KPI_REQUIRE_PG"
BACKENDS = ("sqlite", "postgresql")
MIGRATIONS = Path(__file__).resolve().parent.parent / "kpi_desktop" / "store" / "migrations"


def _no_server(reason: str) -> NoReturn:
    if os.environ.get(REQUIRE_ENV, "") not in ("", "0"):
        pytest.fail(f"PostgreSQL required ({REQUIRE_ENV}=1) but {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL: {reason} (start one: export {PG_URL_ENV}=$(scripts/pg-test-server.sh start))")


def _schema_fingerprint() -> str:
    """Changes whenever a migration (or the Alembic environment) changes, so a stale template is never used."""
    digest = hashlib.sha256()
    files = [*sorted(MIGRATIONS.rglob("*.py")), MIGRATIONS.parent / "types.py"]
    for path in files:
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(MIGRATIONS.parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _shape_of(conn: Any) -> list[tuple[str, ...]]:
    """The tables of the public schema and their triggers with whether each is enabled."""
    rows = conn.execute(text(
        "SELECT c.relname, coalesce(t.tgname, ''), coalesce(t.tgenabled::text, '') FROM pg_class c "
        "LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND NOT t.tgisinternal "
        "WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace ORDER BY 1, 2")).all()
    return [tuple(r) for r in rows]


@dataclass
class PgServer:
    """The throw-away test server: creates and drops one database per test."""

    url: str
    admin: Engine
    _template: str | None = field(default=None, repr=False)
    _free: list[str] = field(default_factory=list, repr=False)
    _shape: tuple[list[tuple[str, ...]], str] = field(default=([], ""), repr=False)
    _delete_order: list[str] = field(default_factory=list, repr=False)

    def url_for(self, dbname: str) -> str:
        return make_url(self.url).set(database=dbname).render_as_string(hide_password=False)

    def _exec(self, sql: str) -> None:
        # CREATE/DROP DATABASE cannot run in a transaction; another session copying the same template
        # at that instant makes PostgreSQL refuse ("being accessed by other users"): wait and retry.
        for attempt in range(50):
            try:
                with self.admin.connect() as conn:
                    conn.execute(text(sql))
                return
            except DBAPIError as exc:
                if "being accessed by other users" not in str(exc) or attempt == 49:
                    raise
                time.sleep(0.1)

    def create_database(self, *, template: str | None = None) -> str:
        name = f"kpi_t_{uuid.uuid4().hex[:16]}"
        source = template or "template0"
        self._exec(f"CREATE DATABASE {name} TEMPLATE {source} ENCODING 'UTF8'")
        return name

    def drop_database(self, name: str) -> None:
        self._exec(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def acquire_migrated(self) -> str:
        """A database at the head revision, empty: a cleaned one from an earlier test, else a new copy
        of the template (copying takes ~0.5 s, cleaning a few milliseconds)."""
        template = self.migrated_template()
        while self._free:
            name = self._free.pop()
            if self._reset(name):
                return name
            self.drop_database(name)
        return self.create_database(template=template)

    def release(self, name: str) -> None:
        self._free.append(name)

    def _reset(self, name: str) -> bool:
        """Empty every table and restart every id sequence; False when the database no longer has the
        template's shape (a test migrated it, added tables…), so that it is dropped instead."""
        self._exec(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                   f"WHERE datname = '{name}' AND pid <> pg_backend_pid()")
        engine = create_engine(self.url_for(name), poolclass=NullPool)
        try:
            with engine.begin() as conn:
                if _shape_of(conn) != self._shape[0]:  # tables, triggers (a test may disable one)
                    return False
                if conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() != [self._shape[1]]:
                    return False
                # DELETE is quick on small tables; TRUNCATE (slow, ~4 ms a table) only where a
                # trigger forbids deleting rows (the append-only audit trail).
                guarded = set(conn.execute(text(
                    "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                    "WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace")).scalars())
                if guarded:
                    conn.exec_driver_sql("TRUNCATE " + ", ".join(f'"{t}"' for t in sorted(guarded)) + " CASCADE")
                conn.exec_driver_sql("; ".join(f'DELETE FROM "{t}"' for t in self._delete_order
                                               if t not in guarded))
                conn.exec_driver_sql(
                    "SELECT setval(c.oid::regclass, 1, false) FROM pg_class c "
                    "WHERE c.relkind = 'S' AND c.relnamespace = 'public'::regnamespace")
            return True
        except DBAPIError:
            return False
        finally:
            engine.dispose()

    def migrated_template(self) -> str:
        """A database at the head revision to copy from; built once (across processes too)."""
        if self._template is not None:
            return self._template
        name = f"kpi_tmpl_{_schema_fingerprint()}"
        with self.admin.connect() as conn:
            # Serialise with other pytest sessions sharing the server (several worktrees).
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": lock_key("kpi-tests", name)})
            try:
                exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
                if not exists:
                    building = f"{name}_build"
                    conn.execute(text(f"DROP DATABASE IF EXISTS {building} WITH (FORCE)"))
                    conn.execute(text(f"CREATE DATABASE {building} TEMPLATE template0 ENCODING 'UTF8'"))
                    Database.open(self.url_for(building)).close()
                    conn.execute(text(f"ALTER DATABASE {building} RENAME TO {name}"))
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": lock_key("kpi-tests", name)})
        self._template = name
        self._learn_shape(name)
        return name

    def _learn_shape(self, template: str) -> None:
        engine = create_engine(self.url_for(template), poolclass=NullPool)
        try:
            meta = MetaData()
            with engine.connect() as conn:
                meta.reflect(conn)
                version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
                shape = _shape_of(conn)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # a cycle only means several orders work
                order = [t.name for t in reversed(meta.sorted_tables) if t.name != "alembic_version"]
            self._shape = (shape, str(version))
            self._delete_order = order
        finally:
            engine.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    raw = os.environ.get(PG_URL_ENV, "").strip()
    if not raw:
        _no_server(f"{PG_URL_ENV} is not set")
    url = normalise_url(raw)
    admin = create_engine(url, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        admin.dispose()
        _no_server(f"cannot connect to {make_url(url).render_as_string(hide_password=True)}: "
                   f"{str(exc.orig).strip().splitlines()[0] if exc.orig else exc}")
    server = PgServer(url=url, admin=admin)
    yield server
    for name in server._free:
        server.drop_database(name)
    admin.dispose()


@pytest.fixture
def pg_empty_url(pg_server: PgServer) -> Iterator[str]:
    """A new, empty PostgreSQL database (no schema yet), dropped after the test."""
    name = pg_server.create_database()
    try:
        yield pg_server.url_for(name)
    finally:
        pg_server.drop_database(name)


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A new PostgreSQL database at the head revision, dropped after the test."""
    name = pg_server.acquire_migrated()
    yield pg_server.url_for(name)
    pg_server.release(name)


@pytest.fixture(params=[
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file at the head revision, migrated once per session and copied for each test."""
    path = tmp_path_factory.mktemp("sqlite-template") / "kpi.db"
    Database.open(str(path)).close()  # closing the last connection folds the WAL into the file
    return path


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL to a fresh database at the head revision on the current back end."""
    if backend == "sqlite":
        path = tmp_path / "kpi.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture(scope="module", params=[
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
])
def module_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Like `db_url`, for a fixture that builds one database per test module (an expensive world)."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "kpi.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = server.acquire_migrated()
    yield server.url_for(name)
    server.release(name)


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    """An open database at the head revision, on SQLite and on PostgreSQL."""
    db = Database.open(db_url)
    try:
        yield db
    finally:
        db.close()
