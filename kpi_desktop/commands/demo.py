"""`kpi demo --db PATH`: build the demo commune."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kpi_desktop.cli import add_db_argument
from kpi_desktop.i18n import tr


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "demo", help=tr("tạo cơ sở dữ liệu demo: một xã ở Khánh Hòa với cả năm 2026 đã đánh giá"),
        description=tr("Tạo một xã demo (Khánh Hòa) với khoảng 50 cán bộ, danh mục, 4 quý năm 2026 và "
                       "xếp loại năm. Chỉ tạo trên tệp mới hoặc rỗng."))
    add_db_argument(p, required=True)
    p.add_argument("--seed", type=int, default=2026, help=tr("hạt giống ngẫu nhiên (mặc định 2026)"))
    p.add_argument("--ward", default=None, metavar=tr("MÃ_XÃ"),
                   help=tr("mã xã, phường dùng cho bản demo (mặc định 22453, Xã Cam Lâm)"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kpi_desktop.services.demo import DEMO_WARD_CODE, build_demo
    from kpi_desktop.store.db import Database

    target = None if "://" in args.db else Path(args.db).expanduser().resolve()
    if target is not None and not target.exists():
        # Build beside the target and rename at the end: an interrupted build leaves no half-made file.
        building = target.with_name(target.name + ".building")
        for leftover in (building, *(building.with_name(building.name + x) for x in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
        db = Database.open(str(building))
        try:
            s = build_demo(db, ward_code=args.ward or DEMO_WARD_CODE, seed=args.seed)
            with db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except BaseException:
            db.close()
            building.unlink(missing_ok=True)
            raise
        db.close()
        for suffix in ("-wal", "-shm"):
            building.with_name(building.name + suffix).unlink(missing_ok=True)
        building.replace(target)
    else:
        db = Database.open(args.db)
        try:
            s = build_demo(db, ward_code=args.ward or DEMO_WARD_CODE, seed=args.seed)
        finally:
            db.close()
    print(tr("Đã tạo bản demo: ") + f"{s.unit_name} ({s.unit_code}), {s.province_name}")
    print(tr("Cơ quan, đơn vị: ") + str(s.bodies) + "; " + tr("nhân sự: ") + str(s.people)
          + " (" + tr("được đánh giá: ") + str(s.rated_people) + ")")
    print(tr("Danh mục: ") + f"{s.positions} " + tr("vị trí việc làm") + f", {s.products} " + tr("sản phẩm"))
    print(tr("Kỳ đánh giá: ") + ", ".join(s.periods) + "; " + f"{s.assignments} " + tr("nhiệm vụ được giao")
          + f", {s.evaluations} " + tr("phiếu đánh giá"))
    print(tr("Xếp loại năm 2026: ") + ", ".join(f"{k} {v}" for k, v in sorted(s.levels.items())))
    labels = {"over_achiever": tr("vượt kế hoạch"), "reprimand": tr("bị khiển trách"),
              "transfer": tr("điều động giữa năm"), "maternity": tr("nghỉ thai sản"),
              "under_6_months": tr("làm việc dưới 6 tháng"), "kht": tr("không hoàn thành nhiệm vụ")}
    for key, label in labels.items():
        if key in s.highlights:
            print(f"  - {label}: {s.highlights[key]}")
    if s.accounts:
        print(tr("Tài khoản demo (chỉ dùng cho bản demo):"))
        for username, password, role, name in s.accounts:
            print(f"  - {username} / {password} ({role}{', ' + name if name else ''})")
    return 0
