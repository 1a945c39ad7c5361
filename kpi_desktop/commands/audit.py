"""`kpi audit verify|export|list`: the hash-chained trail of changes."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kpi_desktop.cli import add_db_argument
from kpi_desktop.commands.account import add_login_argument, login_from_args
from kpi_desktop.domain.audit_chain import Problem
from kpi_desktop.errors import InputError
from kpi_desktop.i18n import tr
from kpi_desktop.services import audit
from kpi_desktop.services.authz import Action, require
from kpi_desktop.store.db import Database
from kpi_desktop.store.files import atomic_write

EXIT_TAMPERED = 4


def _print_problems(problems: list[Problem]) -> None:
    kinds = {"edited": tr("bị sửa"), "deleted": tr("bị xoá"), "reordered": tr("bị đảo thứ tự"),
             "inserted": tr("bị chèn"), "truncated": tr("bị cắt"), "malformed": tr("sai định dạng")}
    for p in problems:
        where = f"#{p.seq}" if p.seq is not None else "—"
        print(f"  {where}: {kinds.get(p.kind, p.kind)} — {tr(p.message)}")


def _cmd_verify(args: argparse.Namespace) -> int:
    if args.file:
        path = Path(args.file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(tr("Không đọc được tệp ") + str(path), field="--file") from exc
        entries = audit.from_jsonl(data)
        problems = audit.verify_exported_entries(entries, period_code=args.period, last_hash=args.last_hash)
        if problems:
            print(tr("Nhật ký trong tệp đã bị can thiệp:"), file=sys.stderr)
            _print_problems(problems)
            return EXIT_TAMPERED
        print(tr("Nhật ký trong tệp nguyên vẹn: ") + str(len(entries)) + tr(" mục."))
        return 0
    db = Database.open(args.db)
    try:
        report = audit.verify_database(db)
    finally:
        db.close()
    if report.problems:
        print(tr("Nhật ký thay đổi đã bị can thiệp ngoài chương trình:"))
        _print_problems(report.problems)
        return EXIT_TAMPERED
    print(tr("Nhật ký thay đổi nguyên vẹn: ") + str(report.entry_count) + tr(" mục."))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    db = Database.open(args.db)
    try:
        actor = login_from_args(args, db)
        require(actor, Action.AUDIT_EXPORT)
        entries = audit.export_period_entries(db, args.period)
        with db.session(actor) as session:
            audit.record_event(session, "audit_export", "audit_log", None,
                               details={"period_code": args.period, "entries": len(entries)})
    finally:
        db.close()
    atomic_write(args.out, audit.to_jsonl(entries))
    last = entries[-1]["hash"] if entries else None
    print(tr("Đã xuất ") + str(len(entries)) + tr(" mục của kỳ ") + args.period + " → " + str(args.out))
    if last:
        print(tr("Mã băm mục cuối: ") + last)
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    db = Database.open(args.db)
    try:
        actor = login_from_args(args, db)
        entries = audit.list_entries(db, actor, period_code=args.period, entity=args.entity, limit=args.limit)
    finally:
        db.close()
    for e in entries:
        changes = e["after"] if e["after"] is not None else e["before"]
        text = json.dumps(changes, ensure_ascii=False, sort_keys=True) if changes is not None else ""
        print(f"#{e['seq']}  {e['ts'][:19]}  {e['actor']}  {e['action']}  {e['entity']}"
              f"{'#' + e['entity_id'] if e['entity_id'] else ''}  {text[:120]}")
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("audit", help=tr("nhật ký thay đổi có chuỗi băm"),
                                   description=tr("Kiểm tra, xuất, xem nhật ký thay đổi. Mã thoát 4: nhật ký "
                                                  "đã bị can thiệp."))
    sub = parser.add_subparsers(title=tr("lệnh"), dest="audit_command", metavar=tr("LỆNH"),
                                parser_class=type(parser))
    parser.set_defaults(func=lambda _a: parser.print_help() or 0)

    verify_help = tr("kiểm tra chuỗi băm: chỉ ra mọi mục bị sửa, xoá, đảo thứ tự")
    verify = sub.add_parser("verify", help=verify_help, description=verify_help)
    add_db_argument(verify)
    verify.add_argument("--file", help=tr("kiểm tra một tệp audit.jsonl đã xuất thay vì cơ sở dữ liệu"))
    verify.add_argument("--period", help=tr("mã kỳ mà tệp phải thuộc về (ví dụ 2026-Q1)"))
    verify.add_argument("--last-hash", help=tr("mã băm mục cuối ghi trong gói (phát hiện bị cắt bớt)"))
    verify.set_defaults(func=_cmd_verify)

    export = sub.add_parser("export", help=tr("xuất nhật ký của một kỳ ra tệp JSONL"))
    add_db_argument(export)
    add_login_argument(export)
    export.add_argument("--period", required=True, help=tr("mã kỳ, ví dụ 2026-Q1"))
    export.add_argument("--out", required=True, type=Path, help=tr("tệp ra (.jsonl)"))
    export.set_defaults(func=_cmd_export)

    lst = sub.add_parser("list", help=tr("xem các mục mới nhất"))
    add_db_argument(lst)
    add_login_argument(lst)
    lst.add_argument("--period", help=tr("chỉ kỳ này"))
    lst.add_argument("--entity", help=tr("chỉ bảng này"))
    lst.add_argument("--limit", type=int, default=50, help=tr("số mục tối đa"))
    lst.set_defaults(func=_cmd_list)
