"""The `kpi-desktop` entry point: QApplication, fonts, translations, crash handler, start-up flow.

Also two non-interactive modes used by the README, CI and the installers:
`--screenshot FILE.png [--page NAME]` renders one page offscreen and exits, and
`--smoke-test [FILE.png]` migrates a fresh database in a temporary folder, renders a page with
Vietnamese text, checks that the bundled font draws every letter, and exits 0 (1 on failure).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kpi_desktop.store.db import Database
    from kpi_desktop.ui.main_window import MainWindow

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def _requested_language(argv: Sequence[str]) -> str:
    """`--lang` (looked for before parsing, so that --help is already in that language), else KPI_LANG,
    else Vietnamese."""
    lang = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    lang = lang or os.environ.get("KPI_LANG") or "vi"
    return "en" if lang.lower().startswith("en") else "vi"


def build_parser() -> argparse.ArgumentParser:
    """The options, with argparse's own headings and messages in the CLI language (`kpi_desktop.i18n`)."""
    from kpi_desktop.cli import KpiArgumentParser

    # Not named `tr`: lupdate would take these CLI strings (kpi_desktop.i18n, JSON) for Qt ones.
    from kpi_desktop.i18n import tr as cli_text

    parser = KpiArgumentParser(
        prog="kpi-desktop",
        description=cli_text("KPI Desktop — đánh giá, xếp loại cán bộ, công chức, viên chức theo KPI."),
    )
    parser.add_argument("--db", metavar=cli_text("CSDL"), help=cli_text("tệp SQLite hoặc URL SQLAlchemy (mặc định: KPI_DB, "
                                                          "rồi thư mục dữ liệu)"))
    parser.add_argument("--data-dir", metavar=cli_text("THƯ_MỤC"),
                        help=cli_text("thư mục dữ liệu (nhật ký, sao lưu, CSDL mặc định)"))
    parser.add_argument("--lang", choices=["vi", "en"],
                        help=cli_text("ngôn ngữ giao diện (mặc định: vi, hoặc KPI_LANG)"))
    parser.add_argument("--screenshot", metavar=cli_text("TỆP.png"),
                        help=cli_text("vẽ một trang ra tệp PNG (không hiện cửa sổ) rồi thoát"))
    parser.add_argument("--page", metavar=cli_text("TÊN"),
                        help=cli_text("trang để chụp với --screenshot (mặc định: trang đầu)"))
    parser.add_argument("--role", choices=["clerk", "staff", "head", "province_hr", "admin"], default="clerk",
                        help=cli_text("vai trò dùng khi chụp trang với --screenshot (mặc định: clerk)"))
    parser.add_argument("--size", metavar=cli_text("RỘNGxCAO"), default="1280x800", help=cli_text("kích thước ảnh chụp"))
    parser.add_argument("--smoke-test", nargs="?", const="", metavar=cli_text("TỆP.png"),
                        help=cli_text("kiểm tra khởi động: tạo CSDL mới trong thư mục tạm, vẽ một trang, thoát 0"))
    parser.add_argument("--version", action="store_true", help=cli_text("hiện phiên bản rồi thoát"))
    return parser


def create_application(lang: str) -> QApplication:
    """The QApplication with bundled fonts and translators; reuses one that already exists (tests)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from kpi_desktop import __version__
    from kpi_desktop.ui.i18n import install_translators
    from kpi_desktop.ui.theme.fonts import load_bundled_fonts, ui_font

    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    from kpi_desktop.ui.qt_compat import collect_on_gui_thread

    collect_on_gui_thread(app)  # never on a worker thread: see qt_compat and docs/known-issues.md
    app.setApplicationName("kpi-desktop")
    app.setOrganizationName("KPI Desktop")
    app.setApplicationDisplayName("KPI Desktop")
    app.setApplicationVersion(__version__)
    load_bundled_fonts()
    app.setFont(ui_font())
    install_translators(app, lang)
    from PySide6.QtCore import QTimer

    def set_icon() -> None:
        from kpi_desktop.ui.theme.icon import app_icon  # imported and drawn after start-up, not before

        app.setWindowIcon(app_icon())

    QTimer.singleShot(0, set_icon)
    return app


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise SystemExit(f"kpi-desktop: --size phải có dạng RỘNGxCAO, ví dụ 1280x800 (nhận được «{text}»)") from None
    return width, height


def render_window(window: MainWindow, page: str | None, out: Path, size: tuple[int, int]) -> Path:
    """Show `window` (offscreen), switch to `page`, wait for its data, save a PNG."""
    from PySide6.QtCore import QDeadlineTimer
    from PySide6.QtWidgets import QApplication

    window.resize(*size)
    window.show()
    if page:
        if page not in window.page_names():
            raise KeyError(page)
        window.show_page(page)
    current = window.page(window.current_page_name()) if window.current_page_name() else None
    deadline = QDeadlineTimer(60000)
    while True:
        QApplication.processEvents()
        if current is None or not current.busy() or deadline.hasExpired():
            break
    QApplication.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out), "PNG"):
        raise OSError(f"không ghi được ảnh «{out}»")
    return out


def _force_offscreen() -> None:
    """Headless modes: no window on screen, and no noise from the offscreen plug-in on stderr."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if kind != QtMsgType.QtDebugMsg:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def run_screenshot(args: argparse.Namespace, lang: str) -> int:
    from kpi_desktop.domain.roles import Actor, Role
    from kpi_desktop.errors import KpiError
    from kpi_desktop.services.instance_lock import acquire_instance_lock
    from kpi_desktop.store.db import Database
    from kpi_desktop.ui.context import AppContext
    from kpi_desktop.ui.main_window import MainWindow

    _force_offscreen()
    size = _size(args.size)
    create_application(lang)
    try:
        # Same rule as a window: not while another instance has the database (AlreadyRunning: exit 5).
        lock = acquire_instance_lock(args.db, program="kpi-desktop --screenshot")
    except KpiError as exc:
        print(f"kpi-desktop: {exc.user_text()}", file=sys.stderr)
        return exc.exit_code
    try:
        db = Database.open(args.db)
    except KpiError as exc:
        if lock is not None:
            lock.release()
        print(f"kpi-desktop: {exc.user_text()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        actor = Actor(username="screenshot", role=Role(args.role), display_name="Ảnh chụp màn hình")
        window = MainWindow(AppContext(db, actor, lang), initial_page=args.page)
        try:
            out = render_window(window, args.page, Path(args.screenshot), size)
        except KeyError:
            print(f"kpi-desktop: không có trang «{args.page}» cho vai trò {args.role}; các trang: "
                  + ", ".join(window.page_names()), file=sys.stderr)
            return EXIT_BAD_INPUT
        print(out)
        window.close()
        return EXIT_OK
    finally:
        db.close()
        if lock is not None:
            lock.release()


def run_smoke_test(target: str, lang: str) -> int:
    """Start, migrate a fresh database in a temporary folder, render a page with Vietnamese text."""
    _force_offscreen()
    tmp = Path(tempfile.mkdtemp(prefix="kpi-smoke-"))
    if not os.environ.get("KPI_DATA_DIR"):
        os.environ["KPI_DATA_DIR"] = str(tmp / "data")
    db: Database | None = None
    try:
        from PySide6.QtGui import QFontInfo, QImage

        from kpi_desktop.domain.roles import Actor, Role
        from kpi_desktop.store.db import Database
        from kpi_desktop.store.migrate import current_revision, head_revision
        from kpi_desktop.ui.context import AppContext
        from kpi_desktop.ui.main_window import MainWindow
        from kpi_desktop.ui.pages.about import SAMPLE_TEXT
        from kpi_desktop.ui.theme.fonts import UI_FAMILY, VIETNAMESE_LETTERS, missing_glyphs

        app = create_application(lang)
        db = Database.open(str(tmp / "smoke.db"), backup_dir=tmp / "backups")
        revision, head = current_revision(db), head_revision()
        if revision != head:
            print(f"smoke-test: lược đồ ở {revision}, cần {head}", file=sys.stderr)
            return EXIT_FAILED
        family = QFontInfo(app.font()).family()
        if family != UI_FAMILY:
            print(f"smoke-test: phông giao diện là «{family}», không phải {UI_FAMILY}", file=sys.stderr)
            return EXIT_FAILED
        missing = missing_glyphs(app.font(), SAMPLE_TEXT + VIETNAMESE_LETTERS)
        if missing:
            print(f"smoke-test: phông thiếu các chữ: {missing}", file=sys.stderr)
            return EXIT_FAILED
        actor = Actor(username="smoke", role=Role.ADMIN, display_name="Kiểm tra khởi động")
        window = MainWindow(AppContext(db, actor, lang), initial_page="about")
        out = Path(target) if target else tmp / "smoke.png"
        render_window(window, "about", out, (1024, 640))
        window.close()
        image = QImage(str(out))
        if image.isNull() or image.width() < 100:
            print(f"smoke-test: ảnh «{out}» không đọc được", file=sys.stderr)
            return EXIT_FAILED
        print(f"smoke-test OK: lược đồ {revision or '(trống)'}, phông {family}, ảnh {out if target else '(tạm)'}")
        return EXIT_OK
    finally:
        if db is not None:
            db.close()
        shutil.rmtree(tmp, ignore_errors=True)


def run_interactive(args: argparse.Namespace, lang: str) -> int:
    from kpi_desktop.ui.crash import CrashHandler
    from kpi_desktop.ui.startup import StartupFlow

    app = create_application(lang)
    handler = CrashHandler()
    handler.install()
    flow = StartupFlow(args.db, lang)
    flow.start()
    code = app.exec()
    flow.close()
    handler.uninstall()
    return int(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ["KPI_LANG"] = _requested_language(argv)
    args = build_parser().parse_args(argv)
    if args.version:
        from kpi_desktop import __version__

        print(f"kpi-desktop {__version__}")
        return EXIT_OK
    if args.data_dir:
        os.environ["KPI_DATA_DIR"] = str(Path(args.data_dir).expanduser().resolve())
    lang = args.lang or os.environ.get("KPI_LANG", "vi")
    lang = "en" if lang.lower().startswith("en") else "vi"
    os.environ["KPI_LANG"] = lang
    if os.environ.get("LANG", "C") in ("C", "POSIX"):
        os.environ["LANG"] = "C.UTF-8"  # Qt warns about the C locale and mangles file names
    if args.smoke_test is not None:
        return run_smoke_test(args.smoke_test, lang)
    if args.screenshot:
        return run_screenshot(args, lang)
    return run_interactive(args, lang)


if __name__ == "__main__":
    raise SystemExit(main())
