# ruff: noqa: F811  (the demo fixtures are imported from demo_db.py: tests/gui/conftest.py belongs to the GUI area)
"""Biểu mẫu, báo cáo: preview a demo person's forms as page images, save a PDF, print the whole unit in one
batch (progress to 100 %), and stop a batch with Cancel — through the page's real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kpi_desktop.reports.preview import page_count
from kpi_desktop.reports.render import render_pdf
from kpi_desktop.services import auth, reports
from kpi_desktop.store.db import Database
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.main_window import MainWindow
from kpi_desktop.ui.pages.reports import ReportsPage

from .demo_db import DEMO_PASSWORD, demo_db, demo_file  # noqa: F401
from .helpers import type_text

pytestmark = pytest.mark.gui
WAIT = 120_000  # the machine running the suite may be loaded


def clerk_page(qtbot: QtBot, db: Database) -> tuple[MainWindow, ReportsPage]:
    actor = auth.login(db, "tochuc", DEMO_PASSWORD)
    window = MainWindow(AppContext(db, actor))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    return window, page


def shown_pages(page: ReportsPage) -> list[QLabel]:
    found = [w for w in page.pages_widget.findChildren(QLabel) if w.objectName().startswith("previewPage")]
    assert found == page.page_labels
    return [w for w in found if not w.pixmap().isNull() and w.isVisible()]


def test_preview_shows_the_forms_pages(qtbot: QtBot, kpi_app: QApplication, demo_db: Database) -> None:
    window, page = clerk_page(qtbot, demo_db)
    actor = page.ctx.actor
    # opening the page previews the first person's Mẫu 01 straight away
    person_id, person_name = page.person.currentData(), page.person.currentText()
    expected = page_count(render_pdf(reports.period_form(demo_db, actor, period_code="2026-Q1", person_id=person_id)))
    assert page.period.currentData() == "2026-Q1"
    assert len(page.preview_pages) == expected >= 1
    assert len(shown_pages(page)) == expected
    assert page.status.text() == f"Bản xem trước: {expected} trang."
    assert person_name.endswith(")")

    # the annual form of another person, chosen in the combo boxes and previewed with the button
    page.kind.setCurrentIndex(page.kind.findData("annual"))
    assert not page.period.isVisible() and page.person.isVisible()
    page.person.setCurrentIndex(3)
    other = page.person.currentData()
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    annual = page_count(render_pdf(reports.annual_form(demo_db, actor, year=2026, person_id=other)))
    assert len(shown_pages(page)) == annual and page.preview_pages[0].width() > 400
    # A4 portrait, as the PDF's page
    assert page.preview_pages[0].height() > page.preview_pages[0].width()

    # the unit summary has no person to choose
    page.kind.setCurrentIndex(page.kind.findData("unit"))
    assert not page.person.isVisible()
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    assert len(shown_pages(page)) >= 1 and not page.message.isVisible()

    # a year without results: a Vietnamese message, no pages, no traceback
    page.year.setValue(2030)
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    assert shown_pages(page) == [] and "Chưa có kết quả xếp loại năm 2030" in page.message.text()
    window.close()


def test_save_pdf_and_xlsx(qtbot: QtBot, kpi_app: QApplication, demo_db: Database,
                           tmp_path: Path) -> None:
    from pypdf import PdfReader

    window, page = clerk_page(qtbot, demo_db)
    name = page.person.currentText().rsplit(" (", 1)[0]
    page.save(str(tmp_path / "mau01.pdf"))
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    assert page.status.text().startswith("Đã lưu")
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "mau01.pdf").pages)
    assert name in " ".join(text.split())
    page.fmt.setCurrentIndex(page.fmt.findData("xlsx"))
    page.save(str(tmp_path / "mau01"))  # the extension is added
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    assert (tmp_path / "mau01.xlsx").stat().st_size > 0
    # signing asked for without a certificate: the message sits next to the certificate field
    page.fmt.setCurrentIndex(page.fmt.findData("pdf"))
    page.sign_box.setChecked(True)
    page.save(str(tmp_path / "ky.pdf"))
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    assert "chứng thư số" in page.cert_message.text() and not (tmp_path / "ky.pdf").exists()
    window.close()


def test_batch_writes_every_form_with_progress_to_100(qtbot: QtBot, kpi_app: QApplication,
                                                       demo_db: Database, tmp_path: Path) -> None:
    window, page = clerk_page(qtbot, demo_db)
    expected = len(reports.period_forms(demo_db, page.ctx.actor, period_code="2026-Q1"))
    seen: list[tuple[int, int]] = []
    page.batch_progress.connect(lambda done, total: seen.append((done, total)))
    page.select(kind="period", period_code="2026-Q1")
    folder = tmp_path / "in"
    assert page.print_unit(str(folder)) is not None
    assert page.cancel_button.isEnabled() and not page.batch_button.isEnabled()
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == expected > 10
    assert all(f.name.startswith("Mau01_2026-Q1_") for f in files)
    assert seen[-1] == (expected, expected)
    assert page.progress.value() == page.progress.maximum() == expected
    assert page.status.text() == f"Đã ghi {expected} tệp vào {folder}."
    assert not page.cancel_button.isEnabled() and page.batch_button.isEnabled()
    window.close()


def test_cancel_stops_the_batch(qtbot: QtBot, kpi_app: QApplication, demo_db: Database,
                                tmp_path: Path) -> None:
    window, page = clerk_page(qtbot, demo_db)
    expected = len(reports.period_forms(demo_db, page.ctx.actor, period_code="2026-Q1"))
    page.select(kind="period", period_code="2026-Q1")

    def stop_after_first(done: int, _total: int) -> None:
        if done >= 1 and page.cancel_button.isEnabled():
            qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)

    page.batch_progress.connect(stop_after_first)
    folder = tmp_path / "dung"
    page.print_unit(str(folder))
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    files = list(folder.glob("*.pdf"))
    assert 1 <= len(files) < expected
    assert page.status.text() == f"Đã dừng theo yêu cầu: đã ghi {len(files)} tệp vào {folder}."
    assert not list(folder.glob(".*.part"))  # no half-written file
    window.close()


def _unit_pkcs12(folder: Path) -> tuple[Path, Path]:
    """A test root CA and the unit's signing certificate in a .p12 (password «mat-khau»)."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(name("Test Root CA")).issuer_name(name("Test Root CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    cert = (x509.CertificateBuilder().subject_name(name("Ủy ban nhân dân xã demo")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
            .sign(ca_key, hashes.SHA256()))
    p12, ca_pem = folder / "donvi.p12", folder / "ca.pem"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(b"unit", key, cert, [ca],
                                                          serialization.BestAvailableEncryption(b"mat-khau")))
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (folder / "donvi.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "donvi.key").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))
    return p12, ca_pem


def test_signed_pdf_verifies(qtbot: QtBot, kpi_app: QApplication, demo_db: Database, tmp_path: Path) -> None:
    from kpi_desktop.reports.signing import load_certificate, verify_pdf

    p12, ca = _unit_pkcs12(tmp_path)
    window, page = clerk_page(qtbot, demo_db)
    page.sign_box.setChecked(True)
    page.cert.setText(str(p12))
    type_text(page.passphrase, "sai")
    page.save(str(tmp_path / "sai.pdf"))
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    assert "sai mật khẩu" in page.cert_message.text() and not (tmp_path / "sai.pdf").exists()

    page.passphrase.clear()
    type_text(page.passphrase, "mat-khau")
    type_text(page.place, "Cam Lâm")
    page.save(str(tmp_path / "ky.pdf"))
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    assert page.status.text().endswith("Tệp đã được ký số.") and not page.cert_message.isVisible()
    checks = verify_pdf((tmp_path / "ky.pdf").read_bytes(), [load_certificate(ca.read_bytes())])
    assert len(checks) == 1 and checks[0].ok and checks[0].signer == "Ủy ban nhân dân xã demo"
    window.close()


def test_what_each_role_may_print(qtbot: QtBot, kpi_app: QApplication, demo_db: Database) -> None:
    for username, batch, commune in (("tochuc", True, True), ("lanhdao", True, False), ("nhanvien", False, False)):
        actor = auth.login(demo_db, username, DEMO_PASSWORD)
        page = ReportsPage(AppContext(demo_db, actor))
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda page=page: not page.busy(), timeout=WAIT)
        assert page.can_batch is batch and page.batch_button.isHidden() is not batch, username
        assert (page.kind.findData("commune") >= 0) is commune, username
        if username == "nhanvien":  # staff see and print their own forms only
            assert page.person.count() == 1 and page.person.currentData() == actor.person_id
            assert len(page.preview_pages) >= 1


def test_configured_unit_certificate_is_prefilled_and_signs(qtbot: QtBot, kpi_app: QApplication, demo_db: Database,
                                                            tmp_path: Path) -> None:
    from kpi_desktop.reports.signing import load_certificate, verify_pdf
    from kpi_desktop.services.exchange_settings import set_settings

    _p12, ca = _unit_pkcs12(tmp_path)
    set_settings(demo_db, {"unit_signer": {"cert": str(tmp_path / "donvi.pem"), "key": str(tmp_path / "donvi.key")}})
    window, page = clerk_page(qtbot, demo_db)
    assert page.cert.text() == str(tmp_path / "donvi.pem") and page.key.text() == str(tmp_path / "donvi.key")
    page.sign_box.setChecked(True)
    page.select(kind="annual", year=2026)
    folder = tmp_path / "ky-ca-don-vi"
    page.print_unit(str(folder))
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    files = sorted(folder.glob("*.pdf"))
    assert len(files) > 10 and page.status.text() == f"Đã ghi {len(files)} tệp vào {folder}."
    root = [load_certificate(ca.read_bytes())]
    for path in (files[0], files[-1]):  # a Mẫu 02 and the unit summary
        checks = verify_pdf(path.read_bytes(), root)
        assert len(checks) == 1 and checks[0].ok, path.name
    window.close()
