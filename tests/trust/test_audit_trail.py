"""The audit trail: every change is logged, chained, attributed; tampering with sqlite3 is named."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import update

from kpi_desktop.domain.audit_chain import GENESIS, entry_hash, verify_period_entries
from kpi_desktop.domain.roles import Actor
from kpi_desktop.services import audit, auth
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.trust import AppSetting, User

from .conftest import ADMIN_PASSWORD, PASSWORDS, Accounts


def _rows(path: Path) -> list[sqlite3.Row]:
    with closing(sqlite3.connect(path)) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute("SELECT * FROM audit_log ORDER BY seq").fetchall()


def _populate(db: Database, admin: Actor, n: int = 6) -> None:
    for i in range(n):
        auth.create_user(db, admin, f"canbo{i}", f"mat-khau-{i:04d}", "clerk", display_name=f"Cán bộ {i}")


def _tamper(path: Path, *statements: str) -> None:
    """What someone with the sqlite3 shell would do: drop the append-only triggers, then edit."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for sql in statements:
            conn.execute(sql)
        conn.commit()


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    full_env = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "kpi_desktop", *args], capture_output=True, text=True,
                          env=full_env, timeout=120)


def test_every_change_is_logged_with_actor_before_and_after(db: Database, admin: Actor, db_path: Path) -> None:
    dto = auth.create_user(db, admin, "lan", "Hoa-sen-2026", "clerk", display_name="Trần Thị Lan")
    auth.update_user(db, admin, "lan", display_name="Trần Thị Lan Anh")
    entries = audit.list_entries(db, admin)
    upd = next(e for e in entries if e["action"] == "update" and e["entity"] == "users")
    assert upd["actor"] == "quantri"
    assert upd["actor_role"] == "admin"
    assert upd["entity_id"] == str(dto.id)
    assert upd["before"] == {"display_name": "Trần Thị Lan"}
    assert upd["after"] == {"display_name": "Trần Thị Lan Anh"}
    ins = next(e for e in entries if e["action"] == "insert" and e["entity_id"] == str(dto.id))
    assert ins["after"]["username"] == "lan"
    with db.session(admin) as session:
        session.delete(session.get(User, dto.id))
    deleted = audit.list_entries(db, admin, limit=1)[0]
    assert deleted["action"] == "delete"
    assert deleted["before"]["username"] == "lan"
    assert audit.verify_database(db).ok


def test_no_password_hash_in_the_trail(db: Database, admin: Actor, db_path: Path) -> None:
    auth.create_user(db, admin, "lan", "Hoa-sen-2026", "clerk")
    auth.reset_password(db, admin, "lan", "Troi-xanh-2027")
    raw = b"".join(json.dumps(dict(r), ensure_ascii=False).encode() for r in _rows(db_path))
    assert b"$argon2" not in raw
    assert "Hoa-sen" not in raw.decode() and "Troi-xanh" not in raw.decode()
    changed = [e for e in audit.list_entries(db, admin) if e["action"] == "update"]
    assert changed[0]["after"]["password_hash"] == "[đã ẩn]"


def test_a_rolled_back_change_leaves_no_entry(db: Database, admin: Actor) -> None:
    before = audit.entry_count(db)
    with pytest.raises(RuntimeError), db.session(admin) as session:
        session.add(AppSetting(key="x", value="1"))
        session.flush()
        raise RuntimeError("boom")
    assert audit.entry_count(db) == before


def test_orm_bulk_update_is_audited(db: Database, admin: Actor) -> None:
    _populate(db, admin, 3)
    with db.session(admin) as session:
        session.execute(update(User).where(User.username.like("canbo%")).values(display_name="Đổi tên"))
    changed = [e for e in audit.list_entries(db, admin, limit=3)]
    assert {e["after"]["display_name"] for e in changed} == {"Đổi tên"}
    assert all(e["action"] == "update" and e["before"]["display_name"].startswith("Cán bộ") for e in changed)
    assert audit.verify_database(db).ok


def test_the_application_cannot_edit_or_delete_entries(db: Database, admin: Actor, db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("UPDATE audit_log SET actor = 'x' WHERE seq = 1")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM audit_log WHERE seq = 1")


def test_intact_trail_verifies_through_the_cli(db: Database, admin: Actor, db_path: Path) -> None:
    _populate(db, admin, 2)
    db.close()
    proc = _cli("audit", "verify", "--db", str(db_path))
    assert proc.returncode == 0, proc.stderr
    assert "nguyên vẹn" in proc.stdout


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (["UPDATE audit_log SET after = replace(after, 'Cán bộ 2', 'Cán bộ X') WHERE seq = 4"], {(4, "edited")}),
        (["UPDATE audit_log SET actor = 'ai-do' WHERE seq = 3"], {(3, "edited")}),
        (["DELETE FROM audit_log WHERE seq = 5"], {(5, "deleted")}),
        (["DELETE FROM audit_log WHERE seq IN (2, 3)"], {(2, "deleted"), (3, "deleted")}),
        (["DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)"], {(7, "deleted")}),
        (["UPDATE audit_log SET seq = -4 WHERE seq = 4", "UPDATE audit_log SET seq = 4 WHERE seq = 5",
          "UPDATE audit_log SET seq = 5 WHERE seq = -4"], {(4, "reordered"), (5, "reordered")}),
    ],
    ids=["edit-content", "edit-actor", "delete-one", "delete-two", "delete-last", "swap"],
)
def test_tampering_is_named(db: Database, admin: Actor, db_path: Path, statements: list[str],
                            expected: set[tuple[int, str]]) -> None:
    _populate(db, admin, 6)  # entries 1..7
    assert audit.verify_database(db).ok
    db.close()
    _tamper(db_path, *statements)
    report = audit.verify_database(Database.open(str(db_path)))
    found = {(p.seq, p.kind) for p in report.problems}
    assert expected <= found, report.problems
    proc = _cli("audit", "verify", "--db", str(db_path))
    assert proc.returncode == 4
    for seq, _kind in expected:
        assert f"#{seq}:" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_edit_with_recomputed_hash_is_named(db: Database, admin: Actor, db_path: Path) -> None:
    """A careful forger rewrites an entry and its own hash: the next entry no longer points at it."""
    _populate(db, admin, 4)
    db.close()
    row = dict(next(r for r in _rows(db_path) if r["seq"] == 3))
    row["before"] = json.loads(row["before"]) if row["before"] else None
    row["after"] = json.loads(row["after"])
    row["after"]["role"] = "admin"
    new_hash = entry_hash(row)
    after_text = json.dumps(row["after"], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET after = ?, hash = ? WHERE seq = 3", (after_text, new_hash))
        conn.commit()
    report = audit.verify_database(Database.open(str(db_path)))
    assert [(p.seq, p.kind) for p in report.problems] == [(3, "edited")]


def test_head_edit_of_the_last_entry_is_named(db: Database, admin: Actor, db_path: Path) -> None:
    _populate(db, admin, 2)
    db.close()
    last = _rows(db_path)[-1]
    row = dict(last)
    row["after"] = json.loads(row["after"])
    row["after"]["display_name"] = "Giả mạo"
    row["before"] = None
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET after = ?, hash = ? WHERE seq = ?",
                     (json.dumps(row["after"]), entry_hash(row), row["seq"]))
        conn.commit()
    report = audit.verify_database(Database.open(str(db_path)))
    assert (last["seq"], "edited") in {(p.seq, p.kind) for p in report.problems}


def test_period_entries_chain_on_their_own(db: Database, admin: Actor) -> None:
    with db.session(admin) as session:
        for i in range(3):
            audit.record_event(session, "note", "periods", "1", details={"i": i}, period_code="2026-Q1")
            audit.record_event(session, "note", "periods", "2", details={"i": i}, period_code="2026-Q2")
    q1 = audit.export_period_entries(db, "2026-Q1")
    assert [e["after"]["i"] for e in q1] == [0, 1, 2]
    assert q1[0]["period_prev_hash"] == GENESIS
    assert audit.verify_exported_entries(q1, period_code="2026-Q1", last_hash=q1[-1]["hash"]) == []
    # through JSONL and back
    again = audit.from_jsonl(audit.to_jsonl(q1))
    assert audit.verify_exported_entries(again, period_code="2026-Q1") == []
    # tampering with the export
    edited = [dict(e) for e in q1]
    edited[1]["after"] = {"i": 99}
    assert {(p.seq, p.kind) for p in verify_period_entries(edited)} == {(q1[1]["seq"], "edited")}
    assert any(p.kind == "deleted" for p in verify_period_entries([q1[0], q1[2]]))
    assert any(p.kind == "reordered" for p in verify_period_entries([q1[0], q1[2], q1[1]]))
    assert [p.kind for p in verify_period_entries(q1[:2], last_hash=q1[-1]["hash"])] == ["truncated"]
    q2 = audit.export_period_entries(db, "2026-Q2")
    assert any(p.kind == "inserted" for p in verify_period_entries([*q1, ], period_code="2026-Q2"))
    assert verify_period_entries(q2) == []


def test_exported_file_verifies_through_the_cli(db: Database, admin: Actor, db_path: Path, tmp_path: Path) -> None:
    with db.session(admin) as session:
        for i in range(3):
            audit.record_event(session, "note", "periods", "1", details={"i": i}, period_code="2026-Q1")
    db.close()
    out = tmp_path / "audit.jsonl"
    env = {"KPI_PASSWORD": ADMIN_PASSWORD}
    proc = _cli("audit", "export", "--db", str(db_path), "--user", "quantri", "--period", "2026-Q1",
                "--out", str(out), env=env)
    assert proc.returncode == 0, proc.stderr
    assert len(out.read_bytes().splitlines()) == 3
    assert _cli("audit", "verify", "--file", str(out), "--period", "2026-Q1").returncode == 0
    lines = out.read_bytes().splitlines()
    out.write_bytes(b"\n".join([lines[0], lines[2]]) + b"\n")
    proc = _cli("audit", "verify", "--file", str(out))
    assert proc.returncode == 4
    assert "bị xoá" in proc.stdout


def test_export_needs_the_right(db: Database, accounts: Accounts, db_path: Path, tmp_path: Path) -> None:
    db.close()
    proc = _cli("audit", "export", "--db", str(db_path), "--user", "nhanvien", "--period", "2026-Q1",
                "--out", str(tmp_path / "a.jsonl"), env={"KPI_PASSWORD": PASSWORDS["nhanvien"]})
    assert proc.returncode == 3
    assert "không có quyền" in proc.stderr
    assert not (tmp_path / "a.jsonl").exists()


def test_nfd_text_is_chained_as_nfc(db: Database, admin: Actor) -> None:
    import unicodedata

    with db.session(admin) as session:
        audit.set_reason(session, unicodedata.normalize("NFD", "Sửa theo kiến nghị"))
        audit.record_event(session, "note", "x", unicodedata.normalize("NFD", "Điều"),
                           details={unicodedata.normalize("NFD", "khóa"): unicodedata.normalize("NFD", "giá trị")})
    report = audit.verify_database(db)
    assert report.ok, report.problems
    last = audit.list_entries(db, admin, limit=1)[0]
    assert last["reason"] == "Sửa theo kiến nghị" and last["after"] == {"khóa": "giá trị"}


def test_orm_bulk_insert_and_delete_are_audited(db: Database, admin: Actor) -> None:
    from sqlalchemy import delete, insert

    with db.session(admin) as session:
        session.execute(insert(AppSetting), [{"key": "a.1", "value": "1"}, {"key": "a.2", "value": "2"}])
    with db.session(admin) as session:
        session.execute(delete(AppSetting).where(AppSetting.key == "a.1"))
    entries = audit.list_entries(db, admin, entity="app_settings")
    assert [(e["action"], e["entity_id"]) for e in entries] == [("delete", "a.1"), ("insert", "a.2"), ("insert", "a.1")]
    assert entries[0]["before"] == {"key": "a.1", "value": "1"}
    assert audit.verify_database(db).ok
