"""Work-arounds for bugs in the Qt binding, each with the reason and how to tell it is still needed."""

from __future__ import annotations

import ctypes
import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTimer

# Far more lost references than an application could ever cause in one run (one per call at most).
_NONE_MARGIN = 1 << 40
_protected = False


def protect_none() -> None:
    """Give `None`, `True` and `False` a huge reference count so that PySide6's lost references can
    never free them (freeing one aborts the interpreter: "none_dealloc", "bool_dealloc").

    Reproduce: a QAbstractTableModel whose data() returns None; `sys.getrefcount(None)` drops by one
    per `index.data(role)` call made through C++, and by one per call of a Python slot that returns
    None. `sys.getrefcount(True)` drops by one per `Signal.emit()` and per `disconnect()` made from
    Python, so a long session of progress signals would free `True` (checked with PySide6 6.12.0,
    Python 3.11.7).
    """
    global _protected
    if _protected or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _NONE_MARGIN
    _protected = True


# The cyclic garbage collector on the GUI thread only -----------------------------------------------
#
# Why: CPython runs a collection in whichever thread happens to allocate past the threshold, which in
# this application is usually a worker building rows with SQLAlchemy. Meanwhile the GUI thread may be
# deleting a widget tree (a closed window, a replaced preview). Shiboken tears a wrapper down in
# several steps and lets go of the GIL in the middle: when Qt deletes a layout, Shiboken empties the
# layout wrapper's list of kept references (the widgets that were added to it before it had a parent)
# and deallocates the first widget wrapper, which runs the C++ destructor with the GIL released; the
# still-tracked layout wrapper then lists a freed object. A collection started on the worker at that
# moment visits it and the process dies with SIGSEGV in `visit_decref` <- libshiboken6 (tp_traverse)
# <- `gc_collect_main`, the GUI thread waiting for the GIL in `QObject::destroyed` <- `~QWidget` <-
# `Shiboken::Object::destroy` <- `~QBoxLayout` <- DeferredDelete (PySide6 6.12.0, Python 3.11.7;
# docs/known-issues.md). Reproduce: the `STRESS` child in tests/gui/test_lifetimes.py, run with
# `--without-collector`. A collection on a worker would also delete garbage Python-owned QObjects of
# the GUI thread on that worker.
#
# What: automatic collection is switched off and a timer on the GUI thread runs the same generational
# collections CPython would (same thresholds), so the collector never runs concurrently with a
# widget being torn down, and garbage QObjects are always deleted on the GUI thread.


class GuiThreadCollector:
    """Runs `gc.collect()` from a timer on the thread that owns the QApplication."""

    INTERVAL_MS = 100

    def __init__(self, app: QCoreApplication) -> None:
        from PySide6.QtCore import QTimer

        self.thread = threading.current_thread()
        self.threshold = gc.get_threshold()
        self.collections = 0
        self.timer: QTimer | None = QTimer(app)
        self.timer.setObjectName("kpiGuiThreadCollector")
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.was_enabled = gc.isenabled()

    def start(self) -> None:
        assert self.timer is not None
        with _hold_lock:
            gc.disable()
        self.timer.start()

    def stop(self) -> None:
        """Back to CPython's automatic collection (tests outside the GUI folder)."""
        if self.timer is not None:
            self.timer.stop()
            self.timer.deleteLater()
            self.timer = None
        global _held_enabled
        with _hold_lock:
            if _holds:  # the last `collection_held()` to leave switches it back on
                _held_enabled = self.was_enabled
            elif self.was_enabled:
                gc.enable()

    def check(self) -> None:
        """Collect the generations CPython would have collected by now (at most every INTERVAL_MS)."""
        if _holds or threading.current_thread() is not self.thread:
            return
        young, middle, old = gc.get_count()
        if young <= self.threshold[0]:
            return
        # As CPython chooses: the oldest generation whose count passed its threshold (the count of a
        # generation is the number of collections of the one below it since it was last collected).
        generation = 2 if old > self.threshold[2] else 1 if middle > self.threshold[1] else 0
        gc.collect(generation)
        self.collections += 1


_collector: GuiThreadCollector | None = None
_hold_lock = threading.Lock()
_holds = 0
_held_enabled = False
_freeze_wanted = False


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Install the GUI-thread collector for `app` (once; call it on the GUI thread)."""
    global _collector
    if _collector is None or _collector.timer is None:
        _collector = GuiThreadCollector(app)
        _collector.start()
    return _collector


def uninstall_collector() -> None:
    """Stop the GUI-thread collector and restore automatic collection."""
    global _collector
    if _collector is not None:
        _collector.stop()
        _collector = None


def gui_thread_collector() -> GuiThreadCollector | None:
    return _collector


@contextmanager
def collection_held(*, freeze_survivors: bool = False) -> Iterator[None]:
    """No cyclic collection while inside (any thread may enter; nests and overlaps across threads).

    With the GUI-thread collector installed, its timer skips its turn; without it, automatic
    collection is switched off and back on afterwards if it was on. When any holder asked for
    `freeze_survivors`, the last one to leave moves every surviving object out of the collector's
    sight (`gc.freeze`) before collection resumes."""
    global _holds, _held_enabled, _freeze_wanted
    with _hold_lock:
        if _holds == 0:
            _held_enabled = gc.isenabled()
            gc.disable()
        _holds += 1
        _freeze_wanted = _freeze_wanted or freeze_survivors
    try:
        yield
    finally:
        with _hold_lock:
            _holds -= 1
            if _holds == 0 and _freeze_wanted:
                gc.freeze()
                _freeze_wanted = False
            if _holds == 0 and _held_enabled and (_collector is None or _collector.timer is None):
                gc.enable()
