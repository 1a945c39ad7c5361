"""`kpi annual rate|show|decide`: the annual rating of a unit-year, its quota and the decision."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import datetime
from typing import Any

from kpi_desktop.commands.period import _common, _dump, parse_pairs, session_for, vi_number
from kpi_desktop.errors import InputError
from kpi_desktop.i18n import tr

LEVEL_ORDER = ("HTXS", "HTT", "HT", "KHT", "NOT_RATED")


def _print(rating: Any) -> None:
    print(tr("Xếp loại chất lượng năm {year} — đơn vị {unit}").format(year=rating.year, unit=rating.unit_code))
    header = [tr("Mã"), tr("Họ và tên"), tr("Nhóm"), tr("Điểm TB"), tr("Theo điểm"), tr("Đề xuất"),
              tr("Quyết định"), tr("Trạng thái")]
    print("\t".join(header))
    for r in rating.rows:
        mark = " *" if r.over_quota else ""
        print("\t".join([r.person_code, r.person_name, r.group, vi_number(r.mean), r.band or "—",
                         (r.level or "—") + mark, r.final_level or "—", r.state]))
        for reason in r.reasons:
            print(f"\t- {reason}")
        for flag in r.flags:
            print(f"\t! {flag['message']}")
    counts = {lvl: sum(1 for r in rating.rows if (r.final_level or r.level) == lvl) for lvl in LEVEL_ORDER}
    print(tr("Tổng hợp") + ": " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    for q in rating.quota:
        for g in q["groups"]:
            print(tr("Nhóm «{group}»: căn cứ {base}, giới hạn HTXS {cap}, đề xuất HTXS {htxs}").format(
                group=g["group"], base=g["base_count"], cap=g["cap"], htxs=g["htxs"]))
    if rating.over_quota:
        print(tr("Vượt tỷ lệ HTXS (cấp có thẩm quyền quyết định; phần mềm không tự hạ mức)") + ": "
              + ", ".join(rating.over_quota))
    else:
        print(tr("Không ai vượt tỷ lệ HTXS."))
    for problem in rating.problems:
        print(tr("Chưa xếp loại được") + f": {problem}")


def _rate(args: argparse.Namespace) -> int:
    from kpi_desktop.services import annual as svc

    extra = None
    if args.extra:
        from kpi_desktop.commands.score import read_document

        extra = dict(read_document(args.extra))
        for code, fields in extra.items():
            if not isinstance(fields, dict):
                raise InputError(tr("Tệp --extra: giá trị của «{code}» phải là một đối tượng JSON.").format(code=code),
                                 field=f"--extra.{code}")
    rating = svc.rate_unit_year(*session_for(args), args.year, unit_code=args.unit, extra_inputs=extra)
    if args.json:
        _dump(asdict(rating))
    else:
        _print(rating)
    return 0


def _show(args: argparse.Namespace) -> int:
    from kpi_desktop.services import annual as svc

    rating = svc.list_annual(*session_for(args), args.year, unit_code=args.unit)
    if args.json:
        _dump(asdict(rating))
    else:
        _print(rating)
    return 0


def _decide(args: argparse.Namespace) -> int:
    from kpi_desktop.services import annual as svc

    try:
        when = datetime.strptime(args.date, "%d/%m/%Y").date()
    except ValueError:
        raise InputError(tr("Ngày quyết định phải có dạng dd/mm/yyyy."), field="--date") from None
    levels: dict[str, str] = {}
    for item in args.level or []:
        levels.update(parse_pairs(item, "--level"))
    reasons: dict[str, str] = {}
    for item in args.reason or []:
        if "=" not in item:
            raise InputError(tr("--reason phải có dạng MÃ=LÝ_DO."), field="--reason")
        code, text = item.split("=", 1)
        reasons[code.strip()] = text.strip()
    rating = svc.record_decision(*session_for(args), args.year, decision_no=args.decision_no,
                                 decision_date=when, final_levels=levels, reasons=reasons, unit_code=args.unit)
    _print(rating)
    return 0


def register(subparsers: Any) -> None:
    annual = subparsers.add_parser("annual", prog="kpi annual",
                                   help=tr("xếp loại chất lượng năm của đơn vị (Mẫu 02), tỷ lệ HTXS, quyết định"),
                                   description=tr("Xếp loại chất lượng năm của đơn vị."))
    sub = annual.add_subparsers(title=tr("việc"), dest="action", metavar=tr("VIỆC"), parser_class=type(annual),
                                prog="kpi annual")
    p = sub.add_parser("rate", prog="kpi annual rate", help=tr("tính, đề xuất xếp loại năm và kiểm tra tỷ lệ"),
                       description=tr("tính, đề xuất xếp loại năm và kiểm tra tỷ lệ"))
    p.add_argument("--year", type=int, required=True, help=tr("năm đánh giá"))
    p.add_argument("--json", action="store_true", help=tr("in dạng JSON"))
    p.add_argument("--extra", metavar=tr("TỆP"),
                   help=tr("tệp JSON {mã người: {trường bổ sung}}, ví dụ criteria_1_4 khi xếp loại theo NĐ 90/48"))
    _common(p)
    p.set_defaults(func=_rate)
    p = sub.add_parser("show", prog="kpi annual show", help=tr("xem kết quả đã lưu"),
                       description=tr("xem kết quả đã lưu"))
    p.add_argument("--year", type=int, required=True, help=tr("năm đánh giá"))
    p.add_argument("--json", action="store_true", help=tr("in dạng JSON"))
    _common(p)
    p.set_defaults(func=_show)
    p = sub.add_parser("decide", prog="kpi annual decide", help=tr("ghi quyết định xếp loại của cấp có thẩm quyền"),
                       description=tr("ghi quyết định xếp loại của cấp có thẩm quyền"))
    p.add_argument("--year", type=int, required=True, help=tr("năm đánh giá"))
    p.add_argument("--decision-no", required=True, help=tr("số quyết định"))
    p.add_argument("--date", required=True, metavar="dd/mm/yyyy", help=tr("ngày quyết định"))
    p.add_argument("--level", action="append", metavar=tr("MÃ=MỨC"), help=tr("mức quyết định khác đề xuất"))
    p.add_argument("--reason", action="append", metavar=tr("MÃ=LÝ_DO"), help=tr("lý do (bắt buộc khi giữ HTXS vượt tỷ lệ)"))
    _common(p)
    p.set_defaults(func=_decide)
    annual.set_defaults(func=lambda _a: annual.print_help() or 0)
