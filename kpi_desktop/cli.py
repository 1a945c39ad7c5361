"""The `kpi` command. Sub-commands live in `kpi_desktop.commands`, one module per concern.

Each module there defines `register(subparsers)` and sets `func=handler` on its parsers; a handler
takes the parsed arguments and returns the exit status. Errors a user can fix (`KpiError`) become a
Vietnamese message and their exit status; anything else is logged with its traceback and reported
without one.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
import traceback
from collections.abc import Sequence
from datetime import datetime
from typing import Any, NoReturn

from kpi_desktop import __version__, commands
from kpi_desktop.errors import KpiError
from kpi_desktop.i18n import tr

log = logging.getLogger("kpi_desktop.cli")


class KpiHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        # argparse passes prefix="" when it builds a sub-command's prog from its parent's usage line.
        super().add_usage(usage, actions, groups, prefix=tr("Cách dùng: ") if prefix is None else prefix)


class KpiArgumentParser(argparse.ArgumentParser):
    """argparse with Vietnamese (or English, by `KPI_LANG`) headings, help and errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", KpiHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = tr("đối số")
        self._optionals.title = tr("tuỳ chọn")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=tr("hiện trợ giúp này rồi thoát"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {tr('lỗi')}: {message}\n")


def build_parser() -> KpiArgumentParser:
    parser = KpiArgumentParser(
        prog="kpi",
        description=tr("KPI Desktop — đánh giá, xếp loại cán bộ, công chức, viên chức theo KPI, "
                       "chạy hoàn toàn ngoại tuyến."),
        epilog=tr("Ngôn ngữ: đặt KPI_LANG=en để xem bằng tiếng Anh. "
                  "Cơ sở dữ liệu: --db ĐƯỜNG_DẪN hoặc biến KPI_DB."),
    )
    parser.add_argument("--version", action="version", version=f"kpi-desktop {__version__}",
                        help=tr("hiện phiên bản rồi thoát"))
    sub = parser.add_subparsers(title=tr("lệnh"), dest="command", metavar=tr("LỆNH"),
                                parser_class=KpiArgumentParser)
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def add_db_argument(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    """The common `--db` option: a SQLite file path or a SQLAlchemy URL (default: KPI_DB, then the data folder)."""
    parser.add_argument("--db", required=required, metavar=tr("CSDL"),
                        help=tr("tệp SQLite hoặc URL SQLAlchemy (mặc định: biến KPI_DB, "
                                "rồi thư mục dữ liệu của ứng dụng)"))


def _log_crash(exc: BaseException) -> str:
    from kpi_desktop.paths import logs_dir

    try:
        path = logs_dir() / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
        path.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
        return str(path)
    except OSError:
        return ""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 0
    try:
        return int(func(args) or 0)
    except KpiError as exc:
        print(f"{tr('Lỗi')}: {exc.user_text()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(tr("Đã huỷ theo yêu cầu."), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # last line of defence: never show a traceback
        where = _log_crash(exc)
        print(tr("Lỗi không mong đợi. Chi tiết kỹ thuật đã ghi vào: ") + (where or "(không ghi được)"),
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
