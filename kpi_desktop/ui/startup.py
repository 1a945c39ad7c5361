"""Start-up: open (or create) the unit database, first-run wizard, login, main window; logout returns
to the login dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox

from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import KpiError
from kpi_desktop.store.db import Database
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.dialogs.login import LoginDialog
from kpi_desktop.ui.main_window import MainWindow


class StartupFlow(QObject):
    def __init__(self, db_arg: str | None, lang: str) -> None:
        super().__init__()
        self.db_arg = db_arg
        self.lang = lang
        self.db: Database | None = None
        self.window: MainWindow | None = None
        self.reminder: QMessageBox | None = None
        self.failed = False

    def start(self) -> bool:
        """False when the user gave up (or the database could not be opened)."""
        try:
            self.db = Database.open(self.db_arg)
        except KpiError as exc:
            self.failed = True
            box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("startup", "Không mở được cơ sở dữ liệu"), exc.message)
            if exc.hint:
                box.setInformativeText(exc.hint)
            box.exec()
            return False
        from kpi_desktop.ui.dialogs.first_run import FirstRunWizard

        if FirstRunWizard.needed(self.db):
            wizard = FirstRunWizard(self.db)
            if wizard.exec() != QDialog.DialogCode.Accepted:
                return False
        return self._login()

    def _authenticate(self, username: str, password: str) -> Actor:
        from kpi_desktop.services import auth

        assert self.db is not None
        return auth.login(self.db, username, password)

    def _unit_name(self) -> str:
        from kpi_desktop.domain.roles import SYSTEM
        from kpi_desktop.services import units

        assert self.db is not None
        unit = units.home_unit(self.db, SYSTEM)
        return f"{unit.name} — {unit.province_name}" if unit else ""

    def _login(self) -> bool:
        dialog = LoginDialog(self._authenticate, self._unit_name())
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            return False
        assert self.db is not None
        self.window = MainWindow(AppContext(self.db, dialog.actor, self.lang))
        self.window.logout_requested.connect(self._after_logout)
        self.window.show()
        QTimer.singleShot(0, self._remind)
        return True

    def _remind(self) -> None:
        """Deadline reminders on start-up: what is overdue or due within three days, for this account."""
        if self.window is None:
            return
        from kpi_desktop.ui.pages.dashboard import overdue_messages

        messages = overdue_messages(self.window.ctx)
        if not messages:
            return
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("startup", "Nhắc hạn"),
                          QCoreApplication.translate("startup", "Có {n} việc quá hạn hoặc sắp đến hạn.").format(n=len(messages)),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("reminderDialog")
        box.setInformativeText("\n".join(messages[:8]) + ("\n…" if len(messages) > 8 else ""))
        box.setDetailedText("\n".join(messages))
        box.open()
        self.reminder = box

    def _after_logout(self) -> None:
        QCoreApplication.instance().setQuitOnLastWindowClosed(False)  # type: ignore[union-attr]
        old = self.window
        self.window = None
        if old is not None:
            old.deleteLater()
        ok = self._login()
        QCoreApplication.instance().setQuitOnLastWindowClosed(True)  # type: ignore[union-attr]
        if not ok:
            QCoreApplication.quit()
