"""`kpi backup` and `kpi restore`."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path
from typing import Any

from kpi_desktop.cli import add_db_argument
from kpi_desktop.commands.account import add_login_argument, login_from_args
from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import KpiError
from kpi_desktop.i18n import tr
from kpi_desktop.paths import resolve_db, sqlite_path
from kpi_desktop.services import auth, backup
from kpi_desktop.store.db import Database


def _file_db(args: argparse.Namespace) -> Path:
    path = sqlite_path(resolve_db(args.db))
    if path is None:
        raise KpiError(tr("Chỉ sao lưu, khôi phục được cơ sở dữ liệu SQLite bằng lệnh này."), field="--db",
                       hint=tr("Cơ sở dữ liệu máy chủ dùng công cụ của máy chủ (pg_dump, pg_restore)."))
    return path


def _cmd_backup(args: argparse.Namespace) -> int:
    path = _file_db(args)
    if not path.exists():
        raise KpiError(tr("Không có cơ sở dữ liệu ") + str(path), field="--db")
    db = Database.open(args.db)
    try:
        actor = login_from_args(args, db)
        info = backup.backup_now(db, actor, out=args.out)
    finally:
        db.close()
    print(tr("Đã sao lưu vào ") + str(info.path) + f" ({info.size:,} B)")
    return 0


def _restore_actor(args: argparse.Namespace, path: Path) -> Actor | None:
    """Who restores: an administrator of the current database. A database that is missing, damaged or
    has no accounts yet cannot check anyone; then access to the file is what counts."""
    if not path.exists():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return None
    except sqlite3.DatabaseError:
        return None
    try:
        db = Database.open(args.db)
    except KpiError:
        return None
    try:
        if not auth.has_users(db):
            return None
        return login_from_args(args, db)
    finally:
        db.close()


def _cmd_restore(args: argparse.Namespace) -> int:
    path = _file_db(args)
    actor = _restore_actor(args, path)
    result = backup.restore(path, Path(args.file), actor=actor, allow_broken_audit=args.allow_broken_audit)
    print(tr("Đã khôi phục từ ") + str(result.restored_from) + tr(" (phiên bản cấu trúc ") + result.check.revision
          + tr(", kiểm tra toàn vẹn: ok)."))
    if result.kept_previous is not None:
        print(tr("Cơ sở dữ liệu cũ được giữ lại tại ") + str(result.kept_previous))
    return 0


def register(subparsers: Any) -> None:
    bk = subparsers.add_parser("backup", help=tr("sao lưu cơ sở dữ liệu (API sao lưu của SQLite)"),
                               description=tr("Sao lưu nhất quán cả khi chương trình đang mở cơ sở dữ liệu."))
    add_db_argument(bk)
    add_login_argument(bk)
    bk.add_argument("--out", type=Path, help=tr("tệp hoặc thư mục đích (mặc định: thư mục sao lưu của ứng dụng)"))
    bk.set_defaults(func=_cmd_backup)

    rs = subparsers.add_parser("restore", help=tr("khôi phục cơ sở dữ liệu từ bản sao lưu (kiểm tra trước)"),
                               description=tr("Kiểm tra bản sao lưu (toàn vẹn, đúng cơ sở dữ liệu KPI Desktop, "
                                              "nhật ký nguyên vẹn) rồi mới thay thế; tệp cũ được giữ lại."))
    add_db_argument(rs)
    add_login_argument(rs)
    rs.add_argument("file", metavar=tr("TỆP_SAO_LƯU"))
    rs.add_argument("--allow-broken-audit", action="store_true",
                    help=tr("vẫn khôi phục khi nhật ký trong bản sao lưu bị can thiệp"))
    rs.set_defaults(func=_cmd_restore)
