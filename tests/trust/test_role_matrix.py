"""The role matrix end to end: every forbidden action, tried through the services and through the CLI,
is refused; every allowed one goes through. Add a row here when a new service lands on main."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kpi_desktop.cli import main
from kpi_desktop.domain.roles import Actor, Role
from kpi_desktop.errors import PermissionDenied
from kpi_desktop.services import app_settings, audit, auth, backup, deadlines
from kpi_desktop.services.authz import Action, Scope, scope_of
from kpi_desktop.store.db import Database

from .conftest import ADMIN_PASSWORD, PASSWORDS, Accounts

ServiceCall = Callable[[Database, Actor, Path], Any]

SERVICE_CALLS: dict[str, tuple[Action, ServiceCall]] = {
    "account.create": (Action.ACCOUNT_MANAGE,
                       lambda db, a, _t: auth.create_user(db, a, "moi-tao", "Mat-khau-moi-1", "clerk")),
    "account.list": (Action.ACCOUNT_MANAGE, lambda db, a, _t: auth.list_users(db, a)),
    "account.unlock": (Action.ACCOUNT_MANAGE, lambda db, a, _t: auth.unlock(db, a, "canbo")),
    "account.reset": (Action.ACCOUNT_MANAGE,
                      lambda db, a, _t: auth.reset_password(db, a, "canbo", "Dat-lai-mat-khau-1")),
    "account.disable": (Action.ACCOUNT_MANAGE, lambda db, a, _t: auth.set_active(db, a, "sonoivu", False)),
    "account.role": (Action.ACCOUNT_MANAGE, lambda db, a, _t: auth.update_user(db, a, "canbo", role="admin")),
    "settings.edit": (Action.SETTINGS_EDIT,
                      lambda db, a, _t: app_settings.set_setting(db, a, "auth.max_failures", 1000)),
    "audit.list": (Action.AUDIT_VIEW, lambda db, a, _t: audit.list_entries(db, a)),
    "backup.run": (Action.BACKUP_RUN, lambda db, a, t: backup.backup_now(db, a, out=t / "b.db")),
    "restore.run": (Action.RESTORE_RUN,
                    lambda db, a, t: backup.restore(Path(t / "none.db"), t / "missing.db", actor=a)),
    "deadlines.forward": (Action.DEADLINE_MANAGE,
                          lambda db, a, _t: deadlines.forward_overdue(db, a, today=dt.date(2026, 6, 1))),
}

ROLE_ACCOUNT = {Role.ADMIN: "admin", Role.CLERK: "clerk", Role.HEAD: "head", Role.STAFF: "staff",
                Role.PROVINCE_HR: "province"}


@pytest.mark.parametrize("role", list(Role))
def test_services_refuse_every_forbidden_action(db: Database, accounts: Accounts, tmp_path: Path, role: Role) -> None:
    actor: Actor = getattr(accounts, ROLE_ACCOUNT[role])
    checked = 0
    for name, (action, call) in SERVICE_CALLS.items():
        if scope_of(actor, action) is Scope.NONE:
            with pytest.raises(PermissionDenied):
                call(db, actor, tmp_path)
            checked += 1
        else:
            try:
                call(db, actor, tmp_path)
            except PermissionDenied as exc:  # pragma: no cover - the failure message says which
                pytest.fail(f"{role}: {name} refused although allowed: {exc}")
            except Exception:
                pass  # allowed, but the made-up target may not exist (e.g. restore of a missing file)
    assert checked or role is Role.ADMIN


def test_catalogue_import_refused_to_staff_and_heads(db: Database, accounts: Accounts, tmp_path: Path) -> None:
    from kpi_desktop.services import catalog

    source = tmp_path / "catalog.json"
    source.write_text("{}", encoding="utf-8")
    for actor in (accounts.staff, accounts.head):
        with pytest.raises(PermissionDenied):
            catalog.import_catalogue(db, actor, source, "json")


def _run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str], password: str,
         new_password: str = "Mat-khau-moi-1") -> tuple[int, str]:
    monkeypatch.setenv("KPI_PASSWORD", password)
    monkeypatch.setenv("KPI_NEW_PASSWORD", new_password)
    code = main(argv)
    return code, capsys.readouterr().err


def _cli_cases(db: str, tmp: Path) -> dict[str, tuple[Action, list[str]]]:
    return {
        "account add": (Action.ACCOUNT_MANAGE, ["account", "add", "moi-tao", "--role", "clerk", "--db", db]),
        "account list": (Action.ACCOUNT_MANAGE, ["account", "list", "--db", db]),
        "account passwd other": (Action.ACCOUNT_MANAGE, ["account", "passwd", "lanhdao2", "--db", db]),
        "account unlock": (Action.ACCOUNT_MANAGE, ["account", "unlock", "canbo", "--db", db]),
        "account disable": (Action.ACCOUNT_MANAGE, ["account", "disable", "sonoivu", "--db", db]),
        "audit export": (Action.AUDIT_EXPORT,
                         ["audit", "export", "--db", db, "--period", "2026-Q1", "--out", str(tmp / "a.jsonl")]),
        "audit list": (Action.AUDIT_VIEW, ["audit", "list", "--db", db]),
        "backup": (Action.BACKUP_RUN, ["backup", "--db", db, "--out", str(tmp / "b.db")]),
        "restore": (Action.RESTORE_RUN, ["restore", "--db", db, str(tmp / "b.db")]),
    }


@pytest.mark.parametrize("username", ["canbo", "lanhdao", "nhanvien", "sonoivu"])
def test_cli_refuses_every_forbidden_action(db: Database, accounts: Accounts, db_path: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                            username: str) -> None:
    backup.backup_now(db, accounts.admin, out=tmp_path / "b.db")
    actor = auth.login(db, username, PASSWORDS[username])
    db.close()
    refused = 0
    for name, (action, argv) in _cli_cases(str(db_path), tmp_path).items():
        if scope_of(actor, action) is not Scope.NONE:
            continue
        code, err = _run(capsys, monkeypatch, [*argv, "--user", username], PASSWORDS[username])
        assert code == 3, f"{username}: {name} exit {code}: {err}"
        assert "không có quyền" in err, err
        refused += 1
    assert refused >= 5
    assert not (tmp_path / "a.jsonl").exists()


def test_cli_admin_may_do_what_the_matrix_allows(db: Database, accounts: Accounts, db_path: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    backup.backup_now(db, accounts.admin, out=tmp_path / "b.db")
    db.close()
    for name, (_action, argv) in _cli_cases(str(db_path), tmp_path).items():
        code, err = _run(capsys, monkeypatch, [*argv, "--user", "quantri"], ADMIN_PASSWORD)
        assert code == 0, f"{name}: {err}"
