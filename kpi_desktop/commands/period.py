"""`kpi period open|close|reopen|list` and `kpi eval list|show|save|submit|review|approve|return`.

The commands run the same services as the GUI, as the account given by `--user` (or `KPI_USER`;
password from `KPI_PASSWORD` or a prompt); every role check runs inside the services.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from kpi_desktop.cli import add_db_argument
from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import InputError
from kpi_desktop.i18n import tr
from kpi_desktop.store.db import Database


def open_db(args: argparse.Namespace) -> Database:
    return Database.open(getattr(args, "db", None))


def session_for(args: argparse.Namespace) -> tuple[Database, Actor]:
    """Open the database and log the account in (the same login every protected command uses)."""
    from kpi_desktop.commands.account import login_from_args

    db = open_db(args)
    return db, login_from_args(args, db)


def vi_number(value: Decimal | str | None) -> str:
    if value is None:
        return "—"
    return str(value).replace(".", ",")


def vi_date(value: date | datetime | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def parse_pairs(text: str | None, what: str) -> dict[str, str]:
    """`a=9,b=9.5,c=8` → {"a": "9", …}; raises InputError naming the option."""
    out: dict[str, str] = {}
    if not text:
        return out
    for part in text.split(","):
        if "=" not in part:
            raise InputError(tr("Giá trị «{part}» của {what} phải có dạng TÊN=GIÁ_TRỊ.").format(part=part, what=what),
                             field=what)
        key, value = part.split("=", 1)
        out[key.strip()] = value.strip()
    return out


def parse_leadership(text: str | None) -> dict[str, bool] | None:
    if not text:
        return None
    pairs = parse_pairs(text, "--lead")
    names = {"d": "subordinates_all_at_least_ht", "dd": "plan_on_time_with_quality", "e": "unity"}
    out = {}
    for key, long in names.items():
        value = pairs.get(key, pairs.get(long))
        if value is None:
            raise InputError(tr("--lead phải có đủ d, dd và e (1 = đạt 100%, 0 = 50%)."), field="--lead")
        if value not in ("0", "1"):
            raise InputError(tr("--lead: {key} phải là 1 hoặc 0.").format(key=key), field="--lead")
        out[long] = value == "1"
    return out


def _dump(obj: Any) -> None:
    def default(value: Any) -> Any:
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, date | datetime):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=default)
    sys.stdout.write("\n")


# --- periods ---------------------------------------------------------------------------------------

def _print_period(p: Any) -> None:
    print(f"{p.code}\t{p.state_vi}\t{vi_date(p.start_date)}–{vi_date(p.end_date)}\t"
          f"{tr('phiếu')}: {p.evaluations} ({tr('đã duyệt')} {p.approved})"
          + (f"\t{tr('lý do mở lại')}: {p.reopen_reason}" if p.reopen_reason else ""))


def _period_open(args: argparse.Namespace) -> int:
    from kpi_desktop.services import evaluation as svc

    p = svc.open_period(*session_for(args), args.code, unit_code=args.unit, ruleset_id=args.ruleset)
    print(tr("Đã mở kỳ đánh giá:"))
    _print_period(p)
    return 0


def _period_close(args: argparse.Namespace) -> int:
    from kpi_desktop.services import evaluation as svc

    p = svc.close_period(*session_for(args), args.code, unit_code=args.unit)
    print(tr("Đã khoá kỳ đánh giá (chỉ còn xem được):"))
    _print_period(p)
    return 0


def _period_reopen(args: argparse.Namespace) -> int:
    from kpi_desktop.services import evaluation as svc

    p = svc.reopen_period(*session_for(args), args.code, args.reason or "", unit_code=args.unit)
    print(tr("Đã mở lại kỳ đánh giá:"))
    _print_period(p)
    return 0


def _period_list(args: argparse.Namespace) -> int:
    from kpi_desktop.services import evaluation as svc

    rows = svc.list_periods(*session_for(args), year=args.year, unit_code=args.unit)
    if args.json:
        _dump([asdict(r) for r in rows])
        return 0
    if not rows:
        print(tr("Chưa có kỳ đánh giá nào."))
    for p in rows:
        _print_period(p)
    return 0


# --- evaluations -----------------------------------------------------------------------------------

def _person_id(args: argparse.Namespace, db: Database, actor: Actor) -> int:
    from kpi_desktop.services.evaluation import find_person, home_unit

    with db.session(actor) as s:
        unit = home_unit(s, args.unit)
        return find_person(s, args.person, unit.id).id


def _print_eval(v: Any) -> None:
    print(f"{v.person_name} ({v.person_code}) — {tr('kỳ')} {v.period_code} — {v.state_vi}")
    r = v.result or {}
    print(f"  {tr('Tiêu chí chung')}: " + "; ".join(
        f"{k} {vi_number(v.general_self.get(k))}"
        + (f"→{vi_number(v.general_reviewer[k])}" if v.general_reviewer.get(k) is not None else "")
        + f"/{vi_number(m)}" for k, m in v.general_max.items()))
    parts = [f"{k} = {vi_number(r.get(k))}" for k in ("a", "b", "c", "d", "dd", "e") if r.get(k) is not None]
    if parts:
        print(f"  {tr('Kết quả thực hiện nhiệm vụ')}: " + "; ".join(parts)
              + f"; T = {vi_number(r.get('task_result'))}; {tr('điểm')} {vi_number(r.get('task_points'))}")
    print(f"  {tr('Tự chấm')}: {vi_number(v.self_total)} ({v.self_band or '—'}); "
          f"{tr('Tổng điểm')}: {vi_number(v.total)} ({v.band or '—'})")
    for reason in r.get("reasons") or []:
        print(f"  - {reason}")
    if v.adjust_reason:
        print(f"  {tr('Lý do điều chỉnh')}: {v.adjust_reason}")
    if v.return_reason:
        print(f"  {tr('Lý do trả lại')}: {v.return_reason}")
    print(f"  {tr('Bộ quy tắc')}: {v.ruleset_id} (sha256 {str(v.ruleset_sha256)[:12]}…), "
          f"{tr('phiên bản bộ tính điểm')} {v.engine_version}")


def _emit(args: argparse.Namespace, v: Any) -> int:
    if getattr(args, "json", False):
        _dump(asdict(v))
    else:
        _print_eval(v)
    return 0


def _eval_list(args: argparse.Namespace) -> int:
    from kpi_desktop.services import evaluation as svc

    rows = svc.list_evaluations(*session_for(args), args.period, unit_code=args.unit)
    if args.json:
        _dump([asdict(r) for r in rows])
        return 0
    for v in rows:
        print(f"{v.person_code}\t{v.person_name}\t{v.state_vi}\t{vi_number(v.total)}\t{v.band or '—'}")
    return 0


def _eval_show(args: argparse.Namespace) -> int:
    from kpi_desktop.services import evaluation as svc

    db, actor = session_for(args)
    return _emit(args, svc.get_evaluation(db, actor, args.period, _person_id(args, db, actor),
                                          unit_code=args.unit))


def _eval_save(args: argparse.Namespace) -> int:
    from kpi_desktop.services import evaluation as svc

    db, actor = session_for(args)
    v = svc.save_self_assessment(db, actor, args.period, _person_id(args, db, actor),
                                 general=parse_pairs(args.general, "--general"),
                                 leadership=parse_leadership(args.lead), strengths=args.strengths,
                                 weaknesses=args.weaknesses, submit=args.submit, unit_code=args.unit)
    return _emit(args, v)


def _eval_submit(args: argparse.Namespace) -> int:
    from kpi_desktop.services import evaluation as svc

    db, actor = session_for(args)
    return _emit(args, svc.submit_self_assessment(db, actor, args.period, _person_id(args, db, actor),
                                                  unit_code=args.unit))


def _eval_review(args: argparse.Namespace) -> int:
    from kpi_desktop.services import evaluation as svc

    db, actor = session_for(args)
    v = svc.review_evaluation(db, actor, args.period, _person_id(args, db, actor),
                              adjustments=parse_pairs(args.set, "--set"), reason=args.reason, comment=args.comment,
                              leadership=parse_leadership(args.lead), unit_code=args.unit)
    return _emit(args, v)


def _eval_approve(args: argparse.Namespace) -> int:
    from kpi_desktop.services import evaluation as svc

    db, actor = session_for(args)
    return _emit(args, svc.approve_evaluation(db, actor, args.period, _person_id(args, db, actor),
                                              unit_code=args.unit))


def _eval_return(args: argparse.Namespace) -> int:
    from kpi_desktop.services import evaluation as svc

    db, actor = session_for(args)
    return _emit(args, svc.return_evaluation(db, actor, args.period, _person_id(args, db, actor),
                                             args.reason or "", unit_code=args.unit))


def _common(p: argparse.ArgumentParser) -> None:
    add_db_argument(p)
    p.add_argument("--unit", metavar=tr("MÃ_ĐƠN_VỊ"), help=tr("mã đơn vị (mặc định: đơn vị chủ quản của CSDL)"))
    from kpi_desktop.commands.account import add_login_argument

    add_login_argument(p)


def register(subparsers: Any) -> None:
    period = subparsers.add_parser("period", prog="kpi period", help=tr("mở, khoá, mở lại, liệt kê kỳ đánh giá"),
                                   description=tr("Quản lý kỳ theo dõi, đánh giá (tháng, quý, năm)."))
    sub = period.add_subparsers(title=tr("việc"), dest="action", metavar=tr("VIỆC"), parser_class=type(period),
                                prog="kpi period")
    p = sub.add_parser("open", prog="kpi period open", help=tr("mở kỳ mới"), description=tr("mở kỳ mới"))
    p.add_argument("code", metavar=tr("MÃ_KỲ"), help=tr("2026-Q1 (quý), 2026-M03 (tháng) hoặc 2026 (năm)"))
    p.add_argument("--ruleset", help=tr("bộ quy tắc áp dụng cho kỳ (mặc định: theo đối tượng và quy chế)"))
    _common(p)
    p.set_defaults(func=_period_open)
    p = sub.add_parser("close", prog="kpi period close", help=tr("khoá kỳ (chỉ còn xem)"),
                       description=tr("khoá kỳ (chỉ còn xem)"))
    p.add_argument("code", metavar=tr("MÃ_KỲ"))
    _common(p)
    p.set_defaults(func=_period_close)
    p = sub.add_parser("reopen", prog="kpi period reopen", help=tr("mở lại kỳ đã khoá (phải có lý do)"),
                       description=tr("mở lại kỳ đã khoá (phải có lý do)"))
    p.add_argument("code", metavar=tr("MÃ_KỲ"))
    p.add_argument("--reason", help=tr("lý do mở lại (bắt buộc)"))
    _common(p)
    p.set_defaults(func=_period_reopen)
    p = sub.add_parser("list", prog="kpi period list", help=tr("liệt kê các kỳ"), description=tr("liệt kê các kỳ"))
    p.add_argument("--year", type=int, help=tr("chỉ năm này"))
    p.add_argument("--json", action="store_true", help=tr("in dạng JSON"))
    _common(p)
    p.set_defaults(func=_period_list)
    period.set_defaults(func=lambda _a: period.print_help() or 0)

    ev = subparsers.add_parser("eval", prog="kpi eval", help=tr("phiếu đánh giá kỳ (Mẫu 01): tự chấm, nhận xét, duyệt"),
                               description=tr("Phiếu theo dõi, đánh giá từng kỳ (Mẫu 01)."))
    sub = ev.add_subparsers(title=tr("việc"), dest="action", metavar=tr("VIỆC"), parser_class=type(ev),
                            prog="kpi eval")

    def person_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("period", metavar=tr("MÃ_KỲ"))
        p.add_argument("person", metavar=tr("MÃ_NGƯỜI"), help=tr("mã cán bộ trong đơn vị, ví dụ CC-0007"))
        p.add_argument("--json", action="store_true", help=tr("in dạng JSON"))
        _common(p)

    p = sub.add_parser("list", prog="kpi eval list", help=tr("liệt kê phiếu của một kỳ"),
                       description=tr("liệt kê phiếu của một kỳ"))
    p.add_argument("period", metavar=tr("MÃ_KỲ"))
    p.add_argument("--json", action="store_true", help=tr("in dạng JSON"))
    _common(p)
    p.set_defaults(func=_eval_list)
    p = sub.add_parser("show", prog="kpi eval show", help=tr("xem một phiếu"), description=tr("xem một phiếu"))
    person_args(p)
    p.set_defaults(func=_eval_show)
    p = sub.add_parser("save", prog="kpi eval save", help=tr("lưu phiếu tự đánh giá"),
                       description=tr("lưu phiếu tự đánh giá"))
    person_args(p)
    p.add_argument("--general", required=True, metavar="a=9,b=9,c=9", help=tr("điểm tự chấm tiêu chí chung"))
    p.add_argument("--lead", metavar="d=1,dd=1,e=1", help=tr("lãnh đạo: d, đ, e đạt (1) hay 50% (0)"))
    p.add_argument("--strengths", help=tr("ưu điểm"))
    p.add_argument("--weaknesses", help=tr("hạn chế, khuyết điểm"))
    p.add_argument("--submit", action="store_true", help=tr("nộp luôn sau khi lưu"))
    p.set_defaults(func=_eval_save)
    p = sub.add_parser("submit", prog="kpi eval submit", help=tr("nộp phiếu tự đánh giá"),
                       description=tr("nộp phiếu tự đánh giá"))
    person_args(p)
    p.set_defaults(func=_eval_submit)
    p = sub.add_parser("review", prog="kpi eval review", help=tr("xác nhận hoặc điều chỉnh điểm (lãnh đạo)"),
                       description=tr("xác nhận hoặc điều chỉnh điểm (lãnh đạo)"))
    person_args(p)
    p.add_argument("--set", metavar="c=8", help=tr("điểm điều chỉnh của các tiêu chí chung"))
    p.add_argument("--reason", help=tr("lý do điều chỉnh (bắt buộc khi điều chỉnh)"))
    p.add_argument("--comment", help=tr("nhận xét của cấp có thẩm quyền"))
    p.add_argument("--lead", metavar="d=1,dd=1,e=1", help=tr("lãnh đạo: d, đ, e đạt (1) hay 50% (0)"))
    p.set_defaults(func=_eval_review)
    p = sub.add_parser("approve", prog="kpi eval approve", help=tr("duyệt phiếu đã nhận xét"),
                       description=tr("duyệt phiếu đã nhận xét"))
    person_args(p)
    p.set_defaults(func=_eval_approve)
    p = sub.add_parser("return", prog="kpi eval return", help=tr("trả lại phiếu để sửa (phải có lý do)"),
                       description=tr("trả lại phiếu để sửa (phải có lý do)"))
    person_args(p)
    p.add_argument("--reason", help=tr("lý do trả lại (bắt buộc)"))
    p.set_defaults(func=_eval_return)
    ev.set_defaults(func=lambda _a: ev.print_help() or 0)
