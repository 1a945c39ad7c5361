"""`kpi bundle export|import|list`: the signed, encrypted results bundles between commune and province."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from kpi_desktop.cli import add_db_argument
from kpi_desktop.domain.roles import Actor, Role
from kpi_desktop.errors import InputError
from kpi_desktop.i18n import tr
from kpi_desktop.store.db import Database


def add_user_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar=tr("TÊN"),
                        help=tr("tài khoản đăng nhập (bắt buộc khi cơ sở dữ liệu đã có tài khoản; "
                                "mật khẩu: biến KPI_PASSWORD hoặc được hỏi)"))


def cli_actor(args: argparse.Namespace, db: Database, role: Role) -> Actor:
    """Who runs the command: the logged-in account when the database has accounts; otherwise (a
    database without accounts, e.g. a fresh demo) the operator of the machine acting as `role`."""
    auth: Any = None
    account: Any = None
    try:
        auth = importlib.import_module("kpi_desktop.services.auth")
        account = importlib.import_module("kpi_desktop.commands.account")
    except ImportError:
        pass
    if auth is not None and account is not None and auth.has_users(db):
        if not (getattr(args, "user", None) or os.environ.get("KPI_USER")):
            from kpi_desktop.errors import PermissionDenied

            raise PermissionDenied(tr("Cơ sở dữ liệu này có tài khoản: lệnh cần đăng nhập."), field="--user",
                                   hint=tr("Thêm --user TÊN_ĐĂNG_NHẬP (mật khẩu sẽ được hỏi)."))
        actor: Actor = account.login_from_args(args, db)
        return actor
    user = os.environ.get("USER") or os.environ.get("USERNAME") or "operator"
    return Actor(username=f"may:{user}", role=role, display_name=tr("Người vận hành máy"))


def _export(args: argparse.Namespace) -> int:
    from kpi_desktop.services import exchange_export

    db = Database.open(args.db)
    try:
        actor = cli_actor(args, db, Role.CLERK)
        result = exchange_export.export_period(db, actor, args.period, Path(args.out))
    finally:
        db.close()
    if args.json:
        print(json.dumps({"path": str(result.path), "bundle_id": result.bundle_id, "unit_code": result.unit_code,
                          "period": result.period, "sequence": result.sequence, "supersedes": result.supersedes,
                          "record_count": result.record_count, "file_sha256": result.file_sha256},
                         ensure_ascii=False, indent=2))
    else:
        print(tr("Đã xuất gói ") + str(result.path))
        print(f"  {tr('Đơn vị')}: {result.unit_code}  {tr('Kỳ')}: {result.period}  "
              f"{tr('Số thứ tự')}: {result.sequence}  {tr('Số phiếu')}: {result.record_count}")
        print(f"  bundle_id: {result.bundle_id}")
        if result.supersedes:
            print(f"  {tr('Thay thế gói')}: {result.supersedes}")
        print(f"  SHA-256: {result.file_sha256}")
    return 0


def _expand(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(x for x in p.iterdir() if x.is_file() and x.suffix.lower() == ".kpib"))
        else:
            out.append(p)
    if not out:
        raise InputError(tr("Không có tệp .kpib nào để nhập."), field="FILE")
    return out


def _import(args: argparse.Namespace) -> int:
    from kpi_desktop.services import exchange_import

    files = _expand(args.files)
    db = Database.open(args.db)
    try:
        actor = cli_actor(args, db, Role.PROVINCE_HR)
        report = exchange_import.import_bundles(
            db, actor, files, quarantine_dir=Path(args.quarantine) if args.quarantine else None,
            receipt_dir=Path(args.receipt_dir) if args.receipt_dir else None,
            allow_expired=args.allow_expired, override_reason=args.override_reason)
    finally:
        db.close()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2, default=str))
    else:
        for f in report.files:
            line = f"{tr(f.label_vi)}: {f.file}"
            if f.unit_code:
                line += f"  [{f.unit_code} {f.period} #{f.sequence}]"
            print(line)
            if f.reason:
                print(f"    {tr('Lý do')}: {f.reason}")
            if f.flag_count:
                print(f"    {tr('Cờ cần xem lại')}: {f.flag_count}")
                for flag in f.flags[:5]:
                    print(f"      - {flag.get('person_code', '')}: {flag.get('message', '')}")
            if f.quarantined_to:
                print(f"    {tr('Đã cách ly tại')}: {f.quarantined_to}")
        counts = ", ".join(f"{tr(exchange_import.STATUS_LABELS_VI[k])}: {v}" for k, v in sorted(report.counts().items()))
        print(tr("Tổng cộng") + f" {len(report.files)} " + tr("tệp") + f" — {counts}")
        if report.receipt_path:
            print(tr("Biên nhận đã ký: ") + report.receipt_path)
        else:
            print(tr("Chưa ghi biên nhận: chưa cấu hình chứng thư ký của Sở."), file=sys.stderr)
    return 0 if report.ok else 1


def _list(args: argparse.Namespace) -> int:
    from kpi_desktop.services import exchange_export

    db = Database.open(args.db)
    try:
        actor = cli_actor(args, db, Role.CLERK)
        rows = exchange_export.exports(db, actor, args.period)
    finally:
        db.close()
    if args.json:
        print(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=2, default=str))
        return 0
    if not rows:
        print(tr("Chưa xuất gói nào."))
    for r in rows:
        receipt = r.receipt_status or tr("chưa có biên nhận")
        print(f"{r.period} #{r.sequence}  {r.status}  {r.created_at:%d/%m/%Y %H:%M}  {r.bundle_id}  "
              f"{tr('Sở')}: {receipt}" + (f" — {r.receipt_reason}" if r.receipt_reason else ""))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("bundle", prog="kpi bundle", help=tr("gói dữ liệu ký số, mã hoá gửi Sở Nội vụ"),
                                   description=tr("Xuất (xã/phường) và nhập (Sở Nội vụ) gói kết quả đánh giá."))
    sub = parser.add_subparsers(title=tr("lệnh"), dest="bundle_command", metavar=tr("LỆNH"))
    sub.required = True

    exp = sub.add_parser("export", prog="kpi bundle export", help=tr("xuất gói kết quả của một kỳ (đã ký, đã mã hoá)"),
                         description=tr("Xuất gói kết quả của một kỳ. Từ chối khi còn phiếu chưa được phê duyệt."))
    add_db_argument(exp)
    add_user_argument(exp)
    exp.add_argument("--period", required=True, metavar=tr("KỲ"), help=tr("mã kỳ, ví dụ 2026-Q1, 2026-M03, 2026"))
    exp.add_argument("--out", required=True, metavar=tr("TỆP"), help=tr("tệp .kpib sẽ ghi"))
    exp.add_argument("--json", action="store_true", help=tr("in kết quả dạng JSON"))
    exp.set_defaults(func=_export)

    imp = sub.add_parser("import", prog="kpi bundle import", help=tr("nhập các gói của xã/phường (Sở Nội vụ)"),
                         description=tr("Nhập các gói .kpib (tệp hoặc thư mục). Mã thoát 0 khi mọi tệp được nhận "
                                        "hoặc đã nhập trước đó, 1 khi có tệp bị từ chối, cũ, rẽ nhánh hoặc xung đột."))
    add_db_argument(imp)
    add_user_argument(imp)
    imp.add_argument("files", nargs="+", metavar=tr("TỆP"), help=tr("tệp .kpib hoặc thư mục chứa chúng"))
    imp.add_argument("--json", action="store_true", help=tr("in báo cáo dạng JSON"))
    imp.add_argument("--quarantine", metavar=tr("THƯ_MỤC"), help=tr("thư mục cách ly tệp bị từ chối"))
    imp.add_argument("--receipt-dir", metavar=tr("THƯ_MỤC"), help=tr("thư mục ghi biên nhận đã ký"))
    imp.add_argument("--allow-expired", action="store_true",
                     help=tr("chấp nhận chữ ký của chứng thư đã hết hạn (cần --override-reason; được ghi lại)"))
    imp.add_argument("--override-reason", metavar=tr("LÝ_DO"), help=tr("lý do cho phép ngoại lệ"))
    imp.set_defaults(func=_import)

    lst = sub.add_parser("list", prog="kpi bundle list", help=tr("các gói đã xuất và phản hồi của Sở"))
    add_db_argument(lst)
    add_user_argument(lst)
    lst.add_argument("--period", metavar=tr("KỲ"), help=tr("chỉ kỳ này"))
    lst.add_argument("--json", action="store_true", help=tr("in dạng JSON"))
    lst.set_defaults(func=_list)
