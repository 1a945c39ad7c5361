"""The form for one product (name, unit, complexity group, coefficient k, status) with validation next
to each field; also used for a new product (the code is then typed in and checked)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from kpi_desktop.domain.entities import ComplexityGroup, ProductStatus
from kpi_desktop.ui.fmt import fmt_quantity
from kpi_desktop.ui.labels import label
from kpi_desktop.ui.widgets.fields import FieldMessage

K_MAX = Decimal("100")


def blank_product() -> dict[str, Any]:
    return {"code": "", "name": "", "unit_of_measure": "", "work_group": None,
            "complexity_group": ComplexityGroup.N1.value,
            "k": "1", "standard_points": None, "standard_hours": None, "status": ProductStatus.OFFICIAL.value,
            "version": 1, "effective_from": None, "description": "", "active": True, "positions": []}


class ProductEditor(QGroupBox):
    """Edit one product; `dirty()` tells whether there are unsaved changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Sản phẩm đang chọn"))
        self.original: dict[str, Any] | None = None
        self.is_new = False
        self.code_exists: Callable[[str], bool] = lambda _code: False
        self.code = QLineEdit()
        self.code.setObjectName("productCode")
        self.code.setAccessibleName(self.tr("Mã sản phẩm"))
        self.code.setMaxLength(30)
        self.name = QLineEdit()
        self.name.setObjectName("productName")
        self.name.setAccessibleName(self.tr("Tên sản phẩm"))
        self.unit = QLineEdit()
        self.unit.setObjectName("productUnit")
        self.unit.setAccessibleName(self.tr("Đơn vị tính"))
        self.group = QComboBox()
        self.group.setObjectName("productGroup")
        self.group.setAccessibleName(self.tr("Nhóm độ phức tạp"))
        for g in ComplexityGroup:
            self.group.addItem(f"{g.value} — {label(g)}", g.value)
        self.k = QLineEdit()
        self.k.setObjectName("productK")
        self.k.setAccessibleName(self.tr("Hệ số k"))
        self.status = QComboBox()
        self.status.setObjectName("productStatus")
        self.status.setAccessibleName(self.tr("Trạng thái"))
        for st in ProductStatus:
            self.status.addItem(label(st), st.value)
        self.active = QCheckBox(self.tr("Đang dùng"))
        self.active.setObjectName("productActive")
        self.position_list = QListWidget()
        self.position_list.setObjectName("productPositions")
        self.position_list.setAccessibleName(self.tr("Vị trí việc làm áp dụng sản phẩm"))
        self.position_list.setToolTip(self.tr("Đánh dấu các vị trí việc làm được giao sản phẩm này (phím cách để chọn)."))
        self.position_list.setMinimumHeight(self.position_list.fontMetrics().height() * 6)
        self.messages = {"code": FieldMessage(self.code), "name": FieldMessage(self.name), "unit_of_measure": FieldMessage(self.unit),
                         "k": FieldMessage(self.k)}
        self.general = FieldMessage()
        self.general.setObjectName("productError")
        self.save = QPushButton(self.tr("&Lưu"))
        self.save.setObjectName("saveProduct")
        self.discard = QPushButton(self.tr("&Bỏ thay đổi"))
        self.discard.setObjectName("discardProduct")
        form = QFormLayout(self)
        form.addRow(self.tr("&Mã:"), self.code)
        form.addRow("", self.messages["code"])
        form.addRow(self.tr("&Tên:"), self.name)
        form.addRow("", self.messages["name"])
        form.addRow(self.tr("Đơn vị &tính:"), self.unit)
        form.addRow("", self.messages["unit_of_measure"])
        form.addRow(self.tr("&Nhóm độ phức tạp:"), self.group)
        form.addRow(self.tr("Hệ số &k:"), self.k)
        form.addRow("", self.messages["k"])
        form.addRow(self.tr("T&rạng thái:"), self.status)
        form.addRow("", self.active)
        form.addRow(self.tr("Áp &dụng cho vị trí:"), self.position_list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.discard)
        form.addRow(buttons)
        form.addRow(self.general)
        for widget in (self.code, self.name, self.unit, self.k):
            widget.textEdited.connect(self._changed)
        for combo in (self.group, self.status):
            combo.currentIndexChanged.connect(self._changed)
        self.active.toggled.connect(self._changed)
        self.position_list.itemChanged.connect(self._changed)
        self.set_product(None)

    def set_positions(self, rows: Sequence[Any]) -> None:
        """The job positions a product may apply to (catalog.PositionRow); ticks already made are kept."""
        ticked = set(self.checked_positions()) if self.position_list.count() else set(
            (self.original or {}).get("positions") or [])
        self.position_list.blockSignals(True)
        self.position_list.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.code} — {row.name}")
            item.setData(Qt.ItemDataRole.UserRole, row.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.code in ticked else Qt.CheckState.Unchecked)
            self.position_list.addItem(item)
        self.position_list.blockSignals(False)
        self._changed()

    def checked_positions(self) -> list[str]:
        items = (self.position_list.item(i) for i in range(self.position_list.count()))
        return sorted(str(it.data(Qt.ItemDataRole.UserRole)) for it in items
                      if it.checkState() == Qt.CheckState.Checked)

    def _tick_positions(self, codes: Sequence[str]) -> None:
        wanted = set(codes)
        self.position_list.blockSignals(True)
        for i in range(self.position_list.count()):
            item = self.position_list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)
        self.position_list.blockSignals(False)

    def set_product(self, doc: dict[str, Any] | None, *, new: bool = False) -> None:
        """Show `doc` (the service's JSON form), a blank new product (`new=True`), or nothing."""
        if new:
            doc = blank_product()
        self.original = doc
        self.is_new = new
        self.setTitle(self.tr("Sản phẩm mới") if new else self.tr("Sản phẩm đang chọn"))
        self.setEnabled(doc is not None)
        self.code.setReadOnly(not new)
        for message in (*self.messages.values(), self.general):
            message.clear_message()
        if doc is None:
            self.code.clear()
            self._changed()
            return
        widgets: list[Any] = [self.code, self.name, self.unit, self.k, self.group, self.status, self.active]
        for w in widgets:
            w.blockSignals(True)
        self.code.setText(doc["code"])
        self.name.setText(doc.get("name") or "")
        self.unit.setText(doc.get("unit_of_measure") or "")
        self.k.setText(fmt_quantity(doc.get("k")))
        self.group.setCurrentIndex(self.group.findData(doc.get("complexity_group")))
        self.status.setCurrentIndex(max(0, self.status.findData(doc.get("status") or "official")))
        self.active.setChecked(bool(doc.get("active", True)))
        for w in widgets:
            w.blockSignals(False)
        self._tick_positions(doc.get("positions") or [])
        self._changed()

    def revert(self) -> None:
        self.set_product(self.original, new=self.is_new)

    def edited(self) -> dict[str, Any]:
        assert self.original is not None
        doc = dict(self.original)
        doc.update(code=self.code.text().strip(), name=" ".join(self.name.text().split()), unit_of_measure=self.unit.text().strip(),
                   complexity_group=self.group.currentData(), status=self.status.currentData(),
                   active=self.active.isChecked(), k=self.k.text().strip().replace(",", "."))
        if self.position_list.count():  # the list of positions is known: the ticks are the product's positions
            doc["positions"] = self.checked_positions()
        return doc

    def dirty(self) -> bool:
        if self.original is None:
            return False
        now, before = self.edited(), self.original
        keys = ("code", "name", "unit_of_measure", "complexity_group", "status", "active")
        if any((now.get(k) or "") != (before.get(k) or "") for k in keys if k != "active"):
            return True
        if bool(now["active"]) != bool(before.get("active", True)):
            return True
        if sorted(now.get("positions") or []) != sorted(before.get("positions") or []):
            return True
        try:
            return Decimal(now["k"]) != Decimal(str(before.get("k")))
        except InvalidOperation:
            return True

    def validate(self) -> bool:
        ok = True
        for message in (*self.messages.values(), self.general):
            message.clear_message()
        code = self.code.text().strip()
        if self.is_new:
            if not code:
                self.messages["code"].show_message(self.tr("Hãy nhập mã sản phẩm (ví dụ VB-20)."))
                ok = False
            elif any(ch.isspace() for ch in code):
                self.messages["code"].show_message(self.tr("Mã sản phẩm không được có dấu cách."))
                ok = False
            elif self.code_exists(code):
                self.messages["code"].show_message(
                    self.tr("Mã «{code}» đã có trong danh mục; hãy chọn mã khác.").format(code=code))
                ok = False
        if not " ".join(self.name.text().split()):
            self.messages["name"].show_message(self.tr("Tên sản phẩm không được để trống."))
            ok = False
        if not self.unit.text().strip():
            self.messages["unit_of_measure"].show_message(self.tr("Hãy nhập đơn vị tính (ví dụ: văn bản, hồ sơ)."))
            ok = False
        try:
            k = Decimal(self.k.text().strip().replace(",", "."))
            if not k.is_finite() or k <= 0 or k > K_MAX:
                raise InvalidOperation
        except InvalidOperation:
            self.messages["k"].show_message(
                self.tr("Hệ số k phải là số dương, không quá {max} (ví dụ 1 hoặc 1,5).").format(max=K_MAX))
            ok = False
        return ok

    def _changed(self) -> None:
        dirty = self.dirty()
        self.save.setEnabled(dirty)
        self.discard.setEnabled(dirty)
