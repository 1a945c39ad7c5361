"""`kpi status`: what a database holds; `kpi init`: make a database the home of a commune/ward;
`kpi wards`: look up official commune/ward codes."""

from __future__ import annotations

import argparse
from typing import Any

from kpi_desktop.cli import add_db_argument
from kpi_desktop.commands.account import actor_for_cli, add_login_argument
from kpi_desktop.i18n import tr


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "status", help=tr("tóm tắt cơ sở dữ liệu: đơn vị, nhân sự, danh mục, kỳ đánh giá"),
        description=tr("Tóm tắt cơ sở dữ liệu: đơn vị, cơ quan trực thuộc, nhân sự, danh mục, các kỳ đánh giá."))
    add_db_argument(p)
    add_login_argument(p)
    p.set_defaults(func=run_status)

    q: argparse.ArgumentParser = sub.add_parser(
        "init", help=tr("khởi tạo cơ sở dữ liệu cho một xã, phường (kèm danh mục mặc định)"),
        description=tr("Gắn cơ sở dữ liệu với một xã, phường theo mã chính thức; tạo các cơ quan mặc định, "
                       "nhóm nhiệm vụ tương đồng, quy chế mặc định và nạp danh mục mặc định."))
    add_db_argument(q)
    add_login_argument(q)
    q.add_argument("ward", metavar=tr("MÃ_XÃ"), help=tr("mã xã, phường chính thức (xem: kpi wards)"))
    q.add_argument("--no-catalogue", action="store_true", help=tr("không nạp danh mục mặc định"))
    q.set_defaults(func=run_init)

    w: argparse.ArgumentParser = sub.add_parser(
        "wards", help=tr("tra cứu mã tỉnh, xã, phường (sau sắp xếp năm 2025)"),
        description=tr("Không có đối số: liệt kê 34 tỉnh, thành phố. Có mã tỉnh: liệt kê xã, phường của tỉnh."))
    w.add_argument("province", nargs="?", metavar=tr("MÃ_TỈNH"), help=tr("mã tỉnh, thành phố (ví dụ 56)"))
    w.add_argument("--search", metavar=tr("TÊN"), help=tr("lọc theo tên (không phân biệt dấu)"))
    w.set_defaults(func=run_wards)


def status_actor(args: argparse.Namespace, db: Any) -> Any:
    """Who `kpi status` reads as. With --user/KPI_USER: that account, logged in. Without, on a database
    that has accounts: a read-only staff-level reader, never SYSTEM. The summary (counts, period states,
    the heads' names, no personal data) needs only `period.view`, which every role has in the authz
    matrix, so it stays open; should the matrix ever narrow it, the command is refused like any other."""
    import os

    from kpi_desktop.domain.roles import Actor, Role
    from kpi_desktop.services import auth

    if getattr(args, "user", None) or os.environ.get("KPI_USER") or not auth.has_users(db):
        return actor_for_cli(args, db)
    return Actor(username="kpi-status", role=Role.STAFF, display_name="Xem tóm tắt (kpi status)")


def run_status(args: argparse.Namespace) -> int:
    from kpi_desktop.services.status import database_status, format_status
    from kpi_desktop.store.db import Database

    db = Database.open(args.db)
    try:
        print(format_status(database_status(db, status_actor(args, db))))
    finally:
        db.close()
    return 0


def run_init(args: argparse.Namespace) -> int:
    from kpi_desktop.services.units import create_unit
    from kpi_desktop.store.db import Database

    db = Database.open(args.db)
    try:
        unit = create_unit(db, actor_for_cli(args, db), args.ward, seed_catalogue=not args.no_catalogue)
    finally:
        db.close()
    print(tr("Đã khởi tạo cơ sở dữ liệu cho ") + f"{unit.name} ({unit.code}), {unit.province_name}")
    return 0


def run_wards(args: argparse.Namespace) -> int:
    from kpi_desktop.services.geography import provinces, search_wards, wards_of

    if args.province is None and not args.search:
        for p in provinces():
            print(f"{p.code:>3}  {p.name}")
        return 0
    wards = search_wards(args.search, args.province) if args.search else wards_of(args.province)
    for w in wards:
        print(f"{w.code:>6}  {w.name}, {w.province_name}")
    if not wards:
        print(tr("Không tìm thấy xã, phường nào."))
    return 0
