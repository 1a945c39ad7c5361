"""Quản trị: accounts (add with a role and a linked person, reset a password, unlock, deactivate),
backups (make one now, list them, restore one after confirmation) and the audit trail (verify the hash
chain, browse recent entries). Every action goes through the trust services, which check the role again;
the tabs shown follow the authz matrix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
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

from kpi_desktop.domain.roles import Role
from kpi_desktop.errors import KpiError
from kpi_desktop.services.authz import Action, allowed
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.fmt import fmt_date
from kpi_desktop.ui.labels import role_label
from kpi_desktop.ui.models.records import Column, RecordRole, RecordTableModel
from kpi_desktop.ui.pages.base import Page, heading
from kpi_desktop.ui.widgets.fields import FieldMessage, error_text, route_error
from kpi_desktop.ui.widgets.tables import make_table, set_column_widths
from kpi_desktop.ui.workers import TaskHandle, run_task

_KIND_VI = {"edited": QT_TRANSLATE_NOOP("AdminPage", "bị sửa"), "deleted": QT_TRANSLATE_NOOP("AdminPage", "bị xoá"),
            "reordered": QT_TRANSLATE_NOOP("AdminPage", "bị đảo thứ tự"),
            "inserted": QT_TRANSLATE_NOOP("AdminPage", "bị chèn thêm"),
            "truncated": QT_TRANSLATE_NOOP("AdminPage", "bị cắt bớt ở cuối"),
            "malformed": QT_TRANSLATE_NOOP("AdminPage", "sai cấu trúc")}


_ACTIONS_VI = {"insert": QT_TRANSLATE_NOOP("AdminPage", "thêm"), "update": QT_TRANSLATE_NOOP("AdminPage", "sửa"),
               "delete": QT_TRANSLATE_NOOP("AdminPage", "xoá"), "login": QT_TRANSLATE_NOOP("AdminPage", "đăng nhập"),
               "lockout": QT_TRANSLATE_NOOP("AdminPage", "khoá do sai mật khẩu"),
               "audit_export": QT_TRANSLATE_NOOP("AdminPage", "xuất nhật ký"),
               "deadline_forward": QT_TRANSLATE_NOOP("AdminPage", "tự chuyển bước quá hạn")}


def _action(code: str) -> str:
    return QCoreApplication.translate("AdminPage", str(_ACTIONS_VI[code])) if code in _ACTIONS_VI else code


def _when(ts: str) -> str:
    """dd/mm/yyyy hh:mm:ss from the entry's ISO 8601 time."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(str(ts)).strftime("%d/%m/%Y %H:%M:%S")
    except ValueError:
        return str(ts)


def _yes(value: bool) -> str:
    return QCoreApplication.translate("AdminPage", "có") if value else ""


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB".replace(".", ",") if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


def _json_text(value: Any) -> str:
    if value is None:
        return ""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 200 else text[:199] + "…"


def audit_summary(report: Any) -> str:
    """The verification result in plain Vietnamese, naming each broken entry by its number."""
    if report.ok:
        if not report.entry_count:
            return QCoreApplication.translate("AdminPage", "Nhật ký thay đổi chưa có mục nào; không có gì bị can thiệp.")
        return QCoreApplication.translate("AdminPage", "Chuỗi nhật ký thay đổi toàn vẹn: {n} mục, mục cuối số {last}.").format(
            n=report.entry_count, last=report.last_seq)
    lines = [QCoreApplication.translate("AdminPage", "Nhật ký thay đổi đã bị can thiệp: phát hiện {n} chỗ sai.").format(n=len(report.problems))]
    for p in report.problems:
        where = (QCoreApplication.translate("AdminPage", "Mục số {seq}").format(seq=p.seq) if p.seq is not None
                 else QCoreApplication.translate("AdminPage", "Toàn chuỗi"))
        kind = QCoreApplication.translate("AdminPage", str(_KIND_VI.get(p.kind, p.kind)))
        lines.append(f"• {where} ({kind}): {p.message}")
    return "\n".join(lines)


class AdminPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._tasks = 0
        self.can_accounts = allowed(ctx.actor, Action.ACCOUNT_MANAGE)
        self.can_backup = allowed(ctx.actor, Action.BACKUP_RUN)
        self.can_restore = allowed(ctx.actor, Action.RESTORE_RUN)
        self.can_audit = allowed(ctx.actor, Action.AUDIT_VIEW)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("adminTabs")
        self.tabs.setAccessibleName(self.tr("Quản trị"))
        if self.can_accounts:
            self.tabs.addTab(self._accounts_tab(), self.tr("&Tài khoản"))
        if self.can_backup:
            self.tabs.addTab(self._backups_tab(), self.tr("&Sao lưu, khôi phục"))
        if self.can_audit:
            self.tabs.addTab(self._audit_tab(), self.tr("&Nhật ký thay đổi"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Quản trị hệ thống")))
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def busy(self) -> bool:
        return self._tasks > 0

    def refresh(self) -> None:
        if self.can_accounts:
            self.load_accounts()
        if self.can_backup:
            self.load_backups()
        if self.can_audit:
            self.load_audit()

    def _run(self, work: Any, done: Any, fail: Any, *, writes: bool = False) -> TaskHandle:
        self._tasks += 1

        def ok(result: Any) -> None:
            self._tasks -= 1
            done(result)

        def failed(error: BaseException, _details: str) -> None:
            self._tasks -= 1
            if not isinstance(error, (KpiError, OSError)):
                raise error
            fail(error)

        return run_task(lambda _p, _c: work(), on_success=ok, on_failure=failed, writes=writes)

    # accounts --------------------------------------------------------------------------------------
    def _accounts_tab(self) -> QWidget:
        self.accounts: RecordTableModel[Any] = RecordTableModel([
            Column("username", QCoreApplication.translate("AdminPage", "Tên đăng nhập"), lambda u: u.username),
            Column("name", QCoreApplication.translate("AdminPage", "Tên hiển thị"), lambda u: u.display_name),
            Column("role", QCoreApplication.translate("AdminPage", "Vai trò"), lambda u: role_label(u.role)),
            Column("person", QCoreApplication.translate("AdminPage", "Hồ sơ gắn với"), lambda u: self._person_names.get(u.person_id, "")),
            Column("active", QCoreApplication.translate("AdminPage", "Đang dùng"), lambda u: _yes(u.active)),
            Column("locked", QCoreApplication.translate("AdminPage", "Đang bị khoá"), lambda u: _yes(u.locked)),
            Column("last", QCoreApplication.translate("AdminPage", "Đăng nhập lần cuối"), lambda u: fmt_date(u.last_login_at)),
        ], self)
        self._person_names: dict[int | None, str] = {}
        self.account_table = make_table(self.accounts, self.tr("Danh sách tài khoản"))
        self.account_table.setObjectName("accountTable")
        set_column_widths(self.account_table, [120, 170, 150, 170, 70, 90])

        # a new account
        add_box = QGroupBox(self.tr("Thêm tài khoản"))
        form = QFormLayout(add_box)
        self.new_username = self._edit("newUsername", self.tr("Tên đăng nhập"))
        self.new_name = self._edit("newDisplayName", self.tr("Tên hiển thị"))
        self.new_password = self._edit("newPassword", self.tr("Mật khẩu ban đầu"))
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_role = QComboBox()
        self.new_role.setObjectName("newRole")
        self.new_role.setAccessibleName(self.tr("Vai trò"))
        for role in (Role.STAFF, Role.HEAD, Role.CLERK, Role.PROVINCE_HR, Role.ADMIN):
            self.new_role.addItem(role_label(role), role.value)
        self.new_person = QComboBox()
        self.new_person.setObjectName("newPerson")
        self.new_person.setAccessibleName(self.tr("Hồ sơ cán bộ gắn với tài khoản"))
        self.new_person.setEditable(True)
        self.new_person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.new_body = QComboBox()
        self.new_body.setObjectName("newBody")
        self.new_body.setAccessibleName(self.tr("Cơ quan, đơn vị phụ trách (lãnh đạo)"))
        self.add_button = QPushButton(self.tr("Thê&m tài khoản"))
        self.add_button.setObjectName("addAccount")
        self.add_button.setAccessibleName(self.tr("Thêm tài khoản"))
        self.account_messages = {
            "username": FieldMessage(self.new_username), "password": FieldMessage(self.new_password),
            "person_id": FieldMessage(self.new_person), "body_id": FieldMessage(self.new_body),
            "role": FieldMessage(self.new_role),
        }
        self.account_message = FieldMessage()
        self.account_message.setObjectName("accountMessage")
        form.addRow(self._buddy(self.tr("Tên đăng &nhập:"), self.new_username), self.new_username)
        form.addRow("", self.account_messages["username"])
        form.addRow(self._buddy(self.tr("Tên &hiển thị:"), self.new_name), self.new_name)
        form.addRow(self._buddy(self.tr("&Mật khẩu ban đầu:"), self.new_password), self.new_password)
        form.addRow("", self.account_messages["password"])
        form.addRow(self._buddy(self.tr("&Vai trò:"), self.new_role), self.new_role)
        form.addRow("", self.account_messages["role"])
        form.addRow(self._buddy(self.tr("&Hồ sơ cán bộ:"), self.new_person), self.new_person)
        form.addRow("", self.account_messages["person_id"])
        form.addRow(self._buddy(self.tr("Đơn vị &phụ trách:"), self.new_body), self.new_body)
        form.addRow("", self.account_messages["body_id"])
        form.addRow(self.add_button)

        # the selected account
        sel_box = QGroupBox(self.tr("Tài khoản đang chọn"))
        sform = QFormLayout(sel_box)
        self.selected_label = QLabel()
        self.selected_label.setObjectName("selectedAccount")
        self.reset_password_edit = self._edit("resetPassword", self.tr("Mật khẩu tạm mới"))
        self.reset_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_button = self._button("resetPasswordButton", self.tr("Đặt &lại mật khẩu"))
        self.unlock_button = self._button("unlockAccount", self.tr("&Mở khoá"))
        self.active_button = self._button("toggleActive", self.tr("&Ngừng sử dụng"))
        self.selected_message = FieldMessage(self.reset_password_edit)
        sform.addRow(self.selected_label)
        sform.addRow(self._buddy(self.tr("Mật khẩu &tạm:"), self.reset_password_edit), self.reset_password_edit)
        sform.addRow("", self.selected_message)
        row = QHBoxLayout()
        for b in (self.reset_button, self.unlock_button, self.active_button):
            row.addWidget(b)
        sform.addRow(row)
        self.account_status = QLabel()
        self.account_status.setObjectName("accountStatus")
        self.account_status.setWordWrap(True)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(add_box)
        side_layout.addWidget(sel_box)
        side_layout.addWidget(self.account_message)
        side_layout.addWidget(self.account_status)
        side_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.account_table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.add_button.clicked.connect(lambda: self.add_account())
        self.reset_button.clicked.connect(lambda: self.reset_password())
        self.unlock_button.clicked.connect(lambda: self.unlock_account())
        self.active_button.clicked.connect(lambda: self.toggle_active())
        self.account_table.selectionModel().currentRowChanged.connect(lambda *_: self._account_changed())
        self._load_links()
        self._account_changed()
        return splitter

    def _edit(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        return edit

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        return button

    @staticmethod
    def _buddy(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _load_links(self) -> None:
        from kpi_desktop.services import people, units

        self.new_person.clear()
        self.new_person.addItem(self.tr("(không gắn)"), None)
        self.new_body.clear()
        self.new_body.addItem(self.tr("(không gắn)"), None)
        try:
            for row in people.list_people(self.ctx.db, self.ctx.actor):
                self.new_person.addItem(f"{row.full_name} ({row.code})", row.id)
                self._person_names[row.id] = row.full_name
            for body in units.list_bodies(self.ctx.db, self.ctx.actor):
                self.new_body.addItem(body.name, body.id)
        except KpiError as exc:
            self.account_message.show_message(error_text(exc))

    def load_accounts(self) -> None:
        from kpi_desktop.services import auth

        try:
            users = auth.list_users(self.ctx.db, self.ctx.actor)
        except KpiError as exc:
            self.account_message.show_message(error_text(exc))
            return
        selected = self._selected_account()
        self.accounts.set_records(users)
        if selected is not None:
            row = self.accounts.row_of(lambda u: u.username == selected.username)
            if row >= 0:
                self.account_table.setCurrentIndex(self.accounts.index(row, 0))
        self._account_changed()

    def _selected_account(self) -> Any:
        if not hasattr(self, "account_table"):
            return None
        index = self.account_table.currentIndex()
        return self.accounts.data(index, RecordRole) if index.isValid() else None

    def select_account(self, username: str) -> bool:
        row = self.accounts.row_of(lambda u: u.username == username)
        if row < 0:
            return False
        self.account_table.setCurrentIndex(self.accounts.index(row, 0))
        return True

    def _account_changed(self) -> None:
        user = self._selected_account()
        for w in (self.reset_button, self.unlock_button, self.active_button, self.reset_password_edit):
            w.setEnabled(user is not None)
        if user is None:
            self.selected_label.setText(self.tr("Chọn một tài khoản trong danh sách."))
            return
        state = [role_label(user.role)]
        if not user.active:
            state.append(self.tr("đã ngừng sử dụng"))
        if user.locked:
            state.append(self.tr("đang bị khoá do nhập sai mật khẩu"))
        self.selected_label.setText(f"{user.display_name} ({user.username}) — " + ", ".join(state))
        self.unlock_button.setEnabled(user.locked)
        self.active_button.setText(self.tr("&Ngừng sử dụng") if user.active else self.tr("&Dùng lại"))
        self.active_button.setAccessibleName(self.active_button.text().replace("&", ""))
        self.selected_message.clear_message()

    def _clear_account_messages(self) -> None:
        for m in self.account_messages.values():
            m.clear_message()
        self.account_message.clear_message()
        self.selected_message.clear_message()

    def add_account(self) -> bool:
        from kpi_desktop.services import auth

        self._clear_account_messages()
        username = self.new_username.text().strip()
        try:
            user = auth.create_user(self.ctx.db, self.ctx.actor, username, self.new_password.text(),
                                    str(self.new_role.currentData()), display_name=self.new_name.text().strip(),
                                    person_id=self.new_person.currentData(), body_id=self.new_body.currentData())
        except KpiError as exc:
            route_error(exc, self.account_messages, self.account_message)
            return False
        self.account_status.setText(self.tr("Đã thêm tài khoản «{u}» ({role}); người dùng phải đổi mật khẩu "
                                            "khi đăng nhập lần đầu.").format(u=user.username, role=role_label(user.role)))
        for edit in (self.new_username, self.new_name, self.new_password):
            edit.clear()
        self.load_accounts()
        self.select_account(user.username)
        return True

    def _on_selected(self, action: Any, message: str) -> bool:
        user = self._selected_account()
        if user is None:
            return False
        self._clear_account_messages()
        try:
            action(user)
        except KpiError as exc:
            self.selected_message.show_message(error_text(exc))
            return False
        self.account_status.setText(message.format(u=user.username))
        self.load_accounts()
        return True

    def reset_password(self) -> bool:
        from kpi_desktop.services import auth

        password = self.reset_password_edit.text()
        ok = self._on_selected(lambda u: auth.reset_password(self.ctx.db, self.ctx.actor, u.username, password),
                               self.tr("Đã đặt lại mật khẩu của «{u}»; người dùng phải đổi mật khẩu khi đăng nhập."))
        if ok:
            self.reset_password_edit.clear()
        return ok

    def unlock_account(self) -> bool:
        from kpi_desktop.services import auth

        return self._on_selected(lambda u: auth.unlock(self.ctx.db, self.ctx.actor, u.username),
                                 self.tr("Đã mở khoá tài khoản «{u}»."))

    def toggle_active(self) -> bool:
        from kpi_desktop.services import auth

        user = self._selected_account()
        if user is None:
            return False
        text = (self.tr("Đã ngừng sử dụng tài khoản «{u}».") if user.active
                else self.tr("Đã cho dùng lại tài khoản «{u}»."))
        return self._on_selected(lambda u: auth.set_active(self.ctx.db, self.ctx.actor, u.username, not u.active),
                                 text)

    # backups ---------------------------------------------------------------------------------------
    def _backups_tab(self) -> QWidget:
        self.backups: RecordTableModel[Any] = RecordTableModel([
            Column("name", QCoreApplication.translate("AdminPage", "Tệp sao lưu"), lambda b: b.path.name),
            Column("created", QCoreApplication.translate("AdminPage", "Thời điểm"),
                   lambda b: f"{fmt_date(b.created)} {b.created:%H:%M:%S}", sort_key=lambda b: b.created.isoformat()),
            Column("kind", QCoreApplication.translate("AdminPage", "Loại"),
                   lambda b: QCoreApplication.translate("AdminPage", "tự động ({reason})").format(reason=b.reason) if b.automatic
                   else QCoreApplication.translate("AdminPage", "người dùng tạo")),
            Column("size", QCoreApplication.translate("AdminPage", "Dung lượng"), lambda b: _size(b.size), sort_key=lambda b: b.size),
        ], self)
        self.backup_table = make_table(self.backups, self.tr("Danh sách bản sao lưu"))
        self.backup_table.setObjectName("backupTable")
        set_column_widths(self.backup_table, [380, 150, 170])
        self.backup_button = self._button("backupNow", self.tr("&Sao lưu ngay"))
        self.restore_button = self._button("restoreBackup", self.tr("&Khôi phục bản đã chọn…"))
        self.restore_button.setVisible(self.can_restore)
        self.restore_file_button = self._button("restoreFromFile", self.tr("Khôi phục từ tệp &khác…"))
        self.restore_file_button.setVisible(self.can_restore)
        self.backup_message = FieldMessage()
        self.backup_message.setObjectName("backupMessage")
        self.backup_status = QLabel()
        self.backup_status.setObjectName("backupStatus")
        self.backup_status.setWordWrap(True)
        note = QLabel(self.tr("Bản sao lưu tự động được tạo mỗi ngày khi mở chương trình, trước khi nâng cấp "
                              "và trước khi nhập dữ liệu. Khi khôi phục, dữ liệu hiện tại được giữ lại thành một "
                              "tệp bên cạnh cơ sở dữ liệu."))
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addWidget(self.restore_file_button)
        row.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(self.backup_message)
        layout.addWidget(self.backup_status)
        layout.addWidget(self.backup_table, 1)
        self.backup_button.clicked.connect(lambda: self.backup_now())
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        self.restore_file_button.clicked.connect(lambda: self.restore_from_file())
        return page

    def load_backups(self) -> None:
        from kpi_desktop.services import backup

        path = self.ctx.db.path
        if path is None:
            self.backup_message.show_message(self.tr("Cơ sở dữ liệu máy chủ được sao lưu bằng công cụ của máy chủ."))
            for button in (self.backup_button, self.restore_button, self.restore_file_button):
                button.setEnabled(False)
            return
        try:
            self.backups.set_records(backup.list_backups(path))
        except OSError as exc:
            self.backup_message.show_message(str(exc))

    def backup_now(self) -> TaskHandle:
        from kpi_desktop.services import backup

        db, actor = self.ctx.db, self.ctx.actor
        self.backup_message.clear_message()
        self.backup_button.setEnabled(False)

        def done(info: Any) -> None:
            self.backup_button.setEnabled(True)
            self.backup_status.setText(self.tr("Đã sao lưu vào {file} ({size}).").format(file=info.path,
                                                                                       size=_size(info.size)))
            self.load_backups()

        def fail(error: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self.backup_message.show_message(error_text(error) if isinstance(error, KpiError) else str(error))

        return self._run(lambda: backup.backup_now(db, actor), done, fail, writes=True)

    def selected_backup(self) -> Any:
        index = self.backup_table.currentIndex()
        return self.backups.data(index, RecordRole) if index.isValid() else None

    def restore_selected(self) -> TaskHandle | None:
        chosen = self.selected_backup()
        self.backup_message.clear_message()
        if chosen is None:
            self.backup_message.show_message(self.tr("Hãy chọn một bản sao lưu trong danh sách."))
            return None
        return self._restore(chosen.path, f"{fmt_date(chosen.created)} {chosen.created:%H:%M}")

    def restore_from_file(self, file: str | None = None) -> TaskHandle | None:
        """A backup kept elsewhere (a USB stick, another machine's backup folder)."""
        from datetime import datetime

        self.backup_message.clear_message()
        if file is None:
            file, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp sao lưu"), "",
                                                  self.tr("Cơ sở dữ liệu SQLite (*.db *.sqlite);;Mọi tệp (*)"))
        if not file:
            return None
        path = Path(file)
        if not path.is_file():
            self.backup_message.show_message(self.tr("Không tìm thấy tệp «{file}».").format(file=file))
            return None
        when = datetime.fromtimestamp(path.stat().st_mtime)
        return self._restore(path, f"{fmt_date(when)} {when:%H:%M}")

    def _restore(self, source: Path, when: str) -> TaskHandle | None:
        from kpi_desktop.services import backup

        answer = QMessageBox.question(
            self, self.tr("Khôi phục dữ liệu"),
            self.tr("Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu «{name}» ({when})?\n\nDữ liệu hiện tại được "
                    "giữ lại thành một tệp bên cạnh cơ sở dữ liệu.").format(name=source.name, when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            self.backup_status.setText(self.tr("Không khôi phục."))
            return None
        db, actor, path, lock = self.ctx.db, self.ctx.actor, self.ctx.db.path, self.ctx.lock
        assert path is not None

        def work() -> Any:
            from kpi_desktop.store.migrate import upgrade_to_head

            db.close()  # pooled connections must not keep writing to the replaced file
            result = backup.restore(path, source, actor=actor, lock=lock)
            upgrade_to_head(db)  # a backup from an older version is brought up to this one
            return result

        def done(result: Any) -> None:
            text = self.tr("Đã khôi phục từ {file}.").format(file=result.restored_from.name)
            if result.kept_previous is not None:
                text += " " + self.tr("Dữ liệu trước khi khôi phục được giữ ở {file}.").format(
                    file=result.kept_previous)
            self.backup_status.setText(text)
            self.refresh()

        def fail(error: BaseException) -> None:
            self.backup_message.show_message(error_text(error) if isinstance(error, KpiError) else str(error))

        return self._run(work, done, fail, writes=True)

    # audit -----------------------------------------------------------------------------------------
    def _audit_tab(self) -> QWidget:
        self.entries: RecordTableModel[Any] = RecordTableModel([
            Column("seq", QCoreApplication.translate("AdminPage", "Số"), lambda e: e["seq"], numeric=True, sort_key=lambda e: e["seq"]),
            Column("ts", QCoreApplication.translate("AdminPage", "Thời điểm"), lambda e: _when(e["ts"]), sort_key=lambda e: e["seq"]),
            Column("actor", QCoreApplication.translate("AdminPage", "Người thực hiện"), lambda e: e["actor"]),
            Column("action", QCoreApplication.translate("AdminPage", "Thao tác"), lambda e: _action(e["action"])),
            Column("entity", QCoreApplication.translate("AdminPage", "Đối tượng"), lambda e: f"{e['entity']} {e['entity_id'] or ''}".strip()),
            Column("period", QCoreApplication.translate("AdminPage", "Kỳ"), lambda e: e["period_code"] or ""),
            Column("reason", QCoreApplication.translate("AdminPage", "Lý do"), lambda e: e["reason"] or ""),
            Column("before", QCoreApplication.translate("AdminPage", "Trước"), lambda e: _json_text(e["before"])),
            Column("after", QCoreApplication.translate("AdminPage", "Sau"), lambda e: _json_text(e["after"])),
        ], self)
        self.audit_table = make_table(self.entries, self.tr("Các mục nhật ký gần đây"))
        self.audit_table.setObjectName("auditTable")
        set_column_widths(self.audit_table, [60, 150, 110, 90, 170, 70, 120, 200])
        self.verify_button = self._button("verifyAudit", self.tr("&Kiểm tra tính toàn vẹn"))
        self.reload_audit_button = self._button("reloadAudit", self.tr("&Tải lại"))
        self.audit_result = QLabel(self.tr("Bấm «Kiểm tra tính toàn vẹn» để kiểm tra chuỗi băm của nhật ký."))
        self.audit_result.setObjectName("auditResult")
        self.audit_result.setWordWrap(True)
        self.audit_result.setAccessibleName(self.tr("Kết quả kiểm tra nhật ký"))
        self.audit_message = FieldMessage()
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addWidget(self.reload_audit_button)
        row.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.audit_result)
        layout.addWidget(self.audit_message)
        layout.addWidget(self.audit_table, 1)
        self.verify_button.clicked.connect(lambda: self.verify_audit())
        self.reload_audit_button.clicked.connect(lambda: self.load_audit())
        return page

    def load_audit(self) -> TaskHandle:
        from kpi_desktop.services import audit

        db, actor = self.ctx.db, self.ctx.actor

        def done(entries: Any) -> None:
            self.audit_message.clear_message()
            self.entries.set_records(entries)

        def fail(error: BaseException) -> None:
            self.audit_message.show_message(error_text(error) if isinstance(error, KpiError) else str(error))

        return self._run(lambda: audit.list_entries(db, actor, limit=500), done, fail)

    def verify_audit(self) -> TaskHandle:
        from kpi_desktop.services import audit

        db = self.ctx.db
        self.verify_button.setEnabled(False)
        self.audit_result.setText(self.tr("Đang kiểm tra…"))

        def done(report: Any) -> None:
            self.verify_button.setEnabled(True)
            self.audit_result.setText(audit_summary(report))
            self.audit_result.setStyleSheet("" if report.ok else "color: #b00020;")

        def fail(error: BaseException) -> None:
            self.verify_button.setEnabled(True)
            self.audit_result.setText(error_text(error) if isinstance(error, KpiError) else str(error))

        return self._run(lambda: audit.verify_database(db), done, fail)
