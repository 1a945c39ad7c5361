"""`kpi assign add|list|change|remove|complete|fail|delay`: period work from the command line.

The same services as the GUI's «Giao việc» page, as the account given by `--user` (or `KPI_USER`;
password from `KPI_PASSWORD` or a prompt); every role check and validation runs in the services.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from kpi_desktop.cli import add_db_argument
from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import InputError
from kpi_desktop.i18n import tr
from kpi_desktop.store.db import Database


def parse_date(text: str | None, field: str) -> date | None:
    """dd/mm/yyyy (or ISO yyyy-mm-dd) → date."""
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise InputError(tr("Ngày «{text}» không hợp lệ.").format(text=text), field=field,
                     hint=tr("Dùng dạng ngày/tháng/năm, ví dụ 31/03/2026."))


def _session(args: argparse.Namespace) -> tuple[Database, Actor]:
    from kpi_desktop.commands.account import actor_for_cli

    db = Database.open(getattr(args, "db", None))
    return db, actor_for_cli(args, db)


def _num(value: Any) -> str:
    """A quantity without trailing zeros, with a Vietnamese decimal comma: 4.00 → 4, 2.50 → 2,5."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _print(v: Any) -> None:
    from kpi_desktop.commands.period import vi_date

    line = (f"#{v.id}\t{v.person_code}\t{v.person_name}\t{v.product_code}\tk={_num(v.k)}\t"
            f"{tr('giao')} {_num(v.quantity)}\t{tr('hoàn thành')} {_num(v.completed)}\t"
            f"{tr('lỗi')} {v.quality_failures} ({tr('miễn')} {v.quality_failures_exempt})\t"
            f"{tr('trễ hạn')} {v.delays} ({tr('miễn')} {v.delays_exempt})\t{tr('hạn')} {vi_date(v.deadline)}")
    print(line)
    if v.exceeded > 0:
        print("  " + tr("Vượt {n} so với số được giao (báo cáo riêng, không cộng vào điểm).")
              .format(n=_num(v.exceeded)))
    for w in v.warnings:
        print("  " + tr("Lưu ý: ") + w)


def _emit(args: argparse.Namespace, v: Any) -> int:
    if getattr(args, "json", False):
        from kpi_desktop.commands.period import _dump

        _dump({**asdict(v), "exceeded": v.exceeded})
    else:
        _print(v)
    return 0


def _add(args: argparse.Namespace) -> int:
    from kpi_desktop.services import assignments as svc

    db, actor = _session(args)
    pid = svc.find_person_id(db, actor, args.person, unit_code=args.unit)
    v = svc.assign_product(db, actor, args.period, pid, args.product, args.quantity,
                           deadline=parse_date(args.deadline, "--deadline"), source=args.source,
                           description=args.note, unit_code=args.unit)
    if not args.json:
        print(tr("Đã giao nhiệm vụ:"))
    return _emit(args, v)


def _change(args: argparse.Namespace) -> int:
    from kpi_desktop.services import assignments as svc

    kwargs: dict[str, Any] = {}
    if args.quantity is not None:
        kwargs["quantity"] = args.quantity
    if args.deadline is not None:
        kwargs["deadline"] = parse_date(args.deadline, "--deadline")
    if args.source is not None:
        kwargs["source"] = args.source
    if args.note is not None:
        kwargs["description"] = args.note
    if not kwargs:
        raise InputError(tr("Chưa nêu thay đổi nào."), field="--quantity",
                         hint=tr("Dùng --quantity, --deadline, --source hoặc --note."))
    v = svc.update_assignment(*_session(args), args.id, **kwargs)
    if not args.json:
        print(tr("Đã sửa nhiệm vụ:"))
    return _emit(args, v)


def _remove(args: argparse.Namespace) -> int:
    from kpi_desktop.services import assignments as svc

    v = svc.remove_assignment(*_session(args), args.id)
    print(tr("Đã xoá nhiệm vụ #{id} ({product}, {name}) cùng các ghi nhận kèm theo.")
          .format(id=v.id, product=v.product_code, name=v.person_name))
    return 0


def _complete(args: argparse.Namespace) -> int:
    from kpi_desktop.services import assignments as svc

    when = parse_date(args.date, "--date") or date.today()
    v = svc.record_completion(*_session(args), args.id, args.quantity, when, note=args.note)
    if not args.json:
        print(tr("Đã ghi nhận hoàn thành:"))
    return _emit(args, v)


def _incident(args: argparse.Namespace) -> int:
    from kpi_desktop.services import assignments as svc

    record = svc.record_quality_failure if args.kind == "quality" else svc.record_delay
    v = record(*_session(args), args.id, args.count, occurred_on=parse_date(args.date, "--date"),
               exempt=args.exempt, approver=args.approver, reason=args.reason)
    if not args.json:
        print(tr("Đã ghi nhận lỗi chất lượng:") if args.kind == "quality" else tr("Đã ghi nhận trễ hạn:"))
    return _emit(args, v)


def _undo(args: argparse.Namespace) -> int:
    from kpi_desktop.services import assignments as svc

    v = svc.remove_record(*_session(args), args.kind, args.record)
    if not args.json:
        print(tr("Đã xoá ghi nhận; nhiệm vụ còn lại:"))
    return _emit(args, v)


def _list(args: argparse.Namespace) -> int:
    from kpi_desktop.commands.period import _dump
    from kpi_desktop.services import assignments as svc

    db, actor = _session(args)
    pid = svc.find_person_id(db, actor, args.person, unit_code=args.unit) if args.person else None
    bid = svc.find_body_id(db, actor, args.body, unit_code=args.unit) if args.body else None
    rows = svc.list_assignments(db, actor, args.period, person_id=pid, body_id=bid, unit_code=args.unit)
    if args.json:
        _dump([{**asdict(v), "exceeded": v.exceeded} for v in rows])
        return 0
    if not rows:
        print(tr("Chưa có nhiệm vụ nào được giao."))
    for v in rows:
        _print(v)
    return 0


def _common(p: argparse.ArgumentParser, *, json: bool = True) -> None:
    from kpi_desktop.commands.account import add_login_argument

    add_db_argument(p)
    p.add_argument("--unit", metavar=tr("MÃ_ĐƠN_VỊ"), help=tr("mã đơn vị (mặc định: đơn vị chủ quản của CSDL)"))
    if json:
        p.add_argument("--json", action="store_true", help=tr("in dạng JSON"))
    add_login_argument(p)


def register(subparsers: Any) -> None:
    from kpi_desktop.services.assignments import SOURCES

    parser = subparsers.add_parser(
        "assign", prog="kpi assign", help=tr("giao sản phẩm, ghi nhận hoàn thành, lỗi chất lượng, trễ hạn"),
        description=tr("Giao sản phẩm cho cán bộ trong kỳ và ghi nhận kết quả (số lượng, chất lượng, tiến độ)."))
    sub = parser.add_subparsers(title=tr("việc"), dest="action", metavar=tr("VIỆC"), parser_class=type(parser),
                                prog="kpi assign")

    def add(name: str, text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, prog=f"kpi assign {name}", help=text, description=text)  # type: ignore[no-any-return]

    p = add("add", tr("giao một sản phẩm cho một người trong kỳ"))
    p.add_argument("period", metavar=tr("MÃ_KỲ"))
    p.add_argument("person", metavar=tr("MÃ_NGƯỜI"), help=tr("mã cán bộ trong đơn vị, ví dụ CC-0007"))
    p.add_argument("product", metavar=tr("MÃ_SẢN_PHẨM"))
    p.add_argument("quantity", metavar=tr("SỐ_LƯỢNG"))
    p.add_argument("--deadline", metavar=tr("NGÀY"), help=tr("hạn hoàn thành, dạng 31/03/2026"))
    p.add_argument("--source", default="plan", choices=SOURCES, help=tr("nguồn giao việc (mặc định: plan)"))
    p.add_argument("--note", help=tr("mô tả nhiệm vụ"))
    _common(p)
    p.set_defaults(func=_add)

    p = add("list", tr("liệt kê nhiệm vụ được giao trong kỳ"))
    p.add_argument("period", metavar=tr("MÃ_KỲ"))
    p.add_argument("person", nargs="?", metavar=tr("MÃ_NGƯỜI"), help=tr("chỉ người này"))
    p.add_argument("--body", metavar=tr("MÃ_CƠ_QUAN"), help=tr("chỉ cơ quan, đơn vị này"))
    _common(p)
    p.set_defaults(func=_list)

    p = add("change", tr("sửa số lượng, hạn, nguồn hoặc mô tả của nhiệm vụ"))
    p.add_argument("id", type=int, metavar=tr("SỐ_NHIỆM_VỤ"))
    p.add_argument("--quantity", metavar=tr("SỐ_LƯỢNG"))
    p.add_argument("--deadline", metavar=tr("NGÀY"))
    p.add_argument("--source", choices=SOURCES)
    p.add_argument("--note")
    _common(p)
    p.set_defaults(func=_change)

    p = add("remove", tr("xoá nhiệm vụ cùng các ghi nhận kèm theo"))
    p.add_argument("id", type=int, metavar=tr("SỐ_NHIỆM_VỤ"))
    _common(p, json=False)
    p.set_defaults(func=_remove)

    p = add("complete", tr("ghi nhận số lượng hoàn thành"))
    p.add_argument("id", type=int, metavar=tr("SỐ_NHIỆM_VỤ"))
    p.add_argument("quantity", metavar=tr("SỐ_LƯỢNG"))
    p.add_argument("--date", metavar=tr("NGÀY"), help=tr("ngày hoàn thành (mặc định: hôm nay)"))
    p.add_argument("--note")
    _common(p)
    p.set_defaults(func=_complete)

    for name, kind, text in (("fail", "quality", tr("ghi nhận lỗi chất lượng (lỗi lớn về nội dung)")),
                             ("delay", "delay", tr("ghi nhận trễ hạn"))):
        p = add(name, text)
        p.add_argument("id", type=int, metavar=tr("SỐ_NHIỆM_VỤ"))
        p.add_argument("--count", default="1", metavar=tr("SỐ_LẦN"), help=tr("số lần (mặc định 1)"))
        p.add_argument("--date", metavar=tr("NGÀY"))
        p.add_argument("--exempt", action="store_true",
                       help=tr("miễn trừ do nguyên nhân khách quan (cần --approver và --reason)"))
        p.add_argument("--approver", metavar=tr("NGƯỜI_XÁC_NHẬN"))
        p.add_argument("--reason", metavar=tr("LÝ_DO"))
        _common(p)
        p.set_defaults(func=_incident, kind=kind)

    p = add("undo", tr("xoá một ghi nhận nhập nhầm (hoàn thành, lỗi chất lượng, trễ hạn)"))
    p.add_argument("kind", choices=("completion", "quality", "delay"), help=tr("loại ghi nhận"))
    p.add_argument("record", type=int, metavar=tr("SỐ_GHI_NHẬN"), help=tr("số ghi nhận (xem list --json)"))
    _common(p)
    p.set_defaults(func=_undo)
    parser.set_defaults(func=lambda _a: parser.print_help() or 0)
