"""Start-up goes through the trust area's session start: one instance per database, warnings shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kpi_desktop.domain.roles import SYSTEM
from kpi_desktop.services import auth, units
from kpi_desktop.services.session_start import open_for_session
from kpi_desktop.store.db import Database
from kpi_desktop.ui.startup import StartupFlow

from .test_shell import _run_app

pytestmark = pytest.mark.gui


def _unit_db(path: Path) -> None:
    db = Database.open(str(path))
    units.create_unit(db, SYSTEM, "22453")
    auth.create_first_admin(db, "quantri", "mật-khẩu-quản-trị")
    db.close()


def test_second_instance_on_the_same_database_gets_a_vietnamese_message(
        qtbot: QtBot, kpi_app: QApplication, tmp_path: Path, data_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QCoreApplication

    shown: list[QMessageBox] = []
    exits: list[int] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr(QCoreApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    path = tmp_path / "xa.db"
    _unit_db(path)
    first = open_for_session(str(path))  # the first window
    try:
        flow = StartupFlow(str(path), "vi")
        flow.start()
        qtbot.waitUntil(lambda: exits == [5], timeout=20000)
        box = shown[0]
        assert box.windowTitle() == "KPI Desktop đang mở cơ sở dữ liệu này"
        assert "đang được mở ở một cửa sổ KPI Desktop khác" in box.text()
        assert "xa.db" in box.text()
        assert box.icon() == QMessageBox.Icon.Warning
        assert flow.failed and flow.exit_code == 5
        assert flow.db is None and flow.session is None
        assert flow.dialog is not None and not flow.dialog.isVisible()
        flow.dialog.deleteLater()
        flow.close()
    finally:
        first.close()
    # the first window closed: the database opens again, with the lock now held by the new flow
    flow = StartupFlow(str(path), "vi")
    flow.start()
    dialog = flow.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.unit.text().startswith("Xã Cam Lâm"), timeout=20000)
    assert flow.session is not None and flow.session.lock is not None and flow.session.lock.held
    assert first.daily_backup is not None and first.daily_backup.exists()
    assert flow.session.daily_backup is None  # once a day: the first window already made it
    dialog.hide()
    flow.close()
    assert flow.session is None


def test_session_start_warnings_are_shown(qtbot: QtBot, kpi_app: QApplication, tmp_path: Path,
                                          data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kpi_desktop.services import backup

    path = tmp_path / "xa.db"
    _unit_db(path)

    def no_backup(_db: Database) -> Path:
        raise OSError("ổ đĩa đầy")

    monkeypatch.setattr(backup, "daily_backup", no_backup)
    flow = StartupFlow(str(path), "vi")
    flow.start()
    qtbot.waitUntil(lambda: flow.warnings_box is not None and flow.warnings_box.isVisible(), timeout=20000)
    assert flow.warnings_box is not None
    assert "Không sao lưu tự động được hôm nay: ổ đĩa đầy" in flow.warnings_box.text()
    flow.warnings_box.done(0)
    assert flow.dialog is not None
    flow.dialog.hide()
    flow.close()


def test_screenshot_refuses_a_database_open_elsewhere(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "xa.db"
    _unit_db(path)
    first = open_for_session(str(path))
    try:
        result = _run_app("--db", str(path), "--screenshot", str(tmp_path / "a.png"), data=tmp_path / "d2")
    finally:
        first.close()
    assert result.returncode == 5, result.stderr
    assert "đang được mở ở một cửa sổ KPI Desktop khác" in result.stderr
