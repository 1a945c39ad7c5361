"""`kpi report …` end to end on a database: files written, Vietnamese errors with exit status 2, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from reports_dbfixture import build
from reports_pdfcheck import flat, pdftotext

from kpi_desktop.cli import main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dbfile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "kpi.db"
    build(path).close()
    return path


def test_period_and_annual_forms(dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "p.pdf"
    assert main(["report", "period-form", "--db", str(dbfile), "--person", "CC-0003", "--period", "2026-Q1",
                 "--out", str(out), "--date", "05/04/2026", "--place", "Bình An"]) == 0
    assert f"Đã ghi: {out}" in capsys.readouterr().out
    text = flat(pdftotext(out))
    assert "Họ và tên: Lê Văn Bình" in text and "Bình An, ngày 05 tháng 4 năm 2026" in text
    xlsx = tmp_path / "a.xlsx"
    assert main(["report", "annual-form", "--db", str(dbfile), "--person", "CC-0004", "--year", "2026",
                 "--out", str(xlsx)]) == 0
    assert xlsx.read_bytes()[:2] == b"PK"


def test_unit_commune_province(dbfile: Path, tmp_path: Path) -> None:
    for command, name in (("unit", "u.pdf"), ("commune", "c.xlsx"), ("province", "v.pdf")):
        assert main(["report", command, "--db", str(dbfile), "--year", "2026", "--out", str(tmp_path / name),
                     "--signer-name", "Trần Quốc Hưng"]) == 0
    assert "Trần Quốc Hưng" in flat(pdftotext(tmp_path / "u.pdf"))
    out = tmp_path / "c.pdf"
    assert main(["report", "commune", "--db", str(dbfile), "--year", "2026", "--out", str(out),
                 "--to", "Ủy ban nhân dân tỉnh Khánh Hòa", "--number", "Số: 12/BC-UBND"]) == 0
    text = flat(pdftotext(out))
    assert "Kính gửi: Ủy ban nhân dân tỉnh Khánh Hòa" in text and "Số: 12/BC-UBND" in text


def test_batch_year(dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "nam"
    assert main(["report", "batch", "--db", str(dbfile), "--year", "2026", "--out", str(folder)]) == 0
    captured = capsys.readouterr()
    assert "[1/7]" in captured.err and "Đã ghi 7 tệp" in captured.out
    assert len(list(folder.glob("Mau02_2026_*.pdf"))) == 6 and (folder / "TongHop_2026_Xa_An_Binh.pdf").exists()


def test_signed_pdf(dbfile: Path, tmp_path: Path, pki: dict[str, Path], capsys: pytest.CaptureFixture[str],
                    monkeypatch: pytest.MonkeyPatch) -> None:
    from kpi_desktop.reports.signing import load_certificate, verify_pdf

    out = tmp_path / "signed.pdf"
    args = ["report", "annual-form", "--db", str(dbfile), "--person", "CC-0002", "--year", "2026",
            "--sign-cert", str(pki["p12"])]
    monkeypatch.setenv("KPI_CERT_PASSWORD", "mat-khau")
    assert main([*args, "--out", str(out)]) == 0
    check = verify_pdf(out.read_bytes(), [load_certificate(pki["ca"].read_bytes())])[0]
    assert check.ok and check.signer == "Ủy ban nhân dân xã An Bình"
    monkeypatch.setenv("KPI_CERT_PASSWORD", "sai")
    assert main([*args, "--out", str(tmp_path / "bad.pdf")]) == 2
    assert "sai mật khẩu" in capsys.readouterr().err and not (tmp_path / "bad.pdf").exists()


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kpi_desktop", *args], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})})


def test_errors_are_vietnamese_with_status_2(dbfile: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    proc = run("report", "period-form", "--db", str(dbfile), "--person", "KHONG-CO", "--period", "2026-Q1",
               "--out", str(tmp_path / "x.pdf"))
    assert proc.returncode == 2
    assert "Không có cán bộ, công chức, viên chức mã «KHONG-CO»" in proc.stderr
    assert "Traceback" not in proc.stderr and not (tmp_path / "x.pdf").exists()
    assert main(["report", "unit", "--db", str(dbfile), "--year", "2026", "--out", str(tmp_path / "x.docx")]) == 2
    assert "định dạng nào" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["report", "unit", "--db", str(dbfile), "--year", "20x6", "--out", str(tmp_path / "x.pdf")])
    assert exc.value.code == 2 and "năm không hợp lệ" in capsys.readouterr().err
    assert main(["report", "batch", "--db", str(dbfile), "--out", str(tmp_path / "b")]) == 2
    assert "--period" in capsys.readouterr().err
    assert not list(tmp_path.glob("x.*"))


def test_english_help_is_complete(dbfile: Path) -> None:
    catalog = json.loads((REPO / "kpi_desktop/resources/i18n/cli/en/report.json").read_text(encoding="utf-8"))
    proc = run("report", "batch", "--help", env={"KPI_LANG": "en"})
    assert proc.returncode == 0
    assert "every form of the unit" not in proc.stdout  # that is the parent's help line
    assert catalog["thư mục chứa các tệp (tạo nếu chưa có)"] in " ".join(proc.stdout.split())
    assert not any(ch in proc.stdout for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệ")


def test_accounts_decide_what_may_be_printed(dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Once a database has accounts, `kpi report` needs a login, and the role matrix applies."""
    import shutil

    from kpi_desktop.services import auth
    from kpi_desktop.store.db import Database

    path = tmp_path / "accounts.db"
    shutil.copy(dbfile, path)
    db = Database.open(str(path))
    try:
        admin = auth.create_first_admin(db, "quantri", "Mat-khau-quan-tri-1")
        auth.create_user(db, admin, "vanthu", "Mat-khau-van-thu-2", "clerk", must_change_password=False)
    finally:
        db.close()
    out = tmp_path / "u.pdf"
    args = ["report", "unit", "--db", str(path), "--year", "2026", "--out", str(out)]
    assert main(args) == 3
    assert "đăng nhập" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("KPI_PASSWORD", "Mat-khau-quan-tri-1")
    assert main([*args, "--user", "quantri"]) == 3
    assert "không có quyền xuất báo cáo" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("KPI_PASSWORD", "Mat-khau-van-thu-2")
    assert main([*args, "--user", "vanthu"]) == 0
    assert out.exists()
