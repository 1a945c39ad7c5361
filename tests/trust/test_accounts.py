"""Accounts: first administrator, argon2 hashes, lock-out with a fake clock, one message for every failure."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from kpi_desktop.domain.roles import Actor, Role
from kpi_desktop.errors import InputError, NotFoundError, PermissionDenied, StateError
from kpi_desktop.services import auth
from kpi_desktop.services.app_settings import set_setting
from kpi_desktop.store.db import Database

from .conftest import ADMIN_PASSWORD


class FakeClock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 1, 8, 0, 0)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeClock]:
    fake = FakeClock()
    monkeypatch.setattr(auth, "clock", fake)
    yield fake


def _cli(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kpi_desktop", *args], capture_output=True, text=True,
                          env=dict(os.environ, **(env or {})), input=stdin, timeout=120)


def test_first_admin_only_once(db: Database, admin: Actor) -> None:
    assert admin.role is Role.ADMIN
    with pytest.raises(StateError):
        auth.create_first_admin(db, "khac", "Mat-khau-dai-2026")
    assert auth.login(db, "quantri", ADMIN_PASSWORD).user_id == admin.user_id


def test_passwords_are_argon2_hashes(db: Database, admin: Actor, db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        stored = conn.execute("SELECT password_hash FROM users").fetchone()[0]
    assert stored.startswith("$argon2id$")
    assert ADMIN_PASSWORD not in stored


def test_one_message_for_every_failure(db: Database, admin: Actor) -> None:
    auth.create_user(db, admin, "lan", "Hoa-sen-2026", "clerk")
    auth.set_active(db, admin, "lan", False)
    messages = set()
    for user, pw in [("khong-co", "bat-ky-2026"), ("quantri", "sai-mat-khau"), ("lan", "Hoa-sen-2026")]:
        with pytest.raises(PermissionDenied) as exc:
            auth.login(db, user, pw)
        messages.add(exc.value.user_text())
    assert len(messages) == 1  # does not tell whether the account exists or is disabled


def test_lockout_after_repeated_failures_and_expiry(db: Database, admin: Actor, clock: FakeClock) -> None:
    auth.create_user(db, admin, "lan", "Hoa-sen-2026", "clerk")
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            auth.login(db, "lan", "sai-mat-khau")
    with pytest.raises(PermissionDenied):  # locked: even the right password is refused
        auth.login(db, "lan", "Hoa-sen-2026")
    assert next(u for u in auth.list_users(db, admin) if u.username == "lan").locked
    clock.now += dt.timedelta(minutes=14)
    with pytest.raises(PermissionDenied):
        auth.login(db, "lan", "Hoa-sen-2026")
    clock.now += dt.timedelta(minutes=2)
    assert auth.login(db, "lan", "Hoa-sen-2026").username == "lan"


def test_lockout_policy_is_a_setting_and_admin_unlocks(db: Database, admin: Actor, clock: FakeClock) -> None:
    set_setting(db, admin, "auth.max_failures", 2)
    auth.create_user(db, admin, "lan", "Hoa-sen-2026", "clerk")
    for _ in range(2):
        with pytest.raises(PermissionDenied):
            auth.login(db, "lan", "sai")
    with pytest.raises(PermissionDenied):
        auth.login(db, "lan", "Hoa-sen-2026")
    auth.unlock(db, admin, "lan")
    assert auth.login(db, "lan", "Hoa-sen-2026").role is Role.CLERK


def test_success_resets_the_failure_count(db: Database, admin: Actor) -> None:
    auth.create_user(db, admin, "lan", "Hoa-sen-2026", "clerk")
    for _round in range(3):
        for _ in range(4):
            with pytest.raises(PermissionDenied):
                auth.login(db, "lan", "sai")
        auth.login(db, "lan", "Hoa-sen-2026")


def test_password_policy_and_usernames(db: Database, admin: Actor) -> None:
    with pytest.raises(InputError, match="ít nhất 8"):
        auth.create_user(db, admin, "lan", "ngan", "clerk")
    with pytest.raises(InputError, match="tên đăng nhập"):
        auth.create_user(db, admin, "lan", "lan-12345678", "clerk")
    with pytest.raises(InputError, match="không hợp lệ"):
        auth.create_user(db, admin, "system", "Hoa-sen-2026", "clerk")
    with pytest.raises(InputError, match="không hợp lệ"):
        auth.create_user(db, admin, "Lân Nguyễn", "Hoa-sen-2026", "clerk")
    with pytest.raises(InputError, match="Vai trò"):
        auth.create_user(db, admin, "lan", "Hoa-sen-2026", "boss")
    with pytest.raises(InputError, match="lãnh đạo"):
        auth.create_user(db, admin, "lan", "Hoa-sen-2026", "head", person_id=1)
    auth.create_user(db, admin, "Lan", "Hoa-sen-2026", "clerk")
    with pytest.raises(InputError, match="đã có"):
        auth.create_user(db, admin, "lan", "Hoa-sen-2026", "clerk")


def test_vietnamese_passwords_match_in_any_normal_form(db: Database, admin: Actor) -> None:
    import unicodedata

    pw = "Mật khẩu tiếng Việt"
    auth.create_user(db, admin, "lan", unicodedata.normalize("NFD", pw), "clerk")
    assert auth.login(db, "lan", unicodedata.normalize("NFC", pw)).username == "lan"


def test_change_and_reset_password(db: Database, admin: Actor) -> None:
    auth.create_user(db, admin, "lan", "Hoa-sen-2026", "clerk")
    lan = auth.login(db, "lan", "Hoa-sen-2026")
    assert auth.must_change_password(db, lan)
    with pytest.raises(PermissionDenied):
        auth.change_password(db, lan, "sai", "Troi-xanh-2027")
    auth.change_password(db, lan, "Hoa-sen-2026", "Troi-xanh-2027")
    assert not auth.must_change_password(db, lan)
    auth.reset_password(db, admin, "lan", "Tam-thoi-2027")
    assert auth.must_change_password(db, auth.login(db, "lan", "Tam-thoi-2027"))
    with pytest.raises(NotFoundError):
        auth.reset_password(db, admin, "khong-co", "Tam-thoi-2027")


def test_last_admin_cannot_be_removed(db: Database, admin: Actor) -> None:
    with pytest.raises(StateError):
        auth.set_active(db, admin, "quantri", False)
    with pytest.raises(StateError):
        auth.update_user(db, admin, "quantri", role="clerk")


def test_only_admin_manages_accounts(db: Database, admin: Actor) -> None:
    auth.create_user(db, admin, "lan", "Hoa-sen-2026", "clerk")
    clerk = auth.login(db, "lan", "Hoa-sen-2026")
    for call in (lambda: auth.create_user(db, clerk, "x-user", "Hoa-sen-2026", "admin"),
                 lambda: auth.list_users(db, clerk),
                 lambda: auth.unlock(db, clerk, "quantri"),
                 lambda: auth.reset_password(db, clerk, "quantri", "Chiem-quyen-2026"),
                 lambda: auth.update_user(db, clerk, "lan", role="admin"),
                 lambda: auth.set_active(db, clerk, "quantri", False)):
        with pytest.raises(PermissionDenied):
            call()


def _main(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str,
          env: dict[str, str] | None = None, stdin: str | None = None) -> tuple[int, str, str]:
    """The CLI in-process (fast); subprocess tests below cover the real entry point."""
    import io

    from kpi_desktop.cli import main
    from kpi_desktop.commands import account

    for name in ("KPI_PASSWORD", "KPI_NEW_PASSWORD", "KPI_USER"):
        monkeypatch.delenv(name, raising=False)
    for name, value in (env or {}).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin or ""))
    monkeypatch.setattr(account, "_stdin_lines", None)
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_account_lifecycle(db_path: Path, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(db_path)

    def run(*argv: str, **kw: object) -> tuple[int, str, str]:
        return _main(capsys, monkeypatch, *argv, **kw)  # type: ignore[arg-type]

    code, _out, err = run("account", "add", "quantri", "--role", "admin", "--db", db,
                          env={"KPI_NEW_PASSWORD": ADMIN_PASSWORD})
    assert code == 0, err
    admin_env = {"KPI_PASSWORD": ADMIN_PASSWORD}
    code, _out, err = run("account", "add", "lan", "--role", "clerk", "--name", "Trần Thị Lan", "--db", db,
                          "--user", "quantri", env={**admin_env, "KPI_NEW_PASSWORD": "Hoa-sen-2026"})
    assert code == 0, err
    code, out, _err = run("account", "list", "--db", db, "--user", "quantri", env=admin_env)
    assert code == 0 and "Trần Thị Lan" in out and "phải đổi mật khẩu" in out
    for _ in range(5):
        assert run("account", "list", "--db", db, "--user", "lan", env={"KPI_PASSWORD": "sai"})[0] == 3
    assert "tạm khoá" in run("account", "list", "--db", db, "--user", "quantri", env=admin_env)[1]
    assert run("account", "unlock", "lan", "--db", db, "--user", "quantri", env=admin_env)[0] == 0
    # the clerk changes their own password, reading both from stdin
    code, _out, err = run("account", "passwd", "--db", db, "--user", "lan", stdin="Hoa-sen-2026\nTroi-xanh-2027\n")
    assert code == 0, err
    code, _out, err = run("account", "list", "--db", db, "--user", "lan", env={"KPI_PASSWORD": "Troi-xanh-2027"})
    assert code == 3 and "không có quyền" in err  # logged in, but not an admin
    # the administrator disables and re-enables; a disabled account cannot log in
    assert run("account", "disable", "lan", "--db", db, "--user", "quantri", env=admin_env)[0] == 0
    assert run("account", "list", "--db", db, "--user", "lan", env={"KPI_PASSWORD": "Troi-xanh-2027"})[0] == 3
    assert run("account", "enable", "lan", "--db", db, "--user", "quantri", env=admin_env)[0] == 0
    # an administrator resets someone else's password
    code, out, _err = run("account", "passwd", "lan", "--db", db, "--user", "quantri",
                          env={**admin_env, "KPI_NEW_PASSWORD": "Tam-thoi-2028"})
    assert code == 0 and "phải đổi mật khẩu" in out


def test_cli_subprocess_entry_point(db_path: Path) -> None:
    proc = _cli("account", "add", "quantri", "--role", "admin", "--db", str(db_path),
                env={"KPI_NEW_PASSWORD": ADMIN_PASSWORD})
    assert proc.returncode == 0, proc.stderr
    proc = _cli("account", "list", "--db", str(db_path), "--user", "quantri", env={"KPI_PASSWORD": "sai-mat-khau"})
    assert proc.returncode == 3 and "không đúng" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_first_account_must_be_admin(db_path: Path) -> None:
    proc = _cli("account", "add", "lan", "--role", "clerk", "--db", str(db_path),
                env={"KPI_NEW_PASSWORD": "Hoa-sen-2026"})
    assert proc.returncode == 2
    assert "quản trị viên" in proc.stderr


def test_cli_without_login_is_refused(db: Database, admin: Actor, db_path: Path) -> None:
    db.close()
    env = {k: v for k, v in os.environ.items() if k not in ("KPI_USER", "KPI_PASSWORD")}
    proc = subprocess.run([sys.executable, "-m", "kpi_desktop", "account", "list", "--db", str(db_path)],
                          capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=60)
    assert proc.returncode == 3
    assert "cần đăng nhập" in proc.stderr


def test_demo_accounts(db: Database, org: object) -> None:
    made = auth.create_demo_accounts(db)
    assert [a.role for a in made] == [Role.ADMIN, Role.CLERK, Role.HEAD, Role.STAFF, Role.PROVINCE_HR]
    head = auth.login(db, "lanhdao", auth.DEMO_PASSWORD)
    staff = auth.login(db, "nhanvien", auth.DEMO_PASSWORD)
    assert head.body_id is not None and head.body_id == staff.body_id
    assert head.person_id != staff.person_id
    assert auth.create_demo_accounts(db) == []  # idempotent


def test_cli_help_in_english(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from kpi_desktop.cli import main

    monkeypatch.setenv("KPI_LANG", "en")
    for argv in (["account", "--help"], ["audit", "verify", "--help"], ["restore", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
    out = capsys.readouterr().out
    assert "Manage accounts" in out and "names every edited, deleted or reordered entry" in out
    assert "before replacing anything" in out


def test_actor_for_cli(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from kpi_desktop.commands.account import actor_for_cli
    from kpi_desktop.domain.roles import SYSTEM

    monkeypatch.delenv("KPI_USER", raising=False)
    args = argparse.Namespace(user=None)
    assert actor_for_cli(args, db) == SYSTEM  # no accounts yet: bootstrap
    auth.create_first_admin(db, "quantri", ADMIN_PASSWORD)
    with pytest.raises(PermissionDenied, match="cần đăng nhập"):
        actor_for_cli(args, db)
    monkeypatch.setenv("KPI_PASSWORD", ADMIN_PASSWORD)
    assert actor_for_cli(argparse.Namespace(user="quantri"), db).role is Role.ADMIN


def test_kpi_demo_gets_the_demo_accounts(db: Database, db_path: Path) -> None:
    from kpi_desktop.services import audit
    from kpi_desktop.services.demo import build_demo

    summary = build_demo(db)
    assert {a[0] for a in summary.accounts} == {"quantri", "tochuc", "lanhdao", "nhanvien", "sonoivu"}
    head = auth.login(db, "lanhdao", auth.DEMO_PASSWORD)
    staff = auth.login(db, "nhanvien", auth.DEMO_PASSWORD)
    assert head.role is Role.HEAD and staff.role is Role.STAFF and head.body_id == staff.body_id
    assert auth.login(db, "tochuc", auth.DEMO_PASSWORD).role is Role.CLERK
    report = audit.verify_database(db)
    assert report.ok and report.entry_count > 1000
    # no password, in clear or hashed, in the trail; no clear password anywhere in the files
    assert not [e for e in audit.list_entries(db, auth.login(db, "quantri", auth.DEMO_PASSWORD), limit=100_000)
                if "$argon2" in json.dumps(e, ensure_ascii=False)]
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*") if p.is_file())
    assert auth.DEMO_PASSWORD.encode() not in raw
