"""The application shell: entry-point modes, main window, crash handler, workers, translations."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from kpi_desktop.domain.roles import Actor, Role
from kpi_desktop.errors import InputError, PermissionDenied
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.crash import CrashHandler
from kpi_desktop.ui.dialogs.login import LoginDialog
from kpi_desktop.ui.main_window import MainWindow
from kpi_desktop.ui.theme.fonts import UI_FAMILY, VIETNAMESE_LETTERS, missing_glyphs
from kpi_desktop.ui.workers import Cancelled, CancelToken, run_task, write_pool

from .helpers import type_text

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[2]


def _run_app(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "KPI_DATA_DIR": str(data)}
    return subprocess.run([sys.executable, "-m", "kpi_desktop.app", *args], capture_output=True, text=True,
                          env=env, timeout=120, check=False)


def test_smoke_test_migrates_renders_and_exits_zero(tmp_path: Path) -> None:
    out = tmp_path / "smoke.png"
    result = _run_app("--smoke-test", str(out), data=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "smoke-test OK" in result.stdout
    assert "DejaVu Sans" in result.stdout
    image = QImage(str(out))
    assert not image.isNull() and image.width() == 1024
    # no stray warnings from the offscreen plug-in
    assert "propagateSizeHints" not in result.stderr


def test_screenshot_renders_requested_page_and_rejects_unknown(tmp_path: Path) -> None:
    db = tmp_path / "unit.db"
    out = tmp_path / "about.png"
    result = _run_app("--db", str(db), "--screenshot", str(out), "--page", "about", "--size", "900x600",
                      data=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)
    bad = _run_app("--db", str(db), "--screenshot", str(out), "--page", "khong-co", data=tmp_path / "data")
    assert bad.returncode == 2
    assert "không có trang «khong-co»" in bad.stderr


def test_bundled_font_draws_every_vietnamese_letter(kpi_app: QApplication) -> None:
    assert QFontInfo(kpi_app.font()).family() == UI_FAMILY
    assert missing_glyphs(kpi_app.font(), VIETNAMESE_LETTERS) == ""


def test_main_window_navigates_by_list_and_keyboard(qtbot: QtBot, admin_ctx: AppContext) -> None:
    window = MainWindow(admin_ctx)
    qtbot.addWidget(window)
    window.show()
    assert "about" in window.page_names()
    assert window.current_page_name() == window.page_names()[0]
    with qtbot.waitSignal(window.page_changed, raising=False, timeout=200):
        qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.page(window.page_names()[0])
    assert "Quản trị" in window.user_label.text()
    assert window.navigation.accessibleName()


def test_crash_handler_logs_traceback_and_shows_vietnamese_dialog(qtbot: QtBot, kpi_app: QApplication,
                                                                  data_dir: Path) -> None:
    shown: list[QMessageBox] = []
    handler = CrashHandler(show=shown.append)
    try:
        raise RuntimeError("hỏng hóc thử nghiệm")
    except RuntimeError as exc:
        box = handler.handle(type(exc), exc, exc.__traceback__)
    assert shown == [box]
    assert box.windowTitle() == "Lỗi không mong đợi"
    assert "lỗi không mong đợi" in box.text()
    assert "hỏng hóc thử nghiệm" in box.detailedText()
    log = handler.last_log
    assert log is not None and log.parent == data_dir / "logs"
    assert "RuntimeError: hỏng hóc thử nghiệm" in log.read_text(encoding="utf-8")
    assert str(log) in box.informativeText()
    # a user error is a message, not a crash: no log, no traceback
    handler.last_log = None
    warn = handler.handle(InputError, InputError("Điểm phải từ 0 đến 10.", hint="Sửa lại ô điểm."), None)
    assert warn.text() == "Điểm phải từ 0 đến 10." and warn.informativeText() == "Sửa lại ô điểm."
    assert handler.last_log is None and not warn.detailedText()


def test_crash_from_a_worker_thread_reaches_the_gui_thread(qtbot: QtBot, kpi_app: QApplication,
                                                           data_dir: Path) -> None:
    shown: list[QMessageBox] = []
    handler = CrashHandler(show=shown.append)

    def boom() -> None:
        try:
            raise ValueError("trong luồng phụ")
        except ValueError as exc:
            handler.excepthook(type(exc), exc, exc.__traceback__)

    thread = threading.Thread(target=boom)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert "trong luồng phụ" in shown[0].detailedText()


def test_run_task_reports_progress_and_result_on_gui_thread(qtbot: QtBot, kpi_app: QApplication) -> None:
    seen: list[tuple[int, int, str]] = []
    results: list[object] = []
    gui_thread = threading.get_ident()
    threads: list[int] = []

    def work(progress, cancel: CancelToken) -> int:  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        for i in range(3):
            cancel.check()
            progress(i + 1, 3, f"bước {i + 1}")
        return 42

    def on_progress(done: int, total: int, text: str) -> None:
        assert threading.get_ident() == gui_thread
        seen.append((done, total, text))

    handle = run_task(work, on_success=results.append, on_progress=on_progress, writes=True)
    with qtbot.waitSignal(handle.finished) as blocker:
        pass
    assert blocker.args == [True]
    assert results == [42] and seen[-1] == (3, 3, "bước 3")
    assert threads and threads[0] != gui_thread
    assert write_pool().maxThreadCount() == 1


def test_run_task_failure_and_cancel(qtbot: QtBot, kpi_app: QApplication) -> None:
    failures: list[BaseException] = []
    handle = run_task(lambda p, c: (_ for _ in ()).throw(PermissionDenied("Không đủ quyền.")),
                      on_failure=lambda e, _d: failures.append(e))
    with qtbot.waitSignal(handle.finished):
        pass
    assert isinstance(failures[0], PermissionDenied)

    started = threading.Event()
    release = threading.Event()

    def slow(progress, cancel: CancelToken) -> None:  # type: ignore[no-untyped-def]
        started.set()
        release.wait(10)
        cancel.check()

    cancelled: list[BaseException] = []
    handle = run_task(slow, on_failure=lambda e, _d: cancelled.append(e))
    started.wait(10)
    handle.cancel()
    release.set()
    with qtbot.waitSignal(handle.finished):
        pass
    assert isinstance(cancelled[0], Cancelled)


def test_login_dialog_shows_errors_next_to_fields(qtbot: QtBot, kpi_app: QApplication) -> None:
    def authenticate(username: str, password: str) -> Actor:
        if (username, password) != ("lan", "đúng-mật-khẩu"):
            raise PermissionDenied("Sai tên đăng nhập hoặc mật khẩu.")
        return Actor(username="lan", role=Role.STAFF)

    dialog = LoginDialog(authenticate)
    qtbot.addWidget(dialog)
    dialog.show()
    login = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(login, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and dialog.error.text() == "Hãy nhập tên đăng nhập."
    qtbot.keyClicks(dialog.username, "lan")
    qtbot.keyClicks(dialog.password, "sai")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.error.text() == "Sai tên đăng nhập hoặc mật khẩu."
    assert dialog.password.text() == ""
    type_text(dialog.password, "đúng-mật-khẩu")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.username == "lan"


def test_translations_vietnamese_standard_buttons_and_english_ui(qtbot: QtBot, kpi_app: QApplication,
                                                                  admin_ctx: AppContext) -> None:
    from kpi_desktop.ui.i18n import install_translators

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "Đồng ý"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Huỷ"
    try:
        loaded = install_translators(kpi_app, "en")
        assert [p.name for p in loaded] == ["kpi_desktop_en.qm"]
        window = MainWindow(admin_ctx)
        qtbot.addWidget(window)
        assert window.windowTitle() == "KPI Desktop — KPI evaluation and rating"
        english = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(english)
        assert english.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    finally:
        install_translators(kpi_app, "vi")


def test_english_translation_is_complete_and_compiled(kpi_app: QApplication) -> None:
    import xml.etree.ElementTree as ET

    from PySide6.QtCore import QTranslator

    from kpi_desktop.ui.i18n import I18N_DIR

    ts = ET.parse(I18N_DIR / "kpi_desktop_en.ts")
    unfinished = [m.findtext("source") for m in ts.iter("message")
                  if m.find("translation") is not None and m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    translator = QTranslator()
    assert translator.load(str(I18N_DIR / "kpi_desktop_en.qm"))
    # the compiled file holds what the source file says, context by context
    for context in ts.iter("context"):
        name = context.findtext("name")
        message = context.find("message")
        assert message is not None
        source, expected = message.findtext("source"), message.findtext("translation")
        assert translator.translate(name, source) == expected, (name, source)
    vi = QTranslator()
    assert vi.load(str(I18N_DIR / "kpi_desktop_qtbase_vi.qm"))
    assert vi.translate("QPlatformTheme", "Cancel") == "Huỷ"
    assert vi.translate("QWizard", "< &Back") == "< &Quay lại"
