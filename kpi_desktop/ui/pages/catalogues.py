"""Danh mục: job positions (with their description and competency framework), products with their
coefficient k, and competencies. Products are edited in a form with validation next to each field and
a clear way to discard unsaved edits; a save goes through the catalogue service's validated import, so
the same rules apply as for an Excel file. Import and export of the whole catalogue are in the menu."""

from __future__ import annotations

import json
import tempfile
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.entities import ComplexityGroup, ProductStatus
from kpi_desktop.errors import KpiError
from kpi_desktop.services import catalog, ui_queries
from kpi_desktop.services.authz import Action, allowed
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.fmt import fmt_quantity
from kpi_desktop.ui.labels import label
from kpi_desktop.ui.models.records import Column, RecordRole, RecordTableModel
from kpi_desktop.ui.pages.base import Page, heading
from kpi_desktop.ui.widgets.fields import FieldMessage, error_text
from kpi_desktop.ui.widgets.tables import make_table, set_column_widths
from kpi_desktop.ui.workers import run_with_progress

K_MAX = Decimal("100")



class ProductEditor(QGroupBox):
    """Edit one product; `dirty()` tells whether there are unsaved changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Sản phẩm đang chọn"))
        self.original: dict[str, Any] | None = None
        self.code = QLabel()
        self.code.setObjectName("productCode")
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
        self.messages = {"name": FieldMessage(self.name), "unit_of_measure": FieldMessage(self.unit),
                         "k": FieldMessage(self.k)}
        self.general = FieldMessage()
        self.general.setObjectName("productError")
        self.save = QPushButton(self.tr("&Lưu"))
        self.save.setObjectName("saveProduct")
        self.discard = QPushButton(self.tr("&Bỏ thay đổi"))
        self.discard.setObjectName("discardProduct")
        form = QFormLayout(self)
        form.addRow(self.tr("Mã:"), self.code)
        form.addRow(self.tr("&Tên:"), self.name)
        form.addRow("", self.messages["name"])
        form.addRow(self.tr("Đơn vị &tính:"), self.unit)
        form.addRow("", self.messages["unit_of_measure"])
        form.addRow(self.tr("&Nhóm độ phức tạp:"), self.group)
        form.addRow(self.tr("Hệ số &k:"), self.k)
        form.addRow("", self.messages["k"])
        form.addRow(self.tr("T&rạng thái:"), self.status)
        form.addRow("", self.active)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.discard)
        form.addRow(buttons)
        form.addRow(self.general)
        for widget in (self.name, self.unit, self.k):
            widget.textEdited.connect(self._changed)
        for combo in (self.group, self.status):
            combo.currentIndexChanged.connect(self._changed)
        self.active.toggled.connect(self._changed)
        self.discard.clicked.connect(self.revert)
        self.set_product(None)

    def set_product(self, doc: dict[str, Any] | None) -> None:
        self.original = doc
        self.setEnabled(doc is not None)
        for message in (*self.messages.values(), self.general):
            message.clear_message()
        if doc is None:
            self.code.clear()
            return
        widgets: list[Any] = [self.name, self.unit, self.k, self.group, self.status, self.active]
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
        self._changed()

    def revert(self) -> None:
        self.set_product(self.original)

    def edited(self) -> dict[str, Any]:
        assert self.original is not None
        doc = dict(self.original)
        doc.update(name=" ".join(self.name.text().split()), unit_of_measure=self.unit.text().strip(),
                   complexity_group=self.group.currentData(), status=self.status.currentData(),
                   active=self.active.isChecked(), k=self.k.text().strip().replace(",", "."))
        return doc

    def dirty(self) -> bool:
        if self.original is None:
            return False
        now, before = self.edited(), self.original
        keys = ("name", "unit_of_measure", "complexity_group", "status", "active")
        if any((now.get(k) or "") != (before.get(k) or "") for k in keys if k != "active"):
            return True
        if bool(now["active"]) != bool(before.get("active", True)):
            return True
        try:
            return Decimal(now["k"]) != Decimal(str(before.get("k")))
        except InvalidOperation:
            return True

    def validate(self) -> bool:
        ok = True
        for message in (*self.messages.values(), self.general):
            message.clear_message()
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


class CataloguesPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.can_edit = allowed(ctx.actor, Action.CATALOG_EDIT)
        self.search = QLineEdit()
        self.search.setObjectName("catalogueSearch")
        self.search.setAccessibleName(self.tr("Tìm trong danh mục"))
        self.search.setPlaceholderText(self.tr("Tìm theo mã hoặc tên (không cần gõ dấu)…"))
        self.search.setClearButtonEnabled(True)

        self.positions: RecordTableModel[Any] = RecordTableModel([
            Column("code", QCoreApplication.translate("CataloguesPage", "Mã"), lambda p: p.code),
            Column("name", QCoreApplication.translate("CataloguesPage", "Vị trí việc làm"), lambda p: p.name),
            Column("group", QCoreApplication.translate("CataloguesPage", "Nhóm"), lambda p: p.group_label),
            Column("list", QCoreApplication.translate("CataloguesPage", "Danh mục khung"), lambda p: p.framework_list),
            Column("desc", QCoreApplication.translate("CataloguesPage", "Có bản mô tả"), lambda p: p.has_description),
            Column("comp", QCoreApplication.translate("CataloguesPage", "Số năng lực"), lambda p: p.competency_count, numeric=True),
        ], self)
        self.products: RecordTableModel[Any] = RecordTableModel([
            Column("code", QCoreApplication.translate("CataloguesPage", "Mã"), lambda p: p.code),
            Column("name", QCoreApplication.translate("CataloguesPage", "Sản phẩm"), lambda p: p.name),
            Column("unit", QCoreApplication.translate("CataloguesPage", "Đơn vị tính"), lambda p: p.unit_of_measure),
            Column("group", QCoreApplication.translate("CataloguesPage", "Nhóm"), lambda p: p.complexity_group),
            Column("k", QCoreApplication.translate("CataloguesPage", "Hệ số k"), lambda p: p.k, text=lambda p: fmt_quantity(p.k), numeric=True),
            Column("status", QCoreApplication.translate("CataloguesPage", "Trạng thái"), lambda p: p.status,
                   text=lambda p: label(ProductStatus(p.status)) if p.status else ""),
            Column("positions", QCoreApplication.translate("CataloguesPage", "Áp dụng cho vị trí"), lambda p: ", ".join(p.position_codes)),
        ], self)
        self.competencies: RecordTableModel[Any] = RecordTableModel([
            Column("code", QCoreApplication.translate("CataloguesPage", "Mã"), lambda c: c.code),
            Column("name", QCoreApplication.translate("CataloguesPage", "Năng lực"), lambda c: c.name),
            Column("kind", QCoreApplication.translate("CataloguesPage", "Loại"), lambda c: c.kind),
            Column("levels", QCoreApplication.translate("CataloguesPage", "Cấp độ 1 → 5"), lambda c: " | ".join(c.levels.get(i, "") for i in range(1, 6))),
        ], self)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("catalogueTabs")
        self.position_table = make_table(self.positions, self.tr("Danh mục vị trí việc làm"))
        self.position_table.setObjectName("positionTable")
        set_column_widths(self.position_table, [90, 320, 160, 130, 100])
        self.product_table = make_table(self.products, self.tr("Danh mục sản phẩm"))
        self.product_table.setObjectName("productTable")
        set_column_widths(self.product_table, [90, 340, 110, 70, 80, 100])
        self.competency_table = make_table(self.competencies, self.tr("Khung năng lực"))
        self.competency_table.setObjectName("competencyTable")
        set_column_widths(self.competency_table, [90, 300, 110])
        self.editor = ProductEditor()
        self.editor.setObjectName("productEditor")
        product_split = QSplitter()
        product_split.addWidget(self.product_table)
        product_split.addWidget(self.editor)
        product_split.setStretchFactor(0, 3)
        product_split.setStretchFactor(1, 1)
        self.editor.setVisible(self.can_edit)
        self.tabs.addTab(self.position_table, self.tr("&Vị trí việc làm"))
        self.tabs.addTab(product_split, self.tr("&Sản phẩm"))
        self.tabs.addTab(self.competency_table, self.tr("&Năng lực"))

        self.import_button = QPushButton(self.tr("&Nhập từ Excel…"))
        self.import_button.setObjectName("importCatalogue")
        self.import_button.setEnabled(self.can_edit)
        self.export_button = QPushButton(self.tr("&Xuất ra Excel…"))
        self.export_button.setObjectName("exportCatalogue")
        self.import_button.clicked.connect(lambda: self.import_xlsx())
        self.export_button.clicked.connect(lambda: self.export_xlsx())
        self.status = QLabel()
        self.status.setObjectName("catalogueStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Danh mục vị trí việc làm, sản phẩm, năng lực")))
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self.search.textChanged.connect(self._search)
        self.product_table.selectionModel().currentRowChanged.connect(self._product_selected)
        self.editor.save.clicked.connect(self.save_product)
        QShortcut(QKeySequence.StandardKey.Save, self.editor, self.save_product,
                  Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.editor, self.editor.revert,
                  Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._selecting = False
        self.refresh()

    def refresh(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        try:
            self.positions.set_records(catalog.list_positions(db, actor))
            self.products.set_records(catalog.list_products(db, actor))
            self.competencies.set_records(catalog.list_competencies(db, actor))
        except KpiError as exc:
            self.status.setText(error_text(exc))
            return
        self.status.setText(self.tr("{p} vị trí việc làm, {s} sản phẩm, {c} năng lực.").format(
            p=self.positions.rowCount(), s=self.products.rowCount(), c=self.competencies.rowCount()))

    def _search(self, text: str) -> None:
        for model in (self.positions, self.products, self.competencies):
            model.set_search(text)

    # product editing -----------------------------------------------------------------------------
    def _product_selected(self, current: Any, previous: Any) -> None:
        if self._selecting or not self.can_edit:
            return
        if self.editor.dirty():
            answer = QMessageBox.question(
                self, self.tr("Thay đổi chưa lưu"),
                self.tr("Sản phẩm «{code}» có thay đổi chưa lưu. Bỏ các thay đổi đó?").format(
                    code=self.editor.code.text()),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                self._selecting = True
                self.product_table.setCurrentIndex(previous)
                self._selecting = False
                return
        record = self.products.data(current, RecordRole) if current.isValid() else None
        self.editor.set_product(ui_queries.product_document(self.ctx.db, self.ctx.actor, record.code)
                                if record is not None else None)

    def save_product(self) -> bool:
        if not self.editor.dirty() or not self.editor.validate():
            return False
        doc = {"format": catalog.FORMAT, "format_version": catalog.FORMAT_VERSION,
               "products": [self.editor.edited()]}
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "san-pham.json"
            path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            try:
                catalog.import_catalogue(self.ctx.db, self.ctx.actor, path, "json")
            except KpiError as exc:
                self.editor.general.show_message(error_text(exc))
                return False
        code = self.editor.code.text()
        self.products.set_records(catalog.list_products(self.ctx.db, self.ctx.actor))
        row = self.products.row_of(lambda p: p.code == code)
        self._selecting = True
        if row >= 0:
            self.product_table.setCurrentIndex(self.products.index(row, 0))
        self._selecting = False
        self.editor.set_product(ui_queries.product_document(self.ctx.db, self.ctx.actor, code))
        self.status.setText(self.tr("Đã lưu sản phẩm {code}.").format(code=code))
        return True

    # import / export -----------------------------------------------------------------------------
    def import_xlsx(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Nhập danh mục"), "",
                                                  self.tr("Bảng tính Excel (*.xlsx);;JSON (*.json)"))
        if not path:
            return
        db, actor, file = self.ctx.db, self.ctx.actor, Path(path)

        def work(progress: Any, cancel: Any) -> catalog.CatalogueImportResult:
            progress(0, 1, self.tr("Đang đọc và kiểm tra {name}…").format(name=file.name))
            return catalog.import_catalogue(db, actor, file)

        def done(result: catalog.CatalogueImportResult) -> None:
            self.refresh()
            notes = " ".join(result.notes)
            self.status.setText(self.tr("Đã nhập {name}: thêm {c}, cập nhật {u}. {notes}").format(
                name=file.name, c=result.created, u=result.updated, notes=notes).strip())

        def failed(error: BaseException, _details: str) -> None:
            if not isinstance(error, KpiError):
                raise error
            self.status.setText(error_text(error))
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Không nhập được danh mục"),
                              error.message.split("\n")[0], QMessageBox.StandardButton.Ok, self)
            box.setDetailedText(error.message)
            box.setInformativeText(error.hint or "")
            box.open()

        run_with_progress(self, self.tr("Nhập danh mục"), work, on_success=done, on_failure=failed, writes=True)

    def export_xlsx(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Xuất danh mục"), "danh-muc.xlsx",
                                                  self.tr("Bảng tính Excel (*.xlsx);;JSON (*.json)"))
        if not path:
            return
        db, actor, file = self.ctx.db, self.ctx.actor, Path(path)
        if file.suffix.lower() not in (".xlsx", ".json"):
            file = file.with_suffix(".xlsx")

        def work(progress: Any, cancel: Any) -> catalog.CatalogueCounts:
            progress(0, 1, self.tr("Đang ghi {name}…").format(name=file.name))
            return catalog.export_catalogue(db, actor, file)

        def done(counts: catalog.CatalogueCounts) -> None:
            self.status.setText(self.tr("Đã xuất {p} vị trí, {s} sản phẩm, {c} năng lực ra {path}.").format(
                p=counts.positions, s=counts.products, c=counts.competencies, path=file))

        def failed(error: BaseException, _details: str) -> None:
            if not isinstance(error, (KpiError, OSError)):
                raise error
            self.status.setText(error_text(error) if isinstance(error, KpiError) else str(error))

        run_with_progress(self, self.tr("Xuất danh mục"), work, on_success=done, on_failure=failed)


