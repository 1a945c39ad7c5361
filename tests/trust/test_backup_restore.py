"""Backups with the backup API, rotation, daily backup, and a restore that checks before replacing."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import InputError, PermissionDenied
from kpi_desktop.services import auth, backup
from kpi_desktop.services.instance_lock import AlreadyRunning, InstanceLock
from kpi_desktop.store.db import Database

from .conftest import ADMIN_PASSWORD, Accounts


class FakeClock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 1, 8, 0, 0)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeClock]:
    fake = FakeClock()
    monkeypatch.setattr(backup, "clock", fake)
    yield fake


def _usernames(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT username FROM users ORDER BY username")]


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kpi_desktop", *args], capture_output=True, text=True,
                          env=dict(os.environ, **(env or {})), stdin=subprocess.DEVNULL, timeout=120)


def test_backup_is_a_consistent_single_file(db: Database, admin: Actor, tmp_path: Path) -> None:
    auth.create_user(db, admin, "lan", "Hoa-sen-2026", "clerk")  # still in the WAL, not checkpointed
    info = backup.backup_now(db, admin, out=tmp_path / "bk.db")
    assert not Path(str(info.path) + "-wal").exists()
    assert _usernames(info.path) == ["lan", "quantri"]
    check = backup.check_backup_file(info.path)
    assert check.integrity == "ok" and not check.audit_problems and check.audit_entries >= 2


def test_backup_needs_the_right(db: Database, accounts: Accounts) -> None:
    for actor in (accounts.staff, accounts.head):
        with pytest.raises(PermissionDenied):
            backup.backup_now(db, actor)


def test_rotation_keeps_the_newest_automatic_and_all_manual(db: Database, admin: Actor, db_path: Path,
                                                              clock: FakeClock) -> None:
    from kpi_desktop.services.app_settings import set_setting

    set_setting(db, admin, "backup.keep_automatic", 3)
    manual = backup.backup_now(db, admin)
    made = [backup.backup_before(db, "truoc-nhap") for _ in range(5)]
    remaining = backup.list_backups(db_path)
    automatic = sorted(b.path for b in remaining if b.automatic)
    assert automatic == sorted(p for p in made[-3:] if p is not None)
    assert manual.path in [b.path for b in remaining]
    assert {b.reason for b in remaining if b.automatic} == {"truoc-nhap"}


def test_daily_backup_once_per_day(db: Database, admin: Actor, db_path: Path, clock: FakeClock) -> None:
    assert backup.daily_backup(db) is not None
    assert backup.daily_backup(db) is None
    clock.now += dt.timedelta(days=1)
    assert backup.daily_backup(db) is not None
    assert len([b for b in backup.list_backups(db_path) if b.reason == "hang-ngay"]) == 2


def test_restore_replaces_after_checking_and_keeps_the_old_file(db: Database, admin: Actor, db_path: Path,
                                                                 tmp_path: Path) -> None:
    info = backup.backup_now(db, admin, out=tmp_path / "bk.db")
    auth.create_user(db, admin, "sau-sao-luu", "Hoa-sen-2026", "clerk")
    db.close()
    result = backup.restore(db_path, info.path, actor=admin)
    assert _usernames(db_path) == ["quantri"]
    assert result.kept_previous is not None
    assert "sau-sao-luu" in _usernames(result.kept_previous)
    reopened = Database.open(str(db_path))
    assert auth.login(reopened, "quantri", ADMIN_PASSWORD).username == "quantri"
    from kpi_desktop.services import audit

    assert audit.verify_database(reopened).ok
    reopened.close()


@pytest.mark.parametrize("kind", ["not-sqlite", "truncated", "foreign", "unknown-revision", "tampered-audit"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(db: Database, admin: Actor, db_path: Path,
                                                          tmp_path: Path, kind: str) -> None:
    good = backup.backup_now(db, admin, out=tmp_path / "good.db").path
    bad = tmp_path / "bad.db"
    if kind == "not-sqlite":
        bad.write_bytes("Đây không phải cơ sở dữ liệu".encode() * 100)
    elif kind == "truncated":
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif kind == "foreign":
        with closing(sqlite3.connect(bad)) as conn:
            conn.execute("CREATE TABLE t (x)")
            conn.commit()
    elif kind == "unknown-revision":
        bad.write_bytes(good.read_bytes())
        with closing(sqlite3.connect(bad)) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_tuong_lai'")
            conn.commit()
    else:
        bad.write_bytes(good.read_bytes())
        with closing(sqlite3.connect(bad)) as conn:
            conn.execute("DROP TRIGGER audit_log_no_delete")
            conn.execute("DELETE FROM audit_log WHERE seq = 1")
            conn.commit()
    db.close()
    before = db_path.read_bytes()
    with pytest.raises(InputError) as exc:
        backup.restore(db_path, bad, actor=admin)
    assert exc.value.hint
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir() if "khoi-phuc" in p.name) == []


def test_restore_refused_while_another_instance_runs(db: Database, admin: Actor, db_path: Path,
                                                     tmp_path: Path) -> None:
    info = backup.backup_now(db, admin, out=tmp_path / "bk.db")
    with InstanceLock(db_path), pytest.raises(AlreadyRunning):
        backup.restore(db_path, info.path, actor=admin)


def test_restore_needs_admin(db: Database, admin: Actor, tmp_path: Path, db_path: Path) -> None:
    auth.create_user(db, admin, "lan", "Hoa-sen-2026", "clerk")
    info = backup.backup_now(db, admin, out=tmp_path / "bk.db")
    with pytest.raises(PermissionDenied):
        backup.restore(db_path, info.path, actor=auth.login(db, "lan", "Hoa-sen-2026"))


def test_cli_backup_and_restore(db: Database, admin: Actor, db_path: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from kpi_desktop.cli import main

    auth.create_user(db, admin, "lan", "Hoa-sen-2026", "clerk", must_change_password=False)
    db.close()
    out = tmp_path / "ban-sao.db"

    def run(password: str, *argv: str) -> tuple[int, str, str]:
        monkeypatch.setenv("KPI_PASSWORD", password)
        code = main(list(argv))
        printed, err = capsys.readouterr()
        return code, printed, err

    code, _o, err = run(ADMIN_PASSWORD, "backup", "--db", str(db_path), "--out", str(out), "--user", "quantri")
    assert code == 0, err
    assert _usernames(out) == ["lan", "quantri"]
    code, _o, err = run("Hoa-sen-2026", "restore", "--db", str(db_path), str(out), "--user", "lan")
    assert code == 3 and "không có quyền khôi phục" in err
    code, _o, err = run(ADMIN_PASSWORD, "restore", "--db", str(db_path), str(tmp_path / "khong-co.db"),
                        "--user", "quantri")
    assert code == 2 and "Không tìm thấy" in err
    code, printed, err = run(ADMIN_PASSWORD, "restore", "--db", str(db_path), str(out), "--user", "quantri")
    assert code == 0, err
    assert "giữ lại" in printed


def test_cli_restore_onto_a_damaged_database_needs_no_login(db: Database, admin: Actor, db_path: Path,
                                                            tmp_path: Path) -> None:
    out = backup.backup_now(db, admin, out=tmp_path / "bk.db").path
    db.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    db_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    proc = _cli("restore", "--db", str(db_path), str(out))
    assert proc.returncode == 0, proc.stderr
    assert _usernames(db_path) == ["quantri"]
