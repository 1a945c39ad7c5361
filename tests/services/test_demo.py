"""`kpi demo`: a sound file, the counts the issue asks for, the cases of a real year, engine scores."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kpi_desktop.domain.roles import SYSTEM
from kpi_desktop.domain.scoring import score_annual, score_period
from kpi_desktop.errors import StateError
from kpi_desktop.services.demo import build_demo
from kpi_desktop.services.people import PersonFilter, list_people, person_page
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.catalog import JobDescription, JobPosition, PositionCompetency, Product
from kpi_desktop.store.models.core import Body, Unit
from kpi_desktop.store.models.evaluation import (
    AnnualClassification,
    Assignment,
    DelayEvent,
    EvaluationPeriod,
    PeriodEvaluation,
    QualityFailure,
)
from kpi_desktop.store.models.people import DisciplineRecord, Leave, Person, RoleAssignment, Transfer


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "d.db"
    proc = subprocess.run([sys.executable, "-m", "kpi_desktop", "demo", "--db", str(path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Xã Cam Lâm" in proc.stdout
    return path


@pytest.fixture(scope="module")
def db(demo_path: Path) -> Iterator[Database]:
    database = Database.open(str(demo_path))
    yield database
    database.close()


def test_integrity_check_ok(demo_path: Path) -> None:
    sqlite = shutil.which("sqlite3")
    if sqlite:
        out = subprocess.run([sqlite, str(demo_path), "pragma integrity_check"], capture_output=True, text=True)
        assert out.stdout.strip() == "ok"
    with sqlite3.connect(demo_path) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert conn.execute("pragma foreign_key_check").fetchall() == []
    assert not Path(str(demo_path) + ".building").exists()


def test_counts_the_issue_asks_for(db: Database) -> None:
    with db.session(SYSTEM) as s:
        unit = s.scalars(select(Unit).where(Unit.is_home.is_(True))).one()
        assert (unit.code, unit.province_name) == ("22453", "Khánh Hòa")
        assert s.scalar(select(func.count()).select_from(Person)) >= 40
        bodies = s.scalars(select(Body)).all()
        assert len(bodies) >= 4
        for body in bodies:
            roles = s.scalars(select(RoleAssignment.role).where(RoleAssignment.body_id == body.id)).all()
            assert roles.count("head") == 1, body.name
            assert roles.count("deputy") >= 1, body.name
        positions = s.scalars(select(JobPosition)).all()
        described = set(s.scalars(select(JobDescription.position_id)))
        framed = set(s.scalars(select(PositionCompetency.position_id)))
        assert all(p.id in described and p.id in framed for p in positions)
        assert s.scalar(select(func.count()).select_from(Product)) >= 30
        periods = s.scalars(select(EvaluationPeriod).order_by(EvaluationPeriod.start_date)).all()
        assert [p.code for p in periods] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
        assert all(p.kind == "quarter" for p in periods)
        assert s.scalar(select(func.count()).select_from(Assignment)) > 400
        assert s.scalar(select(func.count()).select_from(QualityFailure)) > 0
        assert s.scalar(select(func.count()).select_from(DelayEvent)) > 0
        assert s.scalar(select(func.count()).select_from(QualityFailure).where(QualityFailure.exempt.is_(True)))
        exempt = s.scalars(select(DelayEvent).where(DelayEvent.exempt.is_(True))).first()
        assert exempt is not None and exempt.approver and exempt.reason
        evals = s.scalars(select(PeriodEvaluation)).all()
        assert len(evals) > 150
        assert all(e.state == "approved" and e.self_total is not None and e.criteria for e in evals)
        assert s.scalar(select(func.count()).select_from(AnnualClassification).where(
            AnnualClassification.year == 2026)) >= 40


def test_names_are_nfc_vietnamese(db: Database) -> None:
    with db.session(SYSTEM) as s:
        names = s.scalars(select(Person.full_name)).all()
    assert len(set(names)) == len(names)
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    assert sum(any(ord(ch) > 127 for ch in n) for n in names) >= len(names) * 0.9


def test_every_stored_score_is_reproduced_by_the_engine(db: Database) -> None:
    with db.session(SYSTEM) as s:
        for ev in s.scalars(select(PeriodEvaluation)):
            assert ev.inputs is not None and ev.result is not None
            again = score_period(ev.inputs)
            assert again == ev.result
            assert str(ev.total) == again["total"] and ev.band == again["band"]
            assert ev.ruleset_id == "ND335-2025" and len(ev.ruleset_sha256 or "") == 64 and ev.engine_version
            # the stored lines match the stored assignments
            lines = {t["product"]: t for t in ev.inputs["tasks"]}
            rows = s.execute(select(Product.code, Assignment.quantity).join(Product, Product.id == Assignment.product_id)
                             .where(Assignment.period_id == ev.period_id, Assignment.person_id == ev.person_id)).all()
            assert {code: int(q) for code, q in rows} == {c: t["assigned"] for c, t in lines.items()}
        for ac in s.scalars(select(AnnualClassification)):
            assert score_annual(ac.inputs) == ac.result
            assert ac.level == ac.result["level"]


def test_the_cases_of_a_real_year(db: Database) -> None:
    with db.session(SYSTEM) as s:
        levels = {lv: n for lv, n in s.execute(select(AnnualClassification.final_level, func.count())
                                                .group_by(AnnualClassification.final_level))}
        assert levels.get("HTXS") and levels.get("HTT") and levels.get("KHT") and levels.get("NOT_RATED")

        # the reprimanded person: a khiển trách in the year forces KHT whatever the points
        rec = s.scalars(select(DisciplineRecord).where(DisciplineRecord.form == "khien_trach")).one()
        ac = s.scalars(select(AnnualClassification).where(AnnualClassification.person_id == rec.person_id)).one()
        assert ac.level == "KHT" and ac.band in ("HTXS", "HTT", "HT")
        assert ac.vetoes_applied and ac.result["reasons"]

        # maternity leave: flagged and rated on the periods actually worked
        leave = s.scalars(select(Leave).where(Leave.kind == "maternity")).one()
        ac = s.scalars(select(AnnualClassification).where(AnnualClassification.person_id == leave.person_id)).one()
        assert ac.maternity_leave and ac.level != "NOT_RATED"
        worked = [p["period"] for p in ac.inputs["periods"]]
        assert "2026-Q2" not in worked and "2026-Q4" in worked

        # mid-year transfer: the old unit's quarters travel with the person and count in the mean
        tr = s.scalars(select(Transfer)).one()
        assert tr.from_unit_code and tr.from_unit_code != "22453" and len(tr.carried_scores) == 2
        ac = s.scalars(select(AnnualClassification).where(AnnualClassification.person_id == tr.person_id)).one()
        units = [p.get("unit") for p in ac.inputs["periods"]]
        assert units.count(tr.from_unit_code) == 2 and len(units) == 4

        # under 6 months worked: not rated
        not_rated = s.scalars(select(AnnualClassification).where(AnnualClassification.level == "NOT_RATED")).all()
        assert len(not_rated) == 1 and not_rated[0].months_worked is not None and not_rated[0].months_worked < 6

        # a KHT on points alone
        assert s.scalars(select(AnnualClassification).where(AnnualClassification.band == "KHT")).first()

        # the over-achiever completed more than assigned on every line, and was flagged as exceeding
        over = [ev for ev in s.scalars(select(PeriodEvaluation))
                if all(t["completed"] > t["assigned"] for t in ev.inputs["tasks"])]
        assert len(over) == 4 and len({ev.person_id for ev in over}) == 1
        assert all(all(t["exceeded"] for t in ev.inputs["tasks"]) for ev in over)

        # quota: the engine proposes, the demo records the competent level's decision with a reason
        flagged = s.scalars(select(AnnualClassification).where(AnnualClassification.over_quota.is_(True))).all()
        assert flagged and all(a.level == "HTXS" and a.final_level == "HTT" and a.quota_reason for a in flagged)

        # a head never above the rating of the body they lead
        capped = [a for a in s.scalars(select(AnnualClassification).where(AnnualClassification.role == "head"))
                  if a.inputs.get("unit_level") == "HTT" and a.band == "HTXS"]
        assert all(a.level == "HTT" for a in capped)


def test_services_read_the_demo(db: Database) -> None:
    people = list_people(db, SYSTEM, PersonFilter(on=date(2026, 12, 1)))
    assert len(people) >= 40
    page = person_page(db, SYSTEM, people[0].id)
    assert page.competency_gaps and page.positions and page.roles


def test_demo_refuses_a_database_with_data(db: Database) -> None:
    with pytest.raises(StateError):
        build_demo(db)


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with sqlite3.connect(path) as conn:
        for table in ("persons", "assignments", "period_evaluations", "annual_classifications", "leaves"):
            cols = [r[1] for r in conn.execute(f"pragma table_info({table})") if r[1] not in
                    ("created_at", "updated_at")]
            for row in conn.execute(f"select {', '.join(cols)} from {table} order by id"):
                h.update(repr(row).encode())
    return h.hexdigest()


@pytest.mark.slow  # a second full build (about 30 s with the audit trail on every row)
def test_deterministic_for_a_seed(demo_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "again.db"
    database = Database.open(str(other))
    try:
        build_demo(database)
    finally:
        database.close()
    assert _digest(other) == _digest(demo_path)


def _kpi(*args: str) -> tuple[int, str, str]:
    import contextlib
    import io

    from kpi_desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_demo_has_accounts_and_the_catalogue_commands_need_a_login(
        demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("kpi_desktop.services.auth")
    from kpi_desktop.services.auth import DEMO_PASSWORD

    out = tmp_path / "dm.json"
    monkeypatch.delenv("KPI_USER", raising=False)
    code, _, err = _kpi("catalog", "export", "--db", str(demo_path), str(out))
    assert code == 3 and "cần đăng nhập" in err
    monkeypatch.setenv("KPI_PASSWORD", DEMO_PASSWORD)
    code, stdout, err = _kpi("catalog", "export", "--db", str(demo_path), "--user", "tochuc", str(out))
    assert code == 0, err
    code, _, err = _kpi("catalog", "import", "--db", str(demo_path), "--user", "nhanvien", str(out))
    assert code == 3 and "không có quyền sửa danh mục" in err
    code, stdout, err = _kpi("catalog", "import", "--db", str(demo_path), "--user", "tochuc", str(out))
    assert code == 0 and "0 mục mới, 0 mục được cập nhật" in stdout
    code, stdout, _ = _kpi("status", "--db", str(demo_path))
    assert code == 0 and "Xã Cam Lâm" in stdout
