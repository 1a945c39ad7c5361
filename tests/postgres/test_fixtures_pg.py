"""The shared PostgreSQL fixtures hand every test a clean database at the head revision."""

from __future__ import annotations

import pytest
from pg_fixtures import PgServer
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from kpi_desktop.store.migrate import head_revision

pytestmark = pytest.mark.postgres


def _one(url: str, sql: str) -> object:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql))
            return result.scalar() if result.returns_rows else None
    finally:
        engine.dispose()


def test_a_reused_database_is_empty_and_its_ids_start_again(pg_server: PgServer) -> None:
    name = pg_server.acquire_migrated()
    url = pg_server.url_for(name)
    _one(url, "INSERT INTO units (code, name, division_type, province_code, province_name, is_home, created_at) "
              "VALUES ('1', 'Xã A', 'xã', '01', 'Hà Nội', true, now())")
    pg_server.release(name)
    again = pg_server.acquire_migrated()
    try:
        url = pg_server.url_for(again)
        assert _one(url, "SELECT count(*) FROM units") == 0
        assert _one(url, "SELECT version_num FROM alembic_version") == head_revision()
        assert _one(url, "INSERT INTO units (code, name, division_type, province_code, province_name, is_home, "
                         "created_at) VALUES ('2', 'Xã B', 'xã', '01', 'Hà Nội', true, now()) RETURNING id") == 1
    finally:
        pg_server.release(again)


def test_a_database_a_test_reshaped_is_not_handed_out_again(pg_server: PgServer) -> None:
    name = pg_server.acquire_migrated()
    _one(pg_server.url_for(name), "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
    pg_server.release(name)
    again = pg_server.acquire_migrated()
    try:
        assert _one(pg_server.url_for(again), "SELECT tgenabled::text FROM pg_trigger "
                                              "WHERE tgname = 'audit_log_append_only'") == "O"
    finally:
        pg_server.release(again)
