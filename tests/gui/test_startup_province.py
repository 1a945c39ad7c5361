"""The interactive start-up (login while the database opens) and the province page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from kpi_desktop.domain.roles import SYSTEM, Actor, Role
from kpi_desktop.services import auth, units
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.core import Unit
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.main_window import MainWindow
from kpi_desktop.ui.pages.province import ProvincePage, current_quarter
from kpi_desktop.ui.startup import StartupFlow

from .helpers import type_text

pytestmark = pytest.mark.gui


def test_login_waits_for_the_database_then_opens_the_main_window(qtbot: QtBot, kpi_app: QApplication,
                                                                 tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "xa.db"
    db = Database.open(str(path))
    units.create_unit(db, SYSTEM, "22453")
    auth.create_first_admin(db, "quantri", "mật-khẩu-quản-trị")
    db.close()

    flow = StartupFlow(str(path), "vi")
    flow.start()
    dialog = flow.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.unit.text().startswith("Xã Cam Lâm"), timeout=20000)
    login = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert login.isEnabled()
    type_text(dialog.username, "quantri")
    type_text(dialog.password, "sai-mật-khẩu")
    qtbot.mouseClick(login, Qt.MouseButton.LeftButton)
    assert "không đúng" in dialog.error.text()
    dialog.password.clear()
    type_text(dialog.password, "mật-khẩu-quản-trị")
    qtbot.mouseClick(login, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.window is not None and flow.window.isVisible())
    assert flow.window is not None
    assert flow.window.ctx.actor.role is Role.ADMIN
    assert "xa.db" in flow.window.statusBar().currentMessage()
    flow.window.close()
    assert flow.db is not None
    flow.db.close()


def test_province_page_lists_communes_and_the_late(qtbot: QtBot, kpi_app: QApplication, db: Database) -> None:
    # The province's database knows a commune once it has sent something or is registered; arrange one.
    with db.session(SYSTEM) as s:
        s.add(Unit(code="22453", name="Xã Cam Lâm", division_type="xã", province_code="56",
                   province_name="Khánh Hòa", is_home=False))
    actor = Actor(username="sonoivu", role=Role.PROVINCE_HR)
    window = MainWindow(AppContext(db, actor))
    qtbot.addWidget(window)
    window.show()
    assert window.page_names()[0] == "province"
    page = window.page("province")
    assert isinstance(page, ProvincePage)
    qtbot.waitUntil(lambda: not page.busy())
    assert page.period.text() == current_quarter()
    page.period.setText("2026-Q1")  # long past: a commune that sent nothing is late
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    rows = page.status_model.records()
    assert [r.unit_code for r in rows] == ["22453"]
    assert rows[0].late and not rows[0].received
    assert "Trễ hạn: Xã Cam Lâm" in page.summary.text()
    page.period.setText("quý một")
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert page.period_message.isVisible()
    assert current_quarter(date(2026, 11, 25)) == "2026-Q4"


def test_a_file_that_is_not_a_database_gets_a_vietnamese_message_and_exit_2(
        qtbot: QtBot, kpi_app: QApplication, tmp_path: Path, data_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    bad = tmp_path / "ghi-chu.db"
    bad.write_text("đây không phải cơ sở dữ liệu", encoding="utf-8")
    shown: list[QMessageBox] = []
    exits: list[int] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr(QCoreApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    flow = StartupFlow(str(bad), "vi")
    flow.start()
    qtbot.waitUntil(lambda: exits == [2], timeout=20000)
    assert flow.failed
    assert shown[0].windowTitle() == "Không mở được cơ sở dữ liệu"
    assert "không phải cơ sở dữ liệu SQLite" in shown[0].text()
    assert flow.dialog is not None and not flow.dialog.isVisible()
    flow.dialog.deleteLater()
