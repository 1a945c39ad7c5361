"""The audit trail and accounts on both back ends (SQLite always; PostgreSQL when KPI_TEST_PG_URL is set)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from kpi_desktop.services import audit, auth
from kpi_desktop.store.db import Database


def test_chain_triggers_and_tampering(database: Database) -> None:
    admin = auth.create_first_admin(database, "quantri", "Quan-tri-2026!")
    for i in range(3):
        auth.create_user(database, admin, f"canbo{i}", f"Mat-khau-so-{i}", "clerk")
    auth.update_user(database, admin, "canbo1", display_name="Nguyễn Văn Bình")
    report = audit.verify_database(database)
    assert report.ok and report.entry_count == 5
    with pytest.raises(DBAPIError, match="append-only"), database.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'ai-do' WHERE seq = 2"))
    with database.engine.begin() as conn:
        if database.engine.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
        else:
            conn.execute(text("DROP TRIGGER audit_log_no_update"))
        conn.execute(text("UPDATE audit_log SET actor = 'ai-do' WHERE seq = 2"))
    assert [(p.seq, p.kind) for p in audit.verify_database(database).problems] == [(2, "edited")]


def test_login_and_lockout(database: Database) -> None:
    admin = auth.create_first_admin(database, "quantri", "Quan-tri-2026!")
    auth.create_user(database, admin, "lan", "Hoa-sen-2026", "clerk")
    for _ in range(5):
        with pytest.raises(auth.PermissionDenied):
            auth.login(database, "lan", "sai")
    with pytest.raises(auth.PermissionDenied):
        auth.login(database, "lan", "Hoa-sen-2026")
    auth.unlock(database, admin, "lan")
    assert auth.login(database, "lan", "Hoa-sen-2026").username == "lan"
    assert audit.verify_database(database).ok
