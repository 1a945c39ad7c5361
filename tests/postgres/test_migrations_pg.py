"""The Alembic revisions on PostgreSQL: empty → head, every populated revision → head, head equals the
models, head → base and back, and several clients opening one fresh database at once.

The populated-upgrade check follows the generic row maker of tests/store/test_migrations.py (and reuses
its pieces), so a revision added by any area is covered here as well. Two things differ on PostgreSQL:
it reflects `kind IN ('a', 'b')` as `kind::text = ANY (ARRAY['a'::character varying, …])`, and an
integer primary key declared without autoincrement gets no sequence.
"""

from __future__ import annotations

import re
import threading
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Integer, MetaData, Table, inspect, select, text
from store import test_migrations as generic  # tests/store/test_migrations.py

import kpi_desktop.store.models  # noqa: F401
from kpi_desktop.store.base import Base
from kpi_desktop.store.db import Database
from kpi_desktop.store.migrate import alembic_config, current_revision, head_revision, upgrade_to_head

pytestmark = pytest.mark.postgres

_ANY_ARRAY = re.compile(r"\(?(\w+)\)?(?:::\w+(?: \w+)*)?\s*=\s*ANY\s*\(\(?ARRAY\[([^\]]*)\]", re.IGNORECASE)


def _allowed_values_any_dialect(conn: Any, table: str) -> dict[str, str]:
    allowed: dict[str, str] = {}
    for check in inspect(conn).get_check_constraints(table):
        sqltext = check["sqltext"]
        for col, values in generic._IN_LIST.findall(sqltext):
            allowed[col] = values.split(",")[0].strip().strip("'\"")
        for col, values in _ANY_ARRAY.findall(sqltext):
            first = values.split(",")[0].strip()
            allowed[col] = re.sub(r"::[\w ]+$", "", first).strip().strip("'\"")
    return allowed


def _populate(db: Database) -> dict[str, list[dict[str, Any]]]:
    """generic._populate, except that an integer primary key is left to the database only when the
    database has a default for it: on PostgreSQL `autoincrement=False` means no sequence at all
    (SQLite's INTEGER PRIMARY KEY numbers rows whatever the model says)."""
    meta = MetaData()
    with db.engine.begin() as conn:
        meta.reflect(conn)
        ids: dict[str, list[Any]] = {}
        for table in meta.sorted_tables:
            if table.name == "alembic_version":
                continue
            allowed = _allowed_values_any_dialect(conn, table.name)
            for i in range(generic.ROWS_PER_TABLE):
                row: dict[str, Any] = {}
                for column in table.columns:
                    fks = list(column.foreign_keys)
                    if fks:
                        target = fks[0].column
                        if target.table.name == table.name and column.nullable:
                            row[column.name] = None
                            continue
                        pool = ids.get(target.table.name) or []
                        assert pool, f"{table.name}.{column.name} refers to an empty {target.table.name}"
                        row[column.name] = pool[i % len(pool)]
                    elif (column.primary_key and isinstance(column.type, Integer)
                          and len(table.primary_key) == 1 and column.server_default is not None):
                        continue  # serial / identity
                    else:
                        row[column.name] = generic._value(column, i, allowed)
                conn.execute(table.insert().values(**row))
            pk_cols = list(table.primary_key.columns)
            if len(pk_cols) == 1:
                ids[table.name] = list(conn.execute(select(pk_cols[0])).scalars())
        return generic._snapshot(conn, meta)


def _tables(db: Database) -> set[str]:
    return set(inspect(db.engine).get_table_names())


def test_empty_database_upgrades_to_head(pg_empty_url: str) -> None:
    db = Database.open(pg_empty_url)
    try:
        assert current_revision(db) == head_revision()
        tables = _tables(db)
        assert set(Base.metadata.tables) <= tables
        with db.engine.connect() as conn:
            assert conn.execute(text("SHOW server_encoding")).scalar() == "UTF8"
    finally:
        db.close()


@pytest.mark.parametrize("revision", generic._revisions())
def test_populated_database_at_every_revision_upgrades_to_head(
    revision: str, pg_empty_url: str
) -> None:
    db = Database.open(pg_empty_url, migrate=False)
    try:
        upgrade_to_head(db, target=revision)
        assert current_revision(db) == revision
        before = _populate(db)
        assert all(len(rows) == generic.ROWS_PER_TABLE for rows in before.values()), before.keys()

        upgrade_to_head(db)
        assert current_revision(db) == head_revision()
        meta = MetaData()
        with db.engine.connect() as conn:
            meta.reflect(conn)
            for name, rows in before.items():
                assert name in meta.tables, f"table {name} vanished after upgrading from {revision}"
                table: Table = meta.tables[name]
                order = list(table.primary_key.columns) or list(table.columns)
                after = [dict(r._mapping) for r in conn.execute(select(table).order_by(*order))]
                assert len(after) == len(rows), f"{name}: rows lost upgrading from {revision}"
                for old, new in zip(rows, after, strict=True):
                    kept = {k: v for k, v in old.items() if k in new}
                    assert {k: new[k] for k in kept} == kept, f"{name}: data changed from {revision}"
    finally:
        db.close()


def test_head_schema_matches_the_models(pg_url: str) -> None:
    db = Database.open(pg_url)
    try:
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diff == [], f"models and migrations disagree on PostgreSQL: {diff}"
    finally:
        db.close()


def test_downgrade_to_base_and_up_again(pg_empty_url: str) -> None:
    db = Database.open(pg_empty_url)
    try:
        cfg = alembic_config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        assert _tables(db) <= {"alembic_version"}
        upgrade_to_head(db)
        assert current_revision(db) == head_revision()
        assert set(Base.metadata.tables) <= _tables(db)
    finally:
        db.close()


def test_clients_opening_a_fresh_database_at_once_migrate_it_once(pg_empty_url: str) -> None:
    """Four clients start against an empty server database at the same moment (a province's HR
    staff on the first morning): one migrates, the others wait for it and find the schema ready."""
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            barrier.wait()
            Database.open(pg_empty_url).close()
        except BaseException as exc:  # collected and re-raised in the test thread
            errors.append(exc)

    threads = [threading.Thread(target=open_it, daemon=True) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not [t for t in threads if t.is_alive()], "a client is still waiting after two minutes"
    assert errors == []
    db = Database.open(pg_empty_url)
    try:
        assert current_revision(db) == head_revision()
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    finally:
        db.close()
