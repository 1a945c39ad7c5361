"""Start-up time: process start to a painted main window, KPI Desktop vs a bare PySide6 window.

Both run in fresh processes in the same run, on the same platform plugin (offscreen by default), so
the ratio cancels the machine's speed. The KPI Desktop child does what the application does after
login: QApplication with bundled fonts and translators, `Database.open` (migration check) on the
demo database, the main window with its first page, and reports when that window has painted.

    .venv/bin/python benchmarks/bench_startup.py [--db demo/kpi-demo.db] [--runs 7] [--role clerk]

Without --db a fresh database is created (and migrated) first, in a temporary folder.

Both children run with compiled bytecode, as an installed copy does (pip compiles on install, the
PyInstaller build ships .pyc): the first, unmeasured run writes it under a temporary
PYTHONPYCACHEPREFIX, even where PYTHONDONTWRITEBYTECODE is set in the environment. Compiling our
sources on every start would add ~30 ms that no user ever pays.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYCACHE = str(Path(tempfile.gettempdir()) / "kpi-bench-pycache")

BARE = r"""
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            app.quit()
        return False
window = QMainWindow()
window.setCentralWidget(QLabel("Đánh giá, xếp loại"))
window.resize(1200, 760)
watch = Watch()
window.installEventFilter(watch)
window.show()
app.exec()
"""

KPI = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from kpi_desktop.app import create_application
from kpi_desktop.domain.roles import Actor, Role
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.after_paint import after_first_paint
from kpi_desktop.ui.opening import OpeningDatabase
app = create_application("vi")
def open_db():
    from kpi_desktop.store.db import Database
    return Database.open(sys.argv[1])
db = OpeningDatabase(open_db, start=False)  # as the application does: opened once the window is up
from kpi_desktop.ui.main_window import MainWindow
actor = Actor(username="bench", role=Role(sys.argv[2]), display_name="Đo hiệu năng")
class Watch(QObject):
    painted = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            print("painted", flush=True)
        return False
def poll():
    if watch.painted and not window.page(window.current_page_name()).busy():
        print("ready", flush=True)
        app.quit()
timer = QTimer()
timer.timeout.connect(poll)
timer.start(5)
window = MainWindow(AppContext(db, actor, "vi"))
watch = Watch()
window.installEventFilter(watch)
window.show()
after_first_paint(window, db.start)  # as the application does with its login window
app.exec()
"""


def time_child(code: str, *args: str) -> tuple[float, float]:
    """Seconds from process start to the first paint, and to the first page showing its data."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "LANG": "C.UTF-8", "PYTHONPYCACHEPREFIX": PYCACHE}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    painted = time.perf_counter() - start
    ready = painted
    if "painted" in line and code is KPI:
        line2 = proc.stdout.readline()
        ready = time.perf_counter() - start
        line = line if "ready" in line2 else ""
    proc.wait(60)
    if "painted" not in line:
        raise SystemExit(f"child failed (exit {proc.returncode})")
    return painted, ready


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="database to open (default: a fresh one in a temporary folder)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--role", default="clerk")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("KPI_DATA_DIR", str(Path(tmp) / "data"))
        db = args.db or str(Path(tmp) / "fresh.db")
        time_child(KPI, db, args.role)  # warm the file cache and create/migrate the database once
        time_child(BARE)
        bare, kpi, ready = [], [], []
        for _ in range(args.runs):  # interleaved so that drift hits both alike
            bare.append(time_child(BARE)[0])
            painted, shown = time_child(KPI, db, args.role)
            kpi.append(painted)
            ready.append(shown)
    b, k, r = statistics.median(bare), statistics.median(kpi), statistics.median(ready)
    print(f"bare PySide6 window          : median {b * 1000:7.1f} ms  (min {min(bare) * 1000:.1f}, runs {args.runs})")
    print(f"KPI Desktop painted ({args.role}) : median {k * 1000:7.1f} ms  (min {min(kpi) * 1000:.1f}, "
          f"db {args.db or 'fresh'})")
    print(f"KPI Desktop data shown       : median {r * 1000:7.1f} ms  (min {min(ready) * 1000:.1f})")
    print(f"ratio painted / bare         : {k / b:.2f}× (goal ≤ 1.5×); with data {r / b:.2f}×")


if __name__ == "__main__":
    main()
