"""One table model for every list of DTOs, with search, filters and sorting done in Python.

Filtering 50,000 rows through `QSortFilterProxyModel.filterAcceptsRow` costs one Python call per row
per keystroke; here each row's search text is folded once, a search is one list comprehension over
plain strings, and the view sees a reset. Sort keys are computed once per column and cached; text is
compared with a Vietnamese `QCollator` (or the column's own key, e.g. the people service's name key).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from kpi_desktop.domain.names import LETTER_RANK, base_and_tone
from kpi_desktop.ui.fmt import fmt_date, fmt_number, fold

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

RecordRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

_local = threading.local()


def vi_collator() -> QCollator:
    """A Vietnamese collator for the calling thread (QCollator objects are not shared across threads)."""
    collator = getattr(_local, "collator", None)
    if collator is None:
        collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        collator.setNumericMode(True)
        collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        _local.collator = collator
    return collator


_DIGIT_RUN = re.compile(r"\d+")


@cache
def _char_key(ch: str) -> tuple[str, str]:
    base, tone = base_and_tone(ch.lower())
    if base in LETTER_RANK:
        primary = chr(0x100 + LETTER_RANK[base])
    elif base.isdigit():
        primary = chr(0x80 + int(base) % 10)
    elif base.isspace():
        primary = " "
    else:
        primary = chr(0x1000 + ord(base))
    return primary, chr(0x30 + tone)


def vi_text_key(text: str) -> str:
    """A plain-string key that orders text as a Vietnamese dictionary does (the same order as
    QCollator vi): letters a ă â b c d đ e ê …, case-insensitive, tones only break ties, and digit runs
    compared as numbers. Being pure Python, a sort with it lets other threads run (a sort keyed on
    QCollator.sortKey holds the GIL for its whole length)."""
    text = _DIGIT_RUN.sub(lambda m: m.group().zfill(12), text)
    pairs = [_char_key(ch) for ch in text]
    return "".join(p for p, _ in pairs) + "\x00" + "".join(t for _, t in pairs)


def name_key(full_name: str) -> str:
    """Vietnamese name order: given name, then middle names, then family name."""
    words = full_name.split()
    return vi_text_key(" ".join([*words[-1:], *words[1:-1], *words[:1]]))


def vi_ranks(texts: Sequence[str]) -> list[int]:
    """Each text's rank in Vietnamese order; the key is computed once per distinct value."""
    order = {text: rank for rank, text in enumerate(sorted({t: None for t in texts}, key=vi_text_key))}
    return [order[t] for t in texts]


def default_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, date):
        return fmt_date(value)
    if isinstance(value, Decimal):
        return fmt_number(value)
    return str(value)


@dataclass(frozen=True)
class Column(Generic[R]):
    key: str
    header: str
    value: Callable[[R], Any]
    text: Callable[[R], str] | None = None
    sort_key: Callable[[R], Any] | None = None
    tooltip: Callable[[R], str] | None = None
    color: Callable[[R], str | None] | None = None
    numeric: bool = False

    def display(self, record: R) -> str:
        return self.text(record) if self.text else default_text(self.value(record))


@dataclass
class Prepared(Generic[R]):
    """Records with their folded search text and per-column sort keys, computed off the GUI thread."""

    records: list[R]
    haystack: list[str]
    sort_keys: dict[int, list[Any]]


class RecordTableModel(QAbstractTableModel, Generic[R]):
    filtered = Signal(int, int)  # visible rows, all rows

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None,
                 search_text: Callable[[R], str] | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._search_text = search_text
        self._records: list[R] = []
        self._haystack: list[str] = []
        self._visible: list[int] = []
        self._needles: list[str] = []
        self._filters: dict[str, Callable[[R], bool]] = {}
        self._equals: dict[str, tuple[Callable[[R], Any], Any]] = {}
        self._values: dict[str, list[Any]] = {}
        self._sort_cache: dict[int, list[Any]] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # data in -------------------------------------------------------------------------------------
    def prepare(self, records: Sequence[R], *, sort_keys: bool = True) -> Prepared[R]:
        """The expensive part of loading, safe to run in a worker thread (touches no Qt object state)."""
        rows = list(records)
        if self._search_text is not None:
            haystack = [fold(self._search_text(r)) for r in rows]
        else:
            haystack = [fold(" ".join(c.display(r) for c in self.columns)) for r in rows]
        keys = {i: self._column_keys(i, rows) for i in range(len(self.columns))} if sort_keys else {}
        return Prepared(rows, haystack, keys)

    def set_records(self, records: Sequence[R]) -> None:
        self.set_prepared(self.prepare(records, sort_keys=False))

    def set_prepared(self, prepared: Prepared[R]) -> None:
        self.beginResetModel()
        self._records = prepared.records
        self._haystack = prepared.haystack
        self._sort_cache = dict(prepared.sort_keys)
        self._values.clear()
        self._visible = self._compute_visible()
        self._apply_sort()
        self.endResetModel()
        self.filtered.emit(len(self._visible), len(self._records))

    def records(self) -> list[R]:
        return list(self._records)

    def visible_records(self) -> list[R]:
        return [self._records[i] for i in self._visible]

    def record(self, row: int) -> R:
        return self._records[self._visible[row]]

    def row_of(self, predicate: Callable[[R], bool]) -> int:
        for row, i in enumerate(self._visible):
            if predicate(self._records[i]):
                return row
        return -1

    # search and filters --------------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        needles = fold(text).split()
        if needles == self._needles:
            return
        self._needles = needles
        self._refilter()

    def set_filter(self, name: str, predicate: Callable[[R], bool] | None) -> None:
        """Keep only records for which `predicate` holds (None removes the filter called `name`)."""
        if predicate is None:
            if self._filters.pop(name, None) is None and self._equals.pop(name, None) is None:
                return
        else:
            self._equals.pop(name, None)
            self._filters[name] = predicate
        self._refilter()

    def set_filter_equals(self, name: str, getter: Callable[[R], Any], value: Any) -> None:
        """Keep only records whose `getter` value equals `value`; the values are read once per load."""
        if name not in self._values:
            self._values[name] = [getter(r) for r in self._records]
        self._filters.pop(name, None)
        self._equals[name] = (getter, value)
        self._refilter()

    def _compute_visible(self) -> list[int]:
        hay, recs = self._haystack, self._records
        rows: list[int] | range = range(len(recs))
        for name, (getter, value) in self._equals.items():
            values = self._values.get(name)
            if values is None or len(values) != len(recs):
                values = self._values[name] = [getter(r) for r in recs]
            rows = [i for i in rows if values[i] == value]
        for needle in self._needles:
            rows = [i for i in rows if needle in hay[i]]
        for predicate in self._filters.values():
            rows = [i for i in rows if predicate(recs[i])]
        return list(rows)

    def _refilter(self) -> None:
        self.beginResetModel()
        self._visible = self._compute_visible()
        self._apply_sort()
        self.endResetModel()
        self.filtered.emit(len(self._visible), len(self._records))

    # sorting -------------------------------------------------------------------------------------
    def _column_keys(self, column: int, rows: Sequence[R]) -> list[Any]:
        col = self.columns[column]
        if col.sort_key is not None:
            return [col.sort_key(r) for r in rows]
        if col.numeric:
            return [(v is None, v if v is not None else 0) for v in (col.value(r) for r in rows)]
        return vi_ranks([col.display(r) for r in rows])

    def _keys(self, column: int) -> list[Any]:
        keys = self._sort_cache.get(column)
        if keys is None:
            keys = self._sort_cache[column] = self._column_keys(column, self._records)
        return keys

    def _apply_sort(self) -> None:
        if self._sort is None or not self._records:
            return
        column, order = self._sort
        keys = self._keys(column)
        self._visible.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_rows = [self._visible[i.row()] if i.row() < len(self._visible) else -1 for i in old]
        self._sort = (column, order)
        self._apply_sort()
        where = {rec: row for row, rec in enumerate(self._visible)}
        self.changePersistentIndexList(old, [self.index(where[r], i.column()) if r in where else QModelIndex()
                                             for r, i in zip(old_rows, old, strict=True)])
        self.layoutChanged.emit()

    # QAbstractTableModel -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
        elif (orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole
              and 0 <= section < len(self._visible)):
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        col = self.columns[index.column()]
        record = self._records[self._visible[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.AccessibleTextRole:
            return col.display(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tooltip(record) if col.tooltip else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col.color is not None:
            color = col.color(record)
            return QBrush(QColor(color)) if color else None
        if role == RecordRole:
            return record
        if role == SortRole:
            return col.value(record)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
