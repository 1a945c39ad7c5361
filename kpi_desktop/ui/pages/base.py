"""What a page is: a widget built for an `AppContext` that can reload itself."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kpi_desktop.ui.context import AppContext


class Page(QWidget):
    """A main-window page. `refresh()` reloads its data from the services."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def refresh(self) -> None:
        """Reload from the services; called when the page is shown again."""

    def busy(self) -> bool:
        """True while the page still waits for data from a background task."""
        return False


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def page_layout(widget: QWidget, title: str) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.addWidget(heading(title))
    return layout
