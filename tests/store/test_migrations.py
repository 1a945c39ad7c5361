"""Every Alembic revision, populated, upgrades to head without losing a row; head matches the models.

Generic on purpose: rows are made up from the reflected schema of each revision, so revisions added
later by any area are covered without touching this file.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    inspect,
    select,
    text,
)

import kpi_desktop.store.models  # noqa: F401
from kpi_desktop.store.base import Base
from kpi_desktop.store.db import Database
from kpi_desktop.store.migrate import alembic_config, current_revision, head_revision, upgrade_to_head

ROWS_PER_TABLE = 2
_IN_LIST = re.compile(r"\b(\w+)\s+IN\s*\(([^)]*)\)", re.IGNORECASE)


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions("base", "heads")))]


def _allowed_values(conn: Any, table: str) -> dict[str, str]:
    """First allowed value of every `col IN ('a', 'b')` check constraint."""
    allowed: dict[str, str] = {}
    for check in inspect(conn).get_check_constraints(table):
        for col, values in _IN_LIST.findall(check["sqltext"]):
            first = values.split(",")[0].strip().strip("'\"")
            allowed[col] = first
    return allowed


def _value(column: Any, i: int, allowed: dict[str, str]) -> Any:
    if column.name in allowed:
        return allowed[column.name]
    kind = column.type
    if isinstance(kind, Boolean):
        return bool(i % 2)
    if isinstance(kind, DateTime):
        return datetime(2026, 1, 1 + i, 8, 0, 0)
    if isinstance(kind, Date):
        return date(2026, 1, 1 + i)
    if isinstance(kind, Integer):
        return i + 1  # ≥ 1 and ≤ 5 satisfies every range check we have
    if isinstance(kind, Numeric):
        return i + 1
    if isinstance(kind, JSON):
        return {"row": i}
    if isinstance(kind, LargeBinary):
        return b"\x00row%d" % i
    if isinstance(kind, String):
        # digits only: unique, castable to a positive number, and fits fixed-length checks (CCCD: 12)
        length = kind.length or 12
        return str(i + 1).zfill(min(length, 12))
    raise AssertionError(f"no sample value for {column.table.name}.{column.name}: {kind!r}")


def _populate(db: Database) -> dict[str, list[dict[str, Any]]]:
    meta = MetaData()
    with db.engine.begin() as conn:
        meta.reflect(conn)
        ids: dict[str, list[Any]] = {}
        for table in meta.sorted_tables:
            if table.name == "alembic_version":
                continue
            allowed = _allowed_values(conn, table.name)
            for i in range(ROWS_PER_TABLE):
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
                    elif column.primary_key and isinstance(column.type, Integer) and len(table.primary_key) == 1:
                        continue  # autoincrement
                    else:
                        row[column.name] = _value(column, i, allowed)
                conn.execute(table.insert().values(**row))
            pk_cols = list(table.primary_key.columns)
            if len(pk_cols) == 1:
                ids[table.name] = list(conn.execute(select(pk_cols[0])).scalars())
        return _snapshot(conn, meta)


def _snapshot(conn: Any, meta: MetaData) -> dict[str, list[dict[str, Any]]]:
    snap: dict[str, list[dict[str, Any]]] = {}
    for table in meta.sorted_tables:
        if table.name == "alembic_version":
            continue
        order = list(table.primary_key.columns) or list(table.columns)
        snap[table.name] = [dict(r._mapping) for r in conn.execute(select(table).order_by(*order))]
    return snap


@pytest.mark.parametrize("revision", _revisions())
def test_populated_database_at_every_revision_upgrades_to_head(revision: str, tmp_path: Path) -> None:
    db = Database.open(str(tmp_path / "m.db"), migrate=False)
    try:
        upgrade_to_head(db, target=revision, backup_dir=tmp_path / "bk")
        assert current_revision(db) == revision
        before = _populate(db)
        assert all(len(rows) == ROWS_PER_TABLE for rows in before.values()), before.keys()

        upgrade_to_head(db, backup_dir=tmp_path / "bk")
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
            assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        if revision != head_revision():
            assert list((tmp_path / "bk").glob("*.db")), "no backup taken before the migration"
    finally:
        db.close()


def test_head_schema_matches_the_models(tmp_path: Path) -> None:
    db = Database.open(str(tmp_path / "h.db"))
    try:
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diff == [], f"models and migrations disagree; add a revision: {diff}"
    finally:
        db.close()


def test_pragmas_on_every_connection(tmp_path: Path) -> None:
    db = Database.open(str(tmp_path / "p.db"))
    try:
        for _ in range(2):
            with db.engine.connect() as conn:
                assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
                assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
                assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
            db.engine.dispose()
    finally:
        db.close()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    from sqlalchemy.exc import IntegrityError

    from kpi_desktop.store.models.core import Body

    db = Database.open(str(tmp_path / "f.db"))
    try:
        with pytest.raises(IntegrityError), db.session() as s:
            s.add(Body(unit_id=999, code="X", name="Không có đơn vị", kind="khac"))
    finally:
        db.close()
