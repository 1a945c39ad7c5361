"""The first-run wizard on an empty database: commune by official code, bodies, first administrator."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from kpi_desktop.domain.roles import SYSTEM, Role
from kpi_desktop.services import auth, units
from kpi_desktop.store.db import Database
from kpi_desktop.ui.dialogs.first_run import FirstRunWizard

from .helpers import type_text

pytestmark = pytest.mark.gui


def test_wizard_creates_unit_bodies_and_admin(qtbot: QtBot, kpi_app: QApplication, db: Database) -> None:
    assert FirstRunWizard.needed(db)
    wizard = FirstRunWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    place = wizard.place
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.text() == "&Tiếp >"  # Qt's own button, in Vietnamese from our translation
    assert not next_button.isEnabled()

    type_text(place.code, "99999")
    qtbot.keyClick(place.code, Qt.Key.Key_Return)
    assert place.code_message.isVisible() and "99999" in place.code_message.text()
    place.code.clear()
    type_text(place.code, "22453")  # a complete five-digit code is looked up as it is typed
    qtbot.waitUntil(lambda: next_button.isEnabled())
    assert not place.code_message.isVisible()
    assert place.province.currentText() == "Khánh Hòa"
    assert place.ward.currentText().startswith("Xã Cam Lâm")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)

    bodies = wizard.bodies_page
    assert wizard.currentPage() is bodies
    bodies.list.item(3).setCheckState(Qt.CheckState.Unchecked)  # no public-service centre
    type_text(bodies.new_code, "tyt")
    type_text(bodies.new_name, "Trạm Y tế xã")
    bodies.new_kind.setCurrentIndex(bodies.new_kind.findData("don_vi_su_nghiep"))
    qtbot.mouseClick(bodies.findChild(type(next_button), "addBody"), Qt.MouseButton.LeftButton)
    assert [b[0] for b in bodies.bodies()] == ["VP", "PKT", "PVHXH", "TYT"]
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)

    admin = wizard.admin_page
    assert wizard.currentPage() is admin
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    type_text(admin.password, "ngắn")
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert admin.messages["password"].isVisible() and "8 ký tự" in admin.messages["password"].text()
    admin.password.clear()
    type_text(admin.password, "mật-khẩu-quản-trị")
    type_text(admin.confirm, "khác-hẳn")
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert admin.messages["confirm"].text() == "Hai lần nhập mật khẩu không khớp."
    assert units.home_unit(db, SYSTEM) is None  # nothing written while the input is wrong
    admin.confirm.clear()
    type_text(admin.confirm, "mật-khẩu-quản-trị")
    with qtbot.waitSignal(wizard.accepted):
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)

    unit = units.home_unit(db, SYSTEM)
    assert unit is not None and unit.code == "22453" and unit.province_name == "Khánh Hòa"
    assert [b.code for b in units.list_bodies(db, SYSTEM)] == ["VP", "PKT", "PVHXH", "TYT"]
    actor = auth.login(db, "quantri", "mật-khẩu-quản-trị")
    assert actor.role is Role.ADMIN
    assert not FirstRunWizard.needed(db)
