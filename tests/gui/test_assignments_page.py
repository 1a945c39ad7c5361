"""The «Giao việc» page driven through real widgets against a temporary database: a clerk assigns a
product, records completion, a delay and an exempt quality failure; messages appear next to fields;
a locked period is read-only; staff see only their own lines; the evaluation scores what was recorded."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpi_desktop.domain.roles import SYSTEM, Role
from kpi_desktop.services import assignments, auth, evaluation, people, units
from kpi_desktop.store.db import Database
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.main_window import MainWindow
from kpi_desktop.ui.models.records import RecordTableModel
from kpi_desktop.ui.pages.assignments import AssignmentsPage, _columns

from .helpers import type_text

pytestmark = pytest.mark.gui
WARD = "22453"  # Xã Cam Lâm, Khánh Hòa
PASSWORD = "mật-khẩu-đủ-dài"
TIMEOUT = 20_000


@pytest.fixture
def unit_db(db: Database) -> dict[str, int]:
    units.create_unit(db, SYSTEM, WARD)
    admin = auth.create_first_admin(db, "quantri", PASSWORD)
    body = next(b for b in units.list_bodies(db, SYSTEM) if b.code == "PKT")
    staff_id = people.create_person(db, SYSTEM, people.NewPerson(
        code="CC-0002", full_name="Nguyễn Thị Ánh", category="cong_chuc", start_date=date(2021, 3, 1),
        body_code="PKT", role="staff"))
    other_id = people.create_person(db, SYSTEM, people.NewPerson(
        code="CC-0003", full_name="Phạm Văn Dũng", category="cong_chuc", start_date=date(2021, 3, 1),
        body_code="PKT", role="staff"))
    auth.create_user(db, admin, "anh", PASSWORD, Role.STAFF, display_name="Nguyễn Thị Ánh",
                     person_id=staff_id, body_id=body.id, must_change_password=False)
    auth.create_user(db, admin, "tochuc", PASSWORD, Role.CLERK, display_name="Lê Thu Hà",
                     must_change_password=False)
    evaluation.open_period(db, auth.login(db, "tochuc", PASSWORD), "2026-Q1")
    return {"staff_id": staff_id, "other_id": other_id}


def page_for(qtbot: QtBot, db: Database, username: str) -> tuple[MainWindow, AssignmentsPage]:
    window = MainWindow(AppContext(db, auth.login(db, username, PASSWORD)))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("assignments")
    assert isinstance(page, AssignmentsPage)
    return window, page


def set_text(widget: object, text: str) -> None:
    widget.clear()  # type: ignore[attr-defined]
    type_text(widget, text)  # type: ignore[arg-type]


def test_clerk_assigns_and_records_and_the_score_follows(qtbot: QtBot, qtmodeltester,  # type: ignore[no-untyped-def]
                                                          kpi_app: QApplication, db: Database,
                                                          unit_db: dict[str, int]) -> None:
    staff_id = unit_db["staff_id"]
    window, page = page_for(qtbot, db, "tochuc")
    assert page.add_box.isVisible() and page.record_box.isVisible()
    assert page.period_combo.currentData() == "2026-Q1"
    page.select_person(staff_id)
    qtbot.waitUntil(lambda: page.current_person_id() == staff_id and page.product_combo.count() > 0,
                    timeout=TIMEOUT)
    # One tester, connected before any change, watches every reset that follows.
    qtmodeltester.check(page.model, force_py=True)
    for widget in (page.period_combo, page.person_combo, page.product_combo, page.quantity, page.deadline,
                   page.amount, page.approver, page.reason, page.table):
        assert widget.accessibleName()

    # A negative quantity: a Vietnamese message next to the field, nothing written.
    set_text(page.quantity, "-2")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.add_messages["quantity"].isVisible(), timeout=TIMEOUT)
    assert "lớn hơn 0" in page.add_messages["quantity"].text()
    assert page.model.rowCount() == 0
    # A malformed deadline: message next to the deadline.
    set_text(page.quantity, "10")
    set_text(page.deadline, "31-03")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.add_messages["deadline"].isVisible(), timeout=TIMEOUT)
    assert not page.add_messages["quantity"].isVisible()

    product_code = page.product_combo.currentData()
    set_text(page.deadline, "31/03/2026")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=TIMEOUT)
    line = page.selected()
    assert line.product_code == product_code and line.quantity == Decimal(10) and line.deadline == date(2026, 3, 31)

    # Completion, then two delays.
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("complete"))
    set_text(page.amount, "10")
    set_text(page.record_date, "20/03/2026")
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.selected() is not None and page.selected().completed == 10, timeout=TIMEOUT)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("delay"))
    set_text(page.amount, "2")
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.selected().delays == 2, timeout=TIMEOUT)

    # An exempt quality failure without its approver is refused next to the approver field.
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("quality"))
    page.exempt.setChecked(True)
    assert page.approver.isEnabled() and page.reason.isEnabled()
    set_text(page.amount, "1")
    set_text(page.reason, "Văn bản cấp trên thay đổi")
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.record_messages["approver"].isVisible(), timeout=TIMEOUT)
    assert page.selected().quality_failures == 0
    set_text(page.approver, "Chủ tịch UBND xã")
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.selected().quality_failures == 1, timeout=TIMEOUT)
    assert page.selected().quality_failures_exempt == 1
    assert not page.record_messages["approver"].isVisible()
    texts = [page.records.item(i).text() for i in range(page.records.count())]
    assert texts[0] == "Hoàn thành 10 ngày 20/03/2026"
    assert any(t.startswith("Lỗi chất lượng: 1 lần") and "miễn trừ (Chủ tịch UBND xã" in t for t in texts)
    assert any(t.startswith("Trễ hạn: 2 lần") for t in texts)
    # A record entered by mistake is removed from the list, and the line follows.
    set_text(page.amount, "1")
    page.exempt.setChecked(False)
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.selected().quality_failures == 2, timeout=TIMEOUT)
    texts = [page.records.item(i).text() for i in range(page.records.count())]
    page.records.setCurrentRow(next(i for i, t in enumerate(texts)
                                    if t.startswith("Lỗi chất lượng") and "miễn trừ" not in t))
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.selected().quality_failures == 1, timeout=TIMEOUT)

    # What the evaluation scores is exactly what was recorded.
    staff = auth.login(db, "anh", PASSWORD)
    ev = evaluation.save_self_assessment(db, staff, "2026-Q1", staff_id, general={"a": 9, "b": 9, "c": 9})
    assert ev.inputs is not None and ev.result is not None
    assert [(t["product"], t["assigned"], t["completed"], t["delays"], t["quality_failures"],
             t["quality_failures_exempt"]) for t in ev.inputs["tasks"]] == [(product_code, "10", "10", 2, 1, 1)]
    assert (Decimal(ev.result["a"]), Decimal(ev.result["b"]), Decimal(ev.result["c"])) == (100, 100, 95)

    # Locked: the editors are disabled, and the data stays.
    evaluation.close_period(db, auth.login(db, "tochuc", PASSWORD), "2026-Q1")
    page.refresh()
    qtbot.waitUntil(lambda: not page.add_box.isEnabled() and not page.record_box.isEnabled(), timeout=TIMEOUT)
    assert page.model.rowCount() == 1
    records = page.model.records()
    window.close()
    # The same model class filled with the recorded lines, checked with data (the page's own model was
    # watched through every reset above).
    filled: RecordTableModel[Any] = RecordTableModel(_columns())
    filled.set_records(records)
    qtmodeltester.check(filled, force_py=True)


def test_staff_sees_only_their_own_lines(qtbot: QtBot, kpi_app: QApplication, db: Database,
                                         unit_db: dict[str, int]) -> None:
    clerk = auth.login(db, "tochuc", PASSWORD)
    product = assignments.product_choices(db, clerk, "2026-Q1", unit_db["staff_id"])[0].code
    assignments.assign_product(db, clerk, "2026-Q1", unit_db["staff_id"], product, 3)
    assignments.assign_product(db, clerk, "2026-Q1", unit_db["other_id"], product, 5)
    window, page = page_for(qtbot, db, "anh")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=TIMEOUT)
    assert not page.add_box.isVisible() and not page.record_box.isVisible()
    assert page.person_combo.count() == 1 and page.current_person_id() == unit_db["staff_id"]
    assert page.selected().quantity == Decimal(3)
    assert assignments.list_assignments(db, clerk, "2026-Q1", person_id=unit_db["staff_id"])[0].quantity == 3
    window.close()
    # The clerk removes the line (after confirming).
    window, page = page_for(qtbot, db, "tochuc")
    page.select_person(unit_db["staff_id"])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=TIMEOUT)
    assert page.remove_selected(confirm=False)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=TIMEOUT)
    assert assignments.list_assignments(db, clerk, "2026-Q1", person_id=unit_db["staff_id"]) == []
    window.close()
