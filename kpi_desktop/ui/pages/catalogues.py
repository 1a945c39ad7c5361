"""Danh mục: job positions (with their description and competency framework), products with their
coefficient k, and competencies. Positions and products are edited in forms beside their tables
(`position_editor.py`, `product_editor.py`) with validation next to each field, Save / Discard, and a
question before unsaved edits are dropped; a save goes through `catalog.save_items`, validated like an
Excel import. New and delete buttons sit above each table; a delete the service refuses (the item is in
use) shows its message. Roles without the right to edit see the tables only. Import and export of the
whole catalogue are in the menu."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.entities import ProductStatus
from kpi_desktop.errors import KpiError
from kpi_desktop.services import catalog, ui_queries
from kpi_desktop.services.authz import Action, allowed
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.fmt import fmt_quantity
from kpi_desktop.ui.labels import label
from kpi_desktop.ui.models.records import Column, RecordRole, RecordTableModel
from kpi_desktop.ui.pages.base import Page, heading
from kpi_desktop.ui.pages.position_editor import PositionEditor
from kpi_desktop.ui.pages.product_editor import ProductEditor
from kpi_desktop.ui.widgets.fields import error_text
from kpi_desktop.ui.widgets.tables import make_table, set_column_widths
from kpi_desktop.ui.workers import run_with_progress

Index = QModelIndex | QPersistentModelIndex


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

        self.position_editor = PositionEditor()
        self.position_editor.setObjectName("positionEditor")
        self.position_editor.code_exists = lambda code: self._exists(self.positions, code)
        self.new_position = QPushButton(self.tr("Thêm &vị trí"))
        self.new_position.setObjectName("newPosition")
        self.delete_position = QPushButton(self.tr("X&oá vị trí"))
        self.delete_position.setObjectName("deletePosition")
        self.editor = ProductEditor()
        self.editor.setObjectName("productEditor")
        self.editor.code_exists = lambda code: self._exists(self.products, code)
        self.new_product = QPushButton(self.tr("Thêm &sản phẩm"))
        self.new_product.setObjectName("newProduct")
        self.delete_product = QPushButton(self.tr("X&oá sản phẩm"))
        self.delete_product.setObjectName("deleteProduct")
        self.tabs.addTab(self._editing_tab(self.position_table, self.position_editor,
                                           (self.new_position, self.delete_position), 3, 2),
                         self.tr("&Vị trí việc làm"))
        self.tabs.addTab(self._editing_tab(self.product_table, self.editor, (self.new_product, self.delete_product),
                                           3, 1), self.tr("&Sản phẩm"))
        self.tabs.addTab(self.competency_table, self.tr("&Năng lực"))
        for widget in (self.position_editor, self.editor, self.new_position, self.delete_position,
                       self.new_product, self.delete_product):
            widget.setVisible(self.can_edit)

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
        self._selecting = False
        self._before_new: dict[str, str | None] = {"position": None, "product": None}
        self.position_table.selectionModel().currentRowChanged.connect(self._position_selected)
        self.product_table.selectionModel().currentRowChanged.connect(self._product_selected)
        self.position_editor.save.clicked.connect(self.save_position)
        self.position_editor.discard.clicked.connect(self.discard_position)
        self.position_editor.dirty_changed.connect(lambda _dirty: self._update_buttons())
        self.new_position.clicked.connect(self.add_position)
        self.delete_position.clicked.connect(self.remove_position)
        self.editor.save.clicked.connect(self.save_product)
        self.editor.discard.clicked.connect(self.discard_product)
        self.new_product.clicked.connect(self.add_product)
        self.delete_product.clicked.connect(self.remove_product)
        for first, second, table in ((self.new_position, self.delete_position, self.position_table),
                                     (self.new_product, self.delete_product, self.product_table)):
            QWidget.setTabOrder(first, second)  # Tab: the buttons above a table, the table, then its form
            QWidget.setTabOrder(second, table)
        self._shortcuts(self.position_editor, self.save_position, self._escape_position)
        self._shortcuts(self.editor, self.save_product, self._escape_product)
        self.refresh()
        if self.can_edit:  # the forms show the first rows rather than an empty, disabled form
            for table, model in ((self.position_table, self.positions), (self.product_table, self.products)):
                if model.rowCount():
                    table.setCurrentIndex(model.index(0, 0))

    def _editing_tab(self, table: QTableView, editor: QWidget, buttons: tuple[QPushButton, QPushButton],
                     table_stretch: int, editor_stretch: int) -> QWidget:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        left_layout.addLayout(row)
        left_layout.addWidget(table, 1)
        split = QSplitter()
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(editor)
        split.setStretchFactor(0, table_stretch)
        split.setStretchFactor(1, editor_stretch)
        return split

    def _shortcuts(self, editor: QWidget, save: Callable[[], Any], escape: Callable[[], Any]) -> None:
        QShortcut(QKeySequence.StandardKey.Save, editor, save, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), editor, escape, Qt.ShortcutContext.WidgetWithChildrenShortcut)

    @staticmethod
    def _exists(model: RecordTableModel[Any], code: str) -> bool:
        folded = code.casefold()
        return any(r.code.casefold() == folded for r in model.records())

    def refresh(self) -> None:
        """Reload the lists. A form without unsaved edits is reloaded too, so that it never shows (and a
        later save never writes back) an item as it was before an import; unsaved edits are kept."""
        db, actor = self.ctx.db, self.ctx.actor
        try:
            self.positions.set_records(catalog.list_positions(db, actor))
            self.products.set_records(catalog.list_products(db, actor))
            competencies = catalog.list_competencies(db, actor)
            self.competencies.set_records(competencies)
        except KpiError as exc:
            self.status.setText(error_text(exc))
            return
        self.position_editor.set_competencies(competencies)
        self.editor.set_positions(self.positions.records())
        if self.can_edit:
            self._reload_forms()
        self.status.setText(self.tr("{p} vị trí việc làm, {s} sản phẩm, {c} năng lực.").format(
            p=self.positions.rowCount(), s=self.products.rowCount(), c=self.competencies.rowCount()))
        self._update_buttons()

    def _reload_forms(self) -> None:
        positions, products = self.position_editor, self.editor
        if positions.original is not None and not positions.is_new:
            code = positions.original["code"]
            self._select(self.position_table, self.positions, code)
            if not positions.dirty():
                self._load_position(code if self._exists(self.positions, code) else None)
        if products.original is not None and not products.is_new:
            code = products.original["code"]
            self._select(self.product_table, self.products, code)
            if not products.dirty():
                self._load_product(code if self._exists(self.products, code) else None)

    def _search(self, text: str) -> None:
        for model in (self.positions, self.products, self.competencies):
            model.set_search(text)

    def _update_buttons(self) -> None:
        position = self.position_editor.original is not None and not self.position_editor.is_new
        product = self.editor.original is not None and not self.editor.is_new
        self.delete_position.setEnabled(self.can_edit and position)
        self.delete_product.setEnabled(self.can_edit and product)

    def _may_leave(self, dirty: bool, what: str) -> bool:
        """True when there are no unsaved edits or the user agrees to drop them."""
        if not dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Thay đổi chưa lưu"), self.tr("{what} có thay đổi chưa lưu. Bỏ các thay đổi đó?").format(
                what=what),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def _select(self, table: QTableView, model: RecordTableModel[Any], code: str | None) -> None:
        """Make the row of `code` current without the unsaved-edits question (the form is up to date)."""
        self._selecting = True
        try:
            row = model.row_of(lambda r: r.code == code) if code else -1
            if row >= 0:
                table.setCurrentIndex(model.index(row, 0))
                table.scrollTo(model.index(row, 0))
            else:
                table.selectionModel().clearCurrentIndex()
                table.clearSelection()
        finally:
            self._selecting = False

    def _current_code(self, table: QTableView, model: RecordTableModel[Any]) -> str | None:
        current = table.currentIndex()
        record = model.data(current, RecordRole) if current.isValid() else None
        return record.code if record is not None else None

    # position editing ----------------------------------------------------------------------------------
    def _position_what(self) -> str:
        editor = self.position_editor
        if editor.is_new:
            return self.tr("Vị trí việc làm mới")
        return self.tr("Vị trí «{code}»").format(code=editor.code.text())

    def _position_selected(self, current: Index, previous: Index) -> None:
        if self._selecting or not self.can_edit:
            return
        if not self._may_leave(self.position_editor.dirty(), self._position_what()):
            self._selecting = True
            self.position_table.setCurrentIndex(previous)
            self._selecting = False
            return
        record = self.positions.data(current, RecordRole) if current.isValid() else None
        self._load_position(record.code if record is not None else None)

    def _load_position(self, code: str | None) -> None:
        doc = None
        if code is not None:
            try:
                doc = catalog.position_document(self.ctx.db, self.ctx.actor, code)
            except KpiError as exc:
                self.status.setText(error_text(exc))
        self.position_editor.set_position(doc)
        self._update_buttons()

    def add_position(self) -> None:
        if not self._may_leave(self.position_editor.dirty(), self._position_what()):
            return
        if not self.position_editor.is_new:
            self._before_new["position"] = self._current_code(self.position_table, self.positions)
        self._select(self.position_table, self.positions, None)
        self.position_editor.set_position(None, new=True)
        self.position_editor.focus_first_field()
        self._update_buttons()

    def _escape_position(self) -> None:
        editor = self.position_editor
        if editor.cancel_cell_edit():
            return
        if editor.dirty() and self._may_leave(True, self._position_what()):
            self.discard_position()

    def discard_position(self) -> None:
        """Back to what is stored; a new position that was never saved gives way to the row that was
        selected before "New position"."""
        if self.position_editor.is_new:
            code = self._before_new["position"]
            self._select(self.position_table, self.positions, code)
            self._load_position(code if self._exists(self.positions, code or "") else None)
        else:
            self.position_editor.revert()

    def save_position(self) -> bool:
        editor = self.position_editor
        editor.commit_cell_edit()
        if not editor.dirty() or not editor.validate():
            return False
        doc = editor.edited()
        try:
            catalog.save_items(self.ctx.db, self.ctx.actor, positions=[doc])
        except KpiError as exc:
            editor.general.show_message(error_text(exc))
            return False
        code = doc["code"]
        self.positions.set_records(catalog.list_positions(self.ctx.db, self.ctx.actor))
        self.editor.set_positions(self.positions.records())  # a new or renamed position for the products
        self._select(self.position_table, self.positions, code)
        self._load_position(code)
        self.status.setText(self.tr("Đã lưu vị trí việc làm {code}.").format(code=code))
        return True

    def remove_position(self) -> None:
        self._remove(self.position_editor, catalog.delete_position, self.position_table, self.positions,
                     self._load_position, self.tr("Xoá vị trí việc làm"),
                     self.tr("Xoá vị trí «{code} — {name}» cùng bản mô tả và khung năng lực của nó?"),
                     self.tr("Đã xoá vị trí việc làm {code}."))

    def _remove(self, editor: Any, delete: Callable[[Any, Any, str], None], table: QTableView,
                model: RecordTableModel[Any], load: Callable[[str | None], None], title: str, question: str,
                done: str) -> None:
        """Delete the stored item the editor shows, once the user confirms; a refusal (the item is in
        use) is shown in the form and the status line."""
        if editor.original is None or editor.is_new:
            return
        code, name = editor.original["code"], editor.original["name"]
        answer = QMessageBox.question(
            self, title, question.format(code=code, name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            delete(self.ctx.db, self.ctx.actor, code)
        except KpiError as exc:
            editor.general.show_message(error_text(exc))
            self.status.setText(error_text(exc))
            return
        self.refresh()
        self._select(table, model, None)
        load(None)
        self.status.setText(done.format(code=code))

    # product editing -----------------------------------------------------------------------------------
    def _product_what(self) -> str:
        if self.editor.is_new:
            return self.tr("Sản phẩm mới")
        return self.tr("Sản phẩm «{code}»").format(code=self.editor.code.text())

    def _product_selected(self, current: Index, previous: Index) -> None:
        if self._selecting or not self.can_edit:
            return
        if not self._may_leave(self.editor.dirty(), self._product_what()):
            self._selecting = True
            self.product_table.setCurrentIndex(previous)
            self._selecting = False
            return
        record = self.products.data(current, RecordRole) if current.isValid() else None
        self._load_product(record.code if record is not None else None)

    def _load_product(self, code: str | None) -> None:
        self.editor.set_product(ui_queries.product_document(self.ctx.db, self.ctx.actor, code)
                                if code is not None else None)
        self._update_buttons()

    def add_product(self) -> None:
        if not self._may_leave(self.editor.dirty(), self._product_what()):
            return
        if not self.editor.is_new:
            self._before_new["product"] = self._current_code(self.product_table, self.products)
        self._select(self.product_table, self.products, None)
        self.editor.set_product(None, new=True)
        self.editor.code.setFocus()
        self._update_buttons()

    def _escape_product(self) -> None:
        if self.editor.dirty() and self._may_leave(True, self._product_what()):
            self.discard_product()

    def discard_product(self) -> None:
        """As `discard_position`, for the product form."""
        if self.editor.is_new:
            code = self._before_new["product"]
            self._select(self.product_table, self.products, code)
            self._load_product(code if self._exists(self.products, code or "") else None)
        else:
            self.editor.revert()

    def save_product(self) -> bool:
        if not self.editor.dirty() or not self.editor.validate():
            return False
        doc = self.editor.edited()
        try:
            catalog.save_items(self.ctx.db, self.ctx.actor, products=[doc])
        except KpiError as exc:
            self.editor.general.show_message(error_text(exc))
            return False
        code = doc["code"]
        self.products.set_records(catalog.list_products(self.ctx.db, self.ctx.actor))
        self._select(self.product_table, self.products, code)
        self._load_product(code)
        self.status.setText(self.tr("Đã lưu sản phẩm {code}.").format(code=code))
        return True

    def remove_product(self) -> None:
        self._remove(self.editor, catalog.delete_product, self.product_table, self.products, self._load_product,
                     self.tr("Xoá sản phẩm"), self.tr("Xoá sản phẩm «{code} — {name}» khỏi danh mục?"),
                     self.tr("Đã xoá sản phẩm {code}."))

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


