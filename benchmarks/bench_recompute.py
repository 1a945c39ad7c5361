"""Recompute a province-sized database and compare with a plain SQL scan of the same rows.

Builds (or reuses) a SQLite database through the real migrations with PEOPLE people in 100 communes,
PERIODS quarters each and LINES task lines per evaluation, every evaluation stored the way the
services store it (contract input JSON, result JSON, rule set id and sha256, engine version). Then,
in the same run:

1. scan       — the exact query `kpi recompute` runs, every row fetched, nothing decoded;
2. scan+json  — the same, with both JSON columns decoded (what any reader of stored results pays);
3. recompute  — `services.recompute.recompute(jobs=1)`: decode, rescore, compare field by field;
4. recompute  — the same with one process per CPU core (`--jobs`);
5. scan again — the lower of the two scans is the baseline.

Usage: .venv/bin/python benchmarks/bench_recompute.py [--people 50000] [--periods 4] [--lines 25]
       [--db /tmp/kpi-bench.db] [--keep] [--jobs 0] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kpi_desktop.domain.roles import SYSTEM
from kpi_desktop.domain.scoring import ENGINE_VERSION, load_ruleset, score_period
from kpi_desktop.services.recompute import _period_rows, recompute
from kpi_desktop.store.db import Database

UNITS = 100
KS = ("0.5", "0.8", "1", "1", "1", "1.2", "1.5", "2", "3")


def make_doc(person_code: str, quarter: int, lines: int, rnd: random.Random) -> dict[str, Any]:
    tasks = []
    for i in range(lines):
        assigned = rnd.randint(1, 10)
        completed = max(0, assigned - rnd.choice((0, 0, 0, 0, 1, 2)) + rnd.choice((0, 0, 0, 0, 0, 1)))
        qf = rnd.choice((0, 0, 0, 0, 1, 2))
        dl = rnd.choice((0, 0, 0, 1, 1, 2))
        tasks.append({"product": f"SP-{rnd.randint(1, 46):03d}", "k": rnd.choice(KS), "assigned": str(assigned),
                      "completed": str(completed), "quality_failures": qf,
                      "quality_failures_exempt": rnd.randint(0, qf), "delays": dl, "delays_exempt": 0})
        del i
    return {
        "ruleset": "ND335-2025",
        "person": {"code": person_code, "role": "staff", "category": "cong_chuc"},
        "period": f"2026-Q{quarter}",
        "general": {p: rnd.choice(("7", "8", "8.5", "9", "9.5", "10")) for p in "abc"},
        "tasks": tasks,
        "leadership": None,
    }


def _score_chunk(args: tuple[int, int, int, int, int]) -> list[tuple[int, int, str, str, str, str]]:
    start, stop, periods, lines, seed = args
    out = []
    for n in range(start, stop):
        rnd = random.Random(seed * 1_000_003 + n)
        code = f"CC-{n:06d}"
        for q in range(1, periods + 1):
            doc = make_doc(code, q, lines, rnd)
            result = score_period(doc)
            out.append((n, q, json.dumps(doc, ensure_ascii=False), json.dumps(result, ensure_ascii=False),
                        result["total"], result["level"]))
    return out


def build(path: Path, people: int, periods: int, lines: int, jobs: int) -> None:
    db = Database.open(str(path))
    db.close()
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    rs = load_ruleset("ND335-2025")
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    with con:
        con.executemany(
            "INSERT INTO units (id, code, name, division_type, province_code, province_name, is_home, created_at) "
            "VALUES (?, ?, ?, 'xã', '56', 'Khánh Hòa', ?, ?)",
            [(u + 1, f"{90000 + u}", f"Xã Thử {u + 1}", u == 0, now) for u in range(UNITS)])
        con.executemany(
            "INSERT INTO evaluation_periods (id, unit_id, code, kind, year, number, start_date, end_date, state) "
            "VALUES (?, ?, ?, 'quarter', 2026, ?, ?, ?, 'locked')",
            [(u * periods + q, u + 1, f"2026-Q{q}", q, date(2026, 3 * q - 2, 1).isoformat(),
              date(2026, 3 * q, 28).isoformat()) for u in range(UNITS) for q in range(1, periods + 1)])
        con.executemany(
            "INSERT INTO persons (id, unit_id, code, full_name, family_name, middle_name, given_name, sort_key, "
            "category, party_member, active, created_at, updated_at) VALUES (?, ?, ?, ?, 'Nguyễn', 'Văn', ?, ?, "
            "'cong_chuc', 0, 1, ?, ?)",
            [(n + 1, n % UNITS + 1, f"CC-{n:06d}", f"Nguyễn Văn Số {n}", f"Số{n}", f"so{n} van nguyen", now, now)
             for n in range(people)])
    step = 500
    chunks = [(s, min(s + step, people), periods, lines, 7) for s in range(0, people, step)]
    sql = ("INSERT INTO period_evaluations (period_id, person_id, role, state, inputs, result, ruleset_id, "
           "ruleset_sha256, engine_version, total, band, scored_at, self_total, self_band, created_at, updated_at) "
           "VALUES (?, ?, 'staff', 'approved', ?, ?, 'ND335-2025', ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for rows in pool.map(_score_chunk, chunks):
            with con:
                con.executemany(sql, [((n % UNITS) * periods + q, n + 1, doc, res, rs.sha256, ENGINE_VERSION,
                                       total, band, now, total, band, now, now)
                                      for n, q, doc, res, total, band in rows])
    con.close()


def timed(label: str, fn: Any) -> tuple[float, Any]:
    t = time.perf_counter()
    value = fn()
    elapsed = time.perf_counter() - t
    print(f"  {label:<34} {elapsed:8.2f} s", flush=True)
    return elapsed, value


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--people", type=int, default=50_000)
    ap.add_argument("--periods", type=int, default=4)
    ap.add_argument("--lines", type=int, default=25)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--keep", action="store_true", help="keep (and reuse) the database file")
    ap.add_argument("--jobs", type=int, default=0, help="processes for the parallel recompute (0 = CPU count)")
    ap.add_argument("--json", type=Path, help="write the figures here too")
    args = ap.parse_args()
    jobs = args.jobs or os.cpu_count() or 1
    path = args.db or Path(tempfile.gettempdir()) / f"kpi-bench-{args.people}x{args.periods}x{args.lines}.db"
    rows = args.people * args.periods
    if not (args.keep and path.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        print(f"Building {path}: {args.people} people × {args.periods} periods × {args.lines} lines "
              f"= {rows} evaluations, {rows * args.lines} task lines …", flush=True)
        build_s, _ = timed("build (score + insert)", lambda: build(path, args.people, args.periods, args.lines, jobs))
    else:
        build_s = 0.0
    size_mb = path.stat().st_size / 1e6
    db = Database.open(str(path))

    def scan() -> int:
        return sum(1 for _ in _period_rows(db, None))

    def scan_json() -> int:
        n = 0
        for row in _period_rows(db, None):
            json.loads(row[4] or "null")
            json.loads(row[5] or "null")
            n += 1
        return n

    print(f"Database {size_mb:.0f} MB, {rows} stored evaluations; {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} CPU, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    scan1, n1 = timed("scan (same query, rows fetched)", scan)
    scan_json_s, _ = timed("scan + JSON decode", scan_json)
    rc1, report1 = timed("recompute, 1 process", lambda: recompute(db, SYSTEM, jobs=1))
    rcn, report_n = timed(f"recompute, {jobs} processes", lambda: recompute(db, SYSTEM, jobs=jobs))
    scan2, n2 = timed("scan again", scan)
    assert n1 == n2 == rows == report1.checked == report_n.checked, (n1, n2, rows, report1.checked)
    assert not report1.differences and not report_n.differences, report1.differences[:3]
    base = min(scan1, scan2)
    figures = {
        "people": args.people, "periods": args.periods, "lines": args.lines, "evaluations": rows,
        "task_lines": rows * args.lines, "db_mb": round(size_mb), "build_s": round(build_s, 1),
        "scan_s": round(base, 2), "scan_json_s": round(scan_json_s, 2), "recompute_1_s": round(rc1, 2),
        f"recompute_{jobs}_s": round(rcn, 2), "ratio_1": round(rc1 / base, 1), f"ratio_{jobs}": round(rcn / base, 1),
        "ratio_1_vs_scan_json": round(rc1 / scan_json_s, 1), "us_per_evaluation_1": round(rc1 / rows * 1e6),
        "cpu": os.cpu_count(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
    }
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    db.close()
    if not args.keep and args.db is None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
