"""First run of a new database: the commune or ward (by official code), its bodies, the first
administrator account. Only the steps still missing are shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kpi_desktop.domain.entities import BodyKind
from kpi_desktop.domain.roles import SYSTEM, Actor
from kpi_desktop.errors import KpiError
from kpi_desktop.services import auth, geography, units
from kpi_desktop.store.db import Database
from kpi_desktop.ui.labels import label
from kpi_desktop.ui.widgets.fields import FieldMessage, error_text


class PlacePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Đơn vị sử dụng"))
        self.setSubTitle(self.tr("Chọn xã, phường, đặc khu mà cơ sở dữ liệu này phục vụ (theo danh mục "
                                 "đơn vị hành chính sau sắp xếp năm 2025)."))
        self.code = QLineEdit()
        self.code.setObjectName("wardCode")
        self.code.setAccessibleName(self.tr("Mã xã, phường chính thức"))
        self.code.setPlaceholderText(self.tr("ví dụ 22366"))
        self.code_message = FieldMessage(self.code)
        self.province = QComboBox()
        self.province.setObjectName("province")
        self.province.setAccessibleName(self.tr("Tỉnh, thành phố"))
        self.ward = QComboBox()
        self.ward.setObjectName("ward")
        self.ward.setAccessibleName(self.tr("Xã, phường, đặc khu"))
        for p in geography.provinces():
            self.province.addItem(p.name, p.code)
        self.province.setCurrentIndex(-1)
        form = QFormLayout(self)
        form.addRow(self.tr("&Mã đơn vị hành chính:"), self.code)
        form.addRow("", self.code_message)
        form.addRow(self.tr("&Tỉnh, thành phố:"), self.province)
        form.addRow(self.tr("&Xã, phường, đặc khu:"), self.ward)
        self.province.currentIndexChanged.connect(self._province_changed)
        self.ward.currentIndexChanged.connect(self._ward_changed)
        self.code.editingFinished.connect(self._code_entered)
        self.code.textEdited.connect(self._code_typed)
        self._syncing = False

    def _code_typed(self, text: str) -> None:
        self.code_message.clear_message()
        if len(text.strip()) == 5 and text.strip().isdigit():  # official ward codes have five digits
            self._code_entered()

    def _province_changed(self, _index: int) -> None:
        code = self.province.currentData()
        self.ward.blockSignals(True)
        self.ward.clear()
        if code is not None:
            for w in geography.wards_of(code):
                self.ward.addItem(f"{w.name} ({w.code})", w.code)
        self.ward.setCurrentIndex(-1)
        self.ward.blockSignals(False)
        self.completeChanged.emit()

    def _ward_changed(self, _index: int) -> None:
        if not self._syncing and self.ward.currentData() is not None:
            self.code.setText(str(self.ward.currentData()))
            self.code_message.clear_message()
        self.completeChanged.emit()

    def _code_entered(self) -> None:
        text = self.code.text().strip()
        if not text or text == self.ward.currentData():
            return
        try:
            ward = geography.find_ward(text)
        except KpiError as exc:
            self.code_message.show_message(error_text(exc))
            return
        self.code_message.clear_message()
        self._syncing = True
        self.province.setCurrentIndex(self.province.findData(ward.province_code))
        self.ward.setCurrentIndex(self.ward.findData(ward.code))
        self._syncing = False
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.ward.currentData() is not None

    def validatePage(self) -> bool:
        self._code_entered()
        return self.isComplete() and not self.code_message.isVisible()

    def ward_code(self) -> str:
        return str(self.ward.currentData())


class BodiesPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Cơ quan, đơn vị trực thuộc"))
        self.setSubTitle(self.tr("Bỏ chọn những cơ quan không có; thêm cơ quan khác nếu cần. "
                                 "Có thể sửa sau trong phần Danh mục."))
        self.list = QListWidget()
        self.list.setObjectName("bodies")
        self.list.setAccessibleName(self.tr("Các cơ quan, đơn vị"))
        for code, name, kind in units.DEFAULT_BODIES:
            self._add_item(code, name, BodyKind(kind))
        self.new_code = QLineEdit()
        self.new_code.setObjectName("newBodyCode")
        self.new_code.setAccessibleName(self.tr("Mã cơ quan mới"))
        self.new_code.setMaximumWidth(120)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newBodyName")
        self.new_name.setAccessibleName(self.tr("Tên cơ quan mới"))
        self.new_kind = QComboBox()
        self.new_kind.setAccessibleName(self.tr("Loại cơ quan mới"))
        for kind in BodyKind:
            self.new_kind.addItem(label(kind), kind.value)
        add = QPushButton(self.tr("&Thêm"))
        add.setObjectName("addBody")
        add.clicked.connect(self._add_new)
        self.message = FieldMessage(self.new_code)
        row = QHBoxLayout()
        row.addWidget(self.new_code)
        row.addWidget(self.new_name, 1)
        row.addWidget(self.new_kind)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel(self.tr("Thêm cơ quan (mã, tên, loại):")))
        layout.addLayout(row)
        layout.addWidget(self.message)

    def _add_item(self, code: str, name: str, kind: BodyKind) -> None:
        item = QListWidgetItem(f"{code} — {name} ({label(kind)})")
        item.setData(Qt.ItemDataRole.UserRole, (code, name, kind))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.list.addItem(item)

    def _add_new(self) -> None:
        code, name = self.new_code.text().strip().upper(), " ".join(self.new_name.text().split())
        if not code or not name:
            self.message.show_message(self.tr("Hãy nhập cả mã và tên cơ quan."))
            return
        if code in [b[0] for b in self.bodies(all_items=True)]:
            self.message.show_message(self.tr("Mã «{code}» đã có trong danh sách.").format(code=code))
            return
        self.message.clear_message()
        self._add_item(code, name, BodyKind(self.new_kind.currentData()))
        self.new_code.clear()
        self.new_name.clear()
        self.new_code.setFocus()

    def bodies(self, all_items: bool = False) -> list[tuple[str, str, BodyKind]]:
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if all_items or item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def validatePage(self) -> bool:
        if not self.bodies():
            self.message.show_message(self.tr("Cần ít nhất một cơ quan, đơn vị."))
            return False
        return True


class AdminPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Tài khoản quản trị đầu tiên"))
        self.setSubTitle(self.tr("Quản trị viên tạo tài khoản cho cán bộ tổ chức, lãnh đạo và công chức. "
                                 "Hãy ghi nhớ mật khẩu: không có cách lấy lại qua mạng."))
        self.username = QLineEdit("quantri")
        self.username.setObjectName("adminUsername")
        self.username.setAccessibleName(self.tr("Tên đăng nhập quản trị"))
        self.display_name = QLineEdit(self.tr("Quản trị hệ thống"))
        self.display_name.setObjectName("adminDisplayName")
        self.display_name.setAccessibleName(self.tr("Họ tên hiển thị"))
        self.password = QLineEdit()
        self.password.setObjectName("adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Mật khẩu"))
        self.confirm = QLineEdit()
        self.confirm.setObjectName("adminConfirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(self.tr("Nhập lại mật khẩu"))
        self.messages = {
            "username": FieldMessage(self.username),
            "password": FieldMessage(self.password),
            "confirm": FieldMessage(self.confirm),
        }
        self.general = FieldMessage()
        self.general.setObjectName("wizardError")
        form = QFormLayout(self)
        form.addRow(self.tr("&Tên đăng nhập:"), self.username)
        form.addRow("", self.messages["username"])
        form.addRow(self.tr("&Họ tên hiển thị:"), self.display_name)
        form.addRow(self.tr("&Mật khẩu:"), self.password)
        form.addRow("", self.messages["password"])
        form.addRow(self.tr("&Nhập lại mật khẩu:"), self.confirm)
        form.addRow("", self.messages["confirm"])
        form.addRow(self.general)

    def clear_messages(self) -> None:
        for message in (*self.messages.values(), self.general):
            message.clear_message()

    def validatePage(self) -> bool:
        self.clear_messages()
        try:
            auth.check_password_policy(self.password.text(), self.username.text().strip().lower())
        except KpiError as exc:
            self.messages["password"].show_message(error_text(exc))
            self.password.setFocus()
            return False
        if self.password.text() != self.confirm.text():
            self.messages["confirm"].show_message(self.tr("Hai lần nhập mật khẩu không khớp."))
            self.confirm.setFocus()
            return False
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        return wizard.commit()


class FirstRunWizard(QWizard):
    """Creates what a new database lacks. `admin` is the administrator created (None if one existed)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("Thiết lập lần đầu — KPI Desktop"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.db = db
        self.needs_unit = units.home_unit(db, SYSTEM) is None
        self.needs_admin = not auth.has_users(db)
        self.place = PlacePage()
        self.bodies_page = BodiesPage()
        self.admin_page = AdminPage()
        self.admin: Actor | None = None
        self.unit: units.UnitInfo | None = None
        if self.needs_unit:
            self.addPage(self.place)
            self.addPage(self.bodies_page)
        if self.needs_admin:
            self.addPage(self.admin_page)
        else:
            self.bodies_page.setCommitPage(True)
            self.bodies_page.validatePage = self._validate_last  # type: ignore[method-assign]
        self.resize(720, 520)

    @staticmethod
    def needed(db: Database) -> bool:
        return units.home_unit(db, SYSTEM) is None or not auth.has_users(db)

    def _validate_last(self) -> bool:
        if not BodiesPage.validatePage(self.bodies_page):
            return False
        return self.commit()

    def commit(self) -> bool:
        """Write the unit and the account; a problem is shown on the page, nothing half-written."""
        try:
            if self.needs_unit and self.unit is None:
                self.unit = units.create_unit(self.db, SYSTEM, self.place.ward_code(),
                                              bodies=tuple(self.bodies_page.bodies()))
            if self.needs_admin and self.admin is None:
                page = self.admin_page
                self.admin = auth.create_first_admin(self.db, page.username.text().strip(), page.password.text(),
                                                     page.display_name.text().strip() or "Quản trị hệ thống")
        except KpiError as exc:
            if self.needs_admin:
                admin = self.admin_page
                (admin.messages.get(exc.field or "") or admin.general).show_message(error_text(exc))
            else:
                self.bodies_page.message.show_message(error_text(exc))
            return False
        return True
