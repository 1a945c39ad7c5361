"""The reports page on the demo commune: how long a preview takes (click to page images shown), how
long the whole unit's batch takes through the page, and the longest stall of the GUI thread meanwhile
(a heartbeat QTimer every 10 ms: the longest gap between beats is what the user would feel).

    .venv/bin/python benchmarks/bench_gui_reports.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication


class Heartbeat:
    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._beat)
        self.longest = 0

    def start(self) -> None:
        self.longest = 0
        self.clock.start()
        self.timer.start()

    def _beat(self) -> None:
        self.longest = max(self.longest, self.clock.restart())

    def stop(self) -> int:
        self.timer.stop()
        return self.longest


def wait(app: QApplication, done: object) -> None:
    while not done():  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.001)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kpi-bench-gui-reports-"))
    os.environ["KPI_DATA_DIR"] = str(tmp / "data")

    from kpi_desktop.app import create_application
    from kpi_desktop.services import auth
    from kpi_desktop.services.demo import build_demo
    from kpi_desktop.store.db import Database
    from kpi_desktop.ui.context import AppContext
    from kpi_desktop.ui.pages.reports import ReportsPage

    app = create_application("vi")
    db = Database.open(str(tmp / "demo.db"))
    build_demo(db)
    page = ReportsPage(AppContext(db, auth.login(db, "tochuc", auth.DEMO_PASSWORD)))
    page.resize(1280, 800)
    page.show()
    wait(app, lambda: not page.busy())
    beat = Heartbeat()
    for kind in ("period", "annual", "unit"):
        page.select(kind=kind, period_code="2026-Q1", year=2026)
        times, stalls = [], []
        for _ in range(args.repeat):
            beat.start()
            start = time.perf_counter()
            page.preview()
            wait(app, lambda: not page.busy())
            times.append(time.perf_counter() - start)
            stalls.append(beat.stop())
        print(f"preview {kind:7s}: median {statistics.median(times) * 1000:.0f} ms, "
              f"pages {len(page.preview_pages)}, longest GUI stall {max(stalls)} ms")
    for kind, label in (("period", "Mẫu 01 of 2026-Q1"), ("annual", "Mẫu 02 of 2026 + summary")):
        page.select(kind=kind, period_code="2026-Q1", year=2026)
        folder = tmp / f"batch-{kind}"
        beat.start()
        start = time.perf_counter()
        page.print_unit(str(folder))
        wait(app, lambda: not page.busy())
        elapsed = time.perf_counter() - start
        print(f"batch {label}: {len(list(folder.glob('*.pdf')))} PDFs in {elapsed:.2f} s, "
              f"longest GUI stall {beat.stop()} ms")
    db.close()


if __name__ == "__main__":
    main()
