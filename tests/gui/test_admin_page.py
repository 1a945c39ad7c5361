# ruff: noqa: F811  (the demo fixtures are imported from demo_db.py: tests/gui/conftest.py belongs to the GUI area)
"""Quản trị: an administrator adds an account that can then log in, backs up and restores the database,
and verifies the audit trail (intact, then tampered with sqlite3: the broken entry is named). A clerk
does not see the page. Through the page's real widgets."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kpi_desktop.domain.roles import Role
from kpi_desktop.errors import PermissionDenied
from kpi_desktop.services import auth
from kpi_desktop.services.instance_lock import InstanceLock
from kpi_desktop.store.db import Database
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.main_window import MainWindow
from kpi_desktop.ui.pages.admin import AdminPage

from .demo_db import DEMO_PASSWORD, demo_db, demo_file  # noqa: F401
from .helpers import type_text

pytestmark = pytest.mark.gui
WAIT = 120_000


def admin_page(qtbot: QtBot, db: Database, lock: InstanceLock | None = None) -> tuple[MainWindow, AdminPage]:
    actor = auth.login(db, "quantri", DEMO_PASSWORD)
    window = MainWindow(AppContext(db, actor, lock=lock))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("admin")
    assert isinstance(page, AdminPage)
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    return window, page


def test_only_account_managers_see_the_page(qtbot: QtBot, kpi_app: QApplication, demo_db: Database) -> None:
    for username, sees in (("tochuc", False), ("lanhdao", False), ("nhanvien", False), ("sonoivu", False),
                           ("quantri", True)):
        window = MainWindow(AppContext(demo_db, auth.login(demo_db, username, DEMO_PASSWORD)))
        qtbot.addWidget(window)
        assert ("admin" in window.page_names()) is sees, username
        window.close()


def test_admin_adds_an_account_that_can_log_in(qtbot: QtBot, kpi_app: QApplication, demo_db: Database,
                                               qtmodeltester: Any) -> None:
    window, page = admin_page(qtbot, demo_db)
    qtmodeltester.check(page.accounts, force_py=True)
    before = page.accounts.rowCount()
    assert before == 5

    # a staff account without a linked person is refused, next to the person field
    type_text(page.new_username, "nguyen.anh")
    type_text(page.new_name, "Nguyễn Thị Ánh")
    type_text(page.new_password, "Mat-khau-2026!")
    page.new_role.setCurrentIndex(page.new_role.findData(Role.STAFF.value))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert "gắn với hồ sơ cán bộ" in page.account_messages["person_id"].text()
    assert page.accounts.rowCount() == before

    page.new_person.setCurrentIndex(5)
    person_id = page.new_person.currentData()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.accounts.rowCount() == before + 1
    assert "Đã thêm tài khoản «nguyen.anh»" in page.account_status.text()
    assert page.selected_label.text().startswith("Nguyễn Thị Ánh (nguyen.anh)")
    actor = auth.login(demo_db, "nguyen.anh", "Mat-khau-2026!")
    assert actor.role is Role.STAFF and actor.person_id == person_id and actor.display_name == "Nguyễn Thị Ánh"
    assert auth.must_change_password(demo_db, actor)

    # reset the password, deactivate, reactivate
    type_text(page.reset_password_edit, "Tam-thoi-2026!")
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    assert "Đã đặt lại mật khẩu" in page.account_status.text()
    auth.login(demo_db, "nguyen.anh", "Tam-thoi-2026!")
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    with pytest.raises(PermissionDenied):
        auth.login(demo_db, "nguyen.anh", "Tam-thoi-2026!")
    assert page.active_button.text() == "&Dùng lại"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    auth.login(demo_db, "nguyen.anh", "Tam-thoi-2026!")

    # lock out by wrong passwords, then unlock from the page
    for _ in range(10):
        with pytest.raises(PermissionDenied):
            auth.login(demo_db, "nguyen.anh", "sai-mat-khau")
    page.load_accounts()
    assert page.select_account("nguyen.anh") and page.unlock_button.isEnabled()
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    assert "Đã mở khoá" in page.account_status.text()
    auth.login(demo_db, "nguyen.anh", "Tam-thoi-2026!")
    qtmodeltester.check(page.accounts, force_py=True)
    window.close()


def test_backup_then_restore_round_trip(qtbot: QtBot, kpi_app: QApplication, demo_db: Database,
                                        qtmodeltester: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                        request: pytest.FixtureRequest) -> None:
    # As in the running application, the window holds the database's single-instance lock: the
    # restore must work under it instead of refusing as "already running".
    assert demo_db.path is not None
    lock = InstanceLock(demo_db.path).acquire()
    request.addfinalizer(lock.release)
    window, page = admin_page(qtbot, demo_db, lock)
    page.tabs.setCurrentIndex(1)
    rows = page.backups.rowCount()
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.backups.rowCount() == rows + 1, timeout=WAIT)
    assert page.backup_status.text().startswith("Đã sao lưu vào")
    qtmodeltester.check(page.backups, force_py=True)

    # a change after the backup
    auth.create_user(demo_db, page.ctx.actor, "sau.sao.luu", "Mat-khau-2026!", "clerk")
    page.load_accounts()
    assert page.accounts.row_of(lambda u: u.username == "sau.sao.luu") >= 0

    row = page.backups.row_of(lambda b: not b.automatic)
    page.backup_table.setCurrentIndex(page.backups.index(row, 0))
    # the user says no: nothing changes
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert page.backup_status.text() == "Không khôi phục."
    assert any(u.username == "sau.sao.luu" for u in auth.list_users(demo_db, page.ctx.actor))

    asked: list[str] = []

    def yes(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.backup_status.text().startswith("Đã khôi phục"), timeout=WAIT)
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    assert "Thay toàn bộ dữ liệu hiện tại" in asked[0]
    assert "Dữ liệu trước khi khôi phục được giữ ở" in page.backup_status.text()
    assert not any(u.username == "sau.sao.luu" for u in auth.list_users(demo_db, page.ctx.actor))
    assert page.accounts.row_of(lambda u: u.username == "sau.sao.luu") < 0
    assert auth.login(demo_db, "tochuc", DEMO_PASSWORD).role is Role.CLERK  # the database works after it

    # a file that is not a backup: refused with a Vietnamese message, nothing replaced
    junk = tmp_path / "khong-phai.db"
    junk.write_bytes(b"day khong phai co so du lieu" * 100)
    users = [u.username for u in auth.list_users(demo_db, page.ctx.actor)]
    page.restore_from_file(str(junk))
    qtbot.waitUntil(lambda: page.backup_message.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    assert page.backup_message.text().startswith("Không đọc được bản sao lưu «khong-phai.db»")
    assert [u.username for u in auth.list_users(demo_db, page.ctx.actor)] == users
    window.close()


def test_audit_verify_intact_then_names_the_tampered_entry(qtbot: QtBot, kpi_app: QApplication,
                                                           demo_db: Database, qtmodeltester: Any) -> None:
    window, page = admin_page(qtbot, demo_db)
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.entries.rowCount() > 0, timeout=WAIT)
    qtmodeltester.check(page.entries, force_py=True)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.verify_button.isEnabled() and "Đang" not in page.audit_result.text(), timeout=WAIT)
    assert page.audit_result.text().startswith("Chuỗi nhật ký thay đổi toàn vẹn:")

    assert demo_db.path is not None
    with sqlite3.connect(demo_db.path) as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")  # what a tamperer with sqlite3 would do
        seq = conn.execute("SELECT seq FROM audit_log ORDER BY seq LIMIT 1 OFFSET 7").fetchone()[0]
        conn.execute("UPDATE audit_log SET actor = 'ke.gian' WHERE seq = ?", (seq,))
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.verify_button.isEnabled() and "Đang" not in page.audit_result.text(), timeout=WAIT)
    text = page.audit_result.text()
    assert text.startswith("Nhật ký thay đổi đã bị can thiệp")
    assert f"Mục số {seq} (bị sửa)" in text
    window.close()


def test_every_input_has_an_accessible_name(qtbot: QtBot, kpi_app: QApplication, demo_db: Database) -> None:
    from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit

    from kpi_desktop.ui.pages.reports import ReportsPage

    window, page = admin_page(qtbot, demo_db)
    reports_page = ReportsPage(AppContext(demo_db, auth.login(demo_db, "tochuc", DEMO_PASSWORD)))
    qtbot.addWidget(reports_page)
    qtbot.waitUntil(lambda: not reports_page.busy(), timeout=WAIT)
    missing = []
    for root in (page, reports_page):
        for kind in (QLineEdit, QComboBox, QPlainTextEdit, QAbstractItemView):
            for widget in root.findChildren(kind):
                ancestor, inner = widget.parentWidget(), False
                while ancestor is not None and ancestor is not root:
                    inner = inner or isinstance(ancestor, (QComboBox, QAbstractSpinBox, QAbstractItemView))
                    ancestor = ancestor.parentWidget()
                if not inner and not widget.accessibleName():
                    missing.append(f"{type(root).__name__}: {type(widget).__name__} {widget.objectName()}")
    assert missing == []
    window.close()
