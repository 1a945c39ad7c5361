"""`kpi report period-form|annual-form|unit|commune|province|batch`: official forms and reports as PDF or
Excel, optionally signed (PAdES) with the unit's certificate.

Who runs the command: with `--user` (or KPI_USER) the account logs in and its role decides what it may
print; a database without any account (a fresh or demo database) is used by the machine's operator.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kpi_desktop.cli import add_db_argument
from kpi_desktop.domain.roles import SYSTEM, Actor
from kpi_desktop.errors import InputError, PermissionDenied
from kpi_desktop.i18n import tr
from kpi_desktop.store.db import Database


def _login_module() -> Any:
    """The accounts' CLI login (kpi_desktop.commands.account), if this build has accounts."""
    try:
        return importlib.import_module("kpi_desktop.commands.account")
    except ImportError:
        return None


def _has_users(db: Database) -> bool:
    try:
        auth = importlib.import_module("kpi_desktop.services.auth")
    except ImportError:
        return False
    return bool(auth.has_users(db))


def actor_for(args: argparse.Namespace, db: Database) -> Actor:
    user = getattr(args, "user", None) or os.environ.get("KPI_USER")
    login = _login_module()
    if user and login is not None:
        return login.login_from_args(args, db)  # type: ignore[no-any-return]
    if _has_users(db):
        raise PermissionDenied(tr("Lệnh này cần đăng nhập."), field="--user",
                               hint=tr("Thêm --user TÊN_ĐĂNG_NHẬP (mật khẩu sẽ được hỏi)."))
    return SYSTEM


def _date(text: str) -> date:
    try:
        return datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise argparse.ArgumentTypeError(tr("ngày phải có dạng dd/mm/yyyy, ví dụ 15/12/2026")) from None


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 2000 <= value <= 2100:
        raise argparse.ArgumentTypeError(tr("năm không hợp lệ (ví dụ 2026)"))
    return value


def _common(parser: argparse.ArgumentParser, *, out_help: str) -> None:
    add_db_argument(parser)
    login = _login_module()
    if login is not None:
        login.add_login_argument(parser)
    else:
        parser.add_argument("--user", metavar=tr("TÊN"), help=tr("tài khoản thực hiện lệnh (mặc định: biến KPI_USER)"))
    parser.add_argument("--out", required=True, metavar=tr("TỆP"), help=out_help)
    parser.add_argument("--format", choices=("pdf", "xlsx"),
                        help=tr("định dạng (mặc định: theo đuôi tệp, hoặc pdf)"))
    parser.add_argument("--unit", metavar=tr("MÃ"), help=tr("mã đơn vị (xã, phường) khi cơ sở dữ liệu có nhiều đơn vị"))
    parser.add_argument("--place", metavar=tr("ĐỊA_DANH"), help=tr("địa danh ở dòng ký (mặc định: tên xã, phường)"))
    parser.add_argument("--date", type=_date, metavar="dd/mm/yyyy",
                        help=tr("ngày ký in trên phiếu (mặc định: ngày duyệt; để trống nếu chưa có)"))
    parser.add_argument("--signer-name", default="", metavar=tr("HỌ_TÊN"),
                        help=tr("họ tên người ký bảng tổng hợp, báo cáo"))
    parser.add_argument("--sign-cert", metavar=tr("TỆP"),
                        help=tr("ký số PDF (PAdES) bằng chứng thư của đơn vị: tệp .p12/.pfx, hoặc .pem kèm --sign-key; "
                                "mật khẩu khoá lấy từ biến KPI_CERT_PASSWORD"))
    parser.add_argument("--sign-key", metavar=tr("TỆP"), help=tr("khoá riêng .pem của chứng thư (khi --sign-cert là .pem)"))


def _options(args: argparse.Namespace) -> Any:
    from kpi_desktop.services.reports import ReportOptions

    return ReportOptions(sign_date=args.date, place=args.place, signer_name=args.signer_name,
                         document_number=getattr(args, "number", None) or "",
                         recipient=getattr(args, "to", None) or "")


def _signer(args: argparse.Namespace) -> object | None:
    if not args.sign_cert:
        return None
    from kpi_desktop.reports.signing import load_signer

    return load_signer(Path(args.sign_cert), Path(args.sign_key) if args.sign_key else None,
                       passphrase=os.environ.get("KPI_CERT_PASSWORD"))


def _write(args: argparse.Namespace, model: Any) -> int:
    from kpi_desktop.reports.render import format_for, write_report

    out = Path(args.out)
    fmt = format_for(out, args.format)
    signer = _signer(args) if fmt == "pdf" else None
    if args.sign_cert and fmt != "pdf":
        raise InputError(tr("Chỉ ký số được tệp PDF."), field="--sign-cert", hint=tr("Dùng --format pdf."))
    path = write_report(model, out, fmt, signer=signer, location=args.place or "")
    print(tr("Đã ghi: ") + str(path))
    return 0


def _run(args: argparse.Namespace, build: Any) -> int:
    db = Database.open(args.db)
    try:
        actor = actor_for(args, db)
        return _write(args, build(db, actor))
    finally:
        db.close()


def _cmd_period(args: argparse.Namespace) -> int:
    from kpi_desktop.services import reports

    return _run(args, lambda db, actor: reports.period_form(
        db, actor, person_code=args.person, period_code=args.period, unit_code=args.unit, options=_options(args)))


def _cmd_annual(args: argparse.Namespace) -> int:
    from kpi_desktop.services import reports

    return _run(args, lambda db, actor: reports.annual_form(
        db, actor, person_code=args.person, year=args.year, unit_code=args.unit, options=_options(args)))


def _cmd_unit(args: argparse.Namespace) -> int:
    from kpi_desktop.services import reports

    return _run(args, lambda db, actor: reports.unit_summary(
        db, actor, year=args.year, unit_code=args.unit, options=_options(args)))


def _cmd_commune(args: argparse.Namespace) -> int:
    from kpi_desktop.services import reports

    return _run(args, lambda db, actor: reports.commune_report(
        db, actor, year=args.year, unit_code=args.unit, options=_options(args)))


def _cmd_province(args: argparse.Namespace) -> int:
    from kpi_desktop.services import reports

    return _run(args, lambda db, actor: reports.province_report(
        db, actor, year=args.year, province_code=args.province, options=_options(args)))


def _cmd_batch(args: argparse.Namespace) -> int:
    from kpi_desktop.reports.render import write_report
    from kpi_desktop.services import reports

    if (args.period is None) == (args.year is None):
        raise InputError(tr("Chọn một kỳ (--period) hoặc một năm (--year)."), field="--period")
    folder = Path(args.out)
    if folder.exists() and not folder.is_dir():
        raise InputError(tr("«{path}» không phải thư mục.").format(path=folder), field="--out",
                         hint=tr("Với lệnh batch, --out là thư mục chứa các tệp."))
    fmt = args.format or "pdf"
    db = Database.open(args.db)
    try:
        actor = actor_for(args, db)
        quiet = args.quiet

        def progress(done: int, total: int, name: str) -> None:
            if not quiet and name:
                print(f"[{done}/{total}] {name}", file=sys.stderr)

        signer = _signer(args) if fmt == "pdf" else None
        jobs = args.jobs or min(4, os.cpu_count() or 1)
        result = reports.export_unit_forms(db, actor, folder, period_code=args.period, year=args.year, fmt=fmt,
                                           unit_code=args.unit, options=_options(args), signer=signer,
                                           progress=progress, workers=jobs)
        if args.period is not None:
            # The clerk's checking sheet: every figure of the period, one row per person.
            forms = reports.period_forms(db, actor, period_code=args.period, unit_code=args.unit,
                                         options=_options(args))
            result.written.append(write_report(forms, folder / f"KetQua_{args.period.upper()}.xlsx", "xlsx"))
    finally:
        db.close()
    print(tr("Đã ghi {n} tệp vào {folder}").format(n=len(result.written), folder=folder))
    return 0


def register(subparsers: Any) -> None:
    # An explicit prog: argparse would otherwise build it from the parent's usage line, prefix included.
    parser = subparsers.add_parser(
        "report", prog="kpi report", help=tr("in phiếu đánh giá, bảng tổng hợp, báo cáo (PDF, Excel)"),
        description=tr("Xuất phiếu theo dõi, đánh giá (Mẫu 01), phiếu xếp loại (Mẫu 02; Mẫu 02/03 theo Nghị định "
                       "90 cho năm 2025), bảng tổng hợp của đơn vị, báo cáo của xã gửi tỉnh và báo cáo tổng hợp "
                       "của tỉnh, ra PDF (khổ A4, lề theo Nghị định 30/2020) hoặc Excel; có thể ký số PDF."))
    sub = parser.add_subparsers(title=tr("lệnh"), dest="report_command", metavar=tr("LỆNH"),
                                parser_class=type(parser), prog=parser.prog)
    parser.set_defaults(func=lambda _a: (parser.print_help(), 0)[1])

    p = sub.add_parser("period-form", prog="kpi report period-form", help=tr("phiếu theo dõi, đánh giá của một người trong một kỳ (Mẫu 01)"))
    p.add_argument("--person", required=True, metavar=tr("MÃ"), help=tr("mã cán bộ, công chức, viên chức"))
    p.add_argument("--period", required=True, metavar=tr("KỲ"), help=tr("kỳ đánh giá, ví dụ 2026-Q1 hoặc 2026-03"))
    _common(p, out_help=tr("tệp kết quả (.pdf hoặc .xlsx)"))
    p.set_defaults(func=_cmd_period)

    p = sub.add_parser("annual-form", prog="kpi report annual-form", help=tr("phiếu xếp loại chất lượng năm của một người (Mẫu 02)"))
    p.add_argument("--person", required=True, metavar=tr("MÃ"), help=tr("mã cán bộ, công chức, viên chức"))
    p.add_argument("--year", required=True, type=_year, metavar=tr("NĂM"), help=tr("năm đánh giá"))
    _common(p, out_help=tr("tệp kết quả (.pdf hoặc .xlsx)"))
    p.set_defaults(func=_cmd_annual)

    p = sub.add_parser("unit", prog="kpi report unit", help=tr("bảng tổng hợp kết quả xếp loại năm của đơn vị (để công khai)"))
    p.add_argument("--year", required=True, type=_year, metavar=tr("NĂM"), help=tr("năm đánh giá"))
    _common(p, out_help=tr("tệp kết quả (.pdf hoặc .xlsx)"))
    p.set_defaults(func=_cmd_unit)

    p = sub.add_parser("commune", prog="kpi report commune", help=tr("báo cáo kết quả xếp loại của xã, phường gửi tỉnh"))
    p.add_argument("--year", required=True, type=_year, metavar=tr("NĂM"), help=tr("năm đánh giá"))
    p.add_argument("--number", metavar=tr("SỐ"), help=tr("số, ký hiệu văn bản, ví dụ \"Số: 125/BC-UBND\""))
    p.add_argument("--to", metavar=tr("NƠI_NHẬN"),
                   help=tr("nơi nhận ở dòng \"Kính gửi\" (mặc định: Sở Nội vụ của tỉnh)"))
    _common(p, out_help=tr("tệp kết quả (.pdf hoặc .xlsx)"))
    p.set_defaults(func=_cmd_commune)

    p = sub.add_parser("province", prog="kpi report province", help=tr("báo cáo tổng hợp của tỉnh theo từng xã, phường, có biểu đồ"))
    p.add_argument("--year", required=True, type=_year, metavar=tr("NĂM"), help=tr("năm đánh giá"))
    p.add_argument("--province", metavar=tr("MÃ"), help=tr("mã tỉnh (khi cơ sở dữ liệu có nhiều tỉnh)"))
    p.add_argument("--number", metavar=tr("SỐ"), help=tr("số, ký hiệu văn bản, ví dụ \"Số: 87/BC-SNV\""))
    _common(p, out_help=tr("tệp kết quả (.pdf hoặc .xlsx)"))
    p.set_defaults(func=_cmd_province)

    p = sub.add_parser("batch", prog="kpi report batch", help=tr("mọi phiếu của đơn vị trong một kỳ hoặc một năm, vào một thư mục"))
    p.add_argument("--period", metavar=tr("KỲ"), help=tr("mọi Mẫu 01 của kỳ (và bảng kết quả Excel của kỳ)"))
    p.add_argument("--year", type=_year, metavar=tr("NĂM"), help=tr("mọi phiếu xếp loại năm và bảng tổng hợp"))
    p.add_argument("--quiet", action="store_true", help=tr("không in tiến độ"))
    p.add_argument("--jobs", type=int, default=0, metavar="N",
                   help=tr("số tiến trình vẽ song song (mặc định: theo số nhân CPU, tối đa 4)"))
    _common(p, out_help=tr("thư mục chứa các tệp (tạo nếu chưa có)"))
    p.set_defaults(func=_cmd_batch)
