"""Run by test_kill.py: do random use cases on a database forever, acknowledging each after commit.

Every line "ACK <kind> <token>" is printed (and flushed) only after the use case's transaction has
committed, so the test can check that every acknowledged change survived the `kill -9` that ends us.
"""

from __future__ import annotations

import copy
import json
import random
import sys
import time
from pathlib import Path

from kpi_desktop.services import app_settings, audit, auth, backup, catalog
from kpi_desktop.store.db import Database
from kpi_desktop.store.files import atomic_write


def province(db_path: str, work: Path) -> None:
    """Import the prepared bundles (in sequence order, over and over) into the province database."""
    from kpi_desktop.domain.roles import Actor, Role
    from kpi_desktop.services import exchange_import

    actor = Actor(username="sonoivu", role=Role.PROVINCE_HR, display_name="Sở Nội vụ")
    db = Database.open(db_path)
    files = sorted((work / "bundles").glob("*.kpib"))
    print("READY", flush=True)
    while True:  # in sequence order: each bundle supersedes the one before
        for path in files:
            report = exchange_import.import_bundles(db, actor, [path], quarantine_dir=work / "q",
                                                    receipt_dir=work / "r")
            for f in report.files:
                print(f"ACK {f.status} {f.bundle_id} {f.sequence}", flush=True)


def main() -> None:
    if sys.argv[1] == "province":
        province(sys.argv[2], Path(sys.argv[3]))
        return
    db_path, work, seed = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    db = Database.open(db_path)
    admin = auth.login(db, "quantri", "Quan-tri-2026!")
    clerk = auth.login(db, "canbo", "Can-bo-to-chuc-1")
    base = catalog.default_catalogue()
    print("READY", flush=True)
    while True:
        token = time.time_ns()
        kind = rng.choice(["user", "name", "setting", "import", "import", "export", "backup"])
        if kind == "user":
            auth.create_user(db, admin, f"u{token}", "Mat-khau-kill-1", "clerk")
        elif kind == "name":
            auth.update_user(db, admin, "canbo", display_name=f"Cán bộ {token}")
        elif kind == "setting":
            app_settings.set_setting(db, admin, "test.kill_counter", token)
        elif kind == "import":
            doc = copy.deepcopy(base)
            for product in doc["products"]:
                product["name"] = f"{product['name']} #{token}"
            source = work / "nhap.json"
            atomic_write(source, json.dumps(doc, ensure_ascii=False).encode("utf-8"))
            catalog.import_catalogue(db, clerk, source, "json")
        elif kind == "export":
            catalog.export_catalogue(db, clerk, work / "xuat.json", "json")
            atomic_write(work / "audit.jsonl", audit.to_jsonl(audit.export_period_entries(db, "2026-Q1")))
        else:
            backup.backup_before(db, "truoc-nhap")
        print(f"ACK {kind} {token}", flush=True)


if __name__ == "__main__":
    main()
