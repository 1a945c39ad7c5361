"""Typing Vietnamese into widgets: QTest.keyClicks only knows ASCII, so send key events with text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` one key event per character, as a keyboard with an IME would."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
            QApplication.sendEvent(widget, QKeyEvent(kind, int(key), Qt.KeyboardModifier.NoModifier, ch))
