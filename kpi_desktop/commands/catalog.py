"""`kpi catalog export|import|delete-position|delete-product`: positions, descriptions, competency
frameworks and products. A delete is refused (exit 2, with the reason) while the item is in use."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kpi_desktop.cli import add_db_argument
from kpi_desktop.commands.account import actor_for_cli, add_login_argument
from kpi_desktop.i18n import tr


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "catalog", help=tr("xuất, nhập danh mục vị trí việc làm, khung năng lực, sản phẩm (xlsx, json)"),
        description=tr("Xuất hoặc nhập danh mục: vị trí việc làm, bản mô tả, khung năng lực, sản phẩm. "
                       "Nhập là tất cả hoặc không: có một dòng sai thì không nhập gì."))
    actions = p.add_subparsers(title=tr("lệnh"), dest="catalog_command", metavar=tr("LỆNH"),
                               parser_class=type(p))
    for name, help_text in (("export", tr("xuất danh mục ra tệp")), ("import", tr("nhập danh mục từ tệp"))):
        q = actions.add_parser(name, help=help_text, description=help_text)
        q.add_argument("--format", choices=("xlsx", "json"), default=None,
                       help=tr("định dạng tệp (mặc định: theo đuôi tệp)"))
        add_db_argument(q)
        add_login_argument(q)
        q.add_argument("file", metavar=tr("TỆP"), help=tr("đường dẫn tệp .xlsx hoặc .json"))
        q.set_defaults(func=run_export if name == "export" else run_import)

    for name, help_text, what in (
            ("delete-position", tr("xoá một vị trí việc làm (cùng bản mô tả, khung năng lực) chưa ai đảm nhiệm"),
             tr("mã vị trí việc làm")),
            ("delete-product", tr("xoá một sản phẩm chưa được giao lần nào"), tr("mã sản phẩm"))):
        q = actions.add_parser(name, help=help_text, description=help_text)
        add_db_argument(q)
        add_login_argument(q)
        q.add_argument("code", metavar=tr("MÃ"), help=what)
        q.set_defaults(func=run_delete_position if name == "delete-position" else run_delete_product)

    def _usage(_args: argparse.Namespace) -> int:
        p.print_help()
        return 2

    p.set_defaults(func=_usage)


def run_export(args: argparse.Namespace) -> int:
    from kpi_desktop.services.catalog import export_catalogue
    from kpi_desktop.store.db import Database

    db = Database.open(args.db)
    try:
        c = export_catalogue(db, actor_for_cli(args, db), Path(args.file), args.format)
    finally:
        db.close()
    print(tr("Đã xuất danh mục ra ") + args.file + f": {c.positions} " + tr("vị trí việc làm")
          + f", {c.descriptions} " + tr("bản mô tả") + f", {c.competencies} " + tr("năng lực")
          + f", {c.products} " + tr("sản phẩm"))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from kpi_desktop.services.catalog import import_catalogue
    from kpi_desktop.store.db import Database

    db = Database.open(args.db)
    try:
        r = import_catalogue(db, actor_for_cli(args, db), Path(args.file), args.format)
    finally:
        db.close()
    c = r.counts
    print(tr("Đã nhập danh mục từ ") + args.file + ": " + f"{r.created} " + tr("mục mới") + f", {r.updated} "
          + tr("mục được cập nhật"))
    print(tr("Hiện có: ") + f"{c.positions} " + tr("vị trí việc làm") + f", {c.descriptions} " + tr("bản mô tả")
          + f", {c.competencies} " + tr("năng lực") + f", {c.products} " + tr("sản phẩm"))
    for note in r.notes:
        print(tr("Lưu ý: ") + note)
    return 0


def run_delete_position(args: argparse.Namespace) -> int:
    from kpi_desktop.services.catalog import delete_position

    return _delete(args, delete_position, tr("Đã xoá vị trí việc làm "))


def run_delete_product(args: argparse.Namespace) -> int:
    from kpi_desktop.services.catalog import delete_product

    return _delete(args, delete_product, tr("Đã xoá sản phẩm "))


def _delete(args: argparse.Namespace, delete: Callable[[Any, Any, str], None], done: str) -> int:
    from kpi_desktop.store.db import Database

    db = Database.open(args.db)
    try:
        delete(db, actor_for_cli(args, db), args.code)
    finally:
        db.close()
    print(done + args.code)
    return 0
