"""Log in with a local account. The check itself is the auth service's; this only collects input."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import KpiError

Authenticate = Callable[[str, str], Actor]


class LoginDialog(QDialog):
    def __init__(self, authenticate: Authenticate, unit_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Đăng nhập — KPI Desktop"))
        self._authenticate = authenticate
        self.actor: Actor | None = None

        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Đăng nhập bằng tài khoản trên máy này"))
        layout.addWidget(title)
        self.unit = QLabel(unit_name)
        self.unit.setObjectName("unitName")
        layout.addWidget(self.unit)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setAccessibleName(self.tr("Tên đăng nhập"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Mật khẩu"))
        form.addRow(self.tr("&Tên đăng nhập:"), self.username)
        form.addRow(self.tr("&Mật khẩu:"), self.password)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setAccessibleName(self.tr("Thông báo lỗi đăng nhập"))
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Đăng &nhập"))
        ok.setObjectName("loginButton")
        self.buttons.accepted.connect(self._try_login)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.username.setFocus()

    def set_waiting(self) -> None:
        """The database is still opening: the fields can be filled in, logging in waits."""
        self.unit.setText(self.tr("Đang mở cơ sở dữ liệu…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def set_ready(self, unit_name: str) -> None:
        self.unit.setText(unit_name)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def _try_login(self) -> None:
        username = self.username.text().strip()
        if not username:
            self._show_error(self.tr("Hãy nhập tên đăng nhập."))
            self.username.setFocus()
            return
        try:
            self.actor = self._authenticate(username, self.password.text())
        except KpiError as exc:
            self._show_error(exc.message + (f" {exc.hint}" if exc.hint else ""))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
