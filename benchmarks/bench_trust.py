"""Trust area figures: audit-trail cost per change, chain verification, login, backup and restore.

Run: `.venv/bin/python benchmarks/bench_trust.py` (figures go to docs/performance.md by hand).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from kpi_desktop.domain.audit_chain import GENESIS, entry_hash, verify_chain
from kpi_desktop.domain.roles import SYSTEM
from kpi_desktop.services import audit, auth, backup
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.trust import AppSetting

ROWS = 5000


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="kpi-bench-trust-"))
    import os

    os.environ["KPI_DATA_DIR"] = str(folder / "data")
    db = Database.open(str(folder / "b.db"))
    admin = auth.create_first_admin(db, "quantri", "Quan-tri-2026!")

    t = time.perf_counter()
    with db.session(SYSTEM) as s:
        s.execute(insert(AppSetting.__table__), [{"key": f"raw.{i}", "value": str(i)} for i in range(ROWS)])
    raw = time.perf_counter() - t
    AppSetting.__audit__ = False  # type: ignore[attr-defined]
    t = time.perf_counter()
    with db.session(admin) as s:
        s.add_all(AppSetting(key=f"plain.{i}", value=str(i)) for i in range(ROWS))
    plain = time.perf_counter() - t
    AppSetting.__audit__ = True  # type: ignore[attr-defined]
    t = time.perf_counter()
    with db.session(admin) as s:
        s.add_all(AppSetting(key=f"orm.{i}", value=str(i)) for i in range(ROWS))
    audited = time.perf_counter() - t
    print(f"{ROWS} inserts, one transaction: Core {raw * 1000:.0f} ms; ORM without audit {plain * 1000:.0f} ms; "
          f"ORM with audit {audited * 1000:.0f} ms (+{(audited - plain) / ROWS * 1e6:.0f} µs per audited row)")

    t = time.perf_counter()
    report = audit.verify_database(db)
    print(f"verify_database over {report.entry_count} entries: {(time.perf_counter() - t) * 1000:.0f} ms, ok={report.ok}")

    entries = []
    prev = GENESIS
    for i in range(100_000):
        e = {"seq": i + 1, "ts": "2026-11-25T08:00:00.000000+00:00", "actor": "canbo", "actor_role": "clerk",
             "action": "update", "entity": "period_evaluations", "entity_id": str(i), "period_code": "2026-Q1",
             "before": {"state": "draft"}, "after": {"state": "submitted"}, "reason": None,
             "prev_hash": prev, "period_prev_hash": None}
        e["hash"] = entry_hash(e)
        prev = e["hash"]
        entries.append(e)
    t = time.perf_counter()
    assert verify_chain(entries) == []
    print(f"verify_chain, 100 000 entries in memory: {time.perf_counter() - t:.2f} s")

    times = []
    for _ in range(5):
        t = time.perf_counter()
        auth.login(db, "quantri", "Quan-tri-2026!")
        times.append(time.perf_counter() - t)
    print(f"login (argon2id m=19 MiB, t=2): median {statistics.median(times) * 1000:.0f} ms")

    size = (folder / "b.db").stat().st_size
    t = time.perf_counter()
    info = backup.backup_now(db, admin, out=folder / "bk.db")
    print(f"backup of a {size / 1e6:.1f} MB database: {(time.perf_counter() - t) * 1000:.0f} ms")
    db.close()
    t = time.perf_counter()
    backup.restore(folder / "b.db", info.path, actor=admin)
    print(f"restore (copy, integrity_check, chain check, keep old, rename): {(time.perf_counter() - t) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
