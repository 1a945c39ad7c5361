"""The province's import on PostgreSQL and on SQLite: N results bundles of P people each.

    .venv/bin/python benchmarks/bench_import_pg.py [--bundles 1000] [--people 50] [--importers 4]
                                                    [--pg-url postgresql+psycopg://…] [--keep DIR]

The bundles are built first (not timed): one per commune, each commune's certificate registered, as
in benchmarks/bench_import.py, by the builder of the concurrent-import test (tests/postgres/workload.py).
Then, each in a fresh database and a process of its own (so the peak memory is that import's):

1. SQLite: one `import_bundles` over every file (what a province without a server does);
2. PostgreSQL: the same;
3. PostgreSQL, `--importers` HR clerks at once, each importing its own share of the files (a
   province's staff splitting the inbox): wall time from the common start to the last one done.

The PostgreSQL server is `--pg-url`, else KPI_TEST_PG_URL, else the throw-away one that
scripts/pg-test-server.sh starts (and this script stops again). Its role must be allowed to create
databases; each run gets a new database, dropped afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from postgres.workload import build_inbox  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from kpi_desktop.store.postgres import normalise_url  # noqa: E402


def _child(url: str, work: Path, share: int, of: int, start_at: float) -> None:
    from kpi_desktop.domain.roles import Actor, Role
    from kpi_desktop.services import exchange_import
    from kpi_desktop.store.db import Database

    files = sorted((work / "inbox").glob("*.kpib"))[share::of]
    db = Database.open(url)
    while time.time() < start_at:  # every importer starts at the same moment
        time.sleep(0.005)
    began = time.time()
    start = time.perf_counter()
    report = exchange_import.import_bundles(db, Actor(username=f"hr{share + 1}", role=Role.PROVINCE_HR), files,
                                            quarantine_dir=work / "q", receipt_dir=work / f"r{share}")
    elapsed = time.perf_counter() - start
    db.close()
    bad = [f for f in report.files if f.status != "accepted"]
    if bad:
        raise SystemExit(f"unexpected: {bad[0].status} {bad[0].reason}")
    print(json.dumps({"elapsed": elapsed, "start": began, "end": time.time(), "files": len(files),
                      "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def _run(url: str, work: Path, importers: int) -> dict[str, float]:
    from kpi_desktop.services import exchange_settings
    from kpi_desktop.store.db import Database

    db = Database.open(url)  # migrate and register the communes' certificates before the clock starts
    exchange_settings.install_demo_pki(db, work / "pki")
    db.close()
    start_at = time.time() + 5.0 + 2.0 * importers  # time for every child to start and connect
    procs = [subprocess.Popen([sys.executable, __file__, "--child", url, "--keep", str(work), "--share", str(i),
                               "--of", str(importers), "--start-at", repr(start_at)],
                              stdout=subprocess.PIPE, text=True, env=os.environ.copy())
             for i in range(importers)]
    outs = []
    for p in procs:
        stdout, _ = p.communicate()
        if p.returncode != 0:
            raise SystemExit(f"an importer failed ({p.returncode})")
        outs.append(json.loads(stdout.strip().splitlines()[-1]))
    wall = max(o["end"] for o in outs) - min(o["start"] for o in outs)
    return {"wall": wall, "max_rss_mb": max(o["max_rss_mb"] for o in outs)}


def _pg_server(given: str | None) -> tuple[str, bool]:
    if given:
        return normalise_url(given), False
    if os.environ.get("KPI_TEST_PG_URL"):
        return normalise_url(os.environ["KPI_TEST_PG_URL"]), False
    out = subprocess.run([str(ROOT / "scripts" / "pg-test-server.sh"), "start"], check=True, capture_output=True,
                         text=True)
    return out.stdout.strip().splitlines()[-1], True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bundles", type=int, default=1000)
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--importers", type=int, default=4)
    parser.add_argument("--pg-url")
    parser.add_argument("--keep", type=Path, help="keep the work folder here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--share", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--of", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--start-at", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    work: Path = args.keep or Path(tempfile.mkdtemp(prefix="kpi-bench-import-pg-"))
    os.environ["KPI_DATA_DIR"] = str(work / "data")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    if args.child:
        _child(args.child, work, args.share, args.of, args.start_at)
        return

    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    if not (work / "inbox").is_dir() or len(list((work / "inbox").glob("*.kpib"))) != args.bundles:
        shutil.rmtree(work / "inbox", ignore_errors=True)
        shutil.rmtree(work / "pki", ignore_errors=True)
        build_inbox(work, units=args.bundles, people=args.people, ledger_cases=False)
    built = time.perf_counter() - t0
    files = sorted((work / "inbox").glob("*.kpib"))
    rows = len(files) * args.people
    size = sum(f.stat().st_size for f in files)
    print(f"bundles: {len(files)} × {args.people} people = {rows} records; {size / 1e6:.1f} MB of .kpib "
          f"(ready in {built:.1f} s); load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")

    server, started = _pg_server(args.pg_url)
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    results: dict[str, dict[str, float]] = {}
    try:
        lite = work / "tinh.db"
        for leftover in work.glob("tinh.db*"):
            leftover.unlink()
        results["SQLite, 1 importer"] = _run(str(lite), work, 1)
        for label, n in (("PostgreSQL, 1 importer", 1), (f"PostgreSQL, {args.importers} importers", args.importers)):
            name = f"kpi_bench_{uuid.uuid4().hex[:12]}"
            with admin.connect() as conn:
                conn.execute(text(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'"))
            try:
                url = make_url(server).set(database=name).render_as_string(hide_password=False)
                results[label] = _run(url, work, n)
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            if args.importers <= 1:
                break
    finally:
        admin.dispose()
        if started:
            subprocess.run([str(ROOT / "scripts" / "pg-test-server.sh"), "stop"], check=False)
    for label, r in results.items():
        print(f"{label}: {r['wall']:.1f} s = {len(files) / r['wall']:.1f} bundles/s, {rows / r['wall']:.0f} records/s; "
              f"max RSS {r['max_rss_mb']:.0f} MB")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
