"""Open the database on a worker thread while the first window paints.

Importing SQLAlchemy and Alembic and checking the schema revision takes most of the start-up time;
none of it is needed to draw a window. `OpeningDatabase` starts `Database.open` at once on a thread,
emits `opened` (on the GUI thread) when it is done, and stands in for the `Database` meanwhile: any
attribute access waits for the real one (or raises the error opening it raised).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:
    from kpi_desktop.store.db import Database


class _Signals(QObject):
    opened = Signal()
    failed = Signal(object)


class OpeningDatabase:
    def __init__(self, opener: Callable[[], Database], *, start: bool = True) -> None:
        self.signals = _Signals()
        self._done = threading.Event()
        self._db: Database | None = None
        self._error: BaseException | None = None
        self._opener = opener
        self._thread = threading.Thread(target=self._run, name="open-database", daemon=True)
        if start:
            self.start()

    def start(self) -> None:
        """Begin opening (call it once the first window is on screen, so the two do not compete)."""
        if not self._thread.is_alive() and not self._done.is_set():
            self._thread.start()

    def _run(self) -> None:
        try:
            self._db = self._opener()
        except BaseException as exc:  # handed to whoever waits for the database
            self._error = exc
            self._done.set()
            self.signals.failed.emit(exc)
            return
        self._done.set()
        self.signals.opened.emit()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    @property
    def error(self) -> BaseException | None:
        return self._error if self._done.is_set() else None

    def when_open(self, callback: Callable[[], None]) -> None:
        """Run `callback` on the GUI thread once the database is open (at once if it already is)."""
        if self._done.is_set():
            if self._error is None:
                callback()
            return
        self.signals.opened.connect(callback, Qt.ConnectionType.QueuedConnection)
        if self._done.is_set() and self._error is None:  # finished between the check and the connect
            self.signals.opened.disconnect(callback)
            callback()

    def wait(self) -> Database:
        self.start()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._db is not None
        return self._db

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wait(), name)


def real_database(db: Any) -> Database:
    return db.wait() if isinstance(db, OpeningDatabase) else db  # type: ignore[no-any-return]
