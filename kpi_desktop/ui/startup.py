"""Start-up: the login dialog appears at once while the unit database opens (or is created and
migrated) on a worker thread; a new database gets the first-run wizard first; after login the main
window; logout returns to the login dialog.

The database is opened through `services.session_start.open_for_session`: the single-instance lock
first (a second window on the same database gets a Vietnamese message and exit code 5), then the
daily backup and the forwarding of overdue deadline steps; their warnings are shown, not fatal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox

from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import KpiError
from kpi_desktop.services.instance_lock import AlreadyRunning
from kpi_desktop.services.session_start import OpenedSession, close_quietly, open_for_session
from kpi_desktop.store.db import Database
from kpi_desktop.ui.after_paint import after_first_paint
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.dialogs.login import LoginDialog
from kpi_desktop.ui.main_window import MainWindow
from kpi_desktop.ui.opening import OpeningDatabase

EXIT_BAD_DATABASE = 2


class StartupFlow(QObject):
    def __init__(self, db_arg: str | None, lang: str) -> None:
        super().__init__()
        self.db_arg = db_arg
        self.lang = lang
        self.db: Database | None = None
        self.window: MainWindow | None = None
        self.dialog: LoginDialog | None = None
        self.reminder: QMessageBox | None = None
        self.opening: OpeningDatabase | None = None
        self.session: OpenedSession | None = None
        self.error_box: QMessageBox | None = None
        self.warnings_box: QMessageBox | None = None
        self.failed = False
        self.exit_code = 0

    def start(self) -> None:
        """Show the login dialog now; the rest follows from signals inside the event loop."""
        db_arg = self.db_arg

        def open_database() -> Database:
            self.session = open_for_session(db_arg)
            return self.session.db

        self.opening = OpeningDatabase(open_database, start=False)
        self.opening.signals.failed.connect(self._open_failed)
        self._show_login(waiting=True)
        self.opening.when_open(self._opened)
        assert self.dialog is not None
        after_first_paint(self.dialog, self.opening.start)

    # the database ------------------------------------------------------------------------------
    def _open_failed(self, exc: BaseException) -> None:
        self.failed = True
        if self.dialog is not None:
            self.dialog.hide()
        if not isinstance(exc, KpiError):
            raise exc  # the crash handler logs it and explains
        if isinstance(exc, AlreadyRunning):
            title = QCoreApplication.translate("startup", "KPI Desktop đang mở cơ sở dữ liệu này")
            icon = QMessageBox.Icon.Warning
        else:
            title = QCoreApplication.translate("startup", "Không mở được cơ sở dữ liệu")
            icon = QMessageBox.Icon.Critical
        self.exit_code = exc.exit_code if isinstance(exc, AlreadyRunning) else EXIT_BAD_DATABASE
        box = QMessageBox(icon, title, exc.message, QMessageBox.StandardButton.Ok)
        box.setObjectName("openFailedDialog")
        if exc.hint:
            box.setInformativeText(exc.hint)
        self.error_box = box
        box.exec()
        QCoreApplication.exit(self.exit_code)

    def close(self) -> None:
        """At exit: close the database and release the instance lock."""
        close_quietly(self.session)
        self.session = None

    def _opened(self) -> None:
        from kpi_desktop.ui.dialogs.first_run import FirstRunWizard

        assert self.opening is not None
        self.db = self.opening.wait()
        self._show_warnings()
        if FirstRunWizard.needed(self.db):
            if self.dialog is not None:
                self.dialog.hide()
            wizard = FirstRunWizard(self.db)
            if wizard.exec() != QDialog.DialogCode.Accepted:
                QCoreApplication.quit()
                return
            if self.dialog is not None:
                self.dialog.show()
        if self.dialog is not None:
            self.dialog.set_ready(self._unit_name())

    def _show_warnings(self) -> None:
        """What the session start could not do (daily backup, deadline forwarding): shown, not fatal."""
        if self.session is None or not self.session.warnings:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("startup", "Cảnh báo khi khởi động"),
                          "\n".join(self.session.warnings), QMessageBox.StandardButton.Ok, self.dialog)
        box.setObjectName("startupWarnings")
        box.open()
        self.warnings_box = box

    def _unit_name(self) -> str:
        from kpi_desktop.domain.roles import SYSTEM
        from kpi_desktop.services import units

        assert self.db is not None
        unit = units.home_unit(self.db, SYSTEM)
        return f"{unit.name} — {unit.province_name}" if unit else ""

    # login -------------------------------------------------------------------------------------
    def _authenticate(self, username: str, password: str) -> Actor:
        from kpi_desktop.services import auth

        assert self.db is not None
        return auth.login(self.db, username, password)

    def _show_login(self, waiting: bool) -> None:
        dialog = LoginDialog(self._authenticate)
        dialog.accepted.connect(self._logged_in)
        dialog.rejected.connect(QCoreApplication.quit)
        if waiting:
            dialog.set_waiting()
        else:
            dialog.set_ready(self._unit_name())
        self.dialog = dialog
        dialog.show()

    def _logged_in(self) -> None:
        assert self.db is not None and self.dialog is not None and self.dialog.actor is not None
        self.window = MainWindow(AppContext(self.db, self.dialog.actor, self.lang,
                                                 lock=self.session.lock if self.session else None))
        self.window.logout_requested.connect(self._after_logout)
        self.window.show()
        self.dialog.deleteLater()
        self.dialog = None
        QTimer.singleShot(0, self._remind)

    def _remind(self) -> None:
        """Deadline reminders on start-up: what is overdue or due within three days, for this account."""
        if self.window is None:
            return
        from kpi_desktop.ui.pages.dashboard import overdue_messages

        messages = overdue_messages(self.window.ctx)
        if not messages:
            return
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("startup", "Nhắc hạn"),
                          QCoreApplication.translate("startup", "Có {n} việc quá hạn hoặc sắp đến hạn.").format(
                              n=len(messages)),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("reminderDialog")
        box.setInformativeText("\n".join(messages[:8]) + ("\n…" if len(messages) > 8 else ""))
        box.setDetailedText("\n".join(messages))
        box.open()
        self.reminder = box

    def _after_logout(self) -> None:
        old = self.window
        self.window = None
        if old is not None:
            old.deleteLater()
        self._show_login(waiting=False)
