"""`kpi receipt import`: the commune reads the province's signed receipt."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kpi_desktop.cli import add_db_argument
from kpi_desktop.commands.bundle import add_user_argument, cli_actor
from kpi_desktop.domain.roles import Role
from kpi_desktop.i18n import tr
from kpi_desktop.store.db import Database

STATUS_VI = {
    "accepted": "Đã nhận", "superseded": "Đã nhận, thay thế gói trước", "duplicate": "Đã nhập trước đó",
    "stale": "Gói cũ, bị từ chối", "fork": "Rẽ nhánh, chờ Sở xem xét", "conflict": "Xung đột", "rejected": "Bị từ chối",
}


def _import(args: argparse.Namespace) -> int:
    from kpi_desktop.services import exchange_export

    db = Database.open(args.db)
    try:
        actor = cli_actor(args, db, Role.CLERK)
        lines = exchange_export.import_receipt(db, actor, Path(args.file))
    finally:
        db.close()
    if args.json:
        print(json.dumps([line.__dict__ for line in lines], ensure_ascii=False, indent=2))
        return 0
    if not lines:
        print(tr("Biên nhận hợp lệ nhưng không có gói nào của đơn vị này."))
    for line in lines:
        print(f"{line.period or '?'} #{line.sequence or '?'}  {tr(STATUS_VI[line.status])}  {line.bundle_id or ''}")
        if line.reason:
            print(f"    {tr('Lý do')}: {line.reason}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("receipt", prog="kpi receipt", help=tr("biên nhận của Sở Nội vụ"),
                                   description=tr("Đọc biên nhận đã ký của Sở: gói nào được nhận, gói nào bị từ chối và vì sao."))
    sub = parser.add_subparsers(title=tr("lệnh"), dest="receipt_command", metavar=tr("LỆNH"))
    sub.required = True
    imp = sub.add_parser("import", prog="kpi receipt import", help=tr("kiểm tra chữ ký và ghi nhận một biên nhận"))
    add_db_argument(imp)
    add_user_argument(imp)
    imp.add_argument("file", metavar=tr("TỆP"), help=tr("tệp biên nhận .kpib"))
    imp.add_argument("--json", action="store_true", help=tr("in dạng JSON"))
    imp.set_defaults(func=_import)
