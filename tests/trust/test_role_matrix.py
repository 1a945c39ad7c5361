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

from .conftest import ADMIN_PASSWORD, PASSWORDS, Accounts, Org

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
        "deadlines forward": (Action.DEADLINE_MANAGE, ["deadlines", "forward", "--db", db]),
        # other areas' commands that log in the same way
        "bundle export": (Action.BUNDLE_EXPORT,
                          ["bundle", "export", "--db", db, "--period", "2026-Q1", "--out", str(tmp / "x.kpib")]),
        "bundle import": (Action.BUNDLE_IMPORT, ["bundle", "import", "--db", db, str(tmp / "x.kpib")]),
        "period open": (Action.PERIOD_MANAGE, ["period", "open", "2026-Q3", "--db", db]),
        "period reopen": (Action.PERIOD_REOPEN, ["period", "reopen", "2026-Q3", "--reason", "Sửa sai", "--db", db]),
        "annual rate": (Action.ANNUAL_PROPOSE, ["annual", "rate", "--year", "2026", "--db", db]),
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
        assert not (tmp_path / "x.kpib").exists()
        refused += 1
    assert refused >= 5
    assert not (tmp_path / "a.jsonl").exists()


def test_cli_admin_may_do_what_the_matrix_allows(db: Database, accounts: Accounts, db_path: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    backup.backup_now(db, accounts.admin, out=tmp_path / "b.db")
    db.close()
    for name, (action, argv) in _cli_cases(str(db_path), tmp_path).items():
        code, err = _run(capsys, monkeypatch, [*argv, "--user", "quantri"], ADMIN_PASSWORD)
        if scope_of(accounts.admin, action) is Scope.NONE:
            assert code == 3, f"{name}: {err}"
        else:
            assert code == 0, f"{name}: {err}"
    # and the clerk may run the period commands the administrator may not
    code, err = _run(capsys, monkeypatch, ["period", "open", "2026-Q3", "--db", str(db_path), "--user", "canbo"],
                     PASSWORDS["canbo"])
    assert code == 0, err


GENERAL = {"a": 9, "b": 9, "c": 9}


def _assign_work(db: Database, org: Org) -> None:
    import datetime as dt
    from decimal import Decimal

    from sqlalchemy import select

    from kpi_desktop.domain.roles import SYSTEM
    from kpi_desktop.services import catalog
    from kpi_desktop.store.models.catalog import Product
    from kpi_desktop.store.models.evaluation import Assignment, CompletionRecord, EvaluationPeriod

    with db.session(SYSTEM) as s:
        catalog.apply_document(s, catalog.default_catalogue())
        s.flush()
        product = s.scalars(select(Product).order_by(Product.code)).first()
        period = s.scalars(select(EvaluationPeriod)).one()
        assert product is not None
        for person in (org.head_a, org.staff_a, org.staff_a2, org.head_b, org.staff_b):
            a = Assignment(period_id=period.id, person_id=person, product_id=product.id, quantity=Decimal(2),
                           k=Decimal(1), deadline=dt.date(2026, 3, 31))
            a.completions.append(CompletionRecord(quantity=Decimal(2), completed_on=dt.date(2026, 3, 20)))
            s.add(a)


def test_evaluation_services_follow_the_matrix(db: Database, accounts: Accounts, org: Org) -> None:
    """Staff touch only their own Mẫu 01, heads only their own body, nobody reviews themselves, and a
    locked period is read-only for everyone (the services from the store area, checked here)."""
    from kpi_desktop.errors import StateError
    from kpi_desktop.services import evaluation as ev

    for actor in (accounts.staff, accounts.head, accounts.province, accounts.admin):
        with pytest.raises(PermissionDenied):
            ev.open_period(db, actor, "2026-Q1")
    ev.open_period(db, accounts.clerk, "2026-Q1")
    _assign_work(db, org)
    # staff: own form only
    ev.save_self_assessment(db, accounts.staff, "2026-Q1", org.staff_a, general=GENERAL, submit=True)
    for target in (org.staff_a2, org.staff_b, org.head_a):
        with pytest.raises(PermissionDenied):
            ev.save_self_assessment(db, accounts.staff, "2026-Q1", target, general=GENERAL)
    ev.save_self_assessment(db, accounts.staff2, "2026-Q1", org.staff_a2, general=GENERAL, submit=True)
    ev.save_self_assessment(db, accounts.head, "2026-Q1", org.head_a, general=GENERAL, submit=True,
                            leadership={"subordinates_all_at_least_ht": True, "plan_on_time_with_quality": True,
                                        "unity": True})
    with pytest.raises(PermissionDenied):
        ev.get_evaluation(db, accounts.staff, "2026-Q1", org.staff_a2)
    # heads: their own body, never themselves
    with pytest.raises(PermissionDenied):
        ev.review_evaluation(db, accounts.head_b, "2026-Q1", org.staff_a)
    with pytest.raises(PermissionDenied):
        ev.review_evaluation(db, accounts.head, "2026-Q1", org.head_a)
    for actor in (accounts.staff, accounts.clerk, accounts.province, accounts.admin):
        with pytest.raises(PermissionDenied):
            ev.review_evaluation(db, actor, "2026-Q1", org.staff_a)
    ev.review_evaluation(db, accounts.head, "2026-Q1", org.staff_a)
    # locked: read-only for everyone, reopening needs the right and a reason
    for actor in (accounts.staff, accounts.head):
        with pytest.raises(PermissionDenied):
            ev.close_period(db, actor, "2026-Q1")
    ev.close_period(db, accounts.clerk, "2026-Q1")
    with pytest.raises(StateError):
        ev.review_evaluation(db, accounts.head, "2026-Q1", org.staff_a2)
    with pytest.raises(StateError):
        ev.save_self_assessment(db, accounts.staff, "2026-Q1", org.staff_a, general=GENERAL)
    for actor in (accounts.staff, accounts.head, accounts.admin):
        with pytest.raises(PermissionDenied):
            ev.reopen_period(db, actor, "2026-Q1", "Sửa sai sót")
    ev.reopen_period(db, accounts.clerk, "2026-Q1", "Sửa sai sót theo kiến nghị")
    ev.review_evaluation(db, accounts.head, "2026-Q1", org.staff_a2)
    assert audit.verify_database(db).ok


def test_personal_data_only_to_roles_that_need_it(db: Database, accounts: Accounts, org: Org) -> None:
    """Citizen ID and discipline through the people service: the clerk, the person's own head and the
    person see them (and province HR, which syncs the national database by it); the administrator does not."""
    from kpi_desktop.services import people

    full = people.person_page(db, accounts.clerk, org.staff_a)
    assert full.citizen_id is not None and "*" not in full.citizen_id
    assert people.person_page(db, accounts.head, org.staff_a).citizen_id == full.citizen_id
    assert people.person_page(db, accounts.staff, org.staff_a).citizen_id == full.citizen_id
    assert people.person_page(db, accounts.province, org.staff_a).citizen_id == full.citizen_id
    masked = people.person_page(db, accounts.admin, org.staff_a)
    assert masked.citizen_id == "*" * 8 + full.citizen_id[-4:] and masked.discipline == []
    for actor, person in ((accounts.staff, org.staff_a2), (accounts.head_b, org.staff_a)):
        with pytest.raises(PermissionDenied):
            people.person_page(db, actor, person)
