"""`kpi catalog-pack build|import`: the province's signed catalogue, and the commune's careful import."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kpi_desktop.cli import add_db_argument
from kpi_desktop.commands.bundle import add_user_argument, cli_actor
from kpi_desktop.domain.roles import Role
from kpi_desktop.exchange import catalog_pack
from kpi_desktop.i18n import tr
from kpi_desktop.store.db import Database


def _build(args: argparse.Namespace) -> int:
    from kpi_desktop.services import catalog_packs

    params = None
    if args.ruleset_params:
        from kpi_desktop.exchange import payload

        params = payload.loads_strict(Path(args.ruleset_params).read_bytes(), args.ruleset_params)
    db = Database.open(args.db)
    try:
        actor = cli_actor(args, db, Role.PROVINCE_HR)
        built = catalog_packs.build_pack(db, actor, Path(args.out), title=args.title or "", ruleset_params=params)
    finally:
        db.close()
    print(tr("Đã ký và ghi gói danh mục phiên bản ") + str(built.version) + ": " + str(built.path))
    for section, count in built.counts.items():
        print(f"  {tr(catalog_pack.SECTION_LABELS_VI[section])}: {count}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from kpi_desktop.services import catalog_packs

    db = Database.open(args.db)
    try:
        actor = cli_actor(args, db, Role.CLERK)
        result = catalog_packs.import_pack(db, actor, Path(args.file), accept=args.accept)
    finally:
        db.close()
    if args.json:
        print(json.dumps({"pack_id": result.pack_id, "version": result.version, "applied": result.applied,
                          "differences": [d.as_dict() for d in result.differences]},
                         ensure_ascii=False, indent=2, default=str))
    else:
        for diff in result.differences:
            print("  " + diff.text_vi())
        if result.applied:
            print(tr("Đã áp dụng gói danh mục phiên bản ") + str(result.version) + ".")
        elif result.conflicts:
            print(tr("Chưa áp dụng: gói sẽ ghi đè ") + str(len(result.conflicts)) +
                  tr(" chỗ đơn vị đã tự sửa (đánh dấu XUNG ĐỘT ở trên). Xem lại rồi chạy lại với --accept để áp dụng."))
        else:
            print(tr("Gói này đã được áp dụng trước đó; không thay đổi gì."))
    return 0 if result.applied or not result.conflicts else 1


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("catalog-pack", prog="kpi catalog-pack", help=tr("gói danh mục có chữ ký của Sở Nội vụ"),
                                   description=tr("Sở ký và phát hành danh mục; xã/phường kiểm tra chữ ký và áp dụng."))
    sub = parser.add_subparsers(title=tr("lệnh"), dest="catalog_pack_command", metavar=tr("LỆNH"))
    sub.required = True
    build = sub.add_parser("build", prog="kpi catalog-pack build", help=tr("Sở đóng gói và ký danh mục hiện có"))
    add_db_argument(build)
    add_user_argument(build)
    build.add_argument("--out", required=True, metavar=tr("TỆP"), help=tr("tệp .kpib sẽ ghi"))
    build.add_argument("--title", metavar=tr("TIÊU_ĐỀ"), help=tr("tiêu đề của gói"))
    build.add_argument("--ruleset-params", metavar=tr("TỆP"), help=tr("tệp JSON tham số bộ quy tắc"))
    build.set_defaults(func=_build)
    imp = sub.add_parser("import", prog="kpi catalog-pack import", help=tr("xã/phường kiểm tra chữ ký và áp dụng gói danh mục"))
    add_db_argument(imp)
    add_user_argument(imp)
    imp.add_argument("file", metavar=tr("TỆP"), help=tr("tệp gói danh mục .kpib"))
    imp.add_argument("--accept", action="store_true", help=tr("áp dụng cả khi ghi đè chỗ đơn vị đã tự sửa"))
    imp.add_argument("--json", action="store_true", help=tr("in dạng JSON"))
    imp.set_defaults(func=_import)
