"""An editable table of small dict rows (a job description's tasks, a competency framework).

Each column says how its cells are edited: free text, a whole number with bounds, or a choice from a
list. An edit that breaks a bound is refused and `refused` carries a Vietnamese message for the form
to show next to the table; the cell keeps its value. `changed` fires after every accepted change.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class RowColumn:
    key: str
    header: str
    kind: str = "text"  # text, int, choice, view (read-only, shown through `display`)
    lo: int | None = None
    hi: int | None = None
    optional: bool = False  # an int column that may be left empty
    choices: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (stored value, label)
    display: Callable[[dict[str, Any]], str] | None = None


class RowsModel(QAbstractTableModel):
    changed = Signal()
    refused = Signal(str)

    def __init__(self, columns: Sequence[RowColumn], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[dict[str, Any]] = []

    # rows --------------------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self.endResetModel()

    def rows(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._rows]

    def row(self, row: int) -> dict[str, Any]:
        return dict(self._rows[row])

    def add_row(self, values: dict[str, Any]) -> int:
        at = len(self._rows)
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.append(dict(values))
        self.endInsertRows()
        self.changed.emit()
        return at

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.changed.emit()

    def refresh_view_columns(self) -> None:
        """Read-only columns computed from other data (a competency's name) may have changed."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))

    # Qt model ----------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns)
                and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)):
            return self.columns[section].header
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def text(self, row: int, column: int) -> str:
        col, values = self.columns[column], self._rows[row]
        if col.display is not None:
            return col.display(values)
        value = values.get(col.key)
        if col.kind == "choice":
            return next((lbl for v, lbl in col.choices if v == value), "" if value is None else str(value))
        return "" if value is None else str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.EditRole:
            value = self._rows[index.row()].get(col.key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind == "int":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].kind != "view":
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        col = self.columns[index.column()]
        if col.kind == "view":
            return False
        ok, parsed, message = self._parse(col, value)
        if not ok:
            self.refused.emit(message)
            return False
        row = self._rows[index.row()]
        if row.get(col.key) == parsed:
            return True
        row[col.key] = parsed
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1))
        self.changed.emit()
        return True

    def _parse(self, col: RowColumn, value: Any) -> tuple[bool, Any, str]:
        if col.kind == "text":
            return True, unicodedata.normalize("NFC", str(value or "")).strip(), ""
        if col.kind == "choice":
            allowed = [v for v, _ in col.choices]
            if value in allowed:
                return True, value, ""
            return False, None, self.tr("«{value}» không có trong danh sách để chọn.").format(value=value)
        text = str(value if value is not None else "").strip()
        if not text:
            if col.optional:
                return True, None, ""
            return False, None, self.tr("«{column}» không được để trống.").format(column=col.header)
        if not text.isdigit():
            return False, None, self.tr("«{column}»: «{value}» không phải số nguyên.").format(column=col.header, value=text)
        number = int(text)
        if (col.lo is not None and number < col.lo) or (col.hi is not None and number > col.hi):
            if col.hi is not None:
                bounds = self.tr("từ {lo} đến {hi}").format(lo=col.lo, hi=col.hi)
            else:
                bounds = self.tr("từ {lo} trở lên").format(lo=col.lo)
            return False, None, self.tr("«{column}» phải {bounds} (đã nhập {value}).").format(
                column=col.header, bounds=bounds, value=number)
        return True, number, ""


class RowsDelegate(QStyledItemDelegate):
    """Choice columns get a combo box; the others the usual line edit. `typing` fires while a cell's
    editor is being changed (before Enter writes it), so a form can offer Save at once."""

    typing = Signal()

    def _column(self, index: QModelIndex | QPersistentModelIndex) -> RowColumn | None:
        model = index.model()
        return model.columns[index.column()] if isinstance(model, RowsModel) else None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        col = self._column(index)
        if col is not None and col.kind == "choice":
            combo = QComboBox(parent)
            combo.setAccessibleName(col.header)
            for value, text in col.choices:
                combo.addItem(text, value)
            combo.activated.connect(self.typing)
            return combo
        editor = super().createEditor(parent, option, index)
        if col is not None:
            editor.setAccessibleName(col.header)
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(self.typing)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
