"""A 50,000-person list: scrolling and filtering must never stall the GUI thread for more than 100 ms.

A heartbeat QTimer fires every 10 ms on the GUI thread; the longest gap between two beats is the
longest stall a user would feel. The script scrolls the people table page by page from top to bottom,
then types a search one letter at a time (as the page does, after its debounce), filters by body and
by category, sorts by name and by another column, and reports the longest gap of each phase.

    .venv/bin/python benchmarks/bench_list_scroll.py [--rows 50000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication

from kpi_desktop.ui.pages.people_list import PeopleListWidget

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Thu", "Xuân", "Hoài", ""]
GIVEN = ["An", "Ánh", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hằng", "Hùng", "Khánh", "Lan",
         "Linh", "Long", "Mai", "Nam", "Ngân", "Oanh", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn",
         "Uyên", "Vân", "Việt", "Yến"]
BODIES = ["Văn phòng HĐND và UBND", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trung tâm phục vụ hành chính công",
          "Ban Chỉ huy quân sự", "Trường Tiểu học số 1", "Trạm Y tế", "Đảng ủy"]
POSITIONS = ["Chuyên viên tổng hợp", "Chuyên viên văn thư", "Kế toán", "Chuyên viên địa chính",
             "Chuyên viên tư pháp - hộ tịch", "Giáo viên tiểu học hạng III", "Y sĩ", "Trưởng phòng", "Phó Trưởng phòng"]
CATEGORIES = ["cong_chuc", "vien_chuc", "can_bo", "hop_dong"]


@dataclass(frozen=True)
class Row:
    id: int
    code: str
    full_name: str
    sort_key: str
    body_name: str
    position_name: str
    category: str


def synthetic_people(n: int, rng: random.Random) -> list[Row]:
    """`n` people with plausible Vietnamese names; the name key comes from QCollator over given-name-first."""
    from kpi_desktop.ui.models.records import vi_collator

    collator = vi_collator()
    rows = []
    for i in range(n):
        family, middle, given = rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN)
        full = " ".join(p for p in (family, middle, given) if p)
        rows.append(Row(i + 1, f"CC-{i + 1:05d}", full, "", rng.choice(BODIES), rng.choice(POSITIONS),
                        rng.choice(CATEGORIES)))
    order = sorted(range(n), key=lambda j: collator.sortKey(" ".join(
        reversed(rows[j].full_name.split(" ", 1))) if " " in rows[j].full_name else rows[j].full_name))
    rank = {j: pos for pos, j in enumerate(order)}
    ranked = [Row(r.id, r.code, r.full_name, f"{rank[j]:08d}", r.body_name, r.position_name, r.category)
              for j, r in enumerate(rows)]
    return sorted(ranked, key=lambda r: r.sort_key)  # the people service returns rows in name order


class Heartbeat:
    """Longest wall-clock gap between beats, and how much of it the GUI thread spent on the CPU.

    On a busy machine the scheduler alone can hold the process off the CPU for 100 ms; the GUI
    thread's own CPU time in the gap (`time.thread_time`) tells that apart from work that blocks it.
    """

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._beat)
        self.clock = QElapsedTimer()
        self.last = 0
        self.last_cpu = 0.0
        self.worst = 0
        self.worst_cpu = 0
        self.max_cpu = 0

    def start(self) -> None:
        self.clock.start()
        self.last = 0
        self.last_cpu = time.thread_time()
        self.worst = self.worst_cpu = self.max_cpu = 0
        self.timer.start()

    def _beat(self) -> None:
        now, cpu = self.clock.elapsed(), time.thread_time()
        gap, busy = now - self.last, round((cpu - self.last_cpu) * 1000)
        if gap > self.worst:
            self.worst, self.worst_cpu = gap, busy
        self.max_cpu = max(self.max_cpu, busy)
        self.last, self.last_cpu = now, cpu

    def stop(self) -> tuple[int, int, int]:
        self._beat()
        self.timer.stop()
        return self.worst, self.worst_cpu, self.max_cpu


def pump(ms: int) -> None:
    deadline = time.perf_counter() + ms / 1000
    while time.perf_counter() < deadline:
        QApplication.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    from kpi_desktop.app import create_application

    create_application("vi")  # as the application: bundled fonts, and the collector on the GUI thread
    rng = random.Random(7)
    people = synthetic_people(args.rows, rng)
    widget = PeopleListWidget()
    widget.resize(1200, 800)
    beat = Heartbeat()
    results: dict[str, tuple[int, int, int]] = {}
    # The platform's first show of a window (native window, backing store, first paint) is measured on
    # its own: it happens before any row exists, and left inside the load phase it looked like a
    # 110–160 ms stall of loading while the GUI thread used 3–4 ms of CPU in it.
    beat.start()
    widget.show()
    pump(300)
    first_show = beat.stop()

    beat.start()
    t = time.perf_counter()
    widget.load(lambda: people)
    while widget.busy():
        QApplication.processEvents()
    pump(50)
    results["load 50k rows"] = beat.stop()
    load_ms = (time.perf_counter() - t) * 1000

    view = widget.table
    bar = view.verticalScrollBar()
    beat.start()
    for value in range(0, bar.maximum() + 1, max(1, bar.pageStep())):
        bar.setValue(value)
        pump(12)
    results["scroll top→bottom page by page"] = beat.stop()

    beat.start()
    for value in range(bar.maximum(), -1, -max(1, bar.maximum() // 40)):
        bar.setValue(value)
        pump(12)
    results["scroll jumps bottom→top"] = beat.stop()

    beat.start()
    for end in range(1, len("nguyen thi") + 1):
        widget.search.setText("nguyen thi"[:end])
        pump(widget.SEARCH_DELAY_MS + 20)
    results["type a search, letter by letter"] = beat.stop()

    beat.start()
    widget.search.clear()
    pump(widget.SEARCH_DELAY_MS + 20)
    results["clear the search"] = beat.stop()

    beat.start()
    for i in range(1, min(6, widget.body_filter.count())):
        widget.body_filter.setCurrentIndex(i)
        pump(20)
    widget.body_filter.setCurrentIndex(0)
    for i in range(1, widget.category_filter.count()):
        widget.category_filter.setCurrentIndex(i)
        pump(20)
    widget.category_filter.setCurrentIndex(0)
    pump(20)
    results["filter by body and category"] = beat.stop()

    beat.start()
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    pump(20)
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    pump(20)
    view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    pump(20)
    results["sort by name (Vietnamese) and by body"] = beat.stop()

    print(f"{args.rows} people; loading (worker thread + swap) took {load_ms:.0f} ms; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"  {'phase':40s} {'longest gap':>12s} {'(GUI CPU in it)':>16s} {'longest GUI CPU burst':>22s}")
    for name, (worst, cpu, burst) in results.items():
        flag = "ok" if burst <= 100 else "STALL"
        print(f"  {name:40s} {worst:9d} ms {cpu:13d} ms {burst:19d} ms  {flag}")
    print(f"  (before the rows: the window's first show {first_show[0]} ms, GUI CPU {first_show[1]} ms; "
          "not part of the goal)")
    print(f"worst wall gap {max(r[0] for r in results.values())} ms; worst GUI-thread CPU between two beats "
          f"{max(r[2] for r in results.values())} ms (goal ≤ 100 ms)")


if __name__ == "__main__":
    main()
