"""A table view set up for long lists: fixed row heights, no per-row size computations."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def make_table(model: QAbstractItemModel, accessible_name: str, parent: QWidget | None = None,
               sortable: bool = True) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    vertical = view.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 8)
    vertical.setVisible(False)
    horizontal = view.horizontalHeader()
    horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    horizontal.setStretchLastSection(True)
    horizontal.setHighlightSections(False)
    if sortable:
        # Qt sorts by the current indicator (column 0, descending) as soon as sorting is enabled; keep
        # the service's order until the user clicks a header.
        horizontal.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
    return view


def set_column_widths(view: QTableView, widths: list[int]) -> None:
    """The given widths, widened where the header text (in the current language and font) needs more,
    so that no heading is cut off; the sort arrow and margins take the extra room."""
    model = view.model()
    metrics = view.horizontalHeader().fontMetrics()
    for column, width in enumerate(widths):
        header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) if model else None
        needed = metrics.horizontalAdvance(str(header)) + 28 if header else 0
        view.setColumnWidth(column, max(width, needed))
