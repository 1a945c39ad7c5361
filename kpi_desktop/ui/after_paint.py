"""Start background work once a widget has painted, so that the work does not delay the paint.

A zero-delay timer fires before the first paint of a window that was just shown, and a worker
thread started then (opening the database, a page's first query) imports SQLAlchemy while holding
the GIL, which the GUI thread needs to paint. `after_first_paint` waits for the widget's first
paint event instead; a widget that is not visible is not going to paint soon, so its work starts at
once, and a fallback timer covers a paint that never comes (e.g. a minimised window).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 250


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(widget)  # a child of the widget: deleted with it, so never calls into a dead page
        self._widget = widget
        self._callback = callback
        self._fallback_ms = fallback_ms
        self._done = False
        widget.installEventFilter(self)
        QTimer.singleShot(0, self, self._check)

    def _check(self) -> None:
        if self._done:
            return
        if not self._widget.isVisible():
            self._fire()
        else:
            QTimer.singleShot(self._fallback_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            QTimer.singleShot(0, self, self._fire)  # runs once this paint has reached the screen
        return False

    def _fire(self) -> None:
        if self._done:
            return
        self._done = True
        self._widget.removeEventFilter(self)
        self._callback()


def after_first_paint(widget: QWidget, callback: Callable[[], None], *, fallback_ms: int = FALLBACK_MS) -> None:
    """Call `callback` on the GUI thread right after `widget` first paints (see the module's note)."""
    _AfterPaint(widget, callback, fallback_ms)
