"""`kpi score period|annual|quota|scorecard|flags [FILE|-]` and `kpi score rulesets`.

One contract JSON document in (a file, or standard input with `-` or no file), one out on standard
output. `--explain` prints each step of the computation in Vietnamese instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from kpi_desktop.errors import InputError
from kpi_desktop.i18n import tr


def _reject_constant(name: str) -> Any:
    raise InputError(tr("Dữ liệu JSON có giá trị không hợp lệ: ") + name, field="$",
                     hint=tr("Chỉ dùng số hữu hạn."))


def parse_document(text: str, source: str = "-") -> Mapping[str, Any]:
    """Parse a contract document exactly: decimals become Decimal, never binary floats."""
    try:
        doc = json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise InputError(
            tr("Dữ liệu JSON không hợp lệ ({source}): dòng {line}, cột {col}: {msg}.").format(
                source=source, line=exc.lineno, col=exc.colno, msg=exc.msg),
            field="$", hint=tr("Kiểm tra dấu ngoặc, dấu phẩy và dấu nháy kép."),
        ) from None
    if not isinstance(doc, dict):
        raise InputError(tr("Dữ liệu đầu vào phải là một đối tượng JSON ({…})."), field="$")
    return doc


def read_document(name: str | None) -> Mapping[str, Any]:
    if name is None or name == "-":
        raw = sys.stdin.buffer.read()
        source = tr("đầu vào chuẩn")
    else:
        path = Path(name)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise InputError(tr("Không tìm thấy tệp «{name}».").format(name=name), field="FILE") from None
        except OSError as exc:
            raise InputError(tr("Không đọc được tệp «{name}»: {err}").format(name=name, err=exc.strerror),
                             field="FILE") from None
        source = name
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(tr("Tệp «{name}» không phải văn bản UTF-8.").format(name=source), field="FILE") from None
    return parse_document(text, source)


def _kinds() -> dict[str, tuple[Callable[[Mapping[str, Any]], Any], Callable[[Mapping[str, Any]], list[str]] | None,
                                str]]:
    from kpi_desktop.domain import scoring as s

    return {
        "period": (s.score_period, s.explain_period, tr("chấm điểm một kỳ (tháng hoặc quý) của một người")),
        "annual": (s.score_annual, s.explain_annual, tr("xếp loại chất lượng năm của một người")),
        "quota": (s.score_quota, s.explain_quota, tr("kiểm tra tỷ lệ HTXS theo nhóm nhiệm vụ tương đồng")),
        "scorecard": (s.score_scorecard, s.explain_scorecard,
                      tr("chấm hợp đồng trách nhiệm của người đứng đầu (thẻ điểm cân bằng)")),
        "flags": (s.consequence_flags, None, tr("các cảnh báo hệ quả (KHT hai năm liền, kỷ luật trong nhiệm kỳ…)")),
    }


def _run(args: argparse.Namespace) -> int:
    score, explain, _ = _kinds()[args.kind]
    doc = read_document(args.file)
    if getattr(args, "explain", False) and explain is not None:
        for i, step in enumerate(explain(doc), 1):
            print(f"{i}. {step}")
        return 0
    result = score(doc)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _rulesets(args: argparse.Namespace) -> int:
    from kpi_desktop.domain.scoring import list_rulesets

    names = {"cong_chuc": tr("công chức"), "vien_chuc": tr("viên chức"), "can_bo": tr("cán bộ")}
    rows = []
    for rs in list_rulesets():
        spans = []
        for cat, (start, end) in rs.windows.items():
            spans.append(f"{names[cat]} {start:%d/%m/%Y}–{end:%d/%m/%Y}" if end else
                         f"{names[cat]} {tr('từ')} {start:%d/%m/%Y}")
        rows.append({"id": rs.id, "title": rs.title, "sha256": rs.sha256, "kinds": list(rs.kinds),
                     "in_force": "; ".join(spans)})
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for row in rows:
        print(f"{row['id']}: {row['title']}")
        print(f"    {tr('áp dụng')}: {row['in_force']}; {tr('loại')}: {', '.join(row['kinds'])}")
        print(f"    sha256 {row['sha256']}")
    return 0


def register(subparsers: Any) -> None:
    # An explicit prog: argparse would otherwise build it from the parent's usage line, prefix included.
    parser = subparsers.add_parser(
        "score", prog="kpi score", help=tr("chấm điểm theo hợp đồng dữ liệu JSON (kỳ, năm, tỷ lệ HTXS)"),
        description=tr("Đọc một tài liệu JSON theo hợp đồng chấm điểm (tệp, hoặc đầu vào chuẩn với -) và "
                       "ghi kết quả JSON ra đầu ra chuẩn. Dữ liệu sai: mã thoát 2 và thông báo nêu tên trường."),
    )
    sub = parser.add_subparsers(title=tr("loại"), dest="kind", metavar=tr("LOẠI"),
                                parser_class=type(parser), prog=parser.prog)
    for kind, (_, explain, help_text) in _kinds().items():
        p = sub.add_parser(kind, prog=f"kpi score {kind}", help=help_text, description=help_text)
        p.add_argument("file", nargs="?", default="-", metavar=tr("TỆP"),
                       help=tr("tệp JSON đầu vào; - hoặc bỏ trống để đọc đầu vào chuẩn"))
        if explain is not None:
            p.add_argument("--explain", action="store_true",
                           help=tr("in từng bước tính bằng tiếng Việt thay cho kết quả JSON"))
        p.set_defaults(func=_run)
    r = sub.add_parser("rulesets", prog="kpi score rulesets", help=tr("liệt kê các bộ quy tắc có sẵn"),
                       description=tr("liệt kê các bộ quy tắc có sẵn"))
    r.add_argument("--json", action="store_true", help=tr("in dạng JSON"))
    r.set_defaults(func=_rulesets)
    parser.set_defaults(func=lambda _a: parser.print_help() or 0)
