"""`kpi recompute --db DB [--period P]`: recompute every stored score and report every difference."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from kpi_desktop.cli import add_db_argument
from kpi_desktop.commands.account import add_login_argument
from kpi_desktop.commands.period import _dump, session_for
from kpi_desktop.i18n import current_language, tr


def _run(args: argparse.Namespace) -> int:
    from kpi_desktop.services.recompute import recompute

    report = recompute(*session_for(args), period=args.period, jobs=args.jobs)
    if args.json:
        _dump(asdict(report))
        return 0 if report.ok else 1
    for diff in report.differences:
        print(diff.text_vi())
    versions = ", ".join(f"{v}: {n}" for v, n in sorted(report.engine_versions.items()))
    seconds = f"{report.seconds:.1f}"
    if current_language() == "vi":
        seconds = seconds.replace(".", ",")
    print(tr("Đã tính lại {n} kết quả trong {s} giây; {d} khác biệt.").format(
        n=report.checked, s=seconds, d=len(report.differences))
        + (f" {tr('Phiên bản bộ tính điểm đã lưu')}: {versions}." if versions else ""))
    return 0 if report.ok else 1


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "recompute", prog="kpi recompute", help=tr("tính lại mọi kết quả đã lưu và báo mọi khác biệt"),
        description=tr("Tính lại mọi kết quả đã lưu từ dữ liệu đầu vào đã lưu, với đúng bộ quy tắc đã ghi; "
                       "mã thoát 1 nếu có khác biệt."))
    add_db_argument(p)
    add_login_argument(p)
    p.add_argument("--period", metavar=tr("KỲ"), help=tr("chỉ kỳ này (ví dụ 2026-Q1), hoặc một năm (2026) cho "
                                                         "xếp loại năm"))
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help=tr("số tiến trình song song (0 = theo số nhân CPU)"))
    p.add_argument("--json", action="store_true", help=tr("in dạng JSON"))
    p.set_defaults(func=_run)
