"""Report view-models and files built from the database: the printed figures are the stored engine
results, access follows the role matrix, and a batch writes every form with progress and can be cancelled."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from reports_dbfixture import SCORES, build
from reports_pdfcheck import flat, pdftotext

from kpi_desktop.domain.roles import SYSTEM, Actor, Role
from kpi_desktop.errors import NotFoundError, PermissionDenied
from kpi_desktop.reports.models import AnnualForm, Level, fmt_number
from kpi_desktop.reports.render import write_report
from kpi_desktop.services import reports
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.evaluation import AnnualClassification, PeriodEvaluation
from kpi_desktop.store.models.people import Person


@pytest.fixture(scope="module")
def db(module_db_url: str) -> Iterator[Database]:
    """On SQLite and on PostgreSQL (tests/pg_fixtures.py)."""
    database = build(module_db_url)
    yield database
    database.close()


def stored(db: Database, code: str, period: str) -> PeriodEvaluation:
    from kpi_desktop.store.models.evaluation import EvaluationPeriod

    with db.session(SYSTEM) as s:
        return s.query(PeriodEvaluation).join(Person, Person.id == PeriodEvaluation.person_id).join(
            EvaluationPeriod, EvaluationPeriod.id == PeriodEvaluation.period_id).filter(
            Person.code == code, EvaluationPeriod.code == period).one()


def test_period_form_carries_the_stored_result(db: Database, tmp_path: Path) -> None:
    ev = stored(db, "CC-0002", "2026-Q1")
    form = reports.period_form(db, SYSTEM, person_code="CC-0002", period_code="2026-Q1")
    assert form.person.full_name == "Nguyễn Thị Ánh"
    assert form.person.position == "Chuyên viên" and form.person.unit == "Văn phòng HĐND và UBND"
    assert form.total.reviewer == Decimal(ev.result["total"])  # type: ignore[index]
    assert form.total.own == ev.self_total
    assert form.band is Level(ev.result["band"])  # type: ignore[index]
    assert [c.value.reviewer for c in form.tasks] == [Decimal(ev.result[k]) for k in "abc"]  # type: ignore[index]
    assert form.reviewer_signature.name == "Trần Quốc Hưng"
    pdf = write_report(form, tmp_path / "p.pdf")
    text = flat(pdftotext(pdf))
    assert "Họ và tên: Nguyễn Thị Ánh" in text
    assert f"Tổng điểm (1 + 2) {fmt_number(ev.self_total)} {ev.result['total'].replace('.', ',')}" in text  # type: ignore[index]
    assert "An Bình, ngày 28 tháng 3 năm 2026" in text


def test_gui_can_ask_by_person_id(db: Database) -> None:
    with db.session(SYSTEM) as s:
        pid = s.query(Person).filter(Person.code == "VC-0001").one().id
    form = reports.period_form(db, SYSTEM, person_id=pid, period_code="2026-Q4")
    assert form.person.full_name == "Võ Ngọc Yến" and form.category.word == "viên chức"
    assert reports.annual_form(db, SYSTEM, person_id=pid, year=2026).person.code == "VC-0001"
    with pytest.raises(NotFoundError):
        reports.period_form(db, SYSTEM, person_id=10**6, period_code="2026-Q4")


def test_leader_form_has_d_dd_e(db: Database) -> None:
    form = reports.period_form(db, SYSTEM, person_code="CC-0001", period_code="2026-q2")
    assert form.is_leader
    assert [c.key for c in form.tasks] == ["a", "b", "c", "d", "đ", "e"]
    assert form.tasks[-1].value.reviewer == Decimal("50.00")


def test_annual_form_lists_the_periods_and_the_decision(db: Database) -> None:
    form = reports.annual_form(db, SYSTEM, person_code="CC-0004", year=2026)
    assert isinstance(form, AnnualForm)
    with db.session(SYSTEM) as s:
        ac = s.query(AnnualClassification).join(Person).filter(Person.code == "CC-0004",
                                                               AnnualClassification.year == 2026).one()
        assert form.mean_total == ac.total
    assert [r.period.code for r in form.periods] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    assert form.final_level is Level.KHT and form.band is not Level.KHT
    assert form.reasons == ("Bị kỷ luật khiển trách ngày 02/05/2026 trong năm đánh giá nên xếp loại không hoàn "
                            "thành nhiệm vụ.",)
    assert form.mean_general == Decimal("20.00")


def test_unit_summary_and_reports(db: Database, tmp_path: Path) -> None:
    summary = reports.unit_summary(db, SYSTEM, year=2026)
    assert len(summary.rows) == len(SCORES)
    # Vietnamese order: by given name first.
    assert [r.full_name.split()[-1] for r in summary.rows] == ["Ánh", "Bình", "Đạt", "Hà", "Hưng", "Yến"]
    assert summary.counts.kht == 1
    commune = reports.commune_report(db, SYSTEM, year=2026)
    assert {r.label for r in commune.by_category} == {"Công chức", "Viên chức"}
    assert [r.label for r in commune.by_unit] == ["Văn phòng HĐND và UBND", "Phòng Kinh tế"]
    assert commune.totals.total == 6
    assert commune.recipient == "Sở Nội vụ tỉnh Khánh Hòa"
    province = reports.province_report(db, SYSTEM, year=2026)
    assert province.communes[0].label == "Xã An Bình" and province.totals.total == 6
    for model, name in ((summary, "u"), (commune, "c"), (province, "v")):
        assert pdftotext(write_report(model, tmp_path / f"{name}.pdf"))
        wb = load_workbook(write_report(model, tmp_path / f"{name}.xlsx"))
        assert wb.sheetnames


def test_access_follows_roles(db: Database) -> None:
    with db.session(SYSTEM) as s:
        ids = {p.code: p.id for p in s.query(Person)}
        from kpi_desktop.store.models.core import Body

        vp = s.query(Body).filter(Body.code == "VP").one().id
    staff = Actor("anh", Role.STAFF, person_id=ids["CC-0002"])
    assert reports.period_form(db, staff, person_code="CC-0002", period_code="2026-Q1").person.code == "CC-0002"
    with pytest.raises(PermissionDenied):
        reports.period_form(db, staff, person_code="CC-0003", period_code="2026-Q1")
    with pytest.raises(PermissionDenied):
        reports.commune_report(db, staff, year=2026)
    head = Actor("hung", Role.HEAD, person_id=ids["CC-0001"], body_id=vp)
    summary = reports.unit_summary(db, head, year=2026)
    assert {r.full_name for r in summary.rows} == {"Trần Quốc Hưng", "Nguyễn Thị Ánh", "Lê Văn Bình"}


def test_missing_things_are_clear_errors(db: Database) -> None:
    with pytest.raises(NotFoundError, match="mã «CC-9999»"):
        reports.period_form(db, SYSTEM, person_code="CC-9999", period_code="2026-Q1")
    with pytest.raises(NotFoundError, match="kỳ đánh giá «2026-Q7»"):
        reports.period_form(db, SYSTEM, person_code="CC-0002", period_code="2026-Q7")
    with pytest.raises(NotFoundError, match="năm 2024"):
        reports.unit_summary(db, SYSTEM, year=2024)


def test_batch_writes_every_form_with_progress(db: Database, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    result = reports.export_unit_forms(db, SYSTEM, tmp_path / "q1", period_code="2026-Q1",
                                       progress=lambda done, total, _name: seen.append((done, total)))
    assert len(result.written) == 6 and not result.cancelled
    assert seen[0] == (0, 6) and seen[-1] == (6, 6)
    names = sorted(p.name for p in (tmp_path / "q1").iterdir())
    assert names[0].startswith("Mau01_2026-Q1_") and all(n.endswith(".pdf") for n in names)
    assert "Mau01_2026-Q1_CC-0002_Nguyen_Thi_Anh.pdf" in names
    yearly = reports.export_unit_forms(db, SYSTEM, tmp_path / "y", year=2026, fmt="xlsx")
    assert len(yearly.written) == 7  # six annual forms and the unit summary
    assert yearly.written[-1].name == "TongHop_2026_Xa_An_Binh.xlsx"


def test_batch_cancel_stops_between_files(db: Database, tmp_path: Path) -> None:
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    result = reports.export_unit_forms(db, SYSTEM, tmp_path / "c", period_code="2026-Q1", cancelled=cancelled)
    assert result.cancelled and len(result.written) == 2
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == sorted(p.name for p in result.written)


def test_printed_figures_are_what_the_engine_computes(db: Database, tmp_path: Path) -> None:
    """Recompute from the stored contract inputs with the scoring engine: the PDF shows those figures."""
    from kpi_desktop.domain.scoring import score_annual, score_period

    for code in SCORES:
        ev = stored(db, code, "2026-Q3")
        fresh = score_period(ev.inputs)  # type: ignore[arg-type]
        form = reports.period_form(db, SYSTEM, person_code=code, period_code="2026-Q3")
        text = flat(pdftotext(write_report(form, tmp_path / f"{code}.pdf")))
        assert f"Họ và tên: {form.person.full_name}" in text
        assert (f"Tổng điểm do cấp có thẩm quyền đánh giá: {fresh['total'].replace('.', ',')} điểm, "
                f"tương ứng mức {Level(fresh['level']).label.lower()}.") in text
        for key in ("a", "b", "c", "task_result", "task_points", "general_points"):
            assert fresh[key].replace(".", ",") in text, (code, key)
        annual = reports.annual_form(db, SYSTEM, person_code=code, year=2026)
        with db.session(SYSTEM) as s:
            ac = s.query(AnnualClassification).join(Person).filter(Person.code == code,
                                                                   AnnualClassification.year == 2026).one()
            again = score_annual(ac.inputs)  # type: ignore[arg-type]
        text = flat(pdftotext(write_report(annual, tmp_path / f"{code}-y.pdf")))
        assert f"Điểm trung bình năm: {again['mean'].replace('.', ',')} điểm" in text
        assert f"☒ {Level(again['level']).label}" in text
        for reason in again["reasons"]:
            assert reason in text


def test_province_report_uses_imported_bundles(db_url: str) -> None:
    """In the province's database, each commune's current annual records (from its signed bundle) are
    counted; a commune known to the exchange that sent nothing is listed as missing. SQLite and
    PostgreSQL (tests/pg_fixtures.py)."""
    exchange = pytest.importorskip("kpi_desktop.store.models.exchange")
    from kpi_desktop.store.models.core import Unit

    db = Database.open(db_url)
    try:
        with db.session(SYSTEM) as s:
            s.add_all([Unit(code="22366", name="Xã An Bình", province_code="56", province_name="Tỉnh Khánh Hòa"),
                       Unit(code="22400", name="Phường Nha Trang", province_code="56", province_name="Tỉnh Khánh Hòa"),
                       Unit(code="22500", name="Xã Ninh Tây", province_code="56", province_name="Tỉnh Khánh Hòa")])
            for n, (unit, levels) in enumerate((("22366", ["HTXS", "HTT", "HTT", "KHT"]), ("22400", ["HTT", "HT"]))):
                entry = exchange.LedgerEntry(bundle_id=f"b{n}", unit_code=unit, period="2026", sequence=1,
                                             content_sha256="0" * 64, file_sha256="0" * 64,
                                             signer_cert_sha256="0" * 64, status="current", ruleset_id="ND335-2025")
                s.add(entry)
                s.flush()
                for i, level in enumerate(levels):
                    s.add(exchange.ImportedRecord(ledger_id=entry.id, unit_code=unit, period="2026", kind="annual",
                                                  person_code=f"CC-{i}", full_name=f"Người {i}", ruleset_id="ND335-2025",
                                                  total="80.00", band="HTT", level=level, inputs={}, result={},
                                                  current=True))
            # a superseded copy must not count
            s.add(exchange.ImportedRecord(ledger_id=entry.id, unit_code="22400", period="2026", kind="annual",
                                          person_code="OLD", full_name="Cũ", ruleset_id="ND335-2025", total="10.00",
                                          band="KHT", level="KHT", inputs={}, result={}, current=False))
        report = reports.province_report(db, SYSTEM, year=2026)
    finally:
        db.close()
    rows = {r.label: r.counts for r in report.communes}
    assert set(rows) == {"Xã An Bình", "Phường Nha Trang"}
    assert (rows["Xã An Bình"].htxs, rows["Xã An Bình"].htt, rows["Xã An Bình"].kht) == (1, 2, 1)
    assert rows["Phường Nha Trang"].total == 2 and rows["Phường Nha Trang"].kht == 0
    assert report.missing == ("Xã Ninh Tây",)
    assert report.totals.total == 6


def test_parallel_batch_writes_the_same_files(db: Database, tmp_path: Path) -> None:
    serial = reports.export_unit_forms(db, SYSTEM, tmp_path / "s", year=2026)
    seen: list[int] = []
    parallel = reports.export_unit_forms(db, SYSTEM, tmp_path / "p", year=2026, workers=2,
                                         progress=lambda done, _total, _name: seen.append(done))
    assert [p.name for p in parallel.written] == [p.name for p in serial.written]
    assert sorted(seen) == list(range(len(serial.written) + 1))
    for a, b in zip(serial.written, parallel.written, strict=True):
        assert flat(pdftotext(a)) == flat(pdftotext(b))


def test_legacy_year_prints_the_nd90_form(db: Database, tmp_path: Path) -> None:
    from kpi_desktop.reports.models import LegacyAnnualForm

    form = reports.annual_form(db, SYSTEM, person_code="CC-0002", year=2025)
    assert isinstance(form, LegacyAnnualForm) and form.form_number == "02"
    assert form.final_level is Level.HTXS and form.self_level is Level.HTT
    text = flat(pdftotext(write_report(form, tmp_path / "nd90.pdf")))
    assert "PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC Năm 2025" in text
    assert "Được giao 10 nhiệm vụ; hoàn thành đúng hạn, bảo đảm chất lượng 10; vượt yêu cầu 6." in text
    assert "☒ Hoàn thành xuất sắc nhiệm vụ" in text and "☒ Hoàn thành tốt nhiệm vụ" in text


def test_unreviewed_form_leaves_the_reviewer_column_empty(tmp_path: Path) -> None:
    from kpi_desktop.store.models.evaluation import CriterionScore

    db = build(tmp_path / "draft.db")
    try:
        ev = stored(db, "CC-0003", "2026-Q4")
        with db.session(SYSTEM) as s:
            row = s.get(PeriodEvaluation, ev.id)
            assert row is not None
            row.state = "submitted"
            for c in s.query(CriterionScore).filter(CriterionScore.evaluation_id == ev.id):
                c.reviewer_points = None
        form = reports.period_form(db, SYSTEM, person_code="CC-0003", period_code="2026-Q4")
    finally:
        db.close()
    assert form.band is None and form.total.reviewer is None and form.total.own == ev.self_total
    assert all(c.value.reviewer is None and c.value.own is not None for c in form.tasks)
    text = flat(pdftotext(write_report(form, tmp_path / "draft.pdf")))
    assert f"Tổng điểm (1 + 2) {fmt_number(ev.self_total)} Mức tương ứng" in text
    assert "Tổng điểm do cấp có thẩm quyền đánh giá" not in text
