"""Editing the catalogues in the Danh mục page: a job position with its description, tasks and
competency framework; new and deleted positions and products; validation next to the fields; the
unsaved-changes question; roles that may only look. Driven through the widgets (clicks, typing) against
a copy of the demo database, and checked through the service and `kpi catalog export`."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QMessageBox, QTableView
from pytestqt.qtbot import QtBot

from kpi_desktop.domain.roles import Actor, Role
from kpi_desktop.services import catalog
from kpi_desktop.store.db import Database
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.models.rows import RowColumn, RowsModel
from kpi_desktop.ui.pages.catalogues import CataloguesPage
from kpi_desktop.ui.pages.position_editor import PositionEditor

from .demo_db import DEMO_PASSWORD, demo_db, demo_file  # noqa: F401
from .helpers import type_text

pytestmark = pytest.mark.gui
CLERK = Actor(username="tochuc", role=Role.CLERK, display_name="Cán bộ tổ chức (demo)")
STAFF = Actor(username="nhanvien", role=Role.STAFF, display_name="Mai Văn Khánh (demo)", person_id=1)
POSITION = "XA-CM-09"  # held by three people in the demo commune


# --- helpers -------------------------------------------------------------------------------------------


@pytest.fixture
def page(qtbot: QtBot, kpi_app: QApplication, demo_db: Database) -> Iterator[CataloguesPage]:  # noqa: F811
    widget = CataloguesPage(AppContext(demo_db, CLERK))
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()


class Questions:
    """Stands in for QMessageBox.question: records each question and gives the next answer."""

    def __init__(self, *answers: QMessageBox.StandardButton) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def __call__(self, _parent: Any, _title: str, text: str, *_args: Any, **_kw: Any) -> QMessageBox.StandardButton:
        self.asked.append(text)
        return self.answers.pop(0)


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> Iterator[Questions]:
    recorder = Questions()
    monkeypatch.setattr(QMessageBox, "question", recorder)
    yield recorder
    assert not recorder.answers, "a question that the test expected was not asked"


def click_row(qtbot: QtBot, table: QTableView, row: int, column: int = 0) -> None:
    index = table.model().index(row, column)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())


def click_position(qtbot: QtBot, page: CataloguesPage, code: str) -> None:
    row = page.positions.row_of(lambda p: p.code == code)
    assert row >= 0
    click_row(qtbot, page.position_table, row)


def cell_editor(table: QTableView) -> QLineEdit:
    editors = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1, "no cell editor open"
    return editors[0]


def type_in_cell(qtbot: QtBot, table: QTableView, row: int, column: int, text: str, *, f2: bool = False) -> None:
    """Open the cell's editor (double click, or F2 from the keyboard), replace its text, press Enter."""
    index = table.model().index(row, column)
    table.scrollTo(index)
    if f2:
        table.setFocus()
        table.setCurrentIndex(index)
        qtbot.keyClick(table, Qt.Key.Key_F2)
    else:
        center = table.visualRect(index).center()
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    editor = cell_editor(table)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    type_text(editor, text)
    press_enter(qtbot, table, editor)


def press_enter(qtbot: QtBot, table: QTableView, editor: QLineEdit) -> None:
    """Enter in a cell editor: Qt writes the cell and closes the editor on its next event loop turn."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(edit, text)


def snapshot(db: Database) -> str:
    with db.session(CLERK) as session:
        return json.dumps(catalog.catalogue_document(session), ensure_ascii=False, sort_keys=True)


def kpi(*args: str) -> tuple[int, str, str]:
    from kpi_desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def open_position(qtbot: QtBot, page: CataloguesPage, code: str) -> PositionEditor:
    click_position(qtbot, page, code)
    editor = page.position_editor
    qtbot.waitUntil(lambda: editor.code.text() == code)
    assert not editor.save.isEnabled()  # nothing changed yet
    return editor


# --- the clerk edits a position --------------------------------------------------------------------------


def test_clerk_edits_name_task_and_framework_level_and_the_export_shows_it(
        qtbot: QtBot, page: CataloguesPage, demo_db: Database, tmp_path: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = catalog.position_document(demo_db, CLERK, POSITION)
    editor = open_position(qtbot, page, POSITION)
    assert editor.name.text() == before["name"]
    assert editor.tasks.rowCount() == len(before["description"]["tasks"])
    assert editor.framework.rowCount() == len(before["competencies"])

    retype(qtbot, editor.name, "Công chức Địa chính - Nông nghiệp - Xây dựng")
    qtbot.mouseClick(editor.sections.tabBar(), Qt.MouseButton.LeftButton,
                     pos=editor.sections.tabBar().tabRect(2).center())
    assert editor.sections.currentIndex() == 2
    type_in_cell(qtbot, editor.task_table, 0, 2, "Đo đạc, chỉnh lý biến động đất đai trên bản đồ số")
    qtbot.mouseClick(editor.sections.tabBar(), Qt.MouseButton.LeftButton,
                     pos=editor.sections.tabBar().tabRect(3).center())
    first_comp = before["competencies"][0]
    new_level = 5 if first_comp["required_level"] != 5 else 4
    type_in_cell(qtbot, editor.framework_table, 0, 2, str(new_level), f2=True)
    assert editor.framework.row(0)["required_level"] == new_level
    assert editor.save.isEnabled() and editor.discard.isEnabled()

    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    assert f"Đã lưu vị trí việc làm {POSITION}" in page.status.text()
    assert not editor.save.isEnabled() and editor.code.text() == POSITION

    saved = catalog.position_document(demo_db, CLERK, POSITION)
    assert saved["name"] == "Công chức Địa chính - Nông nghiệp - Xây dựng"
    assert saved["description"]["tasks"][0]["task"] == "Đo đạc, chỉnh lý biến động đất đai trên bản đồ số"
    assert saved["description"]["tasks"][1:] == before["description"]["tasks"][1:]
    assert saved["competencies"][0] == {"competency": first_comp["competency"], "required_level": new_level}
    assert saved["competencies"][1:] == before["competencies"][1:]
    assert saved["version"] == before["version"]  # a correction, not a new version
    row = page.positions.row_of(lambda p: p.code == POSITION)
    assert page.positions.record(row).name == saved["name"]  # the table shows the new name

    # the command line sees the same catalogue
    out = tmp_path / "danh-muc.json"
    monkeypatch.setenv("KPI_PASSWORD", DEMO_PASSWORD)
    code, _stdout, stderr = kpi("catalog", "export", "--db", str(demo_db.path), "--user", "tochuc",
                                str(out))
    assert code == 0, stderr
    exported = next(p for p in json.loads(out.read_text("utf-8"))["positions"] if p["code"] == POSITION)
    assert exported["name"] == saved["name"]
    assert exported["description"]["tasks"][0]["task"] == saved["description"]["tasks"][0]["task"]
    assert {"competency": first_comp["competency"], "required_level": new_level} in exported["competencies"]


def test_discard_restores_what_is_stored(qtbot: QtBot, page: CataloguesPage, demo_db: Database) -> None:  # noqa: F811
    stored = snapshot(demo_db)
    before = catalog.position_document(demo_db, CLERK, POSITION)
    editor = open_position(qtbot, page, POSITION)
    retype(qtbot, editor.name, "Tên tạm")
    editor.sections.setCurrentIndex(1)
    editor.texts["objective"].setFocus()
    type_text(editor.texts["objective"], " (bổ sung)")
    editor.sections.setCurrentIndex(3)
    qtbot.mouseClick(editor.remove_competency, Qt.MouseButton.LeftButton)
    assert editor.framework.rowCount() == len(before["competencies"]) - 1
    assert editor.discard.isEnabled()

    qtbot.mouseClick(editor.discard, Qt.MouseButton.LeftButton)
    assert editor.name.text() == before["name"]
    assert editor.texts["objective"].toPlainText() == before["description"]["objective"]
    assert editor.framework.rowCount() == len(before["competencies"])
    assert not editor.save.isEnabled() and not editor.discard.isEnabled()
    assert snapshot(demo_db) == stored


def test_invalid_input_is_shown_next_to_the_field_and_nothing_is_written(
        qtbot: QtBot, page: CataloguesPage, demo_db: Database) -> None:  # noqa: F811
    stored = snapshot(demo_db)
    editor = open_position(qtbot, page, POSITION)

    # an empty name
    retype(qtbot, editor.name, "")
    type_text(editor.name, " ")
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    message = editor.messages["name"]
    assert not message.isHidden() and "Tên vị trí việc làm không được để trống" in message.text()
    assert editor.sections.currentIndex() == 0 and editor.name.hasFocus()
    assert editor.name.accessibleDescription() == message.text()
    qtbot.mouseClick(editor.discard, Qt.MouseButton.LeftButton)
    assert message.isHidden()

    # a required level of 7: the cell refuses it and says why, under the framework table
    editor.sections.setCurrentIndex(3)
    level_before = editor.framework.row(0)["required_level"]
    type_in_cell(qtbot, editor.framework_table, 0, 2, "7")
    message = editor.messages["competencies"]
    assert not message.isHidden() and "phải từ 1 đến 5 (đã nhập 7)" in message.text()
    assert editor.framework.row(0)["required_level"] == level_before
    assert not editor.save.isEnabled()  # nothing was changed

    # an empty task: a new row left empty
    editor.sections.setCurrentIndex(2)
    rows = editor.tasks.rowCount()
    qtbot.mouseClick(editor.add_task, Qt.MouseButton.LeftButton)
    assert editor.tasks.rowCount() == rows + 1
    opened = cell_editor(editor.task_table)  # the new row's task cell opens for typing
    press_enter(qtbot, editor.task_table, opened)
    assert editor.save.isEnabled()
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    message = editor.messages["tasks"]
    assert not message.isHidden() and f"Nhiệm vụ số {rows + 1}: chưa nhập nội dung công việc" in message.text()
    assert editor.sections.currentIndex() == 2 and editor.task_table.currentIndex().row() == rows

    # a task number given twice
    type_in_cell(qtbot, editor.task_table, rows, 2, "Việc thêm")
    type_in_cell(qtbot, editor.task_table, rows, 0, "1")
    qtbot.keyClick(editor.task_table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S
    assert "Số thứ tự 1 bị trùng" in message.text()

    assert snapshot(demo_db) == stored
    assert "Đã lưu" not in page.status.text()


def test_esc_in_a_cell_only_cancels_that_cell_and_ctrl_s_saves(qtbot: QtBot, page: CataloguesPage,
                                                             demo_db: Database) -> None:  # noqa: F811
    editor = open_position(qtbot, page, POSITION)
    page.activateWindow()
    editor.sections.setCurrentIndex(2)
    task_before = editor.tasks.row(1)["task"]
    index = editor.tasks.index(1, 2)
    editor.task_table.setFocus()
    editor.task_table.setCurrentIndex(index)
    qtbot.keyClick(editor.task_table, Qt.Key.Key_F2)
    cell = cell_editor(editor.task_table)
    type_text(cell, " – thử")
    qtbot.keyClick(cell, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: editor.task_table.state() != QAbstractItemView.State.EditingState)
    assert editor.tasks.row(1)["task"] == task_before and not editor.save.isEnabled()

    type_in_cell(qtbot, editor.task_table, 1, 5, "3")
    assert editor.tasks.row(1)["career_step"] == 3
    qtbot.keyClick(editor.task_table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert f"Đã lưu vị trí việc làm {POSITION}" in page.status.text()
    assert catalog.position_document(demo_db, CLERK, POSITION)["description"]["tasks"][1]["career_step"] == 3

    # typing in a cell already offers Save; Ctrl+S while the cell is open writes the cell, then saves
    page.status.clear()
    editor.sections.setCurrentIndex(2)
    editor.task_table.setFocus()
    editor.task_table.setCurrentIndex(editor.tasks.index(0, 3))
    qtbot.keyClick(editor.task_table, Qt.Key.Key_F2)
    cell = cell_editor(editor.task_table)
    cell.selectAll()
    type_text(cell, "Hồ sơ đất đai đã cập nhật")
    assert editor.save.isEnabled()
    qtbot.keyClick(cell, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert f"Đã lưu vị trí việc làm {POSITION}" in page.status.text()
    saved = catalog.position_document(demo_db, CLERK, POSITION)["description"]["tasks"][0]
    assert saved["output_products"] == "Hồ sơ đất đai đã cập nhật"


def test_esc_outside_a_cell_asks_before_dropping_the_edits(qtbot: QtBot, page: CataloguesPage,
                                                          questions: Questions) -> None:
    editor = open_position(qtbot, page, POSITION)
    name = editor.name.text()
    retype(qtbot, editor.name, "Tên chưa lưu")
    questions.answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    qtbot.keyClick(editor.name, Qt.Key.Key_Escape)
    assert editor.name.text() == "Tên chưa lưu" and editor.dirty()
    qtbot.keyClick(editor.name, Qt.Key.Key_Escape)
    assert len(questions.asked) == 2 and editor.name.text() == name and not editor.dirty()


def test_a_new_version_keeps_the_old_description(qtbot: QtBot, page: CataloguesPage,
                                                 demo_db: Database) -> None:  # noqa: F811
    before = catalog.position_document(demo_db, CLERK, POSITION)
    editor = open_position(qtbot, page, POSITION)
    assert f"{POSITION}: phiên bản {before['version']}" in editor.header.text()
    qtbot.mouseClick(editor.new_version, Qt.MouseButton.LeftButton)
    assert editor.version_date.isEnabled() and editor.save.isEnabled()
    editor.version_date.setDate(QDate(2025, 12, 31))  # before the current version
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    assert "phải có hiệu lực sau ngày 01/01/2026" in editor.messages["version"].text()
    assert catalog.position_document(demo_db, CLERK, POSITION) == before
    editor.version_date.setDate(QDate(2027, 1, 1))
    editor.sections.setCurrentIndex(1)
    edit = editor.texts["objective"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(edit, "Mục tiêu theo quyết định năm 2027")
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    assert f"Đã lưu vị trí việc làm {POSITION}" in page.status.text(), editor.general.text()

    saved = catalog.position_document(demo_db, CLERK, POSITION)
    assert saved["version"] == before["version"] + 1 and saved["effective_from"] == "2027-01-01"
    assert saved["description"]["version"] == saved["version"]
    assert saved["description"]["objective"] == "Mục tiêu theo quyết định năm 2027"
    assert saved["description"]["tasks"] == before["description"]["tasks"]  # carried over
    with demo_db.session(CLERK) as session:
        whole = next(p for p in catalog.catalogue_document(session)["positions"] if p["code"] == POSITION)
    assert [d["objective"] for d in whole["other_descriptions"]] == [before["description"]["objective"]]
    assert "phiên bản 2, hiệu lực từ 01/01/2027" in editor.header.text()
    assert not editor.new_version.isChecked()


def test_switching_selection_with_unsaved_edits_asks(qtbot: QtBot, page: CataloguesPage,
                                                     questions: Questions) -> None:
    editor = open_position(qtbot, page, POSITION)
    retype(qtbot, editor.name, "Tên chưa lưu")
    other = "XA-CM-10"

    questions.answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    click_position(qtbot, page, other)  # the user keeps editing
    assert len(questions.asked) == 1 and f"Vị trí «{POSITION}» có thay đổi chưa lưu" in questions.asked[0]
    assert editor.code.text() == POSITION and editor.name.text() == "Tên chưa lưu"
    current = page.positions.record(page.position_table.currentIndex().row())
    assert current.code == POSITION  # the table went back to the row being edited

    click_position(qtbot, page, other)  # this time the edits are dropped
    assert len(questions.asked) == 2
    qtbot.waitUntil(lambda: editor.code.text() == other)
    assert not editor.dirty()

    click_position(qtbot, page, POSITION)  # nothing unsaved: no question
    assert len(questions.asked) == 2 and editor.code.text() == POSITION


def test_new_position_is_saved_then_deleted_and_a_used_one_is_refused(
        qtbot: QtBot, page: CataloguesPage, demo_db: Database, questions: Questions) -> None:  # noqa: F811
    editor = page.position_editor
    first = page.positions.record(0).code
    assert editor.code.text() == first  # the first row is shown on opening
    qtbot.mouseClick(page.new_position, Qt.MouseButton.LeftButton)
    assert editor.is_new and editor.code.text() == "" and not editor.code.isReadOnly()
    assert not page.delete_position.isEnabled()
    type_text(editor.code, "XA-TAM")
    qtbot.mouseClick(editor.discard, Qt.MouseButton.LeftButton)  # a new position dropped: back to the row
    assert not editor.is_new and editor.code.text() == first and editor.code.isReadOnly()
    assert page.positions.record(page.position_table.currentIndex().row()).code == first

    qtbot.mouseClick(page.new_position, Qt.MouseButton.LeftButton)
    assert editor.is_new and editor.code.text() == ""

    type_text(editor.code, POSITION)  # a code already in the catalogue
    type_text(editor.name, "Công chức Chuyển đổi số")
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    assert f"Mã «{POSITION}» đã có" in editor.messages["code"].text()
    assert catalog.position_document(demo_db, CLERK, POSITION)["name"] != "Công chức Chuyển đổi số"

    retype(qtbot, editor.code, "XA-CM-30")
    editor.sections.setCurrentIndex(1)
    editor.texts["objective"].setFocus()
    type_text(editor.texts["objective"], "Tham mưu chuyển đổi số của xã")
    editor.sections.setCurrentIndex(2)
    qtbot.mouseClick(editor.add_task, Qt.MouseButton.LeftButton)
    cell = cell_editor(editor.task_table)
    type_text(cell, "Quản trị cổng thông tin điện tử của xã")
    press_enter(qtbot, editor.task_table, cell)
    editor.sections.setCurrentIndex(3)
    choice = editor.add_competency.findData("CH-01")
    assert choice >= 0
    editor.add_competency.setCurrentIndex(choice)
    editor.add_level.setValue(2)
    qtbot.mouseClick(editor.add_competency_button, Qt.MouseButton.LeftButton)
    assert editor.add_competency.findData("CH-01") == -1  # no competency twice
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    assert "Đã lưu vị trí việc làm XA-CM-30" in page.status.text(), editor.general.text()
    saved = catalog.position_document(demo_db, CLERK, "XA-CM-30")
    assert saved["name"] == "Công chức Chuyển đổi số" and saved["group"] == "chuyen_mon_nghiep_vu"
    assert saved["description"]["objective"] == "Tham mưu chuyển đổi số của xã"
    assert [t["task"] for t in saved["description"]["tasks"]] == ["Quản trị cổng thông tin điện tử của xã"]
    assert saved["competencies"] == [{"competency": "CH-01", "required_level": 2}]
    assert not editor.is_new and editor.code.isReadOnly()
    assert page.positions.record(page.position_table.currentIndex().row()).code == "XA-CM-30"

    # a position people hold cannot be deleted: the service's reason is shown
    click_position(qtbot, page, POSITION)
    qtbot.waitUntil(lambda: editor.code.text() == POSITION)
    questions.answers = [QMessageBox.StandardButton.Yes]
    qtbot.mouseClick(page.delete_position, Qt.MouseButton.LeftButton)
    assert "Xoá vị trí «XA-CM-09" in questions.asked[-1]
    assert "đang hoặc đã được 3 lượt cán bộ đảm nhiệm nên không xoá được" in editor.general.text()
    assert not editor.general.isHidden() and "không xoá được" in page.status.text()
    assert catalog.position_document(demo_db, CLERK, POSITION)

    # answering No keeps it; Yes deletes the unused one
    click_position(qtbot, page, "XA-CM-30")
    qtbot.waitUntil(lambda: editor.code.text() == "XA-CM-30")
    questions.answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    qtbot.mouseClick(page.delete_position, Qt.MouseButton.LeftButton)
    assert page.positions.row_of(lambda p: p.code == "XA-CM-30") >= 0
    qtbot.mouseClick(page.delete_position, Qt.MouseButton.LeftButton)
    assert page.positions.row_of(lambda p: p.code == "XA-CM-30") == -1
    assert "Đã xoá vị trí việc làm XA-CM-30" in page.status.text()
    assert all(p.code != "XA-CM-30" for p in catalog.list_positions(demo_db, CLERK))


def test_new_product_and_delete_used_or_unused(qtbot: QtBot, page: CataloguesPage, demo_db: Database,  # noqa: F811
                                               questions: Questions) -> None:
    page.tabs.setCurrentIndex(1)
    editor = page.editor
    qtbot.mouseClick(page.new_product, Qt.MouseButton.LeftButton)
    assert editor.is_new and not editor.code.isReadOnly()
    type_text(editor.code, "CS-01")
    type_text(editor.name, "Báo cáo chuyển đổi số")
    type_text(editor.unit, "báo cáo")
    retype(qtbot, editor.k, "1,5")
    for code in ("XA-CM-15", "XA-CM-01"):  # ticked from the keyboard
        item = next(editor.position_list.item(i) for i in range(editor.position_list.count())
                    if editor.position_list.item(i).data(Qt.ItemDataRole.UserRole) == code)
        editor.position_list.setFocus()
        editor.position_list.setCurrentItem(item)
        qtbot.keyClick(editor.position_list, Qt.Key.Key_Space)
        assert item.checkState() == Qt.CheckState.Checked
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    assert "Đã lưu sản phẩm CS-01" in page.status.text(), editor.general.text()
    saved = catalog.product_document(demo_db, CLERK, "CS-01")
    assert saved["name"] == "Báo cáo chuyển đổi số" and saved["k"] == "1.500"
    assert saved["positions"] == ["XA-CM-01", "XA-CM-15"]
    assert editor.checked_positions() == ["XA-CM-01", "XA-CM-15"] and not editor.dirty()

    # used in assignments: refused with the service's message
    click_row(qtbot, page.product_table, page.products.row_of(lambda p: p.code == "VB-01"))
    qtbot.waitUntil(lambda: editor.code.text() == "VB-01")
    questions.answers = [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Yes]
    qtbot.mouseClick(page.delete_product, Qt.MouseButton.LeftButton)
    assert "Sản phẩm «VB-01» đã được giao" in editor.general.text() and "không xoá được" in editor.general.text()
    assert any(p.code == "VB-01" for p in catalog.list_products(demo_db, CLERK))

    click_row(qtbot, page.product_table, page.products.row_of(lambda p: p.code == "CS-01"))
    qtbot.waitUntil(lambda: editor.code.text() == "CS-01")
    qtbot.mouseClick(page.delete_product, Qt.MouseButton.LeftButton)
    assert "Đã xoá sản phẩm CS-01" in page.status.text()
    assert all(p.code != "CS-01" for p in catalog.list_products(demo_db, CLERK))


def test_staff_sees_the_catalogues_without_editors(qtbot: QtBot, kpi_app: QApplication,
                                                   demo_db: Database) -> None:  # noqa: F811
    view = CataloguesPage(AppContext(demo_db, STAFF))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert view.positions.rowCount() > 0 and view.products.rowCount() > 0
    for widget in (view.position_editor, view.editor, view.new_position, view.delete_position,
                   view.new_product, view.delete_product):
        assert not widget.isVisibleTo(view)
    assert not view.import_button.isEnabled()
    click_row(qtbot, view.position_table, 0)
    assert view.position_editor.original is None  # nothing is loaded for editing
    view.close()


def test_cli_delete_commands(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setenv("KPI_PASSWORD", DEMO_PASSWORD)
    path = str(demo_db.path)
    code, _out, err = kpi("catalog", "delete-position", "--db", path, "--user", "tochuc", POSITION)
    assert code == 2 and "không xoá được" in err
    code, out, err = kpi("catalog", "delete-product", "--db", path, "--user", "tochuc", "PV-01")
    assert code == 0 and "Đã xoá sản phẩm PV-01" in out, err
    code, _out, err = kpi("catalog", "delete-product", "--db", path, "--user", "tochuc", "PV-01")
    assert code == 2 and "Không có sản phẩm mã «PV-01»" in err
    code, _out, err = kpi("catalog", "delete-product", "--db", path, "--user", "nhanvien", "PV-02")
    assert code == 3  # staff may not edit the catalogue
    assert any(p.code == "PV-02" for p in catalog.list_products(demo_db, CLERK))


def test_rows_model_passes_qtmodeltester(qtmodeltester, kpi_app: QApplication) -> None:  # type: ignore[no-untyped-def]
    model = RowsModel([
        RowColumn("seq", "STT", "int", lo=1),
        RowColumn("kind", "Loại", "choice", choices=[("chuyen_mon", "Chuyên môn"), ("quan_ly", "Quản lý")]),
        RowColumn("task", "Công việc"),
        RowColumn("career_step", "Bậc", "int", lo=1, hi=5, optional=True),
        RowColumn("shown", "Hiển thị", "view", display=lambda r: f"#{r['seq']}"),
    ])
    model.set_rows([{"seq": 1, "kind": "quan_ly", "task": "Chỉ đạo", "career_step": None},
                    {"seq": 2, "kind": "chuyen_mon", "task": "Tham mưu", "career_step": 3}])
    qtmodeltester.check(model, force_py=True)
    refused: list[str] = []
    model.refused.connect(refused.append)
    assert not model.setData(model.index(1, 3), "7")
    assert refused and "từ 1 đến 5" in refused[0]
    assert model.setData(model.index(1, 3), "")
    assert model.row(1)["career_step"] is None
    assert not model.setData(model.index(0, 4), "x")  # read-only column
    model.add_row({"seq": 3, "kind": "quan_ly", "task": "", "career_step": None})
    model.remove_row(0)
    qtmodeltester.check(model, force_py=True)


def test_the_editor_model_on_a_real_position_passes_qtmodeltester(  # type: ignore[no-untyped-def]
        qtmodeltester, qtbot: QtBot, page: CataloguesPage) -> None:
    editor = open_position(qtbot, page, POSITION)
    qtmodeltester.check(editor.tasks, force_py=True)
    qtmodeltester.check(editor.framework, force_py=True)
    assert editor.framework.data(editor.framework.index(0, 1))  # the competency's name is shown


def test_no_heading_of_the_catalogue_tables_is_cut_off(page: CataloguesPage) -> None:
    for view in page.findChildren(QTableView):
        header, model = view.horizontalHeader(), view.model()
        for column in range(model.columnCount() - 1):  # the last one stretches
            text = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
            assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(text), (view.objectName(), text)


def test_an_import_reloads_the_form_that_has_no_unsaved_edits(qtbot: QtBot, page: CataloguesPage,
                                                             demo_db: Database, tmp_path: Path) -> None:  # noqa: F811
    editor = open_position(qtbot, page, POSITION)
    with demo_db.session(CLERK) as session:
        doc = catalog.catalogue_document(session)
    for position in doc["positions"]:
        if position["code"] == POSITION:
            position["name"] = "Địa chính (theo tệp nhập)"
            position["description"]["tasks"] = position["description"]["tasks"][:2]
    source = tmp_path / "danh-muc.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    page.import_xlsx(str(source))
    qtbot.waitUntil(lambda: "Đã nhập danh-muc.json" in page.status.text(), timeout=30000)
    # the form shows what is stored now, so a later save cannot put the old tasks back
    assert editor.name.text() == "Địa chính (theo tệp nhập)" and editor.tasks.rowCount() == 2
    assert not editor.dirty() and page.position_table.currentIndex().isValid()


def test_tab_goes_from_the_buttons_to_the_table_and_on_into_the_form(qtbot: QtBot, page: CataloguesPage) -> None:
    page.activateWindow()
    page.new_position.setFocus()
    qtbot.waitUntil(page.new_position.hasFocus)
    seen = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen[:2] == [page.delete_position, page.position_table]
    assert all(page.position_editor.isAncestorOf(w) for w in seen[2:])


def test_a_service_refusal_is_shown_in_the_form_and_the_edits_stay(qtbot: QtBot, page: CataloguesPage,
                                                                  demo_db: Database) -> None:  # noqa: F811
    editor = open_position(qtbot, page, POSITION)
    editor.sections.setCurrentIndex(3)
    # the competency disappears from the catalogue while the form is open (another window, an import)
    editor.framework.add_row({"competency": "KHONG-CO", "required_level": 2})
    assert "không còn trong danh mục năng lực" in editor.framework.data(editor.framework.index(
        editor.framework.rowCount() - 1, 1))
    stored = snapshot(demo_db)
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    assert "năng lực «KHONG-CO» không có trong tệp hay trong cơ sở dữ liệu" in editor.general.text()
    assert not editor.general.isHidden() and editor.dirty()  # nothing lost: the form keeps the edits
    assert snapshot(demo_db) == stored
