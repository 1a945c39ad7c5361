# ruff: noqa: F811  (the demo fixtures are imported from demo_db.py)
"""Object lifetimes across threads (docs/known-issues.md, the intermittent SIGSEGV):

- the cyclic garbage collector runs on the GUI thread only, never on a worker, so it cannot walk a
  widget tree that the GUI thread is tearing down (the crash: `visit_decref` <- shiboken's traverse of
  a layout wrapper, on a worker thread, while `~QBoxLayout` ran on the GUI thread);
- a window closed while its background task runs gets no late callback (before: a RuntimeError about
  a deleted C++ object, which the application's crash handler would have shown).

The stress case runs in a child process, so a regression shows as a failed test with the child's
faulthandler trace, not as a dead test run. To see the crash without the fix:
`QT_QPA_PLATFORM=offscreen python -X faulthandler -c "$(python -c 'from tests.gui.test_lifetimes import
STRESS; print(STRESS)')" 15 --without-collector` (dies within a second, "Garbage-collecting").
"""

from __future__ import annotations

import gc
import logging
import os
import subprocess
import sys
import threading
import weakref
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kpi_desktop.services import audit, auth
from kpi_desktop.store.db import Database
from kpi_desktop.ui import workers
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.main_window import MainWindow
from kpi_desktop.ui.pages.admin import AdminPage
from kpi_desktop.ui.qt_compat import gui_thread_collector
from kpi_desktop.ui.workers import CancelToken, ProgressFn, run_task, run_with_progress

from .demo_db import DEMO_PASSWORD, demo_db, demo_file  # noqa: F401

pytestmark = pytest.mark.gui
WAIT = 60_000
REPO = Path(__file__).resolve().parents[2]


def _delete_now(widget: QWidget) -> None:
    """What closing a window does a moment later: the C++ objects are deleted."""
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_collector_runs_on_the_gui_thread_only(qtbot: QtBot, kpi_app: QApplication) -> None:
    collector = gui_thread_collector()
    assert collector is not None and collector.timer is not None and collector.timer.isActive()
    assert not gc.isenabled()  # no automatic collection, which would start on whichever thread allocates
    threads: list[int] = []

    def record(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    def work(_progress: ProgressFn, _cancel: CancelToken) -> int:
        # Far more cyclic garbage than CPython's thresholds: with automatic collection this worker
        # would run hundreds of collections itself.
        for _ in range(200_000):
            cycle: list[Any] = []
            cycle.append(cycle)
        return threading.get_ident()

    before = collector.collections
    gc.callbacks.append(record)
    try:
        handle = run_task(work)
        qtbot.waitUntil(lambda: handle.done, timeout=WAIT)
        qtbot.waitUntil(lambda: collector.collections > before, timeout=WAIT)
    finally:
        gc.callbacks.remove(record)
    assert handle.error is None and handle.result != threading.get_ident()
    assert threads, "the GUI-thread collector never collected"
    assert set(threads) == {threading.get_ident()}


def test_the_collector_is_held_off_while_a_worker_builds_rows(qtbot: QtBot, kpi_app: QApplication) -> None:
    collector = gui_thread_collector()
    assert collector is not None
    inside, leave = threading.Event(), threading.Event()

    def work(_progress: ProgressFn, _cancel: CancelToken) -> None:
        with workers.gc_paused():
            inside.set()
            leave.wait(WAIT / 1000)

    handle = run_task(work)
    try:
        assert inside.wait(WAIT / 1000)
        for _ in range(200_000):  # garbage enough for a collection at the next tick
            cycle: list[Any] = []
            cycle.append(cycle)
        count = collector.collections
        qtbot.wait(3 * collector.INTERVAL_MS)
        assert collector.collections == count
        assert not gc.isenabled()
    finally:
        leave.set()
    qtbot.waitUntil(lambda: handle.done, timeout=WAIT)
    assert not gc.isenabled()  # leaving gc_paused() does not switch automatic collection back on
    for _ in range(200_000):  # (gc_paused froze the survivors, counts included): new garbage
        cycle = []
        cycle.append(cycle)
    qtbot.waitUntil(lambda: collector.collections > count, timeout=WAIT)


STRESS = r"""
import sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget
pages = int(sys.argv[1])
if "--without-collector" in sys.argv:
    import kpi_desktop.ui  # noqa: F401  (the None/True work-around only)
    app = QApplication(sys.argv[:1])
else:
    from kpi_desktop.app import create_application
    app = create_application("vi")
stop = threading.Event()

def churn():  # a worker building rows: allocations, some of them cyclic
    class Row:
        def __init__(self):
            self.me = self
            self.cells = [object() for _ in range(5)]
    while not stop.is_set():
        rows = [Row() for _ in range(2000)]
        del rows

def page():  # nested layouts filled before they have a parent widget, as the pages build them
    top = QWidget()
    outer = QVBoxLayout(top)
    for _ in range(10):
        row = QHBoxLayout()
        for _ in range(4):
            row.addWidget(QLabel("Đánh giá"))
        outer.addLayout(row)
    top.show()
    return top

built = 0
def step():
    global built
    page().deleteLater()  # a window closed: deleted by the event loop, on the GUI thread
    built += 1
    if built >= pages:
        app.quit()
worker = threading.Thread(target=churn, daemon=True)
worker.start()
timer = QTimer()
timer.timeout.connect(step)
timer.start(0)
app.exec()
stop.set()
worker.join()
print("built", built, flush=True)
"""


def test_widget_trees_deleted_while_a_worker_allocates(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8",
           "KPI_DATA_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-X", "faulthandler", "-c", STRESS, "15"], capture_output=True,
                          text=True, env=env, timeout=240)
    assert proc.returncode == 0, f"exit {proc.returncode}\n{proc.stderr[-4000:]}"
    assert proc.stdout.split() == ["built", "15"]  # every widget tree went down while the worker ran


def _blocking(gate: threading.Event, result: Any = 42, error: BaseException | None = None) -> Any:
    def work(_progress: ProgressFn, _cancel: CancelToken) -> Any:
        assert gate.wait(WAIT / 1000)
        if error is not None:
            raise error
        return result
    return work


def test_a_deleted_widget_gets_no_late_result(qtbot: QtBot, kpi_app: QApplication) -> None:
    gate = threading.Event()
    window = QWidget()
    label = QLabel(window)
    shown: list[Any] = []

    def done(result: Any) -> None:
        label.setText(str(result))  # what a page does with its result; fails on a deleted label
        shown.append(result)

    handle = run_task(_blocking(gate), on_success=done)
    _delete_now(window)
    gate.set()
    qtbot.waitUntil(lambda: handle.done, timeout=WAIT)
    assert handle.orphaned() and handle.result == 42
    assert shown == []

    # while the widgets live, the result is delivered as before
    gate2 = threading.Event()
    window2 = QWidget()
    label = QLabel(window2)
    handle = run_task(_blocking(gate2), on_success=done)
    gate2.set()
    qtbot.waitUntil(lambda: handle.done, timeout=WAIT)
    assert not handle.orphaned() and shown == [42] and label.text() == "42"
    window2.deleteLater()


def test_a_failure_after_the_window_closed_is_logged_not_raised(qtbot: QtBot, kpi_app: QApplication,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    gate = threading.Event()
    window = QWidget()
    label = QLabel(window)
    failures: list[BaseException] = []

    def failed(error: BaseException, _details: str) -> None:
        label.setText(str(error))
        failures.append(error)

    handle = run_task(_blocking(gate, error=ValueError("hỏng")), on_failure=failed)
    _delete_now(window)
    with caplog.at_level(logging.ERROR, logger="kpi_desktop.ui.workers"):
        gate.set()
        qtbot.waitUntil(lambda: handle.done, timeout=WAIT)
    assert failures == [] and isinstance(handle.error, ValueError)
    assert "after its window was closed" in caplog.text and "hỏng" in caplog.text


def test_progress_dialog_of_a_closed_window(qtbot: QtBot, kpi_app: QApplication) -> None:
    gate = threading.Event()
    window = QWidget()
    window.show()
    results: list[Any] = []
    handle = run_with_progress(window, "Đang làm", _blocking(gate), on_success=results.append)
    _delete_now(window)  # the progress dialog, its child, goes with it
    gate.set()
    qtbot.waitUntil(lambda: handle.done, timeout=WAIT)
    qtbot.wait(50)  # the dialog's close runs on `finished`; it must not touch the deleted dialog
    assert handle.orphaned() and results == []


def test_admin_window_closed_while_the_audit_check_runs(qtbot: QtBot, kpi_app: QApplication, demo_db: Database,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    gate = threading.Event()
    real_verify = audit.verify_database

    def slow_verify(db: Any) -> Any:
        assert gate.wait(WAIT / 1000)
        return real_verify(db)

    monkeypatch.setattr(audit, "verify_database", slow_verify)
    window = MainWindow(AppContext(demo_db, auth.login(demo_db, "quantri", DEMO_PASSWORD)))
    window.show()
    page = window.show_page("admin")
    assert isinstance(page, AdminPage)
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    handle = page.verify_audit()
    assert page.audit_result.text().startswith("Đang kiểm tra")
    _delete_now(window)
    gate.set()
    qtbot.waitUntil(lambda: handle.done, timeout=WAIT)
    assert handle.orphaned() and handle.result is not None and handle.result.ok
    # (before the fix, the page's callback raised "Internal C++ object already deleted" here)


def test_handles_are_released_on_the_gui_thread_once_reported(qtbot: QtBot, kpi_app: QApplication) -> None:
    """Workers emit through one long-lived object (`_Bus`); no per-task QObject is left for a worker
    thread to destroy (the start-up benchmark's crash: an emitter destroyed by the thread pool's
    runnable on the worker while the GUI thread destroyed the task's handle)."""
    released: list[int] = []
    refs = []
    for _ in range(200):
        handle = run_task(lambda _p, _c: [object() for _ in range(100)])
        handle.destroyed.connect(lambda *_: released.append(threading.get_ident()))
        refs.append(weakref.ref(handle))
    del handle
    qtbot.waitUntil(lambda: all(ref() is None for ref in refs), timeout=WAIT)
    assert workers._live == {}
    assert len(released) == 200 and set(released) == {threading.get_ident()}


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None, True and False are immortal from Python 3.12")
def test_none_true_and_false_survive_pyside_lost_references(qtbot: QtBot, kpi_app: QApplication) -> None:
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        fired = Signal()

    emitter = Emitter()
    before = sys.getrefcount(True)
    for _ in range(1000):
        emitter.fired.emit()  # each loses a reference to True (PySide6 6.12)
    assert before - sys.getrefcount(True) <= 1000
    for singleton in (None, True, False):
        assert sys.getrefcount(singleton) > 1 << 39
