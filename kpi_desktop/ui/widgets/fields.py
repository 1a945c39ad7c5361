"""Form helpers: a message shown next to the field it is about, and KpiError → that message."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from kpi_desktop.errors import KpiError

ERROR_STYLE = "color: #b00020;"


class FieldMessage(QLabel):
    """A red message under (or beside) one field; hidden while there is nothing to say."""

    def __init__(self, buddy: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)
        self.hide()
        self.buddy_widget = buddy
        if buddy is not None:
            self.setObjectName(f"{buddy.objectName()}Error")
            self.setAccessibleName(self.tr("Lỗi: {field}").format(field=buddy.accessibleName()))

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        if text and self.buddy_widget is not None:
            self.buddy_widget.setAccessibleDescription(text)

    def clear_message(self) -> None:
        self.show_message("")
        if self.buddy_widget is not None:
            self.buddy_widget.setAccessibleDescription("")


def error_text(exc: KpiError) -> str:
    return exc.message + (f" {exc.hint}" if exc.hint else "")


def route_error(exc: KpiError, messages: dict[str, FieldMessage], fallback: FieldMessage) -> FieldMessage:
    """Show `exc` next to the field it names (its `field`), else in `fallback`; returns where it went."""
    target = messages.get(exc.field or "", fallback)
    target.show_message(error_text(exc))
    if target.buddy_widget is not None:
        target.buddy_widget.setFocus()
    return target
