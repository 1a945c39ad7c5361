"""`kpi deadlines list|forward`: the reminder list and automatic forwarding (SPARROW-style)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from kpi_desktop.cli import add_db_argument
from kpi_desktop.commands.account import actor_for_cli, add_login_argument
from kpi_desktop.errors import InputError
from kpi_desktop.i18n import tr
from kpi_desktop.services import deadlines
from kpi_desktop.store.db import Database


def _day(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError as exc:
        raise InputError(tr("Ngày phải có dạng dd/mm/yyyy: ") + text, field="--today") from exc


def _cmd_list(args: argparse.Namespace) -> int:
    db = Database.open(args.db)
    try:
        actor = actor_for_cli(args, db)
        items = deadlines.pending_steps(db, actor, today=_day(args.today), within_days=args.within)
    finally:
        db.close()
    if not items:
        print(tr("Không có việc nào quá hạn hoặc sắp đến hạn."))
    for item in items:
        print(("! " if item.overdue else "  ") + item.message)
    return 0


def _cmd_forward(args: argparse.Namespace) -> int:
    db = Database.open(args.db)
    try:
        actor = actor_for_cli(args, db)
        done = deadlines.forward_overdue(db, actor, today=_day(args.today))
    finally:
        db.close()
    for item in done:
        print(tr("Đã tự động chuyển bước: ") + item.message)
    print(tr("Số bước đã chuyển: ") + str(len(done)))
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("deadlines", help=tr("thời hạn: việc quá hạn, tự động chuyển bước"),
                                   description=tr("Quá hạn thì bước đánh giá được tự động chuyển tiếp và ghi "
                                                  "nhận lỗi trễ hạn cho người phải thực hiện."))
    sub = parser.add_subparsers(title=tr("lệnh"), dest="deadlines_command", metavar=tr("LỆNH"),
                                parser_class=type(parser))
    parser.set_defaults(func=lambda _a: parser.print_help() or 0)
    for name, func, text in (("list", _cmd_list, tr("việc quá hạn và sắp đến hạn")),
                             ("forward", _cmd_forward, tr("chuyển tiếp mọi bước đã quá hạn"))):
        p = sub.add_parser(name, help=text, description=text)
        add_db_argument(p)
        add_login_argument(p)
        p.add_argument("--today", metavar="DD/MM/YYYY", help=tr("coi như hôm nay là ngày này"))
        if name == "list":
            p.add_argument("--within", type=int, default=3, help=tr("báo trước bao nhiêu ngày"))
        p.set_defaults(func=func)
