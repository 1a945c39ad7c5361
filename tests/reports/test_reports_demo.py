"""End to end on the demo commune (`kpi demo`): every person's printed forms carry their name, total and
level exactly as the scoring engine computes them from the stored inputs, and the batch covers everyone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from reports_pdfcheck import flat, pdffonts, pdftotext, qpdf_check

from kpi_desktop.domain.roles import SYSTEM
from kpi_desktop.domain.scoring import score_annual, score_period
from kpi_desktop.reports.models import Level
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.evaluation import AnnualClassification, EvaluationPeriod, PeriodEvaluation
from kpi_desktop.store.models.people import Person

REPO = Path(__file__).resolve().parents[2]


def vn(figure: str) -> str:
    return figure.replace(".", ",")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    pytest.importorskip("kpi_desktop.services.demo")
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    proc = subprocess.run([sys.executable, "-m", "kpi_desktop", "demo", "--db", str(path)], capture_output=True,
                          text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    yield path


def kpi(*args: str) -> subprocess.CompletedProcess[str]:
    """`kpi …` as the demo's personnel clerk (the demo database has accounts)."""
    from kpi_desktop.services.auth import DEMO_PASSWORD

    env = {**os.environ, "KPI_USER": "tochuc", "KPI_PASSWORD": DEMO_PASSWORD}
    return subprocess.run([sys.executable, "-m", "kpi_desktop", *args], capture_output=True, text=True, cwd=REPO,
                          env=env)


@pytest.mark.slow
def test_demo_batches_match_the_engine(demo: Path, tmp_path: Path) -> None:
    db = Database.open(str(demo))
    try:
        with db.session(SYSTEM) as s:
            periods = [(p.code, ev.inputs, person.full_name, person.code) for ev, p, person in s.execute(
                s.query(PeriodEvaluation, EvaluationPeriod, Person)
                .join(EvaluationPeriod, EvaluationPeriod.id == PeriodEvaluation.period_id)
                .join(Person, Person.id == PeriodEvaluation.person_id)
                .filter(EvaluationPeriod.code == "2026-Q1").statement)]
            annual = [(ac.inputs, ac.final_level, person.full_name, person.code) for ac, person in s.execute(
                s.query(AnnualClassification, Person).join(Person, Person.id == AnnualClassification.person_id)
                .filter(AnnualClassification.year == 2026).statement)]
    finally:
        db.close()
    assert periods and annual

    proc = kpi("report", "batch", "--db", str(demo), "--period", "2026-Q1", "--out", str(tmp_path / "q1"), "--quiet")
    assert proc.returncode == 0, proc.stderr
    for _code, inputs, name, person_code in periods:
        fresh = score_period(inputs)
        [pdf] = (tmp_path / "q1").glob(f"Mau01_2026-Q1_{person_code}_*.pdf")
        text = flat(pdftotext(pdf))
        assert f"Họ và tên: {name}" in text
        assert (f"Tổng điểm do cấp có thẩm quyền đánh giá: {vn(fresh['total'])} điểm, "
                f"tương ứng mức {Level(fresh['level']).label.lower()}.") in text, person_code
    # The `kpi score` command itself, on one person's stored inputs, gives the figures printed above.
    _code, inputs, name, person_code = periods[0]
    scored = subprocess.run([sys.executable, "-m", "kpi_desktop", "score", "period", "-"], input=json.dumps(inputs),
                            capture_output=True, text=True, cwd=REPO)
    assert scored.returncode == 0, scored.stderr
    cli_result = json.loads(scored.stdout)
    [pdf] = (tmp_path / "q1").glob(f"Mau01_2026-Q1_{person_code}_*.pdf")
    assert (f"Tổng điểm do cấp có thẩm quyền đánh giá: {vn(str(cli_result['total']))} điểm, tương ứng mức "
            f"{Level(cli_result['level']).label.lower()}.") in flat(pdftotext(pdf))
    proc = kpi("report", "batch", "--db", str(demo), "--year", "2026", "--out", str(tmp_path / "y"), "--quiet")
    assert proc.returncode == 0, proc.stderr
    for inputs, final_level, name, person_code in annual:
        fresh = score_annual(inputs)
        [pdf] = (tmp_path / "y").glob(f"Mau0*_2026_{person_code}_*.pdf")
        text = flat(pdftotext(pdf))
        assert f"Họ và tên: {name}" in text
        assert f"Điểm trung bình năm: {vn(fresh['mean'])} điểm" in text, person_code
        assert f"☒ {Level(final_level or fresh['level']).label}" in text, person_code
    summary = next((tmp_path / "y").glob("TongHop_2026_*.pdf"))
    assert qpdf_check(summary).returncode == 0 and all(f.embedded for f in pdffonts(summary))
    summary_text = flat(pdftotext(summary))
    assert all(name in summary_text for _i, _l, name, _c in annual)


def test_demo_reports(demo: Path, tmp_path: Path) -> None:
    for command in ("commune", "province"):
        out = tmp_path / f"{command}.pdf"
        proc = kpi("report", command, "--db", str(demo), "--year", "2026", "--out", str(out))
        assert proc.returncode == 0, proc.stderr
        assert "Xã Cam Lâm" in flat(pdftotext(out))


@pytest.mark.slow
def test_province_report_from_the_demo_communes_signed_bundle(demo: Path, tmp_path: Path) -> None:
    """Commune → signed, encrypted annual bundle → province import → province report: the counts per
    level are the levels in the commune's bundle."""
    import shutil
    from collections import Counter

    from kpi_desktop.domain.roles import Actor, Role
    from kpi_desktop.services import exchange_export, exchange_import, exchange_settings, reports

    commune_path = tmp_path / "commune.db"
    shutil.copy(demo, commune_path)
    commune = Database.open(str(commune_path))
    province = Database.open(str(tmp_path / "province.db"))
    hr = Actor(username="so", role=Role.PROVINCE_HR)
    try:
        exchange_settings.install_demo_pki(commune, tmp_path / "pki")
        with commune.session(SYSTEM) as s:
            # A bundle record carries the engine's result, not the competent level's later decision
            # (e.g. on the quota), so the province counts the engine's levels and says so in the report.
            levels = Counter(ac.result["level"] for ac in s.query(AnnualClassification).filter(
                AnnualClassification.year == 2026))
        exported = exchange_export.export_period(commune, SYSTEM, "2026", tmp_path / "nam-2026.kpib")
        exchange_settings.install_demo_pki(province, tmp_path / "pki")
        imported = exchange_import.import_bundles(province, hr, [exported.path], quarantine_dir=tmp_path / "q",
                                                  receipt_dir=tmp_path / "r")
        assert [f.status for f in imported.files] == ["accepted"]
        report = reports.province_report(province, hr, year=2026)
    finally:
        commune.close()
        province.close()
    [row] = [r for r in report.communes if r.label == "Xã Cam Lâm"]
    assert (row.counts.htxs, row.counts.htt, row.counts.ht, row.counts.kht, row.counts.not_rated) == (
        levels["HTXS"], levels["HTT"], levels["HT"], levels["KHT"], levels["NOT_RATED"])
    assert report.province == "Khánh Hòa" and report.header.parent == "Ủy ban nhân dân tỉnh Khánh Hòa"
    assert any("không có trong gói" in r for r in report.remarks)
    out = tmp_path / "tinh.pdf"
    from kpi_desktop.reports.render import write_report

    text = flat(pdftotext(write_report(report, out)))
    assert f"Xã Cam Lâm {row.counts.total} {row.counts.htxs} {row.counts.htt}" in text
