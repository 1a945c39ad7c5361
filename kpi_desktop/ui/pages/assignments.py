"""Giao việc: products assigned to a person in a period, and what became of them.

A clerk (or a head, for their body) picks a period and a person, sees the task lines, assigns a
catalogue product (quantity, deadline, source), and on the selected task records a completion, a
quality failure or a delay — an exemption needs its approver and reason. The widgets only collect
input; every rule (rights, locked periods, validation) is the assignments service's, and its
messages appear next to the field they name.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.entities import AssignmentSource
from kpi_desktop.errors import InputError, KpiError
from kpi_desktop.services import assignments, evaluation
from kpi_desktop.services.authz import Action, allowed
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.fmt import fmt_date, fmt_quantity
from kpi_desktop.ui.labels import period_state_label
from kpi_desktop.ui.models.records import Column, RecordRole, RecordTableModel
from kpi_desktop.ui.pages.base import Page, heading
from kpi_desktop.ui.widgets.fields import FieldMessage, error_text, route_error
from kpi_desktop.ui.widgets.period_combo import fill_period_combo
from kpi_desktop.ui.widgets.tables import make_table, set_column_widths

SOURCES = assignments.SOURCES
RECORD_KINDS = ("complete", "quality", "delay")


def parse_date_text(text: str, field: str) -> date | None:
    """dd/mm/yyyy (or yyyy-mm-dd) → date; empty → None; anything else → InputError naming `field`."""
    text = text.strip()
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    message = QCoreApplication.translate(
        "AssignmentsPage", "Ngày «{text}» không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 31/03/2026.")
    raise InputError(message.format(text=text), field=field)


def _columns() -> list[Column[Any]]:
    return [
        Column("product", QCoreApplication.translate("AssignmentsPage", "Sản phẩm"),
               lambda v: v.product_code, tooltip=lambda v: v.product_name + ("\n" + "\n".join(v.warnings) if v.warnings else "")),
        Column("name", QCoreApplication.translate("AssignmentsPage", "Tên sản phẩm"), lambda v: v.product_name),
        Column("k", "k", lambda v: v.k, text=lambda v: fmt_quantity(v.k), numeric=True),
        Column("assigned", QCoreApplication.translate("AssignmentsPage", "Giao"), lambda v: v.quantity,
               text=lambda v: fmt_quantity(v.quantity), numeric=True),
        Column("completed", QCoreApplication.translate("AssignmentsPage", "Hoàn thành"), lambda v: v.completed,
               text=lambda v: fmt_quantity(v.completed), numeric=True),
        Column("exceeded", QCoreApplication.translate("AssignmentsPage", "Vượt"), lambda v: v.exceeded,
               text=lambda v: fmt_quantity(v.exceeded) if v.exceeded else "", numeric=True),
        Column("quality", QCoreApplication.translate("AssignmentsPage", "Lỗi (miễn)"), lambda v: v.quality_failures,
               text=lambda v: f"{v.quality_failures} ({v.quality_failures_exempt})", numeric=True),
        Column("delays", QCoreApplication.translate("AssignmentsPage", "Trễ hạn (miễn)"), lambda v: v.delays,
               text=lambda v: f"{v.delays} ({v.delays_exempt})", numeric=True),
        Column("deadline", QCoreApplication.translate("AssignmentsPage", "Hạn"), lambda v: v.deadline,
               text=lambda v: fmt_date(v.deadline), sort_key=lambda v: v.deadline or date.max),
        Column("source", QCoreApplication.translate("AssignmentsPage", "Nguồn"), lambda v: v.source,
               text=lambda v: v.source_vi),
    ]


def _line_edit(name: str, accessible: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


class AssignmentsPage(Page):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.can_edit = allowed(ctx.actor, Action.ASSIGNMENT_EDIT)
        self.periods: list[Any] = []
        self.people: list[Any] = []

        self.period_combo = QComboBox()
        self.period_combo.setObjectName("assignPeriod")
        self.period_combo.setAccessibleName(self.tr("Kỳ đánh giá"))
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("assignPerson")
        self.person_combo.setAccessibleName(self.tr("Người được giao"))
        self.period_state = QLabel()
        self.period_state.setObjectName("assignPeriodState")
        self.message = FieldMessage()
        self.message.setObjectName("assignMessage")
        self.info = QLabel()
        self.info.setObjectName("assignInfo")
        self.info.setWordWrap(True)

        self.model: RecordTableModel[Any] = RecordTableModel(_columns(), self)
        self.table = make_table(self.model, self.tr("Nhiệm vụ được giao trong kỳ"))
        self.table.setObjectName("assignmentTable")
        set_column_widths(self.table, [80, 220, 45, 55, 90, 55, 80, 110, 100])

        # Assign a product ---------------------------------------------------------------------------
        self.add_box = QGroupBox(self.tr("Giao sản phẩm"))
        self.add_box.setObjectName("addAssignmentBox")
        self.product_combo = QComboBox()
        self.product_combo.setObjectName("assignProduct")
        self.product_combo.setAccessibleName(self.tr("Sản phẩm"))
        self.quantity = _line_edit("assignQuantity", self.tr("Số lượng giao"), self.tr("ví dụ 10"))
        self.deadline = _line_edit("assignDeadline", self.tr("Hạn hoàn thành"), self.tr("ngày/tháng/năm"))
        self.source_combo = QComboBox()
        self.source_combo.setObjectName("assignSource")
        self.source_combo.setAccessibleName(self.tr("Nguồn giao việc"))
        for code in SOURCES:
            self.source_combo.addItem(AssignmentSource(code).label_vi, code)
        self.add_button = QPushButton(self.tr("Gia&o"))
        self.add_button.setObjectName("addAssignment")
        self.add_messages = {
            "product": FieldMessage(self.product_combo), "quantity": FieldMessage(self.quantity),
            "deadline": FieldMessage(self.deadline), "source": FieldMessage(self.source_combo),
            "person": FieldMessage(self.person_combo),
        }
        add_form = QFormLayout(self.add_box)
        for label, widget, key in ((self.tr("Sản &phẩm:"), self.product_combo, "product"),
                                   (self.tr("Số &lượng:"), self.quantity, "quantity"),
                                   (self.tr("&Hạn:"), self.deadline, "deadline"),
                                   (self.tr("Ng&uồn:"), self.source_combo, "source")):
            caption = QLabel(label)
            caption.setBuddy(widget)
            add_form.addRow(caption, widget)
            add_form.addRow(self.add_messages[key])
        add_form.addRow(self.add_button)

        # Record on the selected task ----------------------------------------------------------------
        self.record_box = QGroupBox(self.tr("Ghi nhận cho nhiệm vụ đang chọn"))
        self.record_box.setObjectName("recordBox")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("recordKind")
        self.kind_combo.setAccessibleName(self.tr("Loại ghi nhận"))
        for kind, text in zip(RECORD_KINDS, (self.tr("Hoàn thành"), self.tr("Lỗi chất lượng"), self.tr("Trễ hạn")),
                              strict=True):
            self.kind_combo.addItem(text, kind)
        self.amount = _line_edit("recordAmount", self.tr("Số lượng hoặc số lần"))
        self.record_date = _line_edit("recordDate", self.tr("Ngày"), self.tr("ngày/tháng/năm"))
        self.exempt = QCheckBox(self.tr("&Miễn trừ (nguyên nhân khách quan)"))
        self.exempt.setObjectName("recordExempt")
        self.exempt.setAccessibleName(self.tr("Miễn trừ"))
        self.approver = _line_edit("recordApprover", self.tr("Người xác nhận miễn trừ"))
        self.reason = _line_edit("recordReason", self.tr("Lý do miễn trừ"))
        self.record_button = QPushButton(self.tr("&Ghi nhận"))
        self.record_button.setObjectName("recordButton")
        self.remove_button = QPushButton(self.tr("Xoá nh&iệm vụ"))
        self.remove_button.setObjectName("removeAssignment")
        self.records = QListWidget()
        self.records.setObjectName("recordList")
        self.records.setAccessibleName(self.tr("Các ghi nhận của nhiệm vụ đang chọn"))
        self.records.setMaximumHeight(90)
        self.undo_button = QPushButton(self.tr("Xoá ghi nhận đã &chọn"))
        self.undo_button.setObjectName("removeRecord")
        self.record_messages = {
            "quantity": FieldMessage(self.amount), "count": FieldMessage(self.amount),
            "completed_on": FieldMessage(self.record_date), "approver": FieldMessage(self.approver),
            "reason": FieldMessage(self.reason), "assignment": FieldMessage(self.kind_combo),
        }
        self.record_messages["count"].setObjectName("recordCountError")
        record_form = QFormLayout(self.record_box)
        rows: tuple[tuple[str, QWidget, tuple[str, ...]], ...] = (
            (self.tr("Lo&ại:"), self.kind_combo, ("assignment",)),
            (self.tr("&Số lượng / số lần:"), self.amount, ("quantity", "count")),
            (self.tr("Ngà&y:"), self.record_date, ("completed_on",)),
            ("", self.exempt, ()),
            (self.tr("Người &xác nhận:"), self.approver, ("approver",)),
            (self.tr("Lý do miễn t&rừ:"), self.reason, ("reason",)))
        for label, row_widget, keys in rows:
            if label:
                caption = QLabel(label)
                caption.setBuddy(row_widget)
                record_form.addRow(caption, row_widget)
            else:
                record_form.addRow(row_widget)
            for key in keys:
                record_form.addRow(self.record_messages[key])
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.remove_button)
        record_form.addRow(buttons)
        record_form.addRow(self.records)
        record_form.addRow(self.undo_button)

        top = QHBoxLayout()
        for text, widget in ((self.tr("&Kỳ:"), self.period_combo), (self.tr("&Người:"), self.person_combo)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget)
        top.addWidget(self.period_state, 1)
        editors = QHBoxLayout()
        editors.addWidget(self.add_box)
        editors.addWidget(self.record_box)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Giao việc và ghi nhận kết quả")))
        layout.addLayout(top)
        layout.addWidget(self.add_messages["person"])
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.info)
        layout.addLayout(editors)
        self.add_box.setVisible(self.can_edit)
        self.record_box.setVisible(self.can_edit)

        self.period_combo.currentIndexChanged.connect(lambda _i: self._period_changed())
        self.person_combo.currentIndexChanged.connect(lambda _i: self._person_changed())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.exempt.toggled.connect(lambda _on: self._kind_changed())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.add_button.clicked.connect(lambda: self.add_assignment())
        self.record_button.clicked.connect(lambda: self.record())
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.undo_button.clicked.connect(lambda: self.remove_record())
        self._kind_changed()
        self.refresh()

    # selection -------------------------------------------------------------------------------------
    def current_period(self) -> Any:
        code = self.period_combo.currentData()
        return next((p for p in self.periods if p.code == code), None)

    def current_person_id(self) -> int | None:
        value = self.person_combo.currentData()
        return int(value) if value is not None else None

    def selected(self) -> Any:
        index = self.table.currentIndex()
        return self.model.data(index, RecordRole) if index.isValid() else None

    def select_period(self, code: str) -> None:
        self.period_combo.setCurrentIndex(self.period_combo.findData(code))

    def select_person(self, person_id: int) -> None:
        self.person_combo.setCurrentIndex(self.person_combo.findData(person_id))

    def _locked(self) -> bool:
        period = self.current_period()
        return period is not None and period.state == "locked"

    def _update_enabled(self) -> None:
        editable = self.can_edit and not self._locked() and self.current_person_id() is not None
        self.add_box.setEnabled(editable)
        self.record_box.setEnabled(editable and self.selected() is not None)

    # loading ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.period_combo.currentData()
        try:
            self.periods = evaluation.list_periods(self.ctx.db, self.ctx.actor)
        except KpiError as exc:
            self.message.show_message(error_text(exc))
            self.periods = []
        fill_period_combo(self.period_combo, self.periods, current)
        self._period_changed()

    def _period_changed(self) -> None:
        period = self.current_period()
        selected = self.current_person_id()
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        self.people = []
        if period is None:
            self.period_state.setText(self.tr("Chưa có kỳ đánh giá nào."))
        else:
            self.period_state.setText(self.tr("{state} · {start} – {end}").format(
                state=period_state_label(period.state), start=fmt_date(period.start_date),
                end=fmt_date(period.end_date)))
            try:
                self.people = assignments.assignable_people(self.ctx.db, self.ctx.actor, period.code)
            except KpiError as exc:
                self.message.show_message(error_text(exc))
            for p in self.people:
                self.person_combo.addItem(f"{p.full_name} ({p.code})", p.id)
            index = self.person_combo.findData(selected) if selected is not None else -1
            if index < 0 and self.ctx.actor.person_id is not None:
                index = self.person_combo.findData(self.ctx.actor.person_id)
            self.person_combo.setCurrentIndex(max(index, 0) if self.people else -1)
        self.person_combo.blockSignals(False)
        self._person_changed()

    def _person_changed(self) -> None:
        period = self.current_period()
        person_id = self.current_person_id()
        self.product_combo.clear()
        if period is not None and person_id is not None and self.can_edit:
            try:
                choices = assignments.product_choices(self.ctx.db, self.ctx.actor, period.code, person_id)
            except KpiError as exc:
                self.message.show_message(error_text(exc))
                choices = []
            for c in choices:
                suffix = "" if c.applicable else self.tr(" (ngoài vị trí việc làm)")
                self.product_combo.addItem(f"{c.code} — {c.name} (k = {fmt_quantity(c.k)}){suffix}", c.code)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        period = self.current_period()
        person_id = self.current_person_id()
        views: list[Any] = []
        if period is not None and person_id is not None:
            try:
                views = assignments.list_assignments(self.ctx.db, self.ctx.actor, period.code, person_id=person_id)
            except KpiError as exc:
                self.message.show_message(error_text(exc))
        self.model.set_records(views)
        row = self.model.row_of(lambda v: v.id == select_id) if select_id is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._selection_changed()

    def _selection_changed(self) -> None:
        view = self.selected()
        lines: list[str] = []
        if view is not None:
            lines.append(self.tr("Nhiệm vụ #{id}: {product} — giao {assigned}, hoàn thành {done}.").format(
                id=view.id, product=view.product_name, assigned=fmt_quantity(view.quantity),
                done=fmt_quantity(view.completed)))
            if view.exceeded:
                lines.append(self.tr("Vượt {n} so với số được giao (báo cáo riêng, không cộng vào điểm).")
                             .format(n=fmt_quantity(view.exceeded)))
            lines.extend(view.warnings)
        self.info.setText("\n".join(lines))
        self.records.clear()
        if view is not None:
            for c in view.completions:
                self._add_record_item(self.tr("Hoàn thành {n} ngày {day}").format(
                    n=fmt_quantity(c.quantity), day=fmt_date(c.completed_on)), "completion", c.id)
            for i in view.incidents:
                text = (self.tr("Lỗi chất lượng: {n} lần") if i.kind == "quality"
                        else self.tr("Trễ hạn: {n} lần")).format(n=i.count)
                if i.occurred_on:
                    text += self.tr(" ngày {day}").format(day=fmt_date(i.occurred_on))
                if i.exempt:
                    text += self.tr(" — miễn trừ ({approver}: {reason})").format(approver=i.approver, reason=i.reason)
                self._add_record_item(text, i.kind, i.id)
        self._update_enabled()

    def _add_record_item(self, text: str, kind: str, record_id: int) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, (kind, record_id))
        self.records.addItem(item)

    def _kind_changed(self) -> None:
        complete = self.kind_combo.currentData() == "complete"
        self.exempt.setEnabled(not complete)
        exempt = self.exempt.isChecked() and not complete
        self.approver.setEnabled(exempt)
        self.reason.setEnabled(exempt)
        self.amount.setPlaceholderText(self.tr("ví dụ 10") if complete else self.tr("ví dụ 1"))

    def _clear(self, messages: dict[str, FieldMessage]) -> None:
        self.message.clear_message()
        for m in messages.values():
            m.clear_message()

    # actions ---------------------------------------------------------------------------------------
    def add_assignment(self) -> bool:
        self._clear(self.add_messages)
        period, person_id = self.current_period(), self.current_person_id()
        if period is None or person_id is None:
            self.add_messages["person"].show_message(self.tr("Hãy chọn kỳ và người được giao."))
            return False
        code = self.product_combo.currentData()
        if code is None:
            self.add_messages["product"].show_message(self.tr("Hãy chọn sản phẩm trong danh mục."))
            return False
        try:
            deadline = parse_date_text(self.deadline.text(), "deadline")
            view = assignments.assign_product(self.ctx.db, self.ctx.actor, period.code, person_id, code,
                                              self.quantity.text(), deadline=deadline,
                                              source=self.source_combo.currentData())
        except KpiError as exc:
            route_error(exc, self.add_messages, self.message)
            return False
        self.quantity.clear()
        self.deadline.clear()
        self.reload(view.id)
        self.changed.emit()
        return True

    def record(self) -> bool:
        self._clear(self.record_messages)
        view = self.selected()
        if view is None:
            self.record_messages["assignment"].show_message(self.tr("Hãy chọn một nhiệm vụ trong bảng."))
            return False
        kind = self.kind_combo.currentData()
        try:
            when = parse_date_text(self.record_date.text(), "completed_on")
            if kind == "complete":
                if when is None:
                    raise InputError(self.tr("Hãy nhập ngày hoàn thành."), field="completed_on")
                assignments.record_completion(self.ctx.db, self.ctx.actor, view.id, self.amount.text(), when)
            else:
                record = assignments.record_quality_failure if kind == "quality" else assignments.record_delay
                record(self.ctx.db, self.ctx.actor, view.id, self.amount.text().strip() or "1", occurred_on=when,
                       exempt=self.exempt.isChecked(), approver=self.approver.text(), reason=self.reason.text())
        except KpiError as exc:
            route_error(exc, self.record_messages, self.message)
            return False
        for edit in (self.amount, self.approver, self.reason):
            edit.clear()
        self.exempt.setChecked(False)
        self.reload(view.id)
        self.changed.emit()
        return True

    def remove_record(self) -> bool:
        self._clear(self.record_messages)
        view, item = self.selected(), self.records.currentItem()
        if view is None or item is None:
            self.record_messages["assignment"].show_message(self.tr("Hãy chọn một ghi nhận trong danh sách."))
            return False
        kind, record_id = item.data(Qt.ItemDataRole.UserRole)
        try:
            assignments.remove_record(self.ctx.db, self.ctx.actor, kind, record_id)
        except KpiError as exc:
            route_error(exc, self.record_messages, self.message)
            return False
        self.reload(view.id)
        self.changed.emit()
        return True

    def remove_selected(self, *, confirm: bool = True) -> bool:
        self._clear(self.record_messages)
        view = self.selected()
        if view is None:
            self.record_messages["assignment"].show_message(self.tr("Hãy chọn một nhiệm vụ trong bảng."))
            return False
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Xoá nhiệm vụ"),
                self.tr("Xoá nhiệm vụ «{product}» của {name} cùng mọi ghi nhận hoàn thành, lỗi, trễ hạn?").format(
                    product=view.product_name, name=view.person_name))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            assignments.remove_assignment(self.ctx.db, self.ctx.actor, view.id)
        except KpiError as exc:
            route_error(exc, self.record_messages, self.message)
            return False
        self.reload()
        self.changed.emit()
        return True
