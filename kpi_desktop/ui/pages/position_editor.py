"""The form for one job position: its fields, its job description with the task table, and its
competency framework. It reads and writes the catalogue service's JSON form of a position
(`catalog.position_document` / `catalog.save_items`); the page does the saving.

Versions: by default a save corrects the current version in place (the service keeps the version as it
was before its first change in the position's history); "Lưu thành phiên bản mới" raises the version, so
the new description sits beside the old one, effective from the chosen date.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.entities import PersonCategory, PositionGroup
from kpi_desktop.ui.fmt import fmt_date
from kpi_desktop.ui.labels import label
from kpi_desktop.ui.models.rows import RowColumn, RowsDelegate, RowsModel
from kpi_desktop.ui.widgets.fields import FieldMessage
from kpi_desktop.ui.widgets.tables import set_column_widths

TEXT_FIELDS = ("objective", "working_relations", "scope_of_authority", "requirements", "conditions")
MAX_LEN = {"code": 30, "name": 200, "field": 150, "framework_list": 40, "framework_code": 30}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _line(text: str) -> str:
    return " ".join(_nfc(text).split())


def _block(text: str) -> str:
    return _nfc(text).strip()


def _blank_position() -> dict[str, Any]:
    return {"code": "", "name": "", "group": PositionGroup.CHUYEN_MON_NGHIEP_VU.value, "framework_list": "",
            "framework_code": None, "category": PersonCategory.CONG_CHUC.value, "field": None,
            "career_step_min": None, "career_step_max": None, "provenance": "R", "version": 1,
            "effective_from": None, "active": True, "sort_order": 0, "note": None, "description": None,
            "competencies": []}


class PositionEditor(QGroupBox):
    """Edit one position; `dirty()` tells whether there are unsaved changes, `validate()` checks the form
    and shows each problem next to its field, `edited()` is the document to save."""

    dirty_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Vị trí việc làm đang chọn"))
        self.original: dict[str, Any] | None = None
        self.is_new = False
        self.code_exists: Callable[[str], bool] = lambda _code: False
        self._competencies: dict[str, Any] = {}  # code → catalog.CompetencyRow
        self._loaded: dict[str, Any] | None = None
        self._loading = False

        self.header = QLabel()
        self.header.setObjectName("positionHeader")
        self.header.setWordWrap(True)
        self.sections = QTabWidget()
        self.sections.setObjectName("positionSections")
        self.sections.addTab(self._general_tab(), self.tr("Thông tin &chung"))
        self.sections.addTab(self._description_tab(), self.tr("&Bản mô tả"))
        self.sections.addTab(self._tasks_tab(), self.tr("N&hiệm vụ"))
        self.sections.addTab(self._framework_tab(), self.tr("&Khung năng lực"))

        self.new_version = QCheckBox(self.tr("Lưu thành &phiên bản mới, hiệu lực từ"))
        self.new_version.setObjectName("positionNewVersion")
        self.new_version.setToolTip(self.tr(
            "Không chọn: đính chính phiên bản hiện tại (nội dung cũ vẫn được giữ trong lịch sử). "
            "Chọn: tạo phiên bản mới; bản mô tả cũ được giữ nguyên bên cạnh."))
        self.version_date = QDateEdit()
        self.version_date.setObjectName("positionVersionDate")
        self.version_date.setAccessibleName(self.tr("Ngày hiệu lực của phiên bản mới"))
        self.version_date.setDisplayFormat("dd/MM/yyyy")
        self.version_date.setCalendarPopup(True)
        self.version_date.setEnabled(False)
        self.new_version.toggled.connect(self.version_date.setEnabled)
        version_row = QHBoxLayout()
        version_row.addWidget(self.new_version)
        version_row.addWidget(self.version_date)
        version_row.addStretch(1)
        self.messages["version"] = FieldMessage(self.version_date)

        self.save = QPushButton(self.tr("&Lưu"))
        self.save.setObjectName("savePosition")
        self.save.setToolTip(self.tr("Lưu các thay đổi (Ctrl+S)"))
        self.discard = QPushButton(self.tr("&Bỏ thay đổi"))
        self.discard.setObjectName("discardPosition")
        self.discard.setToolTip(self.tr("Trở về nội dung đã lưu (Esc)"))
        self.general = FieldMessage()
        self.general.setObjectName("positionError")
        self.general.setAccessibleName(self.tr("Lỗi khi lưu vị trí việc làm"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.discard)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.sections, 1)
        layout.addLayout(version_row)
        layout.addWidget(self.messages["version"])
        layout.addLayout(buttons)
        layout.addWidget(self.general)

        self.new_version.toggled.connect(self._changed)
        self.version_date.dateChanged.connect(self._changed)
        self.set_position(None)

    # building ----------------------------------------------------------------------------------------
    def _line_edit(self, name: str, accessible: str, max_len: int | None = None) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        if max_len:
            edit.setMaxLength(max_len)
        edit.textChanged.connect(self._changed)
        return edit

    def _text_edit(self, name: str, accessible: str, lines: int = 3) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
        edit.textChanged.connect(self._changed)
        return edit

    def _combo(self, name: str, accessible: str, items: Sequence[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        for value, text in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def _step(self, name: str, accessible: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setAccessibleName(accessible)
        spin.setRange(0, 5)
        spin.setSpecialValueText(self.tr("—"))  # 0: not set
        spin.valueChanged.connect(self._changed)
        return spin

    def _scroll(self, form: QFormLayout) -> QScrollArea:
        """The form at the top of a scrollable tab (spare height stays below the last field)."""
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addLayout(form)
        column.addStretch(1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(inner)
        return area

    def _general_tab(self) -> QWidget:
        self.code = self._line_edit("positionCode", self.tr("Mã vị trí"), MAX_LEN["code"])
        self.name = self._line_edit("positionName", self.tr("Tên vị trí việc làm"), MAX_LEN["name"])
        self.group = self._combo("positionGroup", self.tr("Nhóm vị trí"), [(g.value, label(g)) for g in PositionGroup])
        self.category = self._combo("positionCategory", self.tr("Đối tượng"),
                                    [(c.value, label(c)) for c in PersonCategory])
        self.field = self._line_edit("positionField", self.tr("Lĩnh vực"), MAX_LEN["field"])
        self.framework_list = self._line_edit("positionFrameworkList", self.tr("Danh mục khung"),
                                              MAX_LEN["framework_list"])
        self.framework_code = self._line_edit("positionFrameworkCode", self.tr("Số thứ tự trong danh mục"),
                                              MAX_LEN["framework_code"])
        self.step_min = self._step("positionStepMin", self.tr("Bậc thấp nhất"))
        self.step_max = self._step("positionStepMax", self.tr("Bậc cao nhất"))
        self.active = QCheckBox(self.tr("Đang &dùng"))
        self.active.setObjectName("positionActive")
        self.active.toggled.connect(self._changed)
        self.note = self._text_edit("positionNote", self.tr("Ghi chú"), 2)
        self.messages: dict[str, FieldMessage] = {
            "code": FieldMessage(self.code), "name": FieldMessage(self.name),
            "career_step_max": FieldMessage(self.step_max)}
        steps = QHBoxLayout()
        steps.addWidget(self.step_min)
        steps.addWidget(QLabel(self.tr("đến")))
        steps.addWidget(self.step_max)
        steps.addStretch(1)
        form = QFormLayout()
        form.addRow(self._buddy(self.tr("&Mã:"), self.code), self.code)
        form.addRow("", self.messages["code"])
        form.addRow(self._buddy(self.tr("&Tên:"), self.name), self.name)
        form.addRow("", self.messages["name"])
        form.addRow(self._buddy(self.tr("&Nhóm:"), self.group), self.group)
        form.addRow(self._buddy(self.tr("Đối &tượng:"), self.category), self.category)
        form.addRow(self._buddy(self.tr("&Lĩnh vực:"), self.field), self.field)
        form.addRow(self._buddy(self.tr("Danh mục &khung:"), self.framework_list), self.framework_list)
        form.addRow(self._buddy(self.tr("Số thứ tự trong danh &mục:"), self.framework_code), self.framework_code)
        form.addRow(self._buddy(self.tr("&Bậc (thấp nhất, cao nhất):"), self.step_min), steps)
        form.addRow("", self.messages["career_step_max"])
        form.addRow("", self.active)
        form.addRow(self._buddy(self.tr("&Ghi chú:"), self.note), self.note)
        return self._scroll(form)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        lbl = QLabel(text)
        lbl.setBuddy(widget)
        return lbl

    def _description_tab(self) -> QWidget:
        self.texts = {
            "objective": self._text_edit("descObjective", self.tr("Mục tiêu của vị trí"), 3),
            "working_relations": self._text_edit("descRelations", self.tr("Mối quan hệ công việc"), 4),
            "scope_of_authority": self._text_edit("descAuthority", self.tr("Phạm vi quyền hạn"), 4),
            "requirements": self._text_edit("descRequirements", self.tr("Yêu cầu trình độ, năng lực"), 4),
            "conditions": self._text_edit("descConditions", self.tr("Điều kiện làm việc"), 3),
        }
        self.messages["objective"] = FieldMessage(self.texts["objective"])
        self.description_version = QLabel()
        self.description_version.setObjectName("descVersion")
        self.description_version.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.description_version)
        form.addRow(self._buddy(self.tr("&Mục tiêu:"), self.texts["objective"]), self.texts["objective"])
        form.addRow("", self.messages["objective"])
        form.addRow(self._buddy(self.tr("Mối &quan hệ công việc:"), self.texts["working_relations"]),
                    self.texts["working_relations"])
        form.addRow(self._buddy(self.tr("&Phạm vi quyền hạn:"), self.texts["scope_of_authority"]),
                    self.texts["scope_of_authority"])
        form.addRow(self._buddy(self.tr("&Yêu cầu trình độ, năng lực:"), self.texts["requirements"]),
                    self.texts["requirements"])
        form.addRow(self._buddy(self.tr("Điều &kiện làm việc:"), self.texts["conditions"]), self.texts["conditions"])
        return self._scroll(form)

    def _table(self, model: RowsModel, name: str, accessible: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setAccessibleName(accessible)
        view.setModel(model)
        delegate = RowsDelegate(view)
        delegate.typing.connect(self._cell_typing)
        view.setItemDelegate(delegate)
        delegate.closeEditor.connect(lambda *_args: self._changed())  # Esc in a cell: back to the real state
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        view.setTabKeyNavigation(False)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return view

    def _tasks_tab(self) -> QWidget:
        kinds = [("chuyen_mon", self.tr("Chuyên môn")), ("quan_ly", self.tr("Quản lý")), ("ho_tro", self.tr("Hỗ trợ"))]
        self.tasks = RowsModel([
            RowColumn("seq", self.tr("STT"), "int", lo=1),
            RowColumn("kind", self.tr("Loại"), "choice", choices=kinds),
            RowColumn("task", self.tr("Công việc")),
            RowColumn("output_products", self.tr("Sản phẩm đầu ra")),
            RowColumn("evaluation_criteria", self.tr("Tiêu chí đánh giá")),
            RowColumn("career_step", self.tr("Bậc"), "int", lo=1, hi=5, optional=True),
        ], self)
        self.task_table = self._table(self.tasks, "taskTable", self.tr("Nhiệm vụ của vị trí"))
        set_column_widths(self.task_table, [44, 96, 260, 180, 180])
        self.add_task = QPushButton(self.tr("Thêm nhiệ&m vụ"))
        self.add_task.setObjectName("addTask")
        self.remove_task = QPushButton(self.tr("&Xoá nhiệm vụ đã chọn"))
        self.remove_task.setObjectName("removeTask")
        self.messages["tasks"] = FieldMessage(self.task_table)
        self.tasks.changed.connect(self._changed)
        self.tasks.changed.connect(self.messages["tasks"].clear_message)
        self.tasks.refused.connect(self.messages["tasks"].show_message)
        self.add_task.clicked.connect(self._add_task)
        self.remove_task.clicked.connect(self._remove_task)
        hint = QLabel(self.tr("Nhấn đúp hoặc F2 để sửa một ô; Enter để ghi, Esc để thôi."))
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_task)
        buttons.addWidget(self.remove_task)
        buttons.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.task_table, 1)
        layout.addWidget(self.messages["tasks"])
        layout.addWidget(hint)
        layout.addLayout(buttons)
        return tab

    def _framework_tab(self) -> QWidget:
        def comp(row: dict[str, Any]) -> Any:
            return self._competencies.get(row.get("competency") or "")

        def name(row: dict[str, Any]) -> str:
            c = comp(row)
            return c.name if c is not None else self.tr("(không còn trong danh mục năng lực)")

        def descriptor(row: dict[str, Any]) -> str:
            c = comp(row)
            return c.levels.get(row.get("required_level") or 0, "") if c is not None else ""

        self.framework = RowsModel([
            RowColumn("competency", self.tr("Mã"), "view", display=lambda r: str(r.get("competency") or "")),
            RowColumn("name", self.tr("Năng lực"), "view", display=name),
            RowColumn("required_level", self.tr("Cấp độ yêu cầu"), "int", lo=1, hi=5),
            RowColumn("descriptor", self.tr("Biểu hiện ở cấp độ đó"), "view", display=descriptor),
        ], self)
        self.framework_table = self._table(self.framework, "frameworkTable", self.tr("Khung năng lực của vị trí"))
        set_column_widths(self.framework_table, [80, 220, 110])
        self.messages["competencies"] = FieldMessage(self.framework_table)
        self.framework.changed.connect(self._changed)
        self.framework.changed.connect(self.messages["competencies"].clear_message)
        self.framework.changed.connect(self._fill_addable)
        self.framework.refused.connect(self.messages["competencies"].show_message)
        self.add_competency = QComboBox()
        self.add_competency.setObjectName("addCompetencyChoice")
        self.add_competency.setAccessibleName(self.tr("Năng lực để thêm vào khung"))
        self.add_level = QSpinBox()
        self.add_level.setObjectName("addCompetencyLevel")
        self.add_level.setAccessibleName(self.tr("Cấp độ yêu cầu của năng lực thêm vào"))
        self.add_level.setRange(1, 5)
        self.add_level.setValue(3)
        self.add_competency_button = QPushButton(self.tr("&Thêm vào khung"))
        self.add_competency_button.setObjectName("addCompetency")
        self.remove_competency = QPushButton(self.tr("Bỏ năng lực đã &chọn"))
        self.remove_competency.setObjectName("removeCompetency")
        self.add_competency_button.clicked.connect(self._add_competency)
        self.remove_competency.clicked.connect(self._remove_competency)
        add_row = QHBoxLayout()
        add_label = QLabel(self.tr("&Năng lực:"))
        add_label.setBuddy(self.add_competency)
        add_row.addWidget(add_label)
        add_row.addWidget(self.add_competency, 1)
        level_label = QLabel(self.tr("cấp độ"))
        level_label.setBuddy(self.add_level)
        add_row.addWidget(level_label)
        add_row.addWidget(self.add_level)
        add_row.addWidget(self.add_competency_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_competency)
        buttons.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.framework_table, 1)
        layout.addWidget(self.messages["competencies"])
        layout.addLayout(add_row)
        layout.addLayout(buttons)
        return tab

    # loading -----------------------------------------------------------------------------------------
    def set_competencies(self, rows: Sequence[Any]) -> None:
        self._competencies = {c.code: c for c in rows}
        self._fill_addable()
        self.framework.refresh_view_columns()

    def _fill_addable(self) -> None:
        used = {r["competency"] for r in self.framework.rows()}
        current = self.add_competency.currentData()
        self.add_competency.blockSignals(True)
        self.add_competency.clear()
        for code, comp in self._competencies.items():
            if code not in used:
                self.add_competency.addItem(f"{code} — {comp.name}", code)
        self.add_competency.setCurrentIndex(max(0, self.add_competency.findData(current)))
        self.add_competency.blockSignals(False)
        self.add_competency_button.setEnabled(self.add_competency.count() > 0)

    def set_position(self, doc: dict[str, Any] | None, *, new: bool = False) -> None:
        """Show `doc` (the service's JSON form), a blank new position (`new=True`), or nothing."""
        if new:
            doc = _blank_position()
        self.original = doc
        self.is_new = new
        self.setEnabled(doc is not None)
        self.clear_messages()
        self._loading = True
        try:
            self._fill(doc or _blank_position())
        finally:
            self._loading = False
        self._loaded = self.snapshot() if doc is not None else None
        self._changed()

    def _fill(self, doc: dict[str, Any]) -> None:
        self.code.setText(doc.get("code") or "")
        self.code.setReadOnly(not self.is_new)
        self.name.setText(doc.get("name") or "")
        self.group.setCurrentIndex(max(0, self.group.findData(doc.get("group"))))
        self.category.setCurrentIndex(max(0, self.category.findData(doc.get("category"))))
        self.field.setText(doc.get("field") or "")
        self.framework_list.setText(doc.get("framework_list") or "")
        self.framework_code.setText(doc.get("framework_code") or "")
        self.step_min.setValue(doc.get("career_step_min") or 0)
        self.step_max.setValue(doc.get("career_step_max") or 0)
        self.active.setChecked(bool(doc.get("active", True)))
        self.note.setPlainText(doc.get("note") or "")
        desc = doc.get("description") or {}
        for key, edit in self.texts.items():
            edit.setPlainText(desc.get(key) or "")
        self.tasks.set_rows([{k: t.get(k) for k in ("seq", "kind", "task", "output_products",
                                                    "evaluation_criteria", "career_step")}
                             for t in desc.get("tasks") or []])
        self.framework.set_rows([{"competency": c["competency"], "required_level": c["required_level"]}
                                 for c in doc.get("competencies") or []])
        self._fill_addable()
        version = int(doc.get("version") or 1)
        self.new_version.setChecked(False)
        self.new_version.setVisible(not self.is_new and self.original is not None)
        self.version_date.setVisible(not self.is_new and self.original is not None)
        self.version_date.setDate(QDate.currentDate())
        if self.original is None:
            self.header.clear()
            self.description_version.clear()
        elif self.is_new:
            self.header.setText(self.tr("Vị trí việc làm mới: nhập mã, tên và các mục cần thiết rồi bấm Lưu."))
            self.description_version.setText(self.tr("Bản mô tả mới."))
        else:
            since = fmt_date(date.fromisoformat(doc["effective_from"])) if doc.get("effective_from") else ""
            self.header.setText((self.tr("{code}: phiên bản {version}, hiệu lực từ {date}") if since else
                                 self.tr("{code}: phiên bản {version}")).format(
                code=doc["code"], version=version, date=since))
            if desc:
                self.description_version.setText(self.tr("Bản mô tả phiên bản {version}.").format(
                    version=desc.get("version")))
            else:
                self.description_version.setText(self.tr("Vị trí này chưa có bản mô tả; nhập mục tiêu để tạo."))

    # state -------------------------------------------------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        """What the form says now, as plain values (compared with the loaded state for `dirty`)."""
        return {
            "code": _line(self.code.text()), "name": _line(self.name.text()), "group": self.group.currentData(),
            "category": self.category.currentData(), "field": _line(self.field.text()),
            "framework_list": _line(self.framework_list.text()), "framework_code": _line(self.framework_code.text()),
            "career_step_min": self.step_min.value() or None, "career_step_max": self.step_max.value() or None,
            "active": self.active.isChecked(), "note": _block(self.note.toPlainText()),
            "texts": {k: _block(e.toPlainText()) for k, e in self.texts.items()},
            "tasks": self.tasks.rows(), "competencies": self.framework.rows(),
            "new_version": self.new_version.isChecked() and self.new_version.isVisible(),
            "version_date": self.version_date.date().toString("yyyy-MM-dd") if self.new_version.isChecked() else "",
        }

    def dirty(self) -> bool:
        if self.original is None or self._loaded is None:
            return False
        return self.snapshot() != self._loaded

    def revert(self) -> None:
        self.set_position(self.original, new=self.is_new)

    def clear_messages(self) -> None:
        for message in (*self.messages.values(), self.general):
            message.clear_message()

    def _changed(self) -> None:
        if self._loading:
            return
        dirty = self.dirty()
        self.save.setEnabled(dirty)
        self.discard.setEnabled(dirty)
        self.remove_task.setEnabled(self.tasks.rowCount() > 0)
        self.remove_competency.setEnabled(self.framework.rowCount() > 0)
        self.dirty_changed.emit(dirty)

    def _cell_typing(self) -> None:
        """A cell is being edited: Save (which first writes the cell) and Discard are offered already."""
        if self.original is not None:
            self.save.setEnabled(True)
            self.discard.setEnabled(True)

    # rows --------------------------------------------------------------------------------------------
    def _add_task(self) -> None:
        seqs = [r["seq"] for r in self.tasks.rows() if isinstance(r.get("seq"), int)]
        row = self.tasks.add_row({"seq": max(seqs, default=0) + 1, "kind": "chuyen_mon", "task": "",
                                  "output_products": "", "evaluation_criteria": "", "career_step": None})
        index = self.tasks.index(row, 2)
        self.task_table.setCurrentIndex(index)
        self.task_table.setFocus()
        self.task_table.edit(index)

    def _remove_task(self) -> None:
        row = self.task_table.currentIndex().row()
        if row < 0 and self.tasks.rowCount():
            row = self.tasks.rowCount() - 1
        self.tasks.remove_row(row)
        self.messages["tasks"].clear_message()

    def _add_competency(self) -> None:
        code = self.add_competency.currentData()
        if not code:
            return
        row = self.framework.add_row({"competency": code, "required_level": self.add_level.value()})
        self.framework_table.setCurrentIndex(self.framework.index(row, 2))
        self.messages["competencies"].clear_message()

    def _remove_competency(self) -> None:
        row = self.framework_table.currentIndex().row()
        if row >= 0:
            self.framework.remove_row(row)
            self.messages["competencies"].clear_message()

    def cancel_cell_edit(self) -> bool:
        """Close an open cell editor without keeping its text; True if there was one (Esc)."""
        focus = QApplication.focusWidget()
        for view in (self.task_table, self.framework_table):
            if view.state() == QAbstractItemView.State.EditingState and focus is not None \
                    and view.viewport().isAncestorOf(focus):
                view.itemDelegate().closeEditor.emit(focus, QAbstractItemDelegate.EndEditHint.RevertModelCache)
                view.setFocus()
                return True
        return False

    def commit_cell_edit(self) -> None:
        """Write an open cell editor's text into its row (Ctrl+S while typing in a cell)."""
        focus = QApplication.focusWidget()
        for view in (self.task_table, self.framework_table):
            if view.state() == QAbstractItemView.State.EditingState and focus is not None \
                    and view.viewport().isAncestorOf(focus):
                delegate = view.itemDelegate()
                delegate.commitData.emit(focus)
                delegate.closeEditor.emit(focus, QAbstractItemDelegate.EndEditHint.NoHint)

    # validation and the document ---------------------------------------------------------------------
    def validate(self) -> bool:
        self.clear_messages()
        now = self.snapshot()
        problems: list[tuple[int, QWidget]] = []

        def bad(key: str, text: str, tab: int, widget: QWidget) -> None:
            self.messages[key].show_message(text)
            problems.append((tab, widget))

        if self.is_new:
            if not now["code"]:
                bad("code", self.tr("Hãy nhập mã vị trí (ví dụ XA-CM-20)."), 0, self.code)
            elif any(ch.isspace() for ch in now["code"]):
                bad("code", self.tr("Mã vị trí không được có dấu cách."), 0, self.code)
            elif self.code_exists(now["code"]):
                bad("code", self.tr("Mã «{code}» đã có trong danh mục; hãy chọn mã khác.").format(code=now["code"]),
                    0, self.code)
        if not now["name"]:
            bad("name", self.tr("Tên vị trí việc làm không được để trống."), 0, self.name)
        lo, hi = now["career_step_min"], now["career_step_max"]
        if lo is not None and hi is not None and lo > hi:
            bad("career_step_max", self.tr("Bậc cao nhất ({hi}) nhỏ hơn bậc thấp nhất ({lo}).").format(hi=hi, lo=lo),
                0, self.step_max)
        since = (self.original or {}).get("effective_from")
        if now["new_version"] and since and now["version_date"] <= since:
            bad("version", self.tr("Phiên bản mới phải có hiệu lực sau ngày {date} của phiên bản hiện tại.").format(
                date=fmt_date(date.fromisoformat(since))), self.sections.currentIndex(), self.version_date)
        if self._has_description(now) and not now["texts"]["objective"]:
            bad("objective", self.tr("Bản mô tả cần có mục tiêu của vị trí."), 1, self.texts["objective"])
        task_problem = self._task_problem(now["tasks"])
        if task_problem is not None:
            row, text = task_problem
            bad("tasks", text, 2, self.task_table)
            self.task_table.setCurrentIndex(self.tasks.index(row, 2))
        levels = [r for r in now["competencies"] if not (isinstance(r["required_level"], int)
                                                         and 1 <= r["required_level"] <= 5)]
        if levels:
            bad("competencies", self.tr("Năng lực «{code}»: cấp độ yêu cầu phải từ 1 đến 5.").format(
                code=levels[0]["competency"]), 3, self.framework_table)
        if problems:
            tab, widget = problems[0]
            self.sections.setCurrentIndex(tab)
            widget.setFocus()
        return not problems

    def _task_problem(self, tasks: list[dict[str, Any]]) -> tuple[int, str] | None:
        seen: set[int] = set()
        for i, task in enumerate(tasks):
            if not (task.get("task") or "").strip():
                return i, self.tr("Nhiệm vụ số {seq}: chưa nhập nội dung công việc.").format(seq=task.get("seq"))
            if task.get("seq") in seen:
                return i, self.tr("Số thứ tự {seq} bị trùng; mỗi nhiệm vụ một số.").format(seq=task.get("seq"))
            seen.add(task["seq"])
        return None

    def _has_description(self, now: dict[str, Any]) -> bool:
        original = (self.original or {}).get("description")
        return bool(original) or any(now["texts"].values()) or bool(now["tasks"])

    def edited(self) -> dict[str, Any]:
        """The position in the service's JSON form (for `catalog.save_items`)."""
        assert self.original is not None
        now = self.snapshot()
        doc = {k: v for k, v in self.original.items()
               if k not in ("description", "other_descriptions", "descriptions", "competencies")}
        doc.update(code=now["code"], name=now["name"], group=now["group"], category=now["category"],
                   field=now["field"] or None, framework_list=now["framework_list"],
                   framework_code=now["framework_code"] or None, career_step_min=now["career_step_min"],
                   career_step_max=now["career_step_max"], active=now["active"], note=now["note"] or None)
        version = int(self.original.get("version") or 1)
        old_desc = self.original.get("description")
        if now["new_version"]:
            version += 1
            doc["effective_from"] = now["version_date"]
        doc["version"] = version
        if self._has_description(now):
            if now["new_version"] or not old_desc:
                desc_version, since = version, doc.get("effective_from")
            else:
                desc_version, since = old_desc["version"], old_desc.get("effective_from")
            doc["description"] = {
                "version": desc_version, "effective_from": since, **now["texts"],
                "tasks": [{**t, "kind": t.get("kind") or "chuyen_mon"} for t in sorted(now["tasks"],
                                                                                        key=lambda t: t["seq"])],
            }
        else:
            doc["description"] = None
        doc["competencies"] = [{"competency": r["competency"], "required_level": r["required_level"]}
                               for r in now["competencies"]]
        return doc

    def focus_first_field(self) -> None:
        self.sections.setCurrentIndex(0)
        (self.code if self.is_new else self.name).setFocus()
