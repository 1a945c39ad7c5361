"""The one way to run long work off the GUI thread.

`run_task(fn, ...)` runs `fn(progress, cancel)` in a `QThreadPool`; `progress(done, total, text)`
and the final result or exception are delivered on the GUI thread (queued signals to `_Bus`, one
QObject that lives there for the whole run). Writes to the database go through `write_pool()`, which
has one thread, so two writes never race for the SQLite lock. Work never touches widgets, and takes
and returns plain data; a worker thread never holds the last reference to a QObject.
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from kpi_desktop.errors import KpiError, StateError
from kpi_desktop.ui.qt_compat import collection_held

_log = logging.getLogger(__name__)


class Cancelled(StateError):
    """Raised inside work that noticed the user pressed Cancel."""

    def __init__(self) -> None:
        super().__init__("Đã huỷ theo yêu cầu.")


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise `Cancelled` if the user asked to stop; call it between units of work."""
        if self._event.is_set():
            raise Cancelled()


class ProgressFn(Protocol):
    def __call__(self, done: int, total: int, text: str = "") -> None: ...


WorkFn = Callable[[ProgressFn, CancelToken], Any]


class _Bus(QObject):
    """The one QObject worker threads emit through: it lives on the GUI thread for the whole run and
    hands results to the task's handle there.

    Worker threads never hold a reference to a per-task QObject. They did (an emitter per task), and
    when the thread pool deleted a finished runnable on its thread, the runnable's last reference
    to the emitter went with it: the emitter was destroyed on the worker while the GUI thread was
    destroying the task's handle, connected to it, and both touched the emitter's Python wrapper
    (SIGSEGV in `PySide::getHiddenDataFromQObject` <- `~QObject` on the GUI thread, the worker in
    `~QObject` <- `dict_dealloc` <- the runnable's dealloc; the start-up benchmark's child crashed
    this way about once in 100 runs). The handle is also no longer the receiver of the event that
    releases it (it was freed inside its own slot)."""

    progress = Signal(int, int, int, str)
    succeeded = Signal(int, object)
    failed = Signal(int, object, str)

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.progress.connect(self._on_progress)
        self.succeeded.connect(self._on_succeeded)
        self.failed.connect(self._on_failed)

    @Slot(int, int, int, str)
    def _on_progress(self, task: int, done: int, total: int, text: str) -> None:
        handle = _live.get(task)
        if handle is not None:
            handle._progress(done, total, text)

    @Slot(int, object)
    def _on_succeeded(self, task: int, result: Any) -> None:
        handle = _live.get(task)
        if handle is not None:
            handle._succeeded(result)

    @Slot(int, object, str)
    def _on_failed(self, task: int, error: BaseException, details: str) -> None:
        handle = _live.get(task)
        if handle is not None:
            handle._failed(error, details)


_bus: _Bus | None = None
_task_ids = itertools.count(1)


def _the_bus() -> _Bus:
    """Created on the GUI thread (by the first `run_task`), a child of the application."""
    global _bus
    if _bus is None or not shiboken6.isValid(_bus):
        _bus = _Bus(QCoreApplication.instance())
    return _bus


class TaskHandle(QObject):
    """Lives on the GUI thread; turns the worker's queued signals into callbacks.

    The callbacks run only while every widget they use still exists: a page or window closed (and
    deleted) while its task was running does not get the late result; a failure nobody can show any
    more is logged instead of reaching the crash handler."""

    progressed = Signal(int, int, str)
    finished = Signal(bool)  # True on success

    def __init__(self, on_success: Callable[[Any], None] | None, on_failure: Callable[[BaseException, str], None] | None,
                 on_progress: Callable[[int, int, str], None] | None, owners: Sequence[QObject] = ()) -> None:
        super().__init__()
        self.token = CancelToken()
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_progress = on_progress
        self._owners = tuple(owners)
        self.task = next(_task_ids)
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self.token.cancel()

    def orphaned(self) -> bool:
        """True once a widget the callbacks use has been deleted (its window was closed)."""
        return not all(shiboken6.isValid(owner) for owner in self._owners)

    def _progress(self, done: int, total: int, text: str) -> None:
        if self.orphaned():
            return
        if self._on_progress is not None:
            self._on_progress(done, total, text)
        self.progressed.emit(done, total, text)

    def _succeeded(self, result: Any) -> None:
        self.done, self.result = True, result
        try:
            if self._on_success is not None and not self.orphaned():
                self._on_success(result)
        finally:
            self._finish(True)

    def _failed(self, error: BaseException, details: str) -> None:
        self.done, self.error = True, error
        try:
            if self.orphaned():
                if not isinstance(error, (Cancelled, KpiError)):
                    _log.error("background task failed after its window was closed: %r\n%s", error, details)
            elif self._on_failure is not None:
                self._on_failure(error, details)
            elif not isinstance(error, Cancelled):
                raise error
        finally:
            self._finish(False)

    def _finish(self, ok: bool) -> None:
        self.finished.emit(ok)
        # Let go of the callbacks (and the widgets they hold) now, not whenever the handle goes.
        self._on_success = self._on_failure = self._on_progress = None
        _live.pop(self.task, None)


def _qobjects_used_by(callbacks: Sequence[Callable[..., Any] | None], depth: int = 3) -> list[QObject]:
    """The QObjects a callback works on: a bound method's object, the closure's captured objects, and
    those of functions it captures in turn (a page's `done` inside the page's `ok` wrapper)."""
    found: dict[int, QObject] = {}

    def visit(obj: Any, level: int) -> None:
        if isinstance(obj, QObject):
            found.setdefault(id(obj), obj)
            return
        if level > depth:
            return
        bound = getattr(obj, "__self__", None)
        if isinstance(bound, QObject):
            found.setdefault(id(bound), bound)
        function = getattr(obj, "__func__", obj)
        for cell in getattr(function, "__closure__", None) or ():
            try:
                content = cell.cell_contents
            except ValueError:  # a variable not assigned yet
                continue
            if isinstance(content, QObject) or callable(content):
                visit(content, level + 1)

    for callback in callbacks:
        if callback is not None:
            visit(callback, 0)
    return list(found.values())


# Handles are kept alive until their task reports back (by task number).
_live: dict[int, TaskHandle] = {}


class _Runnable(QRunnable):
    def __init__(self, fn: WorkFn, bus: _Bus, task: int, token: CancelToken) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn: WorkFn | None = fn
        self._bus = bus
        self._task = task
        self._token = token

    def run(self) -> None:
        bus, task = self._bus, self._task

        def progress(done: int, total: int, text: str = "") -> None:
            bus.progress.emit(task, int(done), int(total), text)

        # The work's closure often holds a page. It is let go here, before the result goes out, so
        # that the last reference to the page is never dropped on this thread (a QWidget must be
        # deleted on the GUI thread); the handle's callbacks hold it until they have run there.
        fn, self._fn = self._fn, None
        assert fn is not None
        try:
            self._token.check()
            result = fn(progress, self._token)
        except BaseException as exc:
            del fn
            details = "" if isinstance(exc, KpiError) else traceback.format_exc()
            bus.failed.emit(task, exc, details)
        else:
            del fn
            bus.succeeded.emit(task, result)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while a worker builds a large list of rows.

    A full collection walks every object while holding the GIL; building tens of thousands of DTOs
    triggers several, and each one freezes the GUI thread too. Rows are plain dataclasses (freed by
    reference counting), so pausing costs nothing. Before the collector comes back, the survivors are
    moved out of its sight (`gc.freeze`), or its first full pass over them would stall the GUI anyway.
    The collector itself runs on the GUI thread only (`qt_compat.collect_on_gui_thread`).
    """
    with collection_held(freeze_survivors=True):
        yield


_write_pool: QThreadPool | None = None
_read_pool: QThreadPool | None = None


def write_pool() -> QThreadPool:
    """One thread: database writes run one after another, in the order they were asked for."""
    global _write_pool
    if _write_pool is None:
        _write_pool = QThreadPool()
        _write_pool.setMaxThreadCount(1)
    return _write_pool


def read_pool() -> QThreadPool:
    global _read_pool
    if _read_pool is None:
        _read_pool = QThreadPool()
        _read_pool.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount()))
    return _read_pool


def run_task(fn: WorkFn, *, on_success: Callable[[Any], None] | None = None,
             on_failure: Callable[[BaseException, str], None] | None = None,
             on_progress: Callable[[int, int, str], None] | None = None,
             writes: bool = False, owner: QObject | None = None) -> TaskHandle:
    """Start `fn(progress, cancel)` off the GUI thread; callbacks run on the GUI thread.

    Without `on_failure`, an exception other than `Cancelled` is re-raised on the GUI thread, where
    the crash handler (or, for a `KpiError`, a plain message) takes it. The callbacks are skipped once
    `owner` or a QObject they are bound to or capture has been deleted (its window was closed)."""
    owners = ([] if owner is None else [owner]) + _qobjects_used_by((on_success, on_failure, on_progress))
    handle = TaskHandle(on_success, on_failure, on_progress, list({id(o): o for o in owners}.values()))
    _live[handle.task] = handle
    (write_pool() if writes else read_pool()).start(_Runnable(fn, _the_bus(), handle.task, handle.token))
    return handle


def wait_all(msecs: int = 30000) -> bool:
    """Wait for running tasks (used when the application quits)."""
    ok = True
    for pool in (_write_pool, _read_pool):
        if pool is not None:
            ok = pool.waitForDone(msecs) and ok
    return ok


def run_with_progress(parent: QWidget, title: str, fn: WorkFn, *,
                      on_success: Callable[[Any], None] | None = None,
                      on_failure: Callable[[BaseException, str], None] | None = None,
                      writes: bool = False) -> TaskHandle:
    """`run_task` behind a window-modal progress dialog whose Cancel button stops the work."""
    dialog = QProgressDialog(title, QCoreApplication.translate("workers", "Huỷ"), 0, 0, parent)
    dialog.setObjectName("taskProgress")
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setAccessibleName(title)

    def progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total > 0 else 0)
        if text:
            dialog.setLabelText(text)

    handle = run_task(fn, on_success=on_success, on_failure=on_failure, on_progress=progress, writes=writes,
                      owner=parent)
    dialog.canceled.connect(handle.cancel)

    def close(_ok: bool) -> None:
        if shiboken6.isValid(dialog):  # else deleted with its parent when the window closed
            dialog.reset()
            dialog.deleteLater()

    handle.finished.connect(close)
    return handle
