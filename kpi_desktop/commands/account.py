"""`kpi account add|list|passwd|unlock|disable|enable`, and the login every protected command uses.

Other command modules authenticate the same way:

    from kpi_desktop.commands.account import add_login_argument, login_from_args
    add_login_argument(parser)                 # --user (or KPI_USER)
    actor = login_from_args(args, db)          # password: KPI_PASSWORD, else a hidden prompt, else stdin
    actor = actor_for_cli(args, db)            # the same, but SYSTEM while the database has no accounts

Passwords are never taken on the command line (they would show in the process list and shell history).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from kpi_desktop.cli import add_db_argument
from kpi_desktop.domain.roles import SYSTEM, Actor, Role
from kpi_desktop.errors import InputError, PermissionDenied
from kpi_desktop.i18n import tr
from kpi_desktop.services import auth
from kpi_desktop.store.db import Database

_stdin_lines: list[str] | None = None


def _next_stdin_line() -> str | None:
    global _stdin_lines
    if _stdin_lines is None:
        _stdin_lines = sys.stdin.read().splitlines() if not sys.stdin.isatty() else []
    return _stdin_lines.pop(0) if _stdin_lines else None


def read_secret(prompt: str, env: str) -> str:
    """A password from `env`, else a hidden prompt on a terminal, else the next line of stdin."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = _next_stdin_line()
    if line is None:
        raise InputError(tr("Thiếu mật khẩu."), field="password",
                         hint=tr("Nhập khi được hỏi, hoặc đặt biến môi trường ") + env + ".")
    return line


def read_new_password(env: str = "KPI_NEW_PASSWORD") -> str:
    if os.environ.get(env) is not None:
        return os.environ[env]
    first = read_secret(tr("Mật khẩu mới: "), env)
    if sys.stdin.isatty():
        again = getpass.getpass(tr("Nhập lại mật khẩu mới: "))
        if again != first:
            raise InputError(tr("Hai lần nhập mật khẩu mới không khớp."), field="password")
    return first


def add_login_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar=tr("TÊN"),
                        help=tr("tài khoản thực hiện lệnh (mặc định: biến KPI_USER); mật khẩu lấy từ biến "
                                "KPI_PASSWORD hoặc được hỏi"))


def login_from_args(args: argparse.Namespace, db: Database) -> Actor:
    username = getattr(args, "user", None) or os.environ.get("KPI_USER")
    if not username:
        raise PermissionDenied(tr("Lệnh này cần đăng nhập."), field="--user",
                               hint=tr("Thêm --user TÊN_ĐĂNG_NHẬP (mật khẩu sẽ được hỏi)."))
    password = read_secret(tr("Mật khẩu của ") + username + ": ", "KPI_PASSWORD")
    actor = auth.login(db, username, password)
    _session_password[actor.username] = password
    return actor


_session_password: dict[str, str] = {}


def actor_for_cli(args: argparse.Namespace, db: Database) -> Actor:
    """Who a command acts as: the account named by --user/KPI_USER (logged in), or `SYSTEM` while the
    database has no accounts at all (bootstrap: `kpi demo`, a first catalogue import). Once accounts
    exist, a command without a login is refused, so the command line cannot bypass the roles."""
    if getattr(args, "user", None) or os.environ.get("KPI_USER"):
        return login_from_args(args, db)
    if not auth.has_users(db):
        return SYSTEM
    raise PermissionDenied(tr("Lệnh này cần đăng nhập."), field="--user",
                           hint=tr("Thêm --user TÊN_ĐĂNG_NHẬP (mật khẩu sẽ được hỏi)."))


def _open(args: argparse.Namespace) -> Database:
    return Database.open(args.db)


def _cmd_add(args: argparse.Namespace) -> int:
    db = _open(args)
    try:
        if not auth.has_users(db):
            if args.role != Role.ADMIN.value:
                raise InputError(tr("Cơ sở dữ liệu chưa có tài khoản nào: tài khoản đầu tiên phải là quản trị viên."),
                                 field="--role", hint=tr("Dùng --role admin."))
            password = read_new_password()
            auth.create_first_admin(db, args.username, password, args.name or tr("Quản trị hệ thống"))
            print(tr("Đã tạo quản trị viên đầu tiên: ") + auth.normalize_username(args.username))
            return 0
        actor = login_from_args(args, db)
        password = read_new_password()
        dto = auth.create_user(db, actor, args.username, password, args.role, display_name=args.name or "",
                               person_id=args.person_id, body_id=args.body_id, unit_code=args.unit,
                               must_change_password=not args.no_change)
        print(tr("Đã tạo tài khoản: ") + f"{dto.username} ({dto.role.label_vi})")
        return 0
    finally:
        db.close()


def _cmd_list(args: argparse.Namespace) -> int:
    db = _open(args)
    try:
        actor = login_from_args(args, db)
        users = auth.list_users(db, actor)
        header = [tr("Tên đăng nhập"), tr("Họ tên"), tr("Vai trò"), tr("Trạng thái")]
        rows = []
        for u in users:
            state = tr("đang dùng") if u.active else tr("đã khoá hẳn")
            if u.locked:
                state = tr("tạm khoá")
            if u.must_change_password:
                state += tr(", phải đổi mật khẩu")
            rows.append([u.username, u.display_name, tr(u.role.label_vi), state])
        widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        return 0
    finally:
        db.close()


def _cmd_passwd(args: argparse.Namespace) -> int:
    db = _open(args)
    try:
        actor = login_from_args(args, db)
        target = auth.normalize_username(args.username or actor.username)
        if target == actor.username:
            old = _session_password.pop(actor.username, "")  # just typed to log in
            auth.change_password(db, actor, old, read_new_password())
        else:
            auth.reset_password(db, actor, target, read_new_password())
            print(tr("Người dùng phải đổi mật khẩu này ở lần đăng nhập tới."))
        print(tr("Đã đổi mật khẩu của ") + target)
        return 0
    finally:
        db.close()


def _cmd_unlock(args: argparse.Namespace) -> int:
    db = _open(args)
    try:
        actor = login_from_args(args, db)
        auth.unlock(db, actor, args.username)
        print(tr("Đã mở khoá tài khoản ") + auth.normalize_username(args.username))
        return 0
    finally:
        db.close()


def _cmd_active(args: argparse.Namespace) -> int:
    db = _open(args)
    try:
        actor = login_from_args(args, db)
        auth.set_active(db, actor, args.username, args.active)
        done = tr("Đã cho dùng lại tài khoản ") if args.active else tr("Đã khoá hẳn tài khoản ")
        print(done + auth.normalize_username(args.username))
        return 0
    finally:
        db.close()


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("account", help=tr("tài khoản người dùng và vai trò"),
                                   description=tr("Quản lý tài khoản: tạo, liệt kê, đổi mật khẩu, mở khoá. "
                                                  "Mật khẩu mới lấy từ biến KPI_NEW_PASSWORD hoặc được hỏi."))
    sub = parser.add_subparsers(title=tr("lệnh"), dest="account_command", metavar=tr("LỆNH"),
                                parser_class=type(parser))
    parser.set_defaults(func=lambda _a: parser.print_help() or 0)

    add = sub.add_parser("add", help=tr("tạo tài khoản (tài khoản đầu tiên là quản trị viên)"))
    add.add_argument("username", metavar=tr("TÊN_ĐĂNG_NHẬP"))
    add.add_argument("--role", required=True, choices=[r.value for r in Role], help=tr("vai trò"))
    add.add_argument("--name", help=tr("họ và tên hiển thị"))
    add.add_argument("--person-id", type=int, help=tr("mã hồ sơ cán bộ (bắt buộc với staff và head)"))
    add.add_argument("--body-id", type=int, help=tr("mã đơn vị lãnh đạo phụ trách (bắt buộc với head)"))
    add.add_argument("--unit", help=tr("mã đơn vị hành chính"))
    add.add_argument("--no-change", action="store_true",
                     help=tr("không bắt đổi mật khẩu ở lần đăng nhập đầu"))
    add_db_argument(add)
    add_login_argument(add)
    add.set_defaults(func=_cmd_add)

    lst = sub.add_parser("list", help=tr("liệt kê tài khoản"))
    add_db_argument(lst)
    add_login_argument(lst)
    lst.set_defaults(func=_cmd_list)

    pw = sub.add_parser("passwd", help=tr("đổi mật khẩu của mình, hoặc (quản trị viên) đặt lại cho người khác"))
    pw.add_argument("username", nargs="?", metavar=tr("TÊN_ĐĂNG_NHẬP"))
    add_db_argument(pw)
    add_login_argument(pw)
    pw.set_defaults(func=_cmd_passwd)

    unlock = sub.add_parser("unlock", help=tr("mở khoá tài khoản bị tạm khoá do nhập sai mật khẩu"))
    unlock.add_argument("username", metavar=tr("TÊN_ĐĂNG_NHẬP"))
    add_db_argument(unlock)
    add_login_argument(unlock)
    unlock.set_defaults(func=_cmd_unlock)

    for name, active, text in (("disable", False, tr("khoá hẳn một tài khoản (không xoá)")),
                               ("enable", True, tr("cho dùng lại tài khoản đã khoá hẳn"))):
        p = sub.add_parser(name, help=text)
        p.add_argument("username", metavar=tr("TÊN_ĐĂNG_NHẬP"))
        add_db_argument(p)
        add_login_argument(p)
        p.set_defaults(func=_cmd_active, active=active)
