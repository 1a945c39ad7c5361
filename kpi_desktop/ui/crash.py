"""Last line of defence: an unexpected exception is written to the data folder's logs and shown in a
Vietnamese dialog with the technical details folded away. A `KpiError` that escapes a slot is a
user mistake, not a crash: it gets its message and no log."""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kpi_desktop import __version__
from kpi_desktop.errors import KpiError
from kpi_desktop.paths import logs_dir


def write_crash_log(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path | None:
    """The traceback plus version information, in `logs/crash-<time>.log`; None if it cannot be written."""
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    try:
        path = logs_dir() / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.log"
        path.write_text(f"KPI Desktop {__version__}\nPython {sys.version}\n\n{text}", encoding="utf-8")
        return path
    except OSError:
        return None


def crash_dialog(exc: BaseException, details: str, log_path: Path | None,
                 parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("crashDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("crash", "Lỗi không mong đợi"))
    box.setText(QCoreApplication.translate(
        "crash", "Chương trình gặp một lỗi không mong đợi. Dữ liệu đã lưu không bị ảnh hưởng; "
                 "thao tác vừa rồi có thể chưa hoàn tất."))
    where = str(log_path) if log_path else QCoreApplication.translate("crash", "(không ghi được tệp nhật ký)")
    box.setInformativeText(QCoreApplication.translate(
        "crash", "Chi tiết kỹ thuật đã được ghi vào: {path}. Hãy gửi tệp này cho bộ phận hỗ trợ.").format(path=where))
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def user_error_dialog(exc: KpiError, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("userErrorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("crash", "Không thực hiện được"))
    box.setText(exc.message)
    if exc.hint:
        box.setInformativeText(exc.hint)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


class _Relay(QObject):
    """Carries an exception from any thread to the GUI thread (dialogs only work there)."""

    raised = Signal(object, object, object)


class CrashHandler(QObject):
    """Installed as `sys.excepthook` and `threading.excepthook` by the application."""

    def __init__(self, show: Callable[[QMessageBox], object] | None = None) -> None:
        super().__init__()
        self._relay = _Relay()
        self._relay.raised.connect(self._on_raised, Qt.ConnectionType.QueuedConnection)
        self._show = show or (lambda box: box.exec())
        self.last_log: Path | None = None
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        app = QApplication.instance()
        if app is not None and threading.current_thread() is threading.main_thread():
            self.handle(exc_type, exc, tb)
        else:
            self._relay.raised.emit(exc_type, exc, tb)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self._relay.raised.emit(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(object, object, object)
    def _on_raised(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        self.handle(exc_type, exc, tb)

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> QMessageBox:
        parent = QApplication.activeWindow()
        if isinstance(exc, KpiError):
            box = user_error_dialog(exc, parent)
        else:
            self.last_log = write_crash_log(exc_type, exc, tb)
            details = "".join(traceback.format_exception(exc_type, exc, tb))
            box = crash_dialog(exc, details, self.last_log, parent)
        self._show(box)
        return box
