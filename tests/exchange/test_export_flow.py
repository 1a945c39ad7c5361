"""End to end through the `kpi` CLI: a commune exports, the province imports, the commune reads the receipt."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from exchange_helpers import PERIOD, UNIT_A, Pki, openssl, record
from sqlalchemy import func, select

from kpi_desktop.cli import main
from kpi_desktop.domain.roles import Actor, Role
from kpi_desktop.errors import StateError
from kpi_desktop.exchange import bundle
from kpi_desktop.services import exchange_export, exchange_settings
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.core import Unit
from kpi_desktop.store.models.evaluation import EvaluationPeriod, PeriodEvaluation
from kpi_desktop.store.models.exchange import ExportCounter, ExportLog, ImportedRecord
from kpi_desktop.store.models.people import Person

CLERK = Actor(username="canbo", role=Role.CLERK, unit_code=UNIT_A)
NAMES = [("CC-0001", "Nguyễn Văn An", "Nguyễn", "Văn", "An"), ("CC-0002", "Trần Thị Bình", "Trần", "Thị", "Bình"),
         ("CC-0003", "Lê Minh Châu", "Lê", "Minh", "Châu")]


def _commune_db(path: Path, pki_dir: Path, *, states: tuple[str, ...] = ("approved",) * 3) -> Database:
    db = Database.open(str(path))
    with db.session() as s:
        unit = Unit(code=UNIT_A, name="UBND xã Hòa Lạc", province_code="01", province_name="Hà Nội", is_home=True)
        s.add(unit)
        s.flush()
        period = EvaluationPeriod(unit_id=unit.id, code=PERIOD, kind="quarter", year=2026, number=1,
                                  start_date=date(2026, 1, 1), end_date=date(2026, 3, 31), ruleset_id="ND335-2025")
        s.add(period)
        s.flush()
        for (code, full, fam, mid, given), state in zip(NAMES, states, strict=True):
            person = Person(unit_id=unit.id, code=code, full_name=full, family_name=fam, middle_name=mid,
                            given_name=given, sort_key=f"{given} {mid} {fam}", category="cong_chuc")
            s.add(person)
            s.flush()
            rec = record(code, name=full)
            s.add(PeriodEvaluation(period_id=period.id, person_id=person.id, state=state, inputs=rec["input"],
                                   result=rec["result"], ruleset_id="ND335-2025", total=Decimal("95.33"),
                                   band="HTXS"))
    exchange_settings.install_demo_pki(db, pki_dir)
    return db


def test_export_refuses_until_all_approved_and_never_reuses_a_number(tmp_path: Path, demo_pki: Pki,
                                                                       data_dir: Path) -> None:
    db = _commune_db(tmp_path / "xa.db", demo_pki.paths.folder, states=("approved", "reviewed", "draft"))
    with pytest.raises(StateError) as info:
        exchange_export.export_period(db, CLERK, PERIOD, tmp_path / "out.kpib")
    text = info.value.message
    assert "Trần Thị Bình (CC-0002): đã xem xét, chưa phê duyệt" in text
    assert "Lê Minh Châu (CC-0003): chưa tự đánh giá" in text
    assert not (tmp_path / "out.kpib").exists()
    with db.session() as s:
        s.execute(PeriodEvaluation.__table__.update().values(state="approved"))
    # A failed export (unwritable target) still consumes its number.
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(StateError):
        exchange_export.export_period(db, CLERK, PERIOD, tmp_path / "a-file" / "out.kpib")
    result = exchange_export.export_period(db, CLERK, PERIOD, tmp_path / "out.kpib")
    assert result.sequence == 2 and result.supersedes is None
    again = exchange_export.export_period(db, CLERK, PERIOD, tmp_path / "out2.kpib")
    assert again.sequence == 3 and again.supersedes == result.bundle_id
    with db.session() as s:
        assert s.get(ExportCounter, (UNIT_A, PERIOD)).next_sequence == 4  # type: ignore[union-attr]
        statuses = sorted(s.scalars(select(ExportLog.status)).all())
    assert statuses == ["failed", "written", "written"]
    opened = bundle.open_results((tmp_path / "out.kpib").read_bytes(), demo_pki.trust(),
                                 registered=lambda c, u: u == UNIT_A)
    assert [r.person_code for r in opened.records] == ["CC-0001", "CC-0002", "CC-0003"]


def test_cli_export_import_receipt(tmp_path: Path, demo_pki: Pki, data_dir: Path, capsys: pytest.CaptureFixture[str],
                                   needs_openssl: str) -> None:
    xa = _commune_db(tmp_path / "xa.db", demo_pki.paths.folder)
    xa.close()
    out = tmp_path / "gui-so" / "xa-26734-2026Q1.kpib"
    out.parent.mkdir()
    assert main(["bundle", "export", "--db", str(tmp_path / "xa.db"), "--period", PERIOD, "--out", str(out)]) == 0
    assert "Đã xuất gói" in capsys.readouterr().out
    # An independent verifier accepts what the CLI wrote.
    signed = tmp_path / "s.der"
    openssl("cms", "-decrypt", "-binary", "-inform", "DER", "-in", str(out), "-recip", str(demo_pki.paths.enc_cert),
            "-inkey", str(demo_pki.paths.enc_key), "-out", str(signed))
    openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", str(signed), "-CAfile", str(demo_pki.paths.root),
            "-purpose", "any", "-out", str(tmp_path / "payload.zip"))

    tinh = Database.open(str(tmp_path / "tinh.db"))
    exchange_settings.install_demo_pki(tinh, demo_pki.paths.folder)
    tinh.close()
    (out.parent / "rac.kpib").write_bytes(b"not a bundle")
    rc = main(["bundle", "import", "--db", str(tmp_path / "tinh.db"), "--json", "--quarantine", str(tmp_path / "q"),
               "--receipt-dir", str(tmp_path / "r"), str(out.parent)])
    report = json.loads(capsys.readouterr().out)
    assert rc == 1
    statuses = {Path(f["file"]).name: (f["status"], f["reason_code"]) for f in report["files"]}
    assert statuses == {"xa-26734-2026Q1.kpib": ("accepted", None), "rac.kpib": ("rejected", "not_der")}
    tinh = Database.open(str(tmp_path / "tinh.db"))
    with tinh.session() as s:
        assert s.scalar(select(func.count()).select_from(ImportedRecord)) == 3
    tinh.close()
    # Same folder again, without the junk: nothing changes and the exit status is 0.
    (out.parent / "rac.kpib").unlink()
    assert main(["bundle", "import", "--db", str(tmp_path / "tinh.db"), "--receipt-dir", str(tmp_path / "r2"),
                 str(out)]) == 0
    assert "Đã nhập trước đó" in capsys.readouterr().out

    receipt = report["receipt"]
    assert receipt and Path(receipt).exists()
    assert main(["receipt", "import", "--db", str(tmp_path / "xa.db"), "--json", receipt]) == 0
    lines = json.loads(capsys.readouterr().out)
    assert [(ln["status"], ln["period"]) for ln in lines] == [("accepted", PERIOD)]
    assert main(["bundle", "list", "--db", str(tmp_path / "xa.db")]) == 0
    assert "accepted" in capsys.readouterr().out


@pytest.mark.slow  # builds the whole demo commune (a year of evaluations)
def test_the_demo_database_exports_out_of_the_box(tmp_path: Path, demo_pki: Pki, data_dir: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    demo = pytest.importorskip("kpi_desktop.services.demo")
    db = Database.open(str(tmp_path / "demo.db"))
    summary = demo.build_demo(db)
    db.close()
    folder = tmp_path / "pki-demo"
    monkeypatch.setenv("KPI_PASSWORD", "Demo@2026")  # the demo database has accounts (demo data only)
    login = ["--user", "tochuc"]
    assert main(["pki", "demo", str(folder), "--db", str(tmp_path / "demo.db"), *login]) == 0
    assert (folder / f"unit-{summary.unit_code}.pem").exists()  # issued for the demo commune
    out = tmp_path / "q1.kpib"
    capsys.readouterr()
    assert main(["bundle", "export", "--db", str(tmp_path / "demo.db"), "--period", "2026-Q1", "--out", str(out),
                 "--json", *login]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["unit_code"] == summary.unit_code and exported["record_count"] > 0 and out.exists()
    tinh = Database.open(str(tmp_path / "tinh.db"))
    exchange_settings.install_demo_pki(tinh, folder)
    from kpi_desktop.services import exchange_import

    report = exchange_import.import_bundles(tinh, Actor(username="so", role=Role.PROVINCE_HR), [out],
                                            quarantine_dir=tmp_path / "q", receipt_dir=tmp_path / "r")
    f = report.files[0]
    assert f.status == "accepted" and f.unit_code == summary.unit_code and f.record_count > 0
    assert f.flag_count == 0  # the engine recomputes every demo score to the same result
